"""Today asks the BE-FAST questions before saving a sharp drop in one leg or a collapse of both, online and
offline, at 390 and 320 px."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from tests.conftest import add_logs, wait_until
from tests.frontend.browser.conftest import (
    PHONE,
    answer_every_stroke_question_no,
    screenshot,
    sign_in,
    wait_for_service_worker,
)
from tracker.models import Alert, DailyLog
from tracker.stroke_questions import when_to_ask

pytestmark = pytest.mark.worker

SIZES = {390: {"width": 390, "height": 844}, 320: {"width": 320, "height": 568}}


@pytest.fixture
def phone_at(browser, server, patient):
    def open_today(width: int):
        context = browser.new_context(**PHONE | {"viewport": SIZES[width]}, base_url=server, service_workers="allow")
        contexts.append(context)
        sign_in(context, patient, server)
        page = context.new_page()
        page.goto("/")
        return context, page

    contexts = []
    yield open_today
    for context in contexts:
        context.close()


def _usual_days(patient, left: int = 8, right: int = 8, days: int = 20) -> None:
    today = patient.local_today()
    add_logs(
        patient,
        [
            SimpleNamespace(
                date=today - timedelta(days=offset),
                strength_left=left,
                strength_right=right,
                fatigue=3,
                steps=5000,
                chair_stand_30s=None,
                numbness_extent=0,
                symptoms=set(),
            )
            for offset in range(days, 0, -1)
        ],
    )


def _log(page, left: int, right: int, fatigue: int = 3, steps: int | None = None) -> None:
    for name in (f"strength_left-{left}", f"strength_right-{right}", f"fatigue-{fatigue}"):
        page.locator(f"label[for={name}]").tap()
    if steps is not None:
        page.get_by_text("More about today").tap()
        page.locator("#steps").fill(str(steps))
    page.get_by_role("button", name="Save today").tap()


def _todays_log(patient):
    return wait_until(lambda: DailyLog.objects.filter(patient=patient, date=patient.local_today()).first())


def _first_alert(patient):
    return wait_until(lambda: Alert.objects.filter(patient=patient).first())


def _answer_yes(page, questions, name: str):
    """Answer one question "yes", save, and return the call-for-help screen that follows."""
    questions.locator(f"label[for=stroke-{name}-yes]").tap()
    questions.get_by_role("button", name="Save my answers").tap()
    call = page.get_by_role("alertdialog")
    call.wait_for()
    assert "Call for help now" in call.inner_text()
    return call


@pytest.mark.parametrize("width", [390, 320])
def test_a_sharp_drop_in_one_leg_asks_be_fast_and_a_yes_leads_to_the_call_screen(phone_at, patient, width):
    _usual_days(patient)
    _, page = phone_at(width)
    _log(page, left=8, right=5)

    questions = page.get_by_role("dialog", name="Before you save: six quick questions")
    questions.wait_for()
    assert questions.get_by_text("You rated your right leg much lower than usual.").is_visible()
    headings = questions.locator(".yes-no-heading").all_inner_texts()
    assert headings == ["Balance", "Eyes", "Face", "Arms", "Speech", "Time"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert questions.evaluate("(sheet) => sheet.scrollWidth <= sheet.clientWidth")
    heights = questions.locator(".yes-no-choices label").evaluate_all("(all) => all.map((l) => l.offsetHeight)")
    assert len(heights) == 12 and min(heights) >= 48, heights
    screenshot(page, f"stroke-questions-{width}", full_page=False)
    assert not DailyLog.objects.filter(patient=patient).filter(date=patient.local_today()).exists(), "asked first"

    call = _answer_yes(page, questions, "eyes")
    assert "this can be a sign of a stroke" in call.inner_text()
    assert call.get_by_role("link", name="Call 112").get_attribute("href") == "tel:112"
    assert questions.is_hidden()
    log = _todays_log(patient)
    assert (log.strength_left, log.strength_right, log.symptoms) == (8, 5, ["vision_loss"])
    alert = _first_alert(patient)
    assert (alert.code, alert.severity) == ("sudden_weakness", "emergency")
    page.locator("[data-saved-note]").get_by_text("Saved for today").wait_for()
    assert "Call for help now" in call.inner_text(), "the server's answer does not take the call screen away"
    screenshot(page, f"stroke-questions-yes-{width}", full_page=False)


def test_no_questions_on_an_ordinary_day_or_an_even_dip_and_all_no_saves_as_usual(phone_at, patient):
    _usual_days(patient)
    _, page = phone_at(390)
    sheet = page.locator("[data-stroke-questions]")

    _log(page, left=7, right=8)
    page.locator("[data-saved-note]").get_by_text("Saved for today").wait_for()
    assert sheet.is_hidden()

    _log(page, left=5, right=5, fatigue=8)
    wait_until(lambda: _todays_log(patient).strength_left == 5)
    assert sheet.is_hidden(), "both legs down alike is a bad day, not a one-sided drop"

    _log(page, left=5, right=8)
    sheet.wait_for()
    sheet.get_by_role("button", name="Go back and change my entry").tap()
    assert sheet.is_hidden()
    assert page.evaluate("document.activeElement.id") == "strength_left-5", "back to the leg to change"
    assert _todays_log(patient).strength_right == 5, "going back saves nothing"

    page.get_by_role("button", name="Save today").tap()
    sheet.wait_for()
    sheet.get_by_role("button", name="Save my answers").tap()
    assert sheet.get_by_text("Please answer each question with yes or no.").is_visible()
    answer_every_stroke_question_no(sheet)
    wait_until(lambda: _todays_log(patient).strength_right == 8)
    page.locator("[data-saved-note]").get_by_text("Saved for today").wait_for()
    assert sheet.is_hidden()
    assert page.get_by_role("alertdialog").is_hidden()
    assert _todays_log(patient).symptoms == []


@pytest.mark.parametrize("width", [390, 320])
def test_both_legs_collapsing_on_an_ordinary_walking_day_asks_and_a_sudden_onset_is_an_emergency(
    phone_at, patient, width
):
    """Both legs at 2 and 3 with a usual day's steps: the entry does not add up, so the phone asks before saving;
    "it came on suddenly" makes it the emergency it would be without the steps."""
    _usual_days(patient)
    _, page = phone_at(width)
    _log(page, left=2, right=3, steps=5200)

    questions = page.get_by_role("dialog", name="Before you save: six quick questions")
    questions.wait_for()
    assert questions.get_by_text("You rated both legs much lower than usual.").is_visible()
    assert questions.get_by_text("Both legs suddenly this weak can need help fast.").is_visible()
    assert questions.get_by_text("A sudden change on one side").is_hidden()
    assert questions.get_by_text("Did the weakness come on suddenly, within minutes or hours?").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"stroke-questions-both-legs-{width}", full_page=False)

    call = _answer_yes(page, questions, "sudden")
    assert "pressure on the spinal cord" in call.inner_text()
    alert = _first_alert(patient)
    assert (alert.code, alert.severity) == ("sudden_weakness", "emergency")
    assert _todays_log(patient).symptoms == ["sudden_onset"]
    screenshot(page, f"stroke-questions-both-legs-yes-{width}", full_page=False)


@pytest.mark.parametrize("width", [390, 320])
def test_both_legs_collapsing_with_every_answer_no_is_a_same_day_review(phone_at, patient, width):
    _usual_days(patient)
    _, page = phone_at(width)
    _log(page, left=2, right=3, steps=5200)
    sheet = page.locator("[data-stroke-questions]")
    sheet.wait_for()
    answer_every_stroke_question_no(sheet)
    alert = _first_alert(patient)
    assert (alert.code, alert.severity) == ("sudden_weakness", "urgent")
    assert "step count today looks like an ordinary day" in alert.patient_text
    screen = page.get_by_role("alertdialog")
    screen.wait_for()
    assert "today" in screen.inner_text().lower()
    screenshot(page, f"stroke-questions-both-legs-no-{width}", full_page=False)
    # The alert's page says why it was not called an emergency: the day's steps beside the usual.
    page.goto(f"/alerts/{alert.pk}/")
    steps = page.get_by_text("Steps that day: 5,200")
    steps.scroll_into_view_if_needed()
    steps.wait_for()
    screenshot(page, f"stroke-questions-both-legs-no-alert-{width}", full_page=False)


def test_both_legs_falling_low_from_a_low_usual_level_asks_and_a_sudden_onset_is_an_emergency(phone_at, patient):
    """From a usual 5 there are not 4 points to lose: both legs at 3 and 2 are asked about, and "it came on
    suddenly" makes the day the emergency the check would otherwise not see."""
    _usual_days(patient, left=5, right=5)
    _, page = phone_at(390)
    _log(page, left=3, right=2)

    questions = page.get_by_role("dialog", name="Before you save: six quick questions")
    questions.wait_for()
    assert questions.get_by_text("You rated both legs much lower than usual.").is_visible()
    screenshot(page, "stroke-questions-both-legs-low-usual-390", full_page=False)
    _answer_yes(page, questions, "sudden")
    alert = _first_alert(patient)
    assert (alert.code, alert.severity) == ("sudden_weakness", "emergency")
    assert _todays_log(patient).symptoms == ["sudden_onset"]


def test_offline_a_new_diary_is_asked_and_a_yes_shows_the_call_screen(phone_at, patient):
    context, page = phone_at(390)
    wait_for_service_worker(page)
    context.set_offline(True)
    page.reload()

    _log(page, left=2, right=8)
    questions = page.get_by_role("dialog", name="Before you save: six quick questions")
    questions.wait_for()
    assert questions.get_by_text("You rated your left leg much lower than your right.").is_visible()
    call = _answer_yes(page, questions, "speech")
    assert "You are offline" in call.inner_text()
    assert call.get_by_role("link", name="Call 112").get_attribute("href") == "tel:112"
    screenshot(page, "stroke-questions-offline-390", full_page=False)
    assert not DailyLog.objects.filter(patient=patient).exists()

    context.set_offline(False)
    log = _todays_log(patient)
    assert (log.strength_left, log.strength_right, log.symptoms) == (2, 8, ["face_arm_speech"])
    alert = _first_alert(patient)
    assert (alert.code, alert.severity) == ("sudden_weakness", "emergency")


CASES = [
    # (days of usual ratings (left, right), today's (left, right), which leg is asked about)
    ([(8, 8)] * 10, (8, 5), "right"),
    ([(8, 8)] * 10, (5, 8), "left"),
    ([(7, 7), (8, 8)] * 5, (5, 8), "left"),  # usual 7.5: a drop of 2.5
    ([(8, 8)] * 10, (6, 8), None),
    ([(8, 8)] * 10, (5, 5), None),
    ([(8, 8)] * 10, (5, 7), "left"),  # the other leg lost less than half as much
    ([(8, 8)] * 10, (5, 6), None),
    ([(3, 8)] * 10, (3, 8), None),  # a long-standing difference is the usual level
    ([(8, 8)] * 2, (3, 6), "left"),  # no usual level yet
    ([(8, 8)] * 2, (4, 8), None),
    ([], (8, 3), "right"),
    ([], (3, 5), None),
    ([(8, 8)] * 10, (4, 4), "both"),  # both legs 4 below usual: a collapse, not a bad day
    ([(8, 8)] * 10, (5, 4), None),  # 3 and 4 below: the left leg is not down enough
    ([(8, 8)] * 2, (3, 3), "both"),  # no usual level yet: both at 3 or less
    ([(5, 5)] * 10, (3, 2), "both"),  # from a low usual level: both down 2 points or more, to 3 or less
    ([(5, 5)] * 10, (3, 4), None),
    ([(5, 5)] * 10, (4, 3), None),
    ([(3, 3)] * 10, (2, 2), None),  # a usual 3: one point lower is not a collapse
    ([], (2, 4), None),
]


@pytest.mark.django_db
def test_when_to_ask_on_the_phone(browser, live_server):
    cases = []
    for usual, (left, right), _ in CASES:
        history = [
            {"date": f"2026-03-{day + 1:02d}", "strength_left": l_, "strength_right": r_}
            for day, (l_, r_) in enumerate(usual)
        ]
        today = {"date": "2026-03-20", "strength_left": left, "strength_right": right}
        cases.append({"history": history, "today": today})
    page = browser.new_page()
    page.goto(live_server.url + "/offline/")
    asked = page.evaluate(
        """async ([rule, cases]) => {
            const { sharpDrop } = await import("/static/frontend/js/strokequestions.js");
            return cases.map((c) => sharpDrop(rule, c.history, c.today)?.side ?? null);
        }""",
        [when_to_ask(), cases],
    )
    page.close()
    assert asked == [side for *_, side in CASES]
