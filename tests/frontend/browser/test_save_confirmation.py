"""After saving, the top of Today says what was saved, for which day, and what happens next."""

import pytest

from tests.conftest import wait_until
from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_service_worker
from tracker.models import DailyLog

pytestmark = pytest.mark.worker


def test_a_saved_day_is_confirmed_at_the_top_with_what_happens_next(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    for name in ("strength_left-7", "strength_right-6", "fatigue-4"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator("label[for=symptom-cramps]").tap()
    page.locator("#steps").fill("4000")
    page.get_by_role("button", name="Save today").tap()

    note = page.locator("[data-saved-note]")
    note.get_by_text("Saved for today").wait_for()
    wait_until(lambda: DailyLog.objects.filter(patient=patient, date=patient.local_today()).exists())
    text = note.inner_text()
    assert text.startswith("✓ Saved for today\n") or text.startswith("Saved for today\n"), text
    assert "Left leg 7, right leg 6, tiredness 4. Also: Cramps, 4,000 steps." in text
    assert "Tonight we compare it with your usual days" in text
    assert page.evaluate("scrollY") == 0, "the confirmation is at the top and the page is there"
    assert note.evaluate("(note) => note === document.activeElement")
    assert page.get_by_role("status").filter(has_text="Saved for today").count() == 1
    screenshot(page, "today-saved-390", full_page=False)

    page.reload()
    note.get_by_text("Already saved for today").wait_for()


def test_a_day_saved_offline_says_it_is_on_the_phone_and_not_sent_yet(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    phone.set_offline(True)
    for name in ("strength_left-7", "strength_right-7", "fatigue-2"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_role("button", name="Save today").tap()

    note = page.locator("[data-saved-note]")
    note.get_by_text("Saved on this phone for today").wait_for()
    assert "It has not been sent yet. It will be sent by itself when this phone is online again" in note.inner_text()
    screenshot(page, "today-saved-offline-390", full_page=False)
    phone.set_offline(False)
    wait_until(lambda: DailyLog.objects.filter(patient=patient, date=patient.local_today()).exists())
