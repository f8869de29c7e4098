"""A save the server refuses is visible and fixable (issue 12 item 4): the reason next to the answer, the answer
marked, focus on it, and a way to correct or discard the entry, also when it was refused from the offline outbox.
"""

import pytest

from tests.conftest import wait_until
from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_script, wait_for_service_worker
from tracker.models import DailyLog

pytestmark = pytest.mark.worker

STEPS_MESSAGE = "Steps must be a whole number between 0 and 200000."
OUTBOX_ENTRIES = """() => new Promise((resolve) => {
    const open = indexedDB.open("leg-tracker");
    open.onsuccess = () => {
        const all = open.result.transaction("outbox").objectStore("outbox").getAll();
        all.onsuccess = () => resolve(all.result);
    };
})"""


def _fill_quick_log(page, steps: str) -> None:
    for name in ("strength_left-7", "strength_right-6", "fatigue-4"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator("#steps").fill(steps)


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def _in_view(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "(el) => { const box = el.getBoundingClientRect();"
        " return box.top >= 0 && box.bottom <= innerHeight && box.height > 0; }"
    )


@pytest.mark.parametrize("width", [390, 320])
def test_a_refused_save_says_why_next_to_the_answer_and_can_be_corrected(phone, server, patient, width):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    _fill_quick_log(page, "-5")
    page.get_by_role("button", name="Save today").tap()

    message = page.locator("#steps-error")
    message.wait_for()
    assert message.inner_text().endswith(STEPS_MESSAGE)
    assert page.locator("#steps").get_attribute("aria-invalid") == "true"
    assert page.locator("#steps").get_attribute("aria-describedby") == "steps-error"
    assert _focused_id(page) == "steps"
    assert _in_view(page, "#steps") and _in_view(page, "#steps-error")
    assert page.locator("[data-save-status]").inner_text() == "", "never left at 'Saving…'"
    assert "This entry was not saved." in page.locator("[data-refused]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"today-refused-steps-{width}", full_page=False)
    assert not DailyLog.objects.filter(patient=patient).exists()

    page.locator("#steps").fill("5000")
    page.get_by_role("button", name="Save today").tap()
    page.locator("[data-saved-note]").get_by_text("Saved for today").wait_for()
    log = wait_until(lambda: DailyLog.objects.filter(patient=patient).first())
    assert log.steps == 5000
    assert page.locator(".field-error").count() == 0
    assert page.locator("#steps").get_attribute("aria-invalid") is None
    assert page.locator("[data-refused]").is_hidden()


def test_a_refused_entry_is_not_resent_on_every_load_and_can_be_discarded(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    _fill_quick_log(page, "250000")
    page.get_by_role("button", name="Save today").tap()
    page.locator("#steps-error").wait_for()

    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    page.reload()
    page.locator("#steps-error").wait_for()
    assert page.locator("#steps").input_value() == "250000", "the refused entry is shown as it was typed"
    assert _focused_id(page) == "steps"
    assert "was not saved. The reason is shown below." in page.locator("#sync-status").inner_text()
    page.wait_for_timeout(500)
    assert posts == [], "a refused entry waits for the person instead of being resent on each load"

    page.get_by_role("button", name="Discard this entry").tap()
    page.get_by_text("Discarded. Nothing is saved for this day.").wait_for()
    page.locator("#sync-status").wait_for(state="hidden")
    assert page.evaluate(OUTBOX_ENTRIES) == []
    assert page.locator("#steps").input_value() == ""
    assert not page.locator("#strength_left-7").is_checked()
    assert not DailyLog.objects.filter(patient=patient).exists()


def test_an_entry_refused_from_the_offline_outbox_is_found_and_corrected(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    phone.set_offline(True)
    _fill_quick_log(page, "-5")
    page.get_by_role("button", name="Save today").tap()
    page.get_by_text("Saved on this phone").wait_for()

    page.goto("/history/")
    phone.set_offline(False)
    page.evaluate("dispatchEvent(new Event('online'))")
    banner = page.locator("#sync-status")
    banner.get_by_text("was not saved").wait_for()
    screenshot(page, "history-refused-banner-390", full_page=False)
    banner.get_by_role("link", name="See why, and correct or discard it").tap()

    page.wait_for_url(f"**/history/{patient.local_today().isoformat()}/")
    page.locator("#steps-error").wait_for()
    assert page.locator("#steps-error").inner_text().endswith(STEPS_MESSAGE)
    assert _focused_id(page) == "steps"
    page.locator("#steps").fill("3000")
    page.get_by_role("button", name="Save this day").tap()
    log = wait_until(lambda: DailyLog.objects.filter(patient=patient).first())
    assert (log.strength_left, log.steps) == (7, 3000)
    wait_for_script(page, "document.getElementById('sync-status').hidden")


@pytest.mark.parametrize("width", [390, 320])
def test_an_empty_save_puts_the_message_where_focus_lands(phone, server, patient, width):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    page.get_by_role("button", name="Save today").tap()

    page.locator("#strength_left-error").wait_for()
    assert _focused_id(page) == "strength_left-0"
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert described == "strength_left-error"
    assert _in_view(page, "#strength_left-error"), "the message is on screen next to the focused answer"
    assert page.locator("#strength_left-error").inner_text().endswith("Choose a number from 0 to 10 for your left leg.")
    assert page.locator("#fatigue-error").is_visible()
    screenshot(page, f"today-empty-save-{width}", full_page=False)

    page.locator("label[for=strength_left-5]").tap()
    page.locator("label[for=strength_right-5]").tap()
    page.locator("label[for=fatigue-5]").tap()
    page.get_by_role("button", name="Save today").tap()
    page.locator("[data-saved-note]").get_by_text("Saved for today").wait_for()
    assert page.locator(".field-error").count() == 0


def test_a_save_the_server_cannot_take_just_now_is_kept_not_left_saving(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    page.route(
        "**/api/logs/",
        lambda route: route.fulfill(
            status=503, content_type="application/json", body='{"errors": [{"field": null, "message": "busy"}]}'
        ),
    )
    _fill_quick_log(page, "4000")
    page.get_by_role("button", name="Save today").tap()
    page.locator("[data-saved-note]").get_by_text("Saved on this phone for today").wait_for()
    assert page.locator("[data-save-status]").inner_text() == ""
    assert page.locator(".field-error").count() == 0, "a busy server is not a refusal"

    page.unroute("**/api/logs/")
    page.reload()
    log = wait_until(lambda: DailyLog.objects.filter(patient=patient).first())
    assert log.steps == 4000
