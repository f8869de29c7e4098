#!/usr/bin/env bash
# Lighthouse (mobile settings) and the first-load weight of Today, signed in as the demo patient, against a
# production-like gunicorn (DEBUG off, collected and compressed static files) on a throwaway SQLite database.
# Budgets: performance >= 95, accessibility >= 95, first load <= 60 KB compressed.
source "$(dirname "$0")/_demo_server.sh"
(cd bench && [ -x node_modules/.bin/lighthouse ] || npm install --no-audit --no-fund --silent)

.venv/bin/python bench/first_load.py "$url" "$session"

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
# Light, then the phone's dark mode (--force-dark-mode makes prefers-color-scheme: dark).
for scheme in light dark; do
  extra=$([ "$scheme" = dark ] && echo " --force-dark-mode" || true)
  CHROME_PATH=/usr/bin/chromium bench/node_modules/.bin/lighthouse "$url" --quiet \
    --only-categories=performance,accessibility --form-factor=mobile \
    --extra-headers="{\"Cookie\": \"sessionid=$session\"}" \
    --chrome-flags="$flags$extra" --output=json --output=html --output-path="$work/$scheme"
  .venv/bin/python -c "
import json, sys
report = json.load(open(sys.argv[1]))
for name, category in report['categories'].items():
    print(f'lighthouse {sys.argv[2]} {name}: {round(category[\"score\"] * 100)}')
for audit in report['audits'].values():
    if audit.get('score') is not None and audit['score'] < 0.9 and audit.get('scoreDisplayMode') == 'binary':
        print('  failing:', audit['id'], '-', audit['title'])
" "$work/$scheme.report.json" "$scheme"
  mkdir -p artifacts && cp "$work/$scheme.report.html" "artifacts/lighthouse-today-$scheme.html"
done
