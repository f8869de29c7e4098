"""The 30-second chair stand on Today, done arms crossed: cues spoken and vibrated, the screen kept awake, the
count asked for afterwards, and the phone's own count offered when it reports its motion."""

import json

import pytest

from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tests.frontend.chair_traces import POCKET, Scenario, steady, trace

# Records what the page asks of the phone, and still asks the phone (Chromium) for it.
RECORD_CUES = """
window.cues = {spoken: [], buzzed: [], wakeLocks: [], released: 0};
if (window.speechSynthesis) {
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => { cues.spoken.push([utterance.text, Date.now()]); speak(utterance); };
}
const vibrate = navigator.vibrate.bind(navigator);
navigator.vibrate = (pattern) => { cues.buzzed.push(pattern); return vibrate(pattern); };
const request = navigator.wakeLock.request.bind(navigator.wakeLock);
navigator.wakeLock.request = async (type) => {
  cues.wakeLocks.push(type);
  const lock = await request(type);
  lock.addEventListener("release", () => { cues.released += 1; });
  return lock;
};
"""
# The trace's motion events, timed from "Go" (10 s after Start) on the page's clock.
PLAY_MOTION = """(samples) => {
  for (const s of JSON.parse(samples)) {
    setTimeout(() => window.dispatchEvent(new DeviceMotionEvent("devicemotion", {
      accelerationIncludingGravity: {x: s.x, y: s.y, z: s.z}, acceleration: {x: s.lx, y: s.ly, z: s.lz}, interval: 16,
    })), 10000 + s.t);
  }
}"""


@pytest.fixture
def chair_test(browser, live_server, transactional_db, patient):
    context = browser.new_context(**PHONE, base_url=live_server.url)
    sign_in(context, patient, live_server.url)
    context.add_init_script(RECORD_CUES)
    page = context.new_page()
    page.clock.install()
    page.goto("/")
    page.get_by_text("More about today").tap()
    page.get_by_text("30-second chair stand").tap()
    page.locator("[data-chair-senses]").get_by_text("The phone says").wait_for()
    yield page
    context.close()


def _spoken(page) -> list[str]:
    return [text for text, _ in page.evaluate("cues.spoken")]


def test_the_test_runs_hands_free_and_offers_the_phones_count(chair_test):
    page = chair_test
    screenshot(page, "chair-stand-390")
    page.get_by_role("button", name="Start: 10 seconds to get ready").tap()
    page.evaluate(PLAY_MOTION, json.dumps(trace(Scenario("pocket", POCKET, steady(12, 2.4), 12))))
    assert _spoken(page) == [
        "Get ready. Put the phone in a trouser pocket or hold it flat against your chest, and cross your arms."
    ]
    assert page.evaluate("cues.wakeLocks") == ["screen"]

    page.clock.run_for(10_100)
    assert _spoken(page)[-1] == "Go!"
    assert page.locator("[data-chair-cue]").inner_text() == "Go! Stand up and sit down"
    page.clock.run_for(20_000)
    assert _spoken(page)[-1] == "10 seconds left"
    screenshot(page, "chair-stand-running-390", full_page=False)
    page.clock.run_for(10_000)
    assert _spoken(page) == [
        "Get ready. Put the phone in a trouser pocket or hold it flat against your chest, and cross your arms.",
        "3, 2, 1",
        "Go!",
        "10 seconds left",
        "Stop. Sit down and rest.",
    ]
    assert page.evaluate("cues.buzzed") == [[400], [200, 100, 200], [800]]
    assert page.evaluate("cues.released") == 1, "the screen may sleep again"

    count = page.get_by_label("How many times did you stand up fully?")
    assert count.evaluate("(input) => input === document.activeElement"), "the count is asked for"
    assert "The phone counted 12 stands" in page.locator("[data-chair-suggestion]").inner_text()
    assert count.input_value() == "", "nothing is entered until the person confirms"
    screenshot(page, "chair-stand-done-390", full_page=False)
    page.get_by_role("button", name="Yes, enter 12").tap()
    assert count.input_value() == "12"


def test_without_motion_the_count_is_asked_for_and_the_test_can_be_stopped(chair_test):
    page = chair_test
    page.get_by_role("button", name="Start: 10 seconds to get ready").tap()
    page.clock.run_for(15_000)
    page.get_by_role("button", name="Stop the test").tap()
    assert page.locator("[data-chair-cue]").inner_text().startswith("Stopped.")
    assert page.evaluate("cues.released") == 1

    page.get_by_role("button", name="Start: 10 seconds to get ready").tap()
    page.clock.run_for(40_500)
    screenshot(page, "chair-stand-no-motion-390", full_page=False)
    assert "did not report its movement" in page.locator("[data-chair-suggestion]").inner_text()
    assert not page.get_by_role("button", name="Yes, enter").is_visible()
    assert page.get_by_role("button", name="Do the test again").is_visible()
    assert page.get_by_label("How many times did you stand up fully?").evaluate("(i) => i === document.activeElement")
