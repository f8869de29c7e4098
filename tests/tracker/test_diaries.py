"""Scenario diaries from other generators read the way the phone's form takes a day (tracker/diaries.py)."""

from datetime import date

from tracker.diaries import read_diary


def _day(on: str, **values) -> dict:
    return {"date": on, "strength_left": 7, "strength_right": 7, "fatigue": 3, "steps": 4000} | values


def _diary(*days, **patient) -> dict:
    return {"id": "bent", "patient": {"timezone": "Europe/Berlin", "history": []} | patient, "days": list(days)}


def test_a_day_without_its_three_ratings_is_left_out_and_says_which_rating_on_which_day():
    diary = read_diary(
        _diary(_day("2026-01-01"), _day("2026-01-02", fatigue=None), _day("2026-01-03", strength_left=11))
    )

    assert [on for on, _ in diary.days] == [date(2026, 1, 1)]
    assert diary.problems == (
        "day 2 (2026-01-02): fatigue is None, not a rating from 0 to 10; the day is left out, as a day not logged",
        "day 3 (2026-01-03): strength_left is 11, not a rating from 0 to 10; the day is left out, as a day not logged",
    )


def test_optional_values_that_cannot_be_right_are_left_blank_and_the_day_is_kept():
    diary = read_diary(_diary(_day("2026-01-01", steps=250_000, chair_stand_30s=-2, numbness_extent=9)))

    ((_, values),) = diary.days
    assert (values["steps"], values["chair_stand_30s"], values["numbness_extent"]) == (None, None, 4)
    assert [problem.split(":")[1].split(" is ")[0].strip() for problem in diary.problems] == [
        "steps",
        "chair_stand_30s",
        "numbness_extent",
    ]


def test_unknown_symptoms_are_dropped_and_the_known_ones_kept():
    diary = read_diary(_diary(_day("2026-01-01", symptoms=["Back_Pain ", "headache", "saddle_numbness"])))

    assert diary.days[0][1]["symptoms"] == ["back_pain", "saddle_numbness"]
    assert diary.problems == (
        "day 1 (2026-01-01): symptoms ['headache'] are not in the list of symptoms; they are dropped",
    )


def test_fractions_are_read_to_the_nearest_whole_number_and_told_once():
    diary = read_diary(_diary(_day("2026-01-01", fatigue=6.5, strength_left=6.4), _day("2026-01-02", steps=3999.7)))

    assert (diary.days[0][1]["fatigue"], diary.days[0][1]["strength_left"], diary.days[1][1]["steps"]) == (7, 6, 4000)
    assert len(diary.problems) == 1 and diary.problems[0].startswith("3 values have fractions")


def test_a_date_with_a_time_is_its_date_and_a_date_that_is_none_leaves_the_day_out():
    diary = read_diary(_diary(_day("2026-01-01T08:30:00"), _day("yesterday"), "not a day"))

    assert [on for on, _ in diary.days] == [date(2026, 1, 1)]
    assert diary.problems == (
        "day 2 (yesterday): date 'yesterday' is not a date as YYYY-MM-DD; the day is left out, as a day not logged",
        "day 3: is not an object of fields; the day is left out, as a day not logged",
    )


def test_a_day_given_twice_counts_once_with_the_last_values_and_days_come_out_in_date_order():
    diary = read_diary(_diary(_day("2026-01-02"), _day("2026-01-01", fatigue=2), _day("2026-01-01", fatigue=5)))

    assert [(on, values["fatigue"]) for on, values in diary.days] == [(date(2026, 1, 1), 5), (date(2026, 1, 2), 3)]


def test_the_profile_is_read_leniently_with_what_was_changed_told():
    diary = read_diary(_diary(history=["Cancer", "asthma"], sex="F", timezone="Mars/Base", birth_year="1950"))

    assert (diary.history, diary.sex, diary.timezone, diary.birth_year) == (("cancer",), "unspecified", "UTC", 1950)
    assert len(diary.problems) == 3


def test_a_diary_in_the_format_has_no_problems():
    diary = read_diary(_diary(_day("2026-01-01", chair_stand_30s=12, numbness_extent=1, symptoms=["tingling"])))

    assert diary.problems == ()
    assert diary.days[0][1] == {
        "strength_left": 7,
        "strength_right": 7,
        "fatigue": 3,
        "steps": 4000,
        "chair_stand_30s": 12,
        "numbness_extent": 1,
        "symptoms": ["tingling"],
    }
