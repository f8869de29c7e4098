from datetime import date, timedelta

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.models import Alert
from tracker.selectors.summary import RepeatedNote, clinical_summary, repeated_notes


def test_the_summary_of_a_known_diary(make_patient):
    patient = make_patient(birth_year=1950, sex="female")
    end = patient.local_today()
    diary = known_diary(end=end, days=150)
    logs = add_logs(patient, diary)
    logs[-1].note = "right knee gave way"
    logs[-1].save()
    Alert.objects.create(
        patient=patient,
        code="asymmetry",
        severity="soon",
        raised_on=end,
        patient_text="",
        physician_text="",
        advice="",
        dedup_key="k",
    )
    summary = clinical_summary(patient=patient, end=end, start=end - timedelta(days=89))
    assert summary.days_in_period == 90
    assert summary.days_logged == len([d for d in diary if d.date > end - timedelta(days=90)])
    left, right = summary.figures.strength_left, summary.figures.strength_right
    assert (left.usual, left.recent, left.change) == (8, 8, 0)
    # Recent: the mean of the middle half of the last 14 days (nine at 4, four at 7), as the trend rules take it.
    assert (right.usual, right.recent, right.change) == (7, 4.4, -2.6)
    assert summary.figures.chair_stand.recent == 13
    assert summary.chair_stand_norm.cutoff == 10 and summary.chair_stand_norm.below is False
    assert dict(summary.symptom_days)["I fell"] == 1
    assert [a.code for a in summary.data.alerts] == ["asymmetry"]
    assert summary.notes == [RepeatedNote("right knee gave way", [end])]


def test_identical_notes_are_listed_once_with_their_days():
    days = [date(2026, 9, day) for day in (7, 10, 12, 18)]
    notes = [
        (days[0], "Long walk with the dog"),
        (days[1], "Tired"),
        (days[2], "long walk with the dog "),
        (days[3], "Long walk with the dog"),
    ]
    assert repeated_notes(notes) == [
        RepeatedNote("Long walk with the dog", [days[0], days[2], days[3]]),
        RepeatedNote("Tired", [days[1]]),
    ]


def test_a_summary_without_notes_alerts_symptoms_or_hints_reads_none_of_them(make_patient, django_assert_num_queries):
    patient = make_patient()
    end = patient.local_today()
    logs = add_logs(patient, known_diary(end=end, days=120))
    logs[-1].note = "right knee gave way"
    logs[-1].save()
    with django_assert_num_queries(2):  # the logs and the alerts, no notes
        summary = clinical_summary(patient=patient, end=end, sections=["charts"])
    assert (summary.notes, summary.symptom_days, summary.hints, summary.data.alerts) == ([], [], [], [])
