"""Settings on a phone: reminders and quiet hours saved through the preferences API."""

from datetime import time

import pytest

from tests.conftest import wait_until
from tests.frontend.browser.conftest import sign_in
from tracker.models import NotificationPreferences

pytestmark = pytest.mark.worker


def test_reminder_time_and_quiet_hours_are_saved(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/settings/")
    page.wait_for_load_state("networkidle")
    page.fill("#pref-reminder", "20:30")
    page.fill("#pref-quiet-start", "22:00")
    page.fill("#pref-quiet-end", "07:00")
    page.uncheck("#pref-email")
    page.get_by_role("button", name="Save reminders").tap()
    page.get_by_text("Saved.").wait_for()
    saved = wait_until(lambda: NotificationPreferences.objects.filter(user=patient.user).first())
    assert (saved.reminder_time, saved.quiet_hours_start, saved.quiet_hours_end) == (time(20, 30), time(22), time(7))
    assert saved.email_enabled is False

    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.input_value("#pref-reminder") == "20:30"
