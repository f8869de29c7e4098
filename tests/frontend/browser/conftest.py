"""Debian's chromium driven by Playwright at a phone's size, against the live server and a real worker.

Never downloads a browser: CHROMIUM (default /usr/bin/chromium) must be installed (apt-get install chromium).
"""

import os
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

# The live server and Playwright's sync API both run alongside Django's async-unsafe checks.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def server(live_server, celery_worker):
    """The live server's URL on localhost, a secure context where service workers run."""
    return live_server.url.replace("127.0.0.1", "localhost")


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(**PHONE, base_url=server, service_workers="allow")
    yield context
    context.close()


def sign_in(context, patient, server: str) -> None:
    client = Client()
    client.force_login(patient.user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": server}])


def wait_for_service_worker(page) -> None:
    page.evaluate("navigator.serviceWorker.ready")
    wait_for_script(page, "navigator.serviceWorker.controller !== null")
    wait_for_script(page, "async () => (await caches.match(location.pathname)) !== undefined")


def today_offline(browser, server: str, patient, width: int, height: int):
    """Today's page at this viewport, signed in, once its service worker is ready, then reloaded offline; returns the
    browser context (close it) and the page."""
    context = browser.new_context(
        **PHONE | {"viewport": {"width": width, "height": height}}, base_url=server, service_workers="allow"
    )
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    context.set_offline(True)
    page.reload()
    return context, page


def offline_answer(page):
    """The screen the phone raised for an entry saved offline, once it says it was worked out offline."""
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_text("You are offline").wait_for()
    return dialog


def answer_every_stroke_question_no(sheet) -> None:
    """No to each BE-FAST question the phone asks before saving a sharp drop, then save the answers."""
    for name in ("balance", "eyes", "face", "arm", "speech", "sudden"):
        sheet.locator(f"label[for=stroke-{name}-no]").tap()
    sheet.get_by_role("button", name="Save my answers").tap()


def wait_for_script(page, expression: str, timeout_s: float = 10.0) -> None:
    """Poll `expression` until it is truthy.

    Not page.wait_for_function: that evaluates its predicate with eval() inside the page when it
    has to poll, which our Content-Security-Policy (no 'unsafe-eval') rightly refuses.
    page.evaluate goes through the DevTools protocol, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {expression}")
        page.wait_for_timeout(50)


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)
