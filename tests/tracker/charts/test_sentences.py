from datetime import timedelta

from tests.tracker.charts.diary import END, known_diary
from tracker.charts.sentences import chart_sentences, days_until_usual, waiting_note
from tracker.selectors.figures import figures_of
from tracker.selectors.series import ChartData


def _data(diary, span=90, age=72, sex="female"):
    start = END - timedelta(days=span - 1)
    return ChartData(
        start=start,
        end=END,
        days=[d for d in diary if d.date >= start],
        baseline_days=[d for d in diary if END - timedelta(days=119) <= d.date <= END - timedelta(days=28)],
        alerts=[],
        age=age,
        sex=sex,
    )


def test_each_chart_says_what_it_shows_now_against_the_usual_level():
    says = chart_sentences(_data(known_diary()))
    assert says["strength"] == "Right leg about 4 in the last two weeks, usually about 7; left leg about 8, as usual."
    assert says["fatigue"] == "Fatigue about 3 out of 10 in the last two weeks, as usual."
    assert says["chair_stand"] == (
        "About 13 stands in 30 seconds in the last three weeks, usually about 13. "
        "Fewer than 10 is below average for women aged 70 to 74 (CDC STEADI)."
    )
    assert says["steps"] == "About 5,200 steps a day in the last week, usually about 5,200."
    assert says["symptoms"] == "Logged in the last two weeks: Cramps (2 days), I fell (1 day)."
    assert says["activity_fatigue"].startswith("No day was much busier than usual")


def test_the_sentence_and_the_summary_take_the_same_numbers():
    data = _data(known_diary())
    right = figures_of(data).strength_right
    assert (
        f"Right leg about {round(right.recent)} in the last two weeks, usually about {round(right.usual)}"
        in (chart_sentences(data)["strength"])
    )


def test_a_new_diary_says_how_many_days_until_the_usual_level_shows():
    data = _data(known_diary(days=1))
    assert days_until_usual(data, "strength_left") == 41, "14 logged days, the newest four weeks back"
    assert chart_sentences(data)["strength"] == (
        "Left leg about 8 in the last two weeks; right leg about 4. "
        "The usual level shows after about 41 more days of entries."
    )
    assert waiting_note("strength", data) == (
        "3 more days logged and a weekly line shows. The usual range shows after about 41 more days."
    )
    assert waiting_note("strength", _data(known_diary())) is None
    assert waiting_note("symptoms", data) is None


def test_a_diary_of_a_month_waits_less_for_its_usual_level():
    data = _data(known_diary(days=35))
    assert days_until_usual(data, "strength_left") == 8, "32 days logged, 7 of them four weeks back"
    assert days_until_usual(_data(known_diary()), "strength_left") == 0


def test_nothing_logged_lately_is_said_as_such():
    long_ago = [d for d in known_diary() if d.date < END - timedelta(days=30)]
    says = chart_sentences(_data(long_ago))
    assert says["strength"] == "No leg strength logged in the last two weeks."
    assert says["symptoms"] == "No symptoms logged in the last two weeks."
    assert says["chair_stand"].startswith("No chair-stand test in the last three weeks.")
