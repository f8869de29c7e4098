"""Today on a phone: the quick log (both legs, tiredness, Save) on the first screen, the rest one tap away."""

from datetime import datetime, time
from types import SimpleNamespace

import pytest

from tests.conftest import add_logs, save_steady_days
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in

# Is the middle of the element on the screen as it is now, and not under the tab bar or anything else?
ON_SCREEN = """(element) => {
  const box = element.getBoundingClientRect();
  if (box.height === 0 || box.top < 0 || box.bottom > innerHeight) return false;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit !== null && (element === hit || element.contains(hit) || hit.contains(element));
}"""
QUICK_LOG = [f"label[for={name}-{n}]" for name in ("strength_left", "strength_right", "fatigue") for n in range(11)]


@pytest.fixture
def today_page(browser, live_server, transactional_db, patient):
    def open_today(width: int = 390, height: int = 844):
        size = {"viewport": {"width": width, "height": height}}
        context = browser.new_context(**PHONE | size, base_url=live_server.url)
        # Between midnight and 4 a.m. Today first asks whether the entry is for yesterday, above the form: the
        # layout is measured at midday in the person's time zone, whenever the suite runs.
        context.clock.set_fixed_time(datetime.combine(patient.local_today(), time(12), tzinfo=patient.zone))
        sign_in(context, patient, live_server.url)
        page = context.new_page()
        page.goto("/")
        contexts.append(context)
        return page

    contexts = []
    yield open_today
    for context in contexts:
        context.close()


def _on_screen(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(ON_SCREEN)


def test_the_quick_log_and_save_are_on_the_first_screen(today_page, patient):
    save_steady_days(patient, patient.local_today(), days=3)
    page = today_page()

    wanted = [*QUICK_LOG, "[data-same-as-yesterday]", "[data-save]", "[data-sudden]"]
    off_screen = [selector for selector in wanted if not _on_screen(page, selector)]
    assert off_screen == [], "not on the first screen at 390x844"
    screenshot(page, "today-390", full_page=False)


def test_everything_else_is_one_tap_away_warning_signs_first(today_page):
    page = today_page()
    rest = [
        "label[for=symptom-bladder_bowel_change]",
        "label[for=symptom-cramps]",
        "label[for=numbness-0]",
        "#steps",
        "#note",
        "[data-chair-stand] > summary",
    ]
    assert [s for s in rest if page.locator(s).is_visible()] == []

    page.get_by_text("More about today").tap()

    labels = page.locator("[data-more-details] .checks label").all_inner_texts()
    assert labels[:4] == [
        "New trouble controlling bladder or bowel",
        "Numbness between the legs or around the bottom",
        "Face drooping, arm weakness or trouble speaking",
        "The weakness came on suddenly",
    ]
    assert [s for s in rest if not page.locator(s).is_visible()] == []
    warning_signs = [f"label[for=symptom-{name}]" for name in ("bladder_bowel_change", "saddle_numbness")]
    warning_signs += ["label[for=symptom-face_arm_speech]", "label[for=symptom-sudden_onset]"]
    assert [s for s in warning_signs if not _on_screen(page, s)] == [], "opening More shows the warning signs"
    assert page.get_by_text('Happening right now? Do not wait to save: tap "Something sudden happened"').is_visible()
    screenshot(page, "today-more-390")


def test_a_day_with_more_logged_opens_with_it_shown(today_page, patient):
    add_logs(
        patient,
        [
            SimpleNamespace(
                date=patient.local_today(),
                strength_left=7,
                strength_right=7,
                fatigue=3,
                steps=4000,
                chair_stand_30s=None,
                numbness_extent=0,
                symptoms={"cramps"},
            )
        ],
    )
    page = today_page()
    assert page.locator("#symptom-cramps").is_checked()
    assert page.locator("label[for=symptom-cramps]").is_visible()
    assert page.locator("#steps").input_value() == "4000"


def test_the_chair_stand_section_looks_like_something_to_tap(today_page):
    page = today_page()
    page.get_by_text("More about today").tap()
    summary = page.locator("[data-chair-stand] > summary")
    look = summary.evaluate(
        """(summary) => {
          const box = getComputedStyle(summary), marker = getComputedStyle(summary, "::after");
          return {border: parseFloat(box.borderTopWidth), borderColour: box.borderTopColor,
                  marker: marker.content, markerWidth: parseFloat(marker.width), cursor: box.cursor};
        }"""
    )
    assert look["border"] >= 2 and look["borderColour"] != "rgba(0, 0, 0, 0)", look
    assert look["marker"] != "none" and look["markerWidth"] > 0, "no open/close marker drawn"
    assert look["cursor"] == "pointer"
    summary.tap()
    assert page.get_by_role("button", name="Start").is_visible()


def test_at_320_px_nothing_runs_off_the_side(today_page):
    page = today_page(320, 568)
    page.get_by_text("More about today").tap()
    page.locator("[data-chair-stand] > summary").tap()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "today-more-320")
