from datetime import date

from tracker.models import Alert

HINT = {
    "topic": "Numbness climbing up from the feet",
    "worth_discussing": "You logged numbness on 5 days.",
    "tests": ["vitamin B12"],
    "learn_anchor": "nerves-and-spine",
}


def _alert(patient, **fields):
    defaults = {
        "code": "sudden_weakness",
        "severity": "emergency",
        "raised_on": date(2026, 1, 6),
        "patient_text": "Today's entry shows face, arm or speech signs.",
        "physician_text": "x",
        "advice": "Call 112 now.",
        "evidence": {"strength_right": 2, "baseline_right": 8.0, "previous_right": 8},
        "hints": [HINT],
        "dedup_key": "a",
    }
    return Alert.objects.create(patient=patient, **(defaults | fields))


def test_an_alert_shows_what_to_do_the_evidence_and_hints_linked_to_learn(patient, client):
    alert = _alert(patient)
    client.force_login(patient.user)
    html = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "Emergency: call now" in html
    assert "Call 112 now." in html
    assert "Right leg strength that day: 2 out of 10" in html
    assert 'href="/learn/#nerves-and-spine"' in html
    assert 'href="tel:112"' in html


def test_acknowledging_an_alert_from_its_page(patient, client):
    alert = _alert(patient)
    client.force_login(patient.user)
    assert "Needs your attention" in client.get("/alerts/").content.decode()
    response = client.post(f"/alerts/{alert.pk}/acknowledge/")
    assert response["Location"] == f"/alerts/{alert.pk}/"
    alert.refresh_from_db()
    assert alert.status == Alert.Status.ACKNOWLEDGED


def test_someone_elses_alert_is_not_found(patient, make_patient, client):
    alert = _alert(make_patient())
    client.force_login(patient.user)
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404
    assert client.post(f"/alerts/{alert.pk}/acknowledge/").status_code == 404
