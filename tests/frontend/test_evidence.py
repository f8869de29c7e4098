from datetime import date

from frontend.evidence import evidence_lines
from tracker.selectors.figures import Figures, Measure

NO_LEVEL = {"usual": None, "recent": None, "logged": 0}


def _figures(symptom_days=None, **measures) -> Figures:
    fields = ("strength_left", "strength_right", "chair_stand_30s", "fatigue", "steps")
    levels = {field: Measure(field=field, label=field, **(measures.get(field) or NO_LEVEL)) for field in fields}
    return Figures(
        start=date(2026, 1, 1),
        end=date(2026, 2, 14),
        strength_left=levels["strength_left"],
        strength_right=levels["strength_right"],
        chair_stand=levels["chair_stand_30s"],
        fatigue=levels["fatigue"],
        steps=levels["steps"],
        symptom_days=symptom_days or {},
    )


def test_save_time_evidence_reads_as_plain_words():
    lines = evidence_lines(
        {
            "date": "2026-01-06",
            "baseline_window": ["2025-12-01", "2025-12-30"],
            "new_symptoms": ["face_arm_speech"],
            "numbness_extent": 3,
            "strength_right": 2,
            "baseline_right": 8.0,
            "noise_right": 0.5,
            "previous_right": 8,
        },
        _figures(),
    )
    assert lines == [
        "Right leg strength that day: 2 out of 10 (usually about 8); the entry before: 8",
        "New compared with your usual days: face drooping, arm weakness or trouble speaking",
        "Numbness reached: up to the calves or knees",
        "Your usual days, compared against: 1 Dec 2025 to 30 Dec 2025",
    ]


def test_trend_evidence_names_each_declining_measurement_with_the_selectors_levels():
    lines = evidence_lines(
        {
            "recent_window": ["2026-02-01", "2026-02-14"],
            "declines": [{"series": "chair_stand_30s", "baseline": 12.04, "recent": 8.47}],
        },
        _figures(
            symptom_days={"tingling": 7, "fall": 1},
            chair_stand_30s={"usual": 12.0, "recent": 8.5, "logged": 20},
        ),
    )
    assert lines == [
        "Chair stands in 30 seconds: usually about 12, lately about 8.5",
        "Days with each symptom from 1 Jan to 14 Feb: Tingling or pins and needles 7 days; I fell 1 day",
        "Recent days looked at: 1 Feb to 14 Feb",
    ]


def test_steps_are_whole_numbers_from_the_selector():
    lines = evidence_lines(
        {"usual_steps": 5251.0, "recent_steps": 1472.0},
        _figures(steps={"usual": 5251, "recent": 1472, "logged": 60}),
    )
    assert lines == ["Steps a day: usually about 5,251, this week about 1,472"]


def test_a_first_entry_makes_no_claim_about_usual_days_and_names_what_rode_along():
    lines = evidence_lines(
        {
            "date": "2026-01-06",
            "has_baseline": False,
            "baseline_window": ["", ""],
            "new_symptoms": ["bladder_bowel_change"],
            "strength_left": 2,
            "strength_right": 7,
            "also": [{"code": "fall", "severity": "soon", "reason": ""}],
        },
        _figures(),
    )
    assert lines[:2] == [
        "Left leg strength that day: 2 out of 10 (no usual level yet: this was one of your first entries)",
        "Right leg strength that day: 7 out of 10 (no usual level yet: this was one of your first entries)",
    ]
    assert lines[2].startswith("Reported that day: new trouble controlling bladder or bowel")
    assert lines[3] == "Also found in this entry: A fall (book an appointment in the next week or two)"
    assert not any("usual days" in line for line in lines)


def test_a_fall_in_the_first_week_shows_the_level_of_the_entries_before_it():
    lines = evidence_lines(
        {
            "date": "2026-01-04",
            "has_baseline": False,
            "baseline_window": ["", ""],
            "new_symptoms": [],
            "strength_left": 3,
            "strength_right": 8,
            "first_logs_floor_left": 7,
            "first_logs_floor_right": 8,
        },
        _figures(),
    )
    assert lines[:2] == [
        "Left leg strength that day: 3 out of 10 (no usual level yet: this was one of your first entries; "
        "your entries before it were mostly 7 or more)",
        "Right leg strength that day: 8 out of 10 (no usual level yet: this was one of your first entries; "
        "your entries before it were mostly 8 or more)",
    ]


def test_a_trend_says_which_spell_it_left_out():
    lines = evidence_lines(
        {"explained_by": [{"kind": "illness_like", "start": "2026-01-10", "end": "2026-01-14"}]}, _figures()
    )
    assert lines == [
        "Left out of the comparison as a passing spell: A spell that looked like an illness from 10 Jan to 14 Jan"
    ]


def test_busy_days_before_a_crash_are_named_as_the_busy_days():
    lines = evidence_lines({"crashes_after": ["2026-03-05", "2026-03-13"]}, _figures())
    assert "Busy days followed a day or two later by a jump in tiredness: 5 Mar, 13 Mar" in lines


def test_crashes_found_from_the_crashes_back_are_listed_by_day():
    lines = evidence_lines(
        {"busier_before_crashes_z": 3.1, "crash_days": ["2026-03-05", "2026-03-13", "2026-03-29"]}, _figures()
    )
    assert "Days tiredness jumped, each a day or two after a busier day than usual: 5 Mar, 13 Mar, 29 Mar" in lines


def test_both_legs_weaker_on_a_day_of_usual_walking_shows_that_days_steps_beside_the_usual():
    lines = evidence_lines({"steps_that_day": 5500, "steps_usually": 5600}, _figures())
    assert "Steps that day: 5,500 (usually about 5,600 a day)" in lines
