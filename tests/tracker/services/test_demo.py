from django.contrib.auth import authenticate

from tracker.models import Alert, DailyLog
from tracker.services.demo import DEMO_USERNAME, seed_demo_patient


def test_the_demo_patient_has_months_of_logs_an_alert_and_a_fresh_password(db):
    patient, password = seed_demo_patient()
    assert 100 <= patient.logs.count() <= 120
    assert authenticate(username=DEMO_USERNAME, password=password) == patient.user
    assert Alert.objects.filter(patient=patient, code="worsening_trend").exists()

    logged = DailyLog.objects.count()
    again, new_password = seed_demo_patient()
    assert again.pk == patient.pk
    assert new_password != password
    assert authenticate(username=DEMO_USERNAME, password=new_password) == patient.user
    assert DailyLog.objects.count() == logged, "seeding again adds no logs"
