"""Every page on the narrowest phones (320 px) and in dark mode: nothing runs off the side, and a screenshot of
each for a person to look at (artifacts/screenshots/)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from tests.conftest import save_steady_days
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tracker.models import Alert

SIGNED_OUT = {"login": "/login/", "signup": "/signup/", "offline": "/offline/", "learn": "/learn/"}
SIGNED_IN = {
    "today": "/",
    "history": "/history/",
    "alerts": "/alerts/",
    "alert": "/alerts/{alert}/",
    "charts": "/charts/",
    "more": "/more/",
    "sharing": "/sharing/",
    "settings": "/settings/",
    "following": "/following/",
    "welcome": "/welcome/",
    "records": "/records/",
    "test-form": "/records/tests/new/",
    "treatment-form": "/records/treatments/new/",
    "event-form": "/records/events/new/",
    "messages": "/notifications/",
    "add-missed-day": "/history/{missed_day}/",
}


@pytest.mark.parametrize(("width", "height", "scheme"), [(320, 568, "light"), (390, 844, "dark")])
def test_no_page_runs_off_the_side(browser, live_server, transactional_db, patient, width, height, scheme):
    save_steady_days(patient, patient.local_today(), days=2)
    alert = Alert.objects.create(
        patient=patient,
        code="fall",
        severity="urgent",
        raised_on=patient.local_today(),
        patient_text="You logged a fall on a day your leg strength was lower than usual.",
        physician_text="x",
        advice="Please see a doctor today.",
        dedup_key="narrow",
    )
    size = {"viewport": {"width": width, "height": height}}
    too_wide = {}
    for signed_in, pages in ((False, SIGNED_OUT), (True, SIGNED_IN)):
        context = browser.new_context(**PHONE | size, base_url=live_server.url, color_scheme=scheme)
        if signed_in:
            sign_in(context, SimpleNamespace(user=patient.user), live_server.url)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(path.format(alert=alert.pk, missed_day=patient.local_today() - timedelta(days=5)))
            page.wait_for_load_state("networkidle")
            if name == "today":
                page.get_by_text("More about today").tap()
                page.locator("[data-chair-stand] > summary").tap()
            overflow = page.evaluate("document.documentElement.scrollWidth") - width
            if overflow > 0:
                too_wide[name] = overflow
            screenshot(page, f"{name}-{width}-{scheme}")
        context.close()
    assert too_wide == {}, "pixels of sideways scrolling"
