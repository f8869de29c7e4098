#!/usr/bin/env bash
# A quick log on Today at 390x844 and 320x568 in Chromium, as the demo patient on a production-like server:
# taps, scrolling, Today's height and where Save sits (bench/quick_log.py says what each figure is).
source "$(dirname "$0")/_demo_server.sh"
.venv/bin/python bench/quick_log.py "$url" "$session"
