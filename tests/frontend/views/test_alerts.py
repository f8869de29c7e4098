from datetime import date, timedelta

from django.utils import timezone

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
        "patient_text": "Your entry shows face, arm or speech signs.",
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
    assert "Call 112 now and say what you noticed" in html
    assert "Right leg strength that day: 2 out of 10" in html
    assert 'href="/learn/#nerves-and-spine"' in html
    assert 'href="tel:112"' in html


def test_an_emergency_from_an_earlier_day_is_shown_as_past_not_as_a_call_to_act_now(patient, client):
    alert = _alert(patient)
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=3))
    client.force_login(patient.user)
    html = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "An alert from an earlier day" in html
    assert "Was an emergency" in html and "Emergency: call now" not in html
    assert 'class="call"' not in html, "no big call button"
    assert 'If these signs are still there or getting worse, call <a href="tel:112">112</a> now.' in html
    assert "What we advised then" in html

    Alert.objects.filter(pk=alert.pk).update(status=Alert.Status.RESOLVED)
    assert "If these signs are still there" not in client.get(f"/alerts/{alert.pk}/").content.decode()


def test_the_alert_list_labels_an_old_emergency_by_what_it_was(patient, client):
    old = _alert(patient, dedup_key="old")
    Alert.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    client.force_login(patient.user)
    assert "Was an emergency" in client.get("/alerts/").content.decode()
    _alert(patient, dedup_key="new")
    html = client.get("/alerts/").content.decode()
    assert html.count("Was an emergency") == 1 and html.count("Emergency: call now") == 1


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


def test_day_one_cauda_equina_signs_get_the_same_words_on_every_surface(make_patient, client):
    """A first-ever entry (left leg 2/10, new bladder or bowel trouble): the triage answer, the alert page, the
    push and the email all say what Learn says for it, and nothing is called new against usual days."""
    from django.utils.html import escape

    from tests.conftest import client_for
    from tracker.models import DailyLog, Notification
    from tracker.rules.advice import advice
    from tracker.rules.types import Severity
    from tracker.services.alerting import check_saved_log

    patient = make_patient(timezone="America/New_York")
    answer = (
        client_for(patient)
        .post(
            "/api/logs/",
            {
                "date": patient.local_today().isoformat(),
                "client_id": "6f1c1a1e-7a0e-4a56-9d0e-1d2b3c4d5e6f",
                "strength_left": 2,
                "strength_right": 8,
                "fatigue": 4,
                "symptoms": ["bladder_bowel_change"],
            },
            format="json",
        )
        .json()
    )
    words = advice("bladder_bowel", Severity.EMERGENCY, "911")
    assert (answer["triage"]["severity"], answer["triage"]["advice"]) == ("emergency", words)
    assert "emergency department" in words

    [alert] = check_saved_log(log_id=DailyLog.objects.get(patient=patient).pk)
    assert alert.advice == words
    client.force_login(patient.user)
    page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert escape(words) in page
    assert "New compared with your usual days" not in page
    assert "no usual level yet" in page
    assert escape(words) in client.get("/learn/").content.decode()
    messages = Notification.objects.filter(alert=alert, recipient=patient.user)
    assert messages.filter(channel="email").count() == 1
    assert all(words in message.body for message in messages)


def test_learn_names_the_signed_in_persons_emergency_number(make_patient, client):
    client.force_login(make_patient(timezone="Australia/Sydney").user)
    assert "Call 000 now" in client.get("/learn/").content.decode()
    client.logout()
    assert "Call your emergency number now" in client.get("/learn/").content.decode()


def test_a_non_emergency_alert_has_no_call_button(patient, client):
    alert = _alert(patient, code="fall", severity="urgent", advice="Please see a doctor today.", dedup_key="u")
    client.force_login(patient.user)
    assert 'class="call"' not in client.get(f"/alerts/{alert.pk}/").content.decode()


def test_an_alert_stored_under_older_words_reads_as_learn_does(patient, client):
    from django.utils.html import escape

    from tracker.rules.advice import advice
    from tracker.rules.types import Severity

    alert = _alert(
        patient, code="bladder_bowel", severity="urgent", advice="See a doctor today, call your GP.", dedup_key="o"
    )
    client.force_login(patient.user)
    words = advice("bladder_bowel", Severity.URGENT, "112")
    for page in (f"/alerts/{alert.pk}/", "/"):
        html = client.get(page).content.decode()
        assert "call your GP." not in html
        assert escape(words) in html, page
