"""Issue 12 item 6: a carer opens the invitation link signed out and gets in, in one flow, without a diary."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from tracker.models import CaregiverLink, Patient
from tracker.selectors.accounts import email_is_verified
from tracker.services.caregivers import invite_caregiver

PASSWORD = "a long enough passphrase 42"


def _invite(patient, django_capture_on_commit_callbacks, email="carer@example.org") -> str:
    with django_capture_on_commit_callbacks(execute=True):
        invite_caregiver(patient=patient, email=email)
    return re.search(r"https?://\S+(/invite/\?code=\S+)", mail.outbox[-1].body).group(1)


def test_signed_out_create_an_account_keeps_the_invitation_and_follows_without_a_diary(
    patient, client, django_capture_on_commit_callbacks
):
    link = _invite(patient, django_capture_on_commit_callbacks)
    client.get(link)
    invitation_page = client.get("/invite/").content.decode()
    assert 'href="/signup/"' in invitation_page

    signup_page = client.get("/signup/").content.decode()
    assert f"Create an account to follow {patient.user.username}" in signup_page
    assert 'value="carer@example.org"' in signup_page, "the invited address is filled in"
    response = client.post("/signup/", {"username": "cara", "email": "carer@example.org", "password": PASSWORD})

    assert response["Location"] == f"/following/{patient.pk}/"
    cara = get_user_model().objects.get(username="cara")
    assert not Patient.objects.filter(user=cara).exists(), "no diary is started for a carer"
    assert CaregiverLink.objects.get(patient=patient).caregiver == cara
    assert client.get("/")["Location"] == "/following/"
    assert "invitation_code" not in client.session


def test_signed_out_sign_in_returns_to_the_invitation(
    patient, make_patient, client, django_capture_on_commit_callbacks
):
    someone = make_patient(username="existing", email="carer@example.org", email_verified=False)
    link = _invite(patient, django_capture_on_commit_callbacks)
    client.get(link)
    login_page = client.get("/login/").content.decode()
    assert f"Sign in to accept {patient.user.username}'s invitation." in login_page
    signed_in = client.post("/login/", {"username": "existing", "password": PASSWORD})
    assert signed_in["Location"] == "/invite/"
    assert client.post("/invite/")["Location"] == f"/following/{patient.pk}/"
    assert CaregiverLink.objects.get(patient=patient).caregiver == someone.user
    assert email_is_verified(someone.user), "the code came to that address: accepting proves it"


def test_a_patient_who_follows_someone_has_following_in_the_nav(
    patient, make_patient, client, django_capture_on_commit_callbacks
):
    follower = make_patient(username="follower", email="carer@example.org")
    client.force_login(follower.user)
    assert 'href="/following/"' not in client.get("/history/").content.decode()
    client.get(_invite(patient, django_capture_on_commit_callbacks))
    client.post("/invite/")
    assert 'href="/following/"' in client.get("/history/").content.decode()


def test_a_used_invitation_link_says_so_in_a_plain_sentence(patient, client, django_capture_on_commit_callbacks):
    link = _invite(patient, django_capture_on_commit_callbacks)
    CaregiverLink.objects.filter(patient=patient).delete()
    client.get(link)
    page = client.get("/invite/").content.decode()
    assert "This invitation has already been used or was withdrawn." in page


def test_following_yourself_is_refused_in_plain_words(patient, client, django_capture_on_commit_callbacks):
    link = _invite(patient, django_capture_on_commit_callbacks)
    client.force_login(patient.user)
    client.get(link)
    page = client.post("/invite/").content.decode()
    assert "This is your own invitation: you cannot follow yourself." in page


def test_an_invitation_is_taken_only_by_the_account_of_the_invited_address(
    patient, make_patient, client, django_capture_on_commit_callbacks
):
    """Issue 14 item 10: a code that reached someone else (a forwarded email, a shared screen) is not enough."""
    intruder = make_patient(username="intruder", email="intruder@example.org")
    link = _invite(patient, django_capture_on_commit_callbacks, email="carer@example.org")
    client.force_login(intruder.user)
    client.get(link)
    page = client.post("/invite/").content.decode()
    assert "This invitation was sent to carer@example.org, and your account uses another email address." in page
    assert CaregiverLink.objects.get(patient=patient).status == CaregiverLink.Status.PENDING


def test_a_carer_can_start_a_diary_of_their_own_later(patient, client, django_capture_on_commit_callbacks):
    client.get(_invite(patient, django_capture_on_commit_callbacks))
    client.post("/signup/", {"username": "cara", "email": "carer@example.org", "password": PASSWORD})
    assert "Start my own diary" in client.get("/following/").content.decode()
    assert client.post("/start-diary/", {"timezone": "Europe/Paris"})["Location"] == "/welcome/"
    cara = get_user_model().objects.get(username="cara")
    assert Patient.objects.get(user=cara).timezone == "Europe/Paris"
    assert CaregiverLink.objects.get(patient=patient).caregiver == cara, "still following"
