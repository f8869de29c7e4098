"""A carer's pages: accepting an invitation from the email, then a read-only view of the person's alerts and charts."""

import re
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tracker.models import AccessEvent, Alert, CaregiverLink
from tracker.services.caregivers import invite_caregiver


def _invited_carer(patient, django_capture_on_commit_callbacks, username="carer"):
    carer = get_user_model().objects.create_user(username=username, email=f"{username}@example.org", password="pw")
    with django_capture_on_commit_callbacks(execute=True):
        invite_caregiver(patient=patient, email=carer.email)
    link = re.search(r"https?://\S+(/invite/\?code=\S+)", mail.outbox[-1].body).group(1)
    return carer, link


def _following(patient, client, django_capture_on_commit_callbacks):
    """A carer signed in who has accepted the patient's invitation."""
    carer, link = _invited_carer(patient, django_capture_on_commit_callbacks)
    client.force_login(carer)
    client.get(link)
    client.post("/invite/")
    return carer


def _emergency(patient, code, raised_on, patient_text):
    return Alert.objects.create(
        patient=patient,
        code=code,
        severity="emergency",
        raised_on=raised_on,
        patient_text=patient_text,
        physician_text="x",
        advice="Call 112 now.",
        dedup_key="a",
    )


def test_the_email_link_shows_who_invites_and_one_tap_follows_them(patient, client, django_capture_on_commit_callbacks):
    carer, link = _invited_carer(patient, django_capture_on_commit_callbacks)
    client.force_login(carer)
    opened = client.get(link)
    assert opened["Location"] == "/invite/", "the code leaves the address bar at once"
    page = client.get("/invite/").content.decode()
    assert f"{patient.user.username} invites you to follow their leg diary" in page
    assert link.split("code=")[1] not in page

    response = client.post("/invite/")
    assert response["Location"] == f"/following/{patient.pk}/"
    assert CaregiverLink.objects.get(patient=patient).status == CaregiverLink.Status.ACTIVE
    listing = client.get("/following/").content.decode()
    assert patient.user.username in listing
    assert client.get("/").headers["Location"] == "/following/", "a carer's home is the people they follow"


def test_the_link_of_emails_sent_before_still_works(patient, client, django_capture_on_commit_callbacks):
    carer, link = _invited_carer(patient, django_capture_on_commit_callbacks)
    old_link = link.replace("/invite/?code=", "/following/?code=")
    assert client.get(old_link)["Location"] == "/invite/", "signed out too"
    client.force_login(carer)
    assert client.post("/invite/")["Location"] == f"/following/{patient.pk}/"


def test_the_code_can_still_be_typed_under_following(patient, client, django_capture_on_commit_callbacks):
    carer, link = _invited_carer(patient, django_capture_on_commit_callbacks)
    client.force_login(carer)
    response = client.post("/following/", {"token": link.split("code=")[1]})
    assert response["Location"] == f"/following/{patient.pk}/"


def test_a_wrong_or_used_code_says_so_on_the_form(patient, client, django_capture_on_commit_callbacks):
    carer, link = _invited_carer(patient, django_capture_on_commit_callbacks)
    client.force_login(carer)
    token = link.split("code=")[1]
    for code in ("not-a-code", token, token):
        response = client.post("/following/", {"token": code})
    assert response.status_code == 200
    assert "This invitation has already been used or was withdrawn." in response.content.decode()
    assert CaregiverLink.objects.filter(status=CaregiverLink.Status.ACTIVE).count() == 1


def test_the_persons_page_shows_their_alerts_and_charts_and_the_look_is_recorded(
    patient, client, django_capture_on_commit_callbacks
):
    carer = _following(patient, client, django_capture_on_commit_callbacks)
    alert = _emergency(patient, "sudden_weakness", date(2026, 1, 6), "Your right leg is much weaker than yesterday.")

    html = client.get(f"/following/{patient.pk}/?range=30").content.decode()
    assert f'id="alert-{alert.pk}"' in html
    assert f"The app told {patient.user.username}:" in html
    assert "Your right leg is much weaker than yesterday." in html
    assert 'href="tel:112"' in html
    chart_urls = re.findall(r'data-figure-url="([^"]+)"', html)
    assert chart_urls and all(url.startswith(f"/api/patients/{patient.pk}/charts/") for url in chart_urls)
    assert all(client.get(url.replace("&amp;", "&")).status_code == 200 for url in chart_urls)
    assert "I have seen this" not in html, "a carer cannot acknowledge for the patient"
    assert AccessEvent.objects.filter(patient=patient, caregiver=carer, what="alerts and charts").exists()


def test_an_unread_emergency_from_days_ago_asks_the_carer_to_check_not_to_call_now(
    patient, client, django_capture_on_commit_callbacks
):
    _following(patient, client, django_capture_on_commit_callbacks)
    alert = _emergency(patient, "bladder_bowel", patient.local_today() - timedelta(days=4), "x")
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=4))

    html = client.get(f"/following/{patient.pk}/").content.decode()
    assert "Was an emergency" in html and "Emergency: call now" not in html
    assert f"{patient.user.username} has not read this yet: ask whether they were checked for it." in html
    assert 'class="call"' not in html


def test_someone_not_invited_gets_the_not_found_page(patient, make_patient, client):
    client.force_login(make_patient().user)
    assert client.get(f"/following/{patient.pk}/").status_code == 404
