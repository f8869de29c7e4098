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
    path = re.search(r"https?://\S+?(/following/\?code=\S+)", mail.outbox[-1].body).group(1)

    context = browser.new_context(**PHONE, base_url=live_server.url)
    problems = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(path)
        page.get_by_label("Username").fill("carer")
        page.get_by_label("Password").fill("a carer passphrase 7")
        page.get_by_role("button", name="Sign in").tap()
        page.get_by_role("button", name="Accept").tap()
        page.get_by_role("heading", name=patient.user.username).wait_for()
        assert page.get_by_text("You logged a fall today.").is_visible()
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
