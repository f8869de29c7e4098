"""The shared summary as a PDF, printed by the system's Chromium from the very page the physician sees.

Chromium runs plotly.js on the page's own figure JSON, so the PDF holds the same charts and uses the page's
print CSS; nothing is drawn twice. The browser gets no network: the page and its static files are served
to it from memory and every other request is refused.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from html import escape

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from playwright.sync_api import Route, sync_playwright

# Any origin works as the browser never reaches it; .invalid is reserved never to resolve (RFC 6761).
PAGE_ORIGIN = "http://summary.invalid"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# About the printable width of an A4 page at 96 dpi with 12 mm margins, so the charts are laid out to fit it.
PRINT_VIEWPORT = {"width": 700, "height": 1000}
CHARTS_READY_TIMEOUT_MS = 20_000
# Printing yields the CPU to the web and alert work on the same machine (nice(2): higher is kinder).
PRINT_NICENESS = 10
PAGE_MARGINS = {"top": "12mm", "bottom": "14mm", "left": "12mm", "right": "12mm"}
# Chromium draws the footer in the bottom margin with its own tiny default font; it fills the page-number spans.
FOOTER = (
    '<div style="font: 8px sans-serif; color: #555; width: 100%; margin: 0 12mm; display: flex; '
    'justify-content: space-between;"><span>{identifier}</span>'
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)


def html_to_pdf(html: str, identifier: str) -> bytes:
    """`identifier` names the patient and period at the foot of every page, beside the page number."""
    # Playwright's sync API refuses to run in a thread with an asyncio loop (ASGI, or a test session's
    # browser); a thread of its own never has one.
    with ThreadPoolExecutor(max_workers=1) as printer:
        return printer.submit(_print, html, identifier).result()


def _print(html: str, identifier: str) -> bytes:
    # Linux keeps a nice value per thread and a child process inherits its creating thread's: only this
    # short-lived thread, Playwright's driver and Chromium run at the lower priority.
    os.nice(PRINT_NICENESS)
    static_prefix = f"{PAGE_ORIGIN}/{settings.STATIC_URL.lstrip('/')}"

    def serve(route: Route) -> None:
        url = route.request.url.split("?", 1)[0]
        if url == f"{PAGE_ORIGIN}/":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            return
        body = _static_file(url.removeprefix(static_prefix)) if url.startswith(static_prefix) else None
        if body is None:
            route.abort()
            return
        route.fulfill(status=200, content_type=_content_type(url), body=body)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=settings.CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=PRINT_VIEWPORT)
            # The charts are laid out for the print stylesheet's columns, not the screen's.
            page.emulate_media(media="print")
            page.route("**/*", serve)
            page.goto(f"{PAGE_ORIGIN}/")
            page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=CHARTS_READY_TIMEOUT_MS)
            return page.pdf(
                format="A4",
                print_background=True,
                margin=PAGE_MARGINS,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER.format(identifier=escape(identifier)),
            )
        finally:
            browser.close()


def _static_file(name: str) -> bytes | None:
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    path = finders.find(name)
    if path is None:
        return None
    with open(path, "rb") as handle:
        return handle.read()


def _content_type(url: str) -> str:
    for suffix, kind in ((".js", "text/javascript"), (".css", "text/css"), (".svg", "image/svg+xml")):
        if url.endswith(suffix):
            return kind
    return "application/octet-stream"
