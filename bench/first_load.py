"""Today's first load at phone size: every response the page fetched, its size gzip-compressed (-6, what a
proxy or WhiteNoise sends) and whether it is plotly. Usage: first_load.py URL SESSION_COOKIE_VALUE"""

import gzip
import sys

from playwright.sync_api import sync_playwright

url, session = sys.argv[1], sys.argv[2]
rows = []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_cookies([{"name": "sessionid", "value": session, "url": url}])
    page = context.new_page()
    page.on("response", lambda response: rows.append(response))
    page.goto(url, wait_until="networkidle")
    sizes = []
    for response in rows:
        body = response.body() if response.status < 300 else b""
        sizes.append((response.url.removeprefix(url.rstrip("/")), len(body), len(gzip.compress(body, 6))))
    browser.close()

for path, raw, compressed in sizes:
    print(f"{compressed / 1024:7.1f} KB gz {raw / 1024:7.1f} KB raw  {path}")
total = sum(compressed for _, _, compressed in sizes)
print(f"first load: {total / 1024:.1f} KB compressed over {len(sizes)} requests (budget 60 KB)")
print("plotly loaded:", any("plotly" in path for path, _, _ in sizes))
