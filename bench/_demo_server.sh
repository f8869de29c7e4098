# Sourced by the page benchmarks: a production-like gunicorn (DEBUG off, collected and compressed static files)
# on a throwaway SQLite database with the demo patient; sets $url (Today) and $session (the demo's session
# cookie value) and stops the server on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup.sh
[ -x /usr/bin/chromium ] || { echo "apt-get install chromium first" >&2; exit 1; }

work=$(mktemp -d)
export DATABASE_URL="sqlite:///$work/bench.sqlite3" SECRET_KEY=bench-only DEBUG=0 ALLOWED_HOSTS=localhost \
  SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py seed_demo >/dev/null
session=$(.venv/bin/python manage.py shell -v0 -c "
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
user = get_user_model().objects.get(username='demo')
s = SessionStore(); s['_auth_user_id'] = str(user.pk)
s['_auth_user_backend'] = settings.AUTHENTICATION_BACKENDS[0]
s['_auth_user_hash'] = user.get_session_auth_hash(); s.create(); print(s.session_key)" | tail -1)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.venv/bin/gunicorn tracker.wsgi --workers 2 --bind "127.0.0.1:$port" --log-level warning &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://localhost:$port/login/" && break; sleep 0.2; done
url="http://localhost:$port/"
curl -fs -o /dev/null -b "sessionid=$session" "$url" || { echo "the demo session does not sign in" >&2; exit 1; }
