#!/usr/bin/env bash
# Lighthouse (mobile settings) and the first-load weight of Today, signed in as the demo patient, against a
# production-like gunicorn (DEBUG off, collected and compressed static files) on a throwaway SQLite database.
# Budgets: performance >= 95, accessibility >= 95, first load <= 60 KB compressed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_setup.sh
[ -x /usr/bin/chromium ] || { echo "apt-get install chromium first" >&2; exit 1; }
(cd bench && [ -x node_modules/.bin/lighthouse ] || npm install --no-audit --no-fund --silent)

work=$(mktemp -d)
export DATABASE_URL="sqlite:///$work/bench.sqlite3" SECRET_KEY=bench-only DEBUG=0 ALLOWED_HOSTS=localhost \
  SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0 LOG_LEVEL=WARNING
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py seed_demo >/dev/null
session=$(.venv/bin/python manage.py shell -v0 -c "
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
user = get_user_model().objects.get(username='demo')
s = SessionStore(); s['_auth_user_id'] = str(user.pk)
s['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend'
s['_auth_user_hash'] = user.get_session_auth_hash(); s.create(); print(s.session_key)" | tail -1)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.venv/bin/gunicorn tracker.wsgi --workers 2 --bind "127.0.0.1:$port" --log-level warning &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://localhost:$port/login/" && break; sleep 0.2; done
url="http://localhost:$port/"

.venv/bin/python bench/first_load.py "$url" "$session"

CHROME_PATH=/usr/bin/chromium bench/node_modules/.bin/lighthouse "$url" --quiet \
  --only-categories=performance,accessibility --form-factor=mobile \
  --extra-headers="{\"Cookie\": \"sessionid=$session\"}" \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run" \
  --output=json --output-path="$work/report.json"
.venv/bin/python -c "
import json, sys
report = json.load(open(sys.argv[1]))
for name, category in report['categories'].items():
    print(f'lighthouse {name}: {round(category[\"score\"] * 100)}')
for audit in report['audits'].values():
    if audit.get('score') is not None and audit['score'] < 0.9 and audit.get('scoreDisplayMode') == 'binary':
        print('  failing:', audit['id'], '-', audit['title'])
" "$work/report.json"
