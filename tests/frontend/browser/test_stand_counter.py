"""The chair-stand counter (js/standcounter.js) in Chromium, on traces from tests/frontend/chair_traces.py."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.frontend.chair_traces import CHEST, SCENARIOS, Scenario, Sensor, steady, trace

COUNTER = Path(settings.BASE_DIR) / "frontend" / "static" / "frontend" / "js" / "standcounter.js"
# The samples go as one JSON string: Playwright's value-by-value serialisation of 1,800 objects is slow.
COUNT = "async (samples) => (await import('/standcounter.js')).countStands(JSON.parse(samples))"


@pytest.fixture(scope="module")
def counter(browser):
    """A page that can import the module, served from the file itself: no server needed."""
    context = browser.new_context()
    context.route(
        "http://counter.test/**",
        lambda route: route.fulfill(
            body=COUNTER.read_text() if route.request.url.endswith(".js") else "<!doctype html><title>counter</title>",
            content_type="text/javascript" if route.request.url.endswith(".js") else "text/html",
        ),
    )
    page = context.new_page()
    page.goto("http://counter.test/")
    yield page
    context.close()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_the_counter_counts_full_stands_only(counter, scenario):
    result = counter.evaluate(COUNT, json.dumps(trace(scenario)))
    assert result["stands"] == scenario.expected, [round(rise, 2) for rise in result["rises"]]


def test_too_short_a_recording_gives_no_count(counter):
    samples = trace(Scenario("chest, 12 s", CHEST, steady(4, 2.5), 4, Sensor()))
    assert counter.evaluate(COUNT, json.dumps([s for s in samples if s["t"] < 12_000])) is None
