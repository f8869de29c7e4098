from datetime import timedelta

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.models import Alert
from tracker.selectors.summary import clinical_summary


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
    assert summary.notes == [(end, "right knee gave way")]
