"""A carer on a phone: the invitation link, sign-in, and the person's alerts and charts drawn."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import add_logs
from tests.frontend.browser.conftest import PHONE, screenshot
from tests.frontend.browser.test_shared_page import PLOT_STATE
from tests.tracker.charts.diary import known_diary
from tracker.charts import FIGURES
from tracker.models import Alert, CaregiverLink
from tracker.services.caregivers import invite_caregiver


def test_a_carer_follows_the_email_link_signs_in_accepts_and_sees_alerts_and_charts(
    browser, live_server, transactional_db, make_patient, django_capture_on_commit_callbacks
):
    patient = make_patient(country="GB")
    add_logs(patient, known_diary(end=patient.local_today(), days=90))
    Alert.objects.create(
        patient=patient,
        code="fall",
        severity="urgent",
        raised_on=patient.local_today(),
        patient_text="You logged a fall today.",
        physician_text="x",
        advice="Get checked by a doctor today.",
        dedup_key="fall",
    )
    get_user_model().objects.create_user(username="carer", email="carer@example.org", password="a carer passphrase 7")
    with django_capture_on_commit_callbacks(execute=True):
        invite_caregiver(patient=patient, email="carer@example.org")
    path = re.search(r"https?://\S+?(/invite/\?code=\S+)", mail.outbox[-1].body).group(1)

    context = browser.new_context(**PHONE, base_url=live_server.url)
    problems = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(path)
        page.get_by_role("link", name="I already have an account: sign in").tap()
        page.get_by_label("Username").fill("carer")
        page.get_by_label("Password").fill("a carer passphrase 7")
        page.get_by_role("button", name="Sign in").tap()
        page.get_by_role("button", name=f"Follow {patient.user.username}").tap()
        page.get_by_role("heading", name=patient.user.username).wait_for()
        assert page.get_by_text("You logged a fall today.").is_visible()
        assert page.get_by_text(f"The app told {patient.user.username}:").is_visible()
        page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=20_000)
        drawn = page.eval_on_selector_all(".plot", PLOT_STATE)
        screenshot(page, "carer-following-patient")
        nav = page.get_by_role("navigation", name="Main").inner_text()
    finally:
        context.close()
    assert problems == []
    assert CaregiverLink.objects.get(patient=patient).status == CaregiverLink.Status.ACTIVE
    assert [plot[0] for plot in drawn] == [f"chart-{name}" for name in FIGURES]
    assert all(plot[1] == "true" and plot[2] for plot in drawn)
    assert "Today" not in nav and "Following" in nav


def test_a_carer_with_no_account_opens_the_link_signed_out_creates_one_and_follows(
    browser, live_server, transactional_db, make_patient, django_capture_on_commit_callbacks
):
    """Issue 12 item 6, end to end on the narrowest phone: no code to paste, no diary asked for."""
    patient = make_patient(username="anna", country="GB")
    add_logs(patient, known_diary(end=patient.local_today(), days=10))
    with django_capture_on_commit_callbacks(execute=True):
        invite_caregiver(patient=patient, email="sam@example.org")
    path = re.search(r"https?://\S+?(/invite/\?code=\S+)", mail.outbox[-1].body).group(1)

    problems, shots = [], {}
    for width in (390, 320):
        if width == 320:
            CaregiverLink.objects.filter(patient=patient).delete()
            get_user_model().objects.filter(username="sam").delete()
            with django_capture_on_commit_callbacks(execute=True):
                invite_caregiver(patient=patient, email="sam@example.org")
            path = re.search(r"https?://\S+?(/invite/\?code=\S+)", mail.outbox[-1].body).group(1)
        size = {**PHONE, "viewport": {"width": width, "height": 844}}
        context = browser.new_context(**size, base_url=live_server.url)
        try:
            page = context.new_page()
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(path)
            assert page.url.endswith("/invite/"), "the code leaves the address bar"
            page.get_by_role("heading", name="anna invites you to follow their leg diary").wait_for()
            screenshot(page, f"invite-signed-out-{width}")
            page.get_by_role("link", name="Create an account").tap()
            page.get_by_role("heading", name="Create an account to follow anna").wait_for()
            assert page.get_by_label("Email").input_value() == "sam@example.org"
            page.get_by_label("Choose a user name").fill("sam")
            page.get_by_label("Choose a password").fill("a carer passphrase 7")
            screenshot(page, f"invite-create-account-{width}")
            page.get_by_role("button", name="Create account").tap()
            page.get_by_role("heading", name="anna").wait_for()
            screenshot(page, f"invite-following-anna-{width}")
            shots[width] = (
                page.get_by_role("navigation", name="Main").inner_text(),
                page.evaluate("document.documentElement.scrollWidth"),
            )
        finally:
            context.close()
    assert problems == []
    for width, (nav, scroll_width) in shots.items():
        assert "Following" in nav and "Today" not in nav, "a carer's nav, no diary"
        assert scroll_width <= width, f"nothing wider than the {width} px screen"
    assert CaregiverLink.objects.get(patient=patient).caregiver.username == "sam"
