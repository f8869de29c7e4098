from django.contrib.auth import authenticate

from tracker.models import Alert, DailyLog, Investigation, LifeEvent, Treatment
from tracker.services.demo import DEMO_USERNAME, seed_demo_patient


def test_the_demo_patient_has_months_of_logs_an_alert_and_a_fresh_password(db):
    patient, password = seed_demo_patient()
    assert 100 <= patient.logs.count() <= 120
    assert authenticate(username=DEMO_USERNAME, password=password) == patient.user
    assert Alert.objects.filter(patient=patient, code="worsening_trend").exists()
    assert [t.name for t in Treatment.objects.filter(patient=patient)] == ["Vitamin B12"]
    [blood_test] = Investigation.objects.filter(patient=patient, kind="blood_test")
    assert "vitamin_b12" in {result.marker for result in blood_test.results.all()}
    [flu] = LifeEvent.objects.filter(patient=patient, kind="illness")
    assert (flu.end - flu.start).days == 6

    logged = DailyLog.objects.count()
    again, new_password = seed_demo_patient()
    assert again.pk == patient.pk
    assert new_password != password
    assert authenticate(username=DEMO_USERNAME, password=new_password) == patient.user
    assert DailyLog.objects.count() == logged, "seeding again adds no logs"
    assert Treatment.objects.count() == Investigation.objects.count() == LifeEvent.objects.count() == 1
