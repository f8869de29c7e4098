"""The phone's copy of the save-time red-flag check (frontend/static/frontend/js/redflags.js) decides exactly
as tracker.rules.red_flags does, on diaries built to sit near every threshold."""

import random
from datetime import date, timedelta

import pytest

from tracker.rules.engine import check_log
from tracker.rules.types import DayEntry, PatientContext
from tracker.symptoms import SYMPTOMS

CASES = 1500
# Near thresholds that random diaries seldom reach together: cancer with new back pain and a leg a little down in a
# noisy diary; cancer with both legs down on one day (3 points, or to 3/10 or less from a low usual level); a new
# bladder change on the day one leg dropped (which finding leads); a leg falling to 3/10 or less from a low usual
# level (the one-sided rule's severe and collapse paths); a leg or both falling below the first few logs, before
# there is a usual level (with and without a sudden onset; in cancer with new back pain, or both legs down); without
# cancer, both legs down on one day with new back pain, or on the log before too (or today's legs copied from it);
# today's whole entry copied from a weakening log before it, with and without cancer; one leg already severely weak
# on the last logs and still on today's (the one-sided weakness that stayed), afresh and with its legs copied.
FOCUSED = (
    {"history": frozenset({"cancer"}), "new": {"back_pain"}, "wobble": 2, "drops": [1, 2, 3]},
    {"history": frozenset({"cancer"}), "new": set(), "wobble": 1, "drops": [2, 3, 4], "right_drops": [2, 3, 4]},
    {
        "history": frozenset({"cancer"}),
        "new": set(),
        "wobble": 1,
        "drops": [1, 2, 3],
        "right_drops": [1, 2, 3],
        "usual": (4, 6),
    },
    {"history": frozenset(), "new": {"bladder_bowel_change"}, "wobble": 1, "drops": [3, 4, 5]},
    {"history": frozenset(), "new": {"bladder_bowel_change", "face_arm_speech"}, "wobble": 1, "drops": [3, 4, 5]},
    {"history": frozenset(), "new": set(), "wobble": 0, "drops": [2], "usual": (5, 5), "last_lifted": 2},
    {"history": frozenset(), "new": set(), "wobble": 1, "drops": [2, 3, 4, 5], "right_drops": [0, 1, 4], "length": 5},
    {
        "history": frozenset({"cancer"}),
        "new": {"back_pain"},
        "wobble": 1,
        "drops": [1, 2, 3],
        "right_drops": [0, 1],
        "length": 5,
    },
    {
        "history": frozenset({"cancer"}),
        "new": set(),
        "wobble": 1,
        "drops": [2, 3, 4],
        "right_drops": [2, 3],
        "length": 5,
    },
    {
        "history": frozenset(),
        "new": {"sudden_onset"},
        "wobble": 1,
        "drops": [1, 2, 3],
        "right_drops": [0, 1],
        "length": 5,
    },
    {"history": frozenset(), "new": {"back_pain"}, "wobble": 1, "drops": [2, 3, 4], "right_drops": [2, 3, 4]},
    {
        "history": frozenset(),
        "new": set(),
        "wobble": 1,
        "drops": [2, 3, 4],
        "right_drops": [2, 3, 4],
        "last_lowered": 3,
    },
    {"history": frozenset(), "new": set(), "wobble": 1, "drops": [3], "last_lowered": 3, "copy_last_legs": True},
    {"history": frozenset(), "new": set(), "wobble": 1, "drops": [3], "copy_last_entry": True},
    {"history": frozenset({"cancer"}), "new": set(), "wobble": 1, "drops": [3], "copy_last_entry": True},
    {"history": frozenset(), "new": set(), "wobble": 1, "drops": [3, 4, 5], "right_drops": [0, 1], "left_lowered": 4},
    {
        "history": frozenset(),
        "new": set(),
        "wobble": 2,
        "drops": [4, 5],
        "right_drops": [0, 2],
        "left_lowered": 5,
        "copy_last_legs": True,
    },
)
FOCUSED_CASES = 150


def _diary(rng: random.Random, focus: dict | None = None):
    today = date(2026, 3, 1) + timedelta(days=rng.randrange(60))
    lowest, highest = (focus or {}).get("usual", (4, 10))
    usual = {"left": rng.randint(lowest, highest), "right": rng.randint(lowest, highest)}
    wobble = focus["wobble"] if focus else rng.choice([0, 1, 2])
    background = set(rng.sample(SYMPTOMS[:8], rng.randint(0, 2)))
    usual_numbness = rng.choice([0, 0, 1, 2])
    usual_fatigue = rng.randint(1, 7)
    usual_steps = rng.choice([800, 3000, 7000])
    history = []
    length = rng.choice([0, 3, 8, 12, 30, 60, 95])
    if focus and "length" in focus:
        length = focus["length"]
    slide = rng.choice([0, 0, 1, 2])
    for offset in range(length, 0, -1):
        if rng.random() < 0.2:
            continue
        late = max(0, 7 - offset)
        if history and rng.random() < 0.15:
            history.append(history[-1]._replace(date=today - timedelta(days=offset)))
            continue
        history.append(
            DayEntry(
                date=today - timedelta(days=offset),
                strength_left=max(0, min(10, usual["left"] + rng.randint(-wobble, wobble) - slide * late)),
                strength_right=max(0, min(10, usual["right"] + rng.randint(-wobble, wobble))),
                fatigue=max(0, min(10, usual_fatigue + rng.randint(-wobble, wobble))),
                steps=None if rng.random() < 0.3 else int(usual_steps * rng.uniform(0.6, 1.4)),
                numbness_extent=min(4, usual_numbness + (late // 3 if slide else 0)),
                symptoms=frozenset(s for s in background if rng.random() < 0.6),
            )
        )
    if focus and "last_lifted" in focus and history:
        history[-1] = history[-1]._replace(strength_left=min(10, usual["left"] + focus["last_lifted"]))
    if focus and "last_lowered" in focus and history:
        history[-1] = history[-1]._replace(
            strength_left=max(0, usual["left"] - focus["last_lowered"]),
            strength_right=max(0, usual["right"] - focus["last_lowered"]),
        )
    if focus and "left_lowered" in focus:
        for index in range(max(0, len(history) - rng.randint(1, 3)), len(history)):
            history[index] = history[index]._replace(strength_left=max(0, usual["left"] - focus["left_lowered"]))
    new = set(focus["new"]) if focus else set(rng.sample(SYMPTOMS, rng.choice([0, 0, 1, 2])))
    drops = focus["drops"] if focus else [0, 1, 2, 3, 4, 5, 7]
    right_drops = (focus or {}).get("right_drops", [0, 0, 2, 4])
    entry = DayEntry(
        date=today,
        strength_left=max(0, usual["left"] - rng.choice(drops) - slide * 7),
        strength_right=max(0, usual["right"] - rng.choice(right_drops)),
        fatigue=max(0, min(10, usual_fatigue + rng.choice([0, 0, 1, 3, 5]))),
        steps=rng.choice([None, int(usual_steps * rng.uniform(0.1, 1.3))]),
        numbness_extent=min(4, usual_numbness + rng.choice([0, 0, 1, 2, 3])),
        symptoms=frozenset(new | {s for s in background if rng.random() < 0.5}),
    )
    if focus and focus.get("copy_last_entry") and history:
        entry = history[-1]._replace(date=today)
    if focus and focus.get("copy_last_legs") and history:
        entry = entry._replace(strength_left=history[-1].strength_left, strength_right=history[-1].strength_right)
    history_of = rng.sample(["cancer", "diabetes", "spinal_surgery"], rng.randint(0, 2))
    patient = PatientContext(history=focus["history"] if focus else frozenset(history_of))
    return patient, history, entry


def _as_json(day: DayEntry) -> dict:
    return {
        "date": day.date.isoformat(),
        "strength_left": day.strength_left,
        "strength_right": day.strength_right,
        "fatigue": day.fatigue,
        "steps": day.steps,
        "numbness_extent": day.numbness_extent,
        "symptoms": sorted(day.symptoms),
    }


@pytest.mark.django_db
def test_the_phone_and_the_server_find_the_same_red_flags(browser, live_server):
    rng = random.Random(20260301)
    cases, expected = [], []
    focuses = [None] * CASES + [focus for focus in FOCUSED for _ in range(FOCUSED_CASES)]
    for focus in focuses:
        patient, history, entry = _diary(rng, focus)
        cases.append(
            {
                "patient": {"history": sorted(patient.history)},
                "history": [_as_json(d) for d in history],
                "today": _as_json(entry),
            }
        )
        expected.append([[f.code, f.severity.value, f.patient_text] for f in check_log(patient, history, entry)])
    assert sum(1 for findings in expected if findings) > CASES // 4, "the diaries must exercise the rules"

    page = browser.new_page()
    page.goto(live_server.url + "/offline/")
    found = page.evaluate(
        """async (cases) => {
            const { checkLog } = await import("/static/frontend/js/redflags.js");
            const decide = (c) => checkLog(c.patient, c.history, c.today);
            return cases.map((c) => decide(c).map((f) => [f.code, f.severity, f.patient_text]));
        }""",
        cases,
    )
    page.close()
    mismatches = [(case, want, got) for case, want, got in zip(cases, expected, found, strict=True) if want != got]
    assert not mismatches, mismatches[:3]
