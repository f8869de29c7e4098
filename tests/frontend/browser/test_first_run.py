"""First run on a phone: the country comes from the phone's time zone as a choice to confirm, the medical
history that changes triage is asked beside it, and the emergency number follows everywhere (issue 12
points 1 and 3)."""

import pytest

from tests.frontend.browser.conftest import PHONE, screenshot, wait_for_service_worker
from tracker.models import Patient

pytestmark = pytest.mark.worker

WIDTHS = [pytest.param(390, 844, id="390"), pytest.param(320, 640, id="320")]


def _sign_up(browser, server, zone: str, width: int, height: int, username: str):
    context = browser.new_context(
        **PHONE | {"viewport": {"width": width, "height": height}},
        base_url=server,
        timezone_id=zone,
        service_workers="allow",
    )
    page = context.new_page()
    page.goto("/signup/")
    page.get_by_label("Choose a user name").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_label("Choose a password").fill("correct horse battery staple")
    page.get_by_role("button", name="Create account").tap()
    page.wait_for_url("**/welcome/")
    return context, page


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_new_york_gets_911_from_its_time_zone_and_is_asked_its_history(browser, server, width, height):
    context, page = _sign_up(browser, server, "America/New_York", width, height, f"ny{width}")
    country = page.get_by_label("Your country")
    assert country.input_value() == "US"
    assert "Emergency number there: 911" in page.locator("[data-emergency-preview]").inner_text()
    history = page.get_by_role("group", name="Have you ever had any of these?")
    for name in ("Cancer, now or in the past", "An operation on my spine", "Diabetes"):
        box = history.locator("label", has_text=name).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, name
    history.locator("label", has_text="Cancer, now or in the past").tap()
    assert history.get_by_label("Cancer, now or in the past").is_checked()
    screenshot(page, f"first-run-country-and-history-{width}")
    page.get_by_role("button", name="Save and start").tap()
    page.wait_for_url(lambda url: url.endswith("/") and "welcome" not in url)

    patient = Patient.objects.get(user__username=f"ny{width}")
    assert (patient.timezone, patient.country, patient.history) == ("America/New_York", "US", ["cancer"])

    page.get_by_role("button", name="Something sudden happened").tap()
    dialog = page.get_by_role("alertdialog")
    assert dialog.get_by_role("link", name="Call 911").get_attribute("href") == "tel:911"
    assert "Call 911 now" in dialog.inner_text()
    screenshot(page, f"sudden-weakness-911-{width}", full_page=False)
    dialog.get_by_role("button", name="I have read this").tap()

    wait_for_service_worker(page)
    context.set_offline(True)
    page.goto("/charts/")  # never opened online, so the offline page answers
    assert page.get_by_role("link", name="911").get_attribute("href") == "tel:911"
    screenshot(page, f"offline-911-{width}")
    context.set_offline(False)

    page.goto("/settings/")
    assert page.get_by_label("Your country").input_value() == "US"
    assert (
        page.get_by_role("group", name="Have you ever had any of these?")
        .get_by_label("Cancer, now or in the past")
        .is_checked()
    )
    page.get_by_label("Your country").select_option("GB")
    assert "Emergency number there: 999" in page.locator("[data-emergency-preview]").inner_text()
    page.get_by_role("button", name="Save", exact=True).tap()
    page.get_by_text("Your emergency number: 999").wait_for()
    screenshot(page, f"settings-country-999-{width}")
    context.close()


def test_a_zone_that_names_no_country_asks_for_one(browser, server):
    context, page = _sign_up(browser, server, "UTC", 390, 844, "utc390")
    assert page.get_by_label("Your country").input_value() == ""
    assert page.locator("[data-emergency-preview]").is_hidden()
    page.get_by_role("button", name="Save and start").tap()
    page.get_by_text("Choose your country, so we can show the right emergency number.").wait_for()
    screenshot(page, "first-run-country-asked-390")
    page.get_by_label("Your country").select_option("NZ")
    assert "Emergency number there: 111" in page.locator("[data-emergency-preview]").inner_text()
    page.get_by_role("button", name="Save and start").tap()
    page.wait_for_url(lambda url: "welcome" not in url)
    assert Patient.objects.get(user__username="utc390").emergency_number == "111"
    context.close()
