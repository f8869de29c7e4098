"""Every code the engine can raise has plain words, and a code without them still reads as words."""

import re
from pathlib import Path

from django.conf import settings

from tracker.labels import (
    ALERT_LABELS,
    SEVERITY_LABELS,
    alert_label,
    alert_status_label,
    severity_label,
    symptom_label,
)
from tracker.models import Alert
from tracker.rules.types import Severity
from tracker.symptoms import SYMPTOM_LABELS, SYMPTOMS

ENGINE_SOURCES = [
    *sorted((Path(settings.BASE_DIR) / "tracker" / "rules").glob("*.py")),
    Path(settings.BASE_DIR) / "frontend" / "static" / "frontend" / "js" / "redflags.js",
]


def _raised_codes() -> set[str]:
    return {
        code for source in ENGINE_SOURCES for code in re.findall(r"""\bcode[=:]\s*["'](\w+)["']""", source.read_text())
    }


def test_every_alert_the_engine_raises_has_a_plain_label():
    codes = _raised_codes()
    assert "worsening_trend" in codes and "bladder_bowel" in codes, "the scan finds the engine's codes"
    assert codes - set(ALERT_LABELS) == set(), "add a plain label for it in tracker/labels.py"


def test_every_severity_and_status_has_words_that_say_what_to_do():
    assert set(SEVERITY_LABELS) == {s.value for s in Severity}
    assert severity_label("urgent") == "See a doctor today"
    assert severity_label(Severity.EMERGENCY) == "Emergency: call now"
    assert {alert_status_label(status) for status in Alert.Status.values} == {"Not yet read", "Read", "Closed"}


def test_labels_are_the_words_people_read():
    assert alert_label("worsening_trend") == "Legs weaker over weeks"
    assert alert_label("bladder_bowel") == "New bladder or bowel control problem"
    assert [symptom_label(name) for name in SYMPTOMS] == list(SYMPTOM_LABELS.values()), "the daily form's words"


def test_a_code_nobody_labelled_yet_still_reads_as_a_phrase():
    for label in (alert_label("nerve_signal_drop"), severity_label("later"), symptom_label("hiccups_daily")):
        assert label and "_" not in label and label[0].isupper(), label
    assert alert_label("nerve_signal_drop") == "A change in the diary worth a look"
