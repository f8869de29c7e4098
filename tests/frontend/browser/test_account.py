"""A person recovering and controlling their account on a phone: password reset from the emailed link, and
signing a lost device out (issue 14 items 11 and 12), at 390 and 320 px."""

import re

import pytest
from django.core import mail

from tests.conftest import wait_until
from tests.frontend.browser.conftest import screenshot, sign_in
from tracker.models import WebSession

pytestmark = pytest.mark.worker

NEW_PASSWORD = "my new long passphrase 77"
LAPTOP_UA = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"
)


def _fits(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_forgotten_password_is_reset_from_the_emailed_link(phone, patient):
    page = phone.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/login/")
    page.get_by_role("link", name="Forgot your password?").tap()
    page.get_by_label("Email").fill(patient.user.email)
    screenshot(page, "password-reset-390")
    page.get_by_role("button", name="Email me a link").tap()
    page.get_by_role("heading", name="Check your email").wait_for()
    screenshot(page, "password-reset-sent-390")

    email = wait_until(lambda: next((m for m in mail.outbox if "new password" in m.subject), None))
    path = re.search(r"https?://\S+?(/reset/\S+/)", email.body).group(1)
    page.goto(path)
    page.get_by_role("heading", name="Choose a new password").wait_for()
    assert "/set-password/" in page.url, "the token is out of the address bar"
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Type the new password again").fill(NEW_PASSWORD)
    page.set_viewport_size({"width": 320, "height": 844})
    screenshot(page, "password-reset-new-password-320")
    assert _fits(page, 320)
    page.get_by_role("button", name="Save the new password").tap()
    page.get_by_role("heading", name="Your new password is saved").wait_for()
    page.get_by_role("link", name="Sign in").tap()
    page.get_by_label("Username").fill(patient.user.username)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").tap()
    page.wait_for_url(lambda url: not url.endswith("/login/"))
    assert problems == []
    patient.user.refresh_from_db()
    assert patient.user.check_password(NEW_PASSWORD)


def test_a_lost_laptop_is_signed_out_from_the_phone(browser, phone, server, patient):
    laptop = browser.new_context(base_url=server, user_agent=LAPTOP_UA)
    try:
        laptop_page = laptop.new_page()
        laptop_page.goto("/login/")  # through the form, as a person does: the laptop is listed by its browser
        laptop_page.get_by_label("Username").fill(patient.user.username)
        laptop_page.get_by_label("Password").fill("a long enough passphrase 42")
        laptop_page.get_by_role("button", name="Sign in").click()
        laptop_page.wait_for_url(lambda url: not url.endswith("/login/"))
        sign_in(phone, patient, server)
        page = phone.new_page()
        page.goto("/settings/")
        page.get_by_role("link", name="Email, password and where you are signed in").tap()
        page.get_by_role("heading", name="Where you are signed in").wait_for()
        assert page.get_by_text("Safari on Mac").is_visible()
        screenshot(page, "account-devices-390")
        page.set_viewport_size({"width": 320, "height": 844})
        screenshot(page, "account-devices-320")
        assert _fits(page, 320)
        page.get_by_role("button", name="Sign out Safari on Mac").tap()
        page.get_by_text("That device is signed out.").wait_for()
        assert not page.get_by_text("Safari on Mac").count()
        laptop_page.goto("/history/")
        assert "/login/" in laptop_page.url
    finally:
        laptop.close()
    assert WebSession.objects.filter(user=patient.user).count() == 1
