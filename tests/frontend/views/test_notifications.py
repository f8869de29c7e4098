"""The Messages page: the in-app inbox the API already had, for a patient and for a carer."""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from tracker.models import Alert, CaregiverLink, Notification


def _alert(patient) -> Alert:
    return Alert.objects.create(
        patient=patient,
        code="fall",
        severity="soon",
        raised_on=date(2026, 5, 1),
        patient_text="You fell.",
        physician_text="",
        advice="",
        dedup_key="fall",
    )


def _message(recipient, alert=None, title="A fall. Book an appointment", status=Notification.Status.SENT):
    return Notification.objects.create(
        recipient=recipient,
        alert=alert,
        channel=Notification.Channel.INBOX,
        status=status,
        title=title,
        body="Book an appointment with your GP this week.",
        payload={"url": f"/alerts/{alert.pk}/"} if alert else {"url": "/"},
        next_attempt_at=timezone.now(),
    )


def test_the_patient_reads_their_messages_newest_first_and_marks_them_read(
    patient, make_patient, client, django_assert_max_num_queries
):
    alert = _alert(patient)
    older = _message(patient.user, alert)
    newer = _message(patient.user, title="Time to log today")
    _message(make_patient().user, title="Someone else's message")
    _message(patient.user, title="Not delivered yet", status=Notification.Status.PENDING)
    client.force_login(patient.user)

    with django_assert_max_num_queries(12):
        html = client.get("/notifications/").content.decode()
    assert html.index("Time to log today") < html.index("A fall. Book an appointment")
    assert "Someone else&#x27;s message" not in html and "Not delivered yet" not in html
    assert f'href="/alerts/{alert.pk}/"' in html
    assert "Mark all 2 new messages as read" in html
    assert html.count('<span class="new">New</span>') == 2

    assert client.post("/notifications/read/").url == "/notifications/"
    older.refresh_from_db(), newer.refresh_from_db()
    assert older.read_at and newer.read_at
    html = client.get("/notifications/").content.decode()
    assert "new message" not in html and '<span class="new">' not in html
    assert client.get("/notifications/read/").status_code == 405


def test_a_carer_s_message_leads_to_the_person_they_follow(patient, client):
    carer = get_user_model().objects.create_user(username="carer", email="carer@example.org")
    CaregiverLink.objects.create(
        patient=patient, email=carer.email, token_hash="x" * 64, caregiver=carer, status=CaregiverLink.Status.ACTIVE
    )
    _message(carer, _alert(patient))
    client.force_login(carer)
    html = client.get("/notifications/").content.decode()
    assert f'href="/following/{patient.pk}/"' in html
    assert 'href="/alerts/' not in html


def test_an_empty_inbox_says_what_will_come_here(patient, client):
    client.force_login(patient.user)
    assert "No messages yet." in client.get("/notifications/").content.decode()


def test_more_says_how_many_messages_are_new(patient, client):
    client.force_login(patient.user)
    assert "new)" not in client.get("/more/").content.decode()
    _message(patient.user)
    _message(patient.user, status=Notification.Status.PENDING)
    assert '<span class="new">(1 new)</span>' in client.get("/more/").content.decode()
