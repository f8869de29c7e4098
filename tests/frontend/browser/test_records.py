"""Treatments, tests and events recorded on a phone, at 390 and at 320 pixels wide."""

from datetime import timedelta

import pytest

from tests.frontend.browser.conftest import screenshot, sign_in
from tracker.models import Investigation, LabResult, LifeEvent, Treatment

pytestmark = pytest.mark.worker

NARROW = {"width": 320, "height": 640}
TARGET_PX = 44
# Everything in the page a finger aims at.
TAPPABLE = ", ".join(
    f"main {element}"
    for element in ("a", "button", "select", "input:not([type=hidden]):not([type=radio])", ".checks label", "summary")
)


def _too_small_targets(page) -> list[str]:
    return page.evaluate(
        """([selector, target]) => [...document.querySelectorAll(selector)]
            .filter((element) => element.offsetParent !== null)
            .filter((element) => element.getBoundingClientRect().height < target)
            .map((element) => element.outerHTML.slice(0, 80))""",
        [TAPPABLE, TARGET_PX],
    )


def _choose(page, label: str) -> None:
    """Radio buttons are drawn by their labels, which is what a finger taps."""
    page.locator("label", has_text=label).tap()


def _fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_b12_course_a_blood_test_with_results_and_a_flu_week_are_recorded_from_the_phone(phone, server, patient):
    today = patient.local_today()
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    screenshot(page, "records-today-link-390")
    page.get_by_role("link", name="Anything new? (treatment, test, illness)").tap()
    page.get_by_role("heading", name="Treatments and tests").wait_for()

    page.get_by_role("link", name="Add a treatment").tap()
    page.get_by_label("What is it?").fill("Vitamin B12")
    page.get_by_label("Dose (optional)").fill("1 mg injection every other day")
    page.get_by_label("Started on").fill((today - timedelta(days=3)).isoformat())
    screenshot(page, "records-treatment-form-390")
    page.get_by_role("button", name="Save").tap()
    page.get_by_text("Saved: Vitamin B12.").wait_for()

    page.get_by_role("link", name="Add a test or blood results").tap()
    assert page.get_by_label("Blood test").is_checked()
    page.get_by_label("Date of the test").fill((today - timedelta(days=5)).isoformat())
    first, second = page.locator("[data-result]").nth(0), page.locator("[data-result]").nth(1)
    assert page.locator("[data-result]:visible").count() == 1, "one empty row to start with"
    first.get_by_label("Marker").select_option("vitamin_b12")
    assert first.get_by_label("Unit").locator("option").all_inner_texts() == ["", "pg/mL", "ng/L", "pmol/L"]
    assert first.get_by_label("Unit").input_value() == "pg/mL"
    first.get_by_label("Number").fill("148")
    first.get_by_label("Normal from").fill("180")
    first.get_by_label("to", exact=True).fill("914")
    page.get_by_role("button", name="Add another result").tap()
    second.get_by_label("Marker").select_option("vitamin_d")
    second.get_by_label("Unit").select_option("nmol/L")
    second.get_by_label("Number").fill("42")
    for _ in range(2):
        page.get_by_role("button", name="Add another result").tap()
    assert page.locator("[data-result]:visible").count() == 4, "the spare rows first, then new ones"
    page.get_by_label("What did they find? (optional)").fill("B12 low, GP starts injections")
    screenshot(page, "records-test-form-390")
    page.get_by_role("button", name="Save", exact=True).tap()
    page.get_by_text("Saved: Blood test.").wait_for()

    page.get_by_role("link", name="Add an illness or event").tap()
    _choose(page, "Illness (flu, infection)")
    page.get_by_label("From").fill((today - timedelta(days=12)).isoformat())
    page.get_by_label("Until (optional)").fill((today - timedelta(days=6)).isoformat())
    page.get_by_label("Note (optional)").fill("Flu, in bed for three days")
    page.get_by_role("button", name="Save").tap()
    page.get_by_text("Saved: Illness (flu, infection).").wait_for()

    page.get_by_text("Vitamin B12: 148 pg/mL (below the lab's range, 180 to 914)").wait_for()
    page.get_by_text("Vitamin D: 42 nmol/L").wait_for()
    screenshot(page, "records-list-390")
    assert _too_small_targets(page) == []
    assert _fits_the_width(page)

    treatment = Treatment.objects.get(patient=patient)
    assert (treatment.name, treatment.start, treatment.end) == ("Vitamin B12", today - timedelta(days=3), None)
    test = Investigation.objects.get(patient=patient)
    assert (test.kind, test.date, test.finding) == (
        "blood_test",
        today - timedelta(days=5),
        "B12 low, GP starts injections",
    )
    assert sorted(LabResult.objects.filter(investigation=test).values_list("marker", "value", "unit")) == [
        ("vitamin_b12", 148.0, "pg/mL"),
        ("vitamin_d", 42.0, "nmol/L"),
    ]
    flu = LifeEvent.objects.get(patient=patient)
    assert (flu.kind, flu.start, flu.end) == ("illness", today - timedelta(days=12), today - timedelta(days=6))

    page.set_viewport_size(NARROW)
    page.reload()
    screenshot(page, "records-list-320")
    assert _fits_the_width(page)
    page.get_by_role("link", name="Blood test,").tap()
    page.get_by_role("heading", name="Change this test").wait_for()
    screenshot(page, "records-test-form-320")
    assert _fits_the_width(page)
    assert _too_small_targets(page) == []


def test_a_treatment_is_ended_in_one_tap_and_an_event_corrected_and_removed(phone, server, patient):
    today = patient.local_today()
    Treatment.objects.create(patient=patient, name="Prednisolone", dose="5 mg", start=today - timedelta(days=10))
    LifeEvent.objects.create(patient=patient, kind="travel", start=today - timedelta(days=4))
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size(NARROW)
    page.goto("/records/")

    page.get_by_role("button", name="I stopped it today").tap()
    page.get_by_text("Marked as over today: Prednisolone.").wait_for()
    assert Treatment.objects.get().end == today

    page.get_by_role("link", name="Travel").tap()
    _choose(page, "Injury")
    page.get_by_role("button", name="Save").tap()
    page.get_by_text("Changes saved: Injury.").wait_for()
    assert LifeEvent.objects.get().kind == "injury"

    page.get_by_role("link", name="Injury").tap()
    page.get_by_text("Remove this event", exact=True).tap()
    screenshot(page, "records-remove-320")
    page.get_by_role("button", name="Yes, remove this event").tap()
    page.get_by_text("Removed: Injury.").wait_for()
    assert not LifeEvent.objects.exists()
