"""The account page (email, password, devices) and recovering an account from the sign-in page."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from tracker.models import VerifiedEmail, WebSession
from tracker.services.account_emails import send_password_reset_email, send_verification_email

PASSWORD = "a long enough passphrase 42"
NEW_PASSWORD = "another long passphrase 43"
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)
LAPTOP_UA = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"
)


def _browser(patient, user_agent) -> Client:
    browser = Client(HTTP_USER_AGENT=user_agent)
    assert browser.post("/login/", {"username": patient.user.username, "password": PASSWORD})["Location"] == "/"
    browser.get("/history/")
    return browser


def test_the_account_page_lists_each_browser_and_signs_one_out(patient):
    phone, laptop = _browser(patient, PHONE_UA), _browser(patient, LAPTOP_UA)
    page = phone.get("/settings/account/").content.decode()
    assert "Chrome on Android" in page and "(this device)" in page
    assert "Safari on Mac" in page
    laptop_id = WebSession.objects.get(user=patient.user, device="Safari on Mac").public_id
    assert phone.post(f"/settings/account/devices/{laptop_id}/sign-out/")["Location"] == "/settings/account/"
    assert laptop.get("/history/")["Location"].startswith("/login/")
    assert phone.get("/history/").status_code == 200


def test_changing_the_password_on_the_page_keeps_this_phone_and_signs_out_the_others(patient):
    phone, laptop = _browser(patient, PHONE_UA), _browser(patient, LAPTOP_UA)
    refused = phone.post(
        "/settings/account/password/",
        {"old_password": "guess", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert refused.status_code == 200
    changed = phone.post(
        "/settings/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed["Location"] == "/settings/account/"
    assert phone.get("/history/").status_code == 200
    assert laptop.get("/history/")["Location"].startswith("/login/")
    assert WebSession.objects.filter(user=patient.user).count() == 1


def test_changing_the_email_on_the_page_needs_the_password(patient, django_capture_on_commit_callbacks):
    phone = _browser(patient, PHONE_UA)
    assert phone.post("/settings/account/email/", {"email": "new@example.org", "password": "guess"}).status_code == 200
    with django_capture_on_commit_callbacks(execute=False) as queued:
        moved = phone.post("/settings/account/email/", {"email": "new@example.org", "password": PASSWORD})
    assert moved["Location"] == "/settings/account/"
    assert len(queued) == 1
    assert get_user_model().objects.get(pk=patient.user_id).email == "new@example.org"


def test_an_unconfirmed_address_is_said_on_every_page_until_the_link_is_opened(make_patient, client):
    patient = make_patient(email_verified=False)
    client.force_login(patient.user)
    assert "Alert emails are paused until you confirm your email address." in client.get("/history/").content.decode()
    send_verification_email(user_id=patient.user_id)
    path = re.search(r"https?://\S+?(/verify-email/\S+/)", mail.outbox[-1].body).group(1)
    assert "Your email address is confirmed" in Client().get(path).content.decode(), "signed out too"
    assert "Alert emails are paused" not in client.get("/history/").content.decode()
    assert "Confirmed." in client.get("/settings/account/").content.decode()


def test_a_broken_verification_link_says_what_to_do(client, db):
    page = client.get("/verify-email/not-a-real-token/")
    assert page.status_code == 400
    assert "This link is not complete." in page.content.decode()


def test_password_reset_from_the_sign_in_page(patient, client, django_capture_on_commit_callbacks):
    other_browser = _browser(patient, LAPTOP_UA)
    assert 'href="/password-reset/"' in client.get("/login/").content.decode()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        sent = client.post("/password-reset/", {"email": patient.user.email.upper()})
    assert sent["Location"] == "/password-reset/sent/"
    assert len(queued) == 1
    with django_capture_on_commit_callbacks(execute=False) as nothing:
        unknown = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert unknown["Location"] == "/password-reset/sent/"
    assert nothing == [], "no account: the same page, and nothing sent"

    send_password_reset_email(user_id=patient.user_id)
    path = re.search(r"https?://\S+?(/reset/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(path)
    assert form_page["Location"].endswith("/set-password/"), "Django takes the token out of the address"
    done = client.post(form_page["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/reset/done/"
    assert other_browser.get("/history/")["Location"].startswith("/login/")
    assert VerifiedEmail.objects.get(user=patient.user).verified_at <= timezone.now()
    assert "This link does not work any more" in Client().get(path, follow=True).content.decode()
