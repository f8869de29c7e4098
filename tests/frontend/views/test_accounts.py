import pytest
from django.contrib.auth import get_user_model

from tracker.models import Patient

PASSWORD = "a long enough passphrase 42"


@pytest.mark.django_db
def test_signing_up_creates_a_patient_signs_in_and_goes_to_the_first_run_step(client):
    response = client.post(
        "/signup/",
        {"username": "ada", "email": "ada@example.org", "password": PASSWORD, "timezone": "Europe/London"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/welcome/"
    assert Patient.objects.get(user__username="ada").timezone == "Europe/London"

    response = client.post("/welcome/", {"timezone": "Europe/Dublin", "country": "ie"})
    assert response["Location"] == "/"
    patient = Patient.objects.get(user__username="ada")
    assert (patient.timezone, patient.country) == ("Europe/Dublin", "IE")


@pytest.mark.django_db
def test_sign_up_shows_the_service_errors_on_the_form(client):
    response = client.post(
        "/signup/", {"username": "bob", "email": "bob@example.org", "password": "short", "timezone": "Nowhere/City"}
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="bob").exists()
    assert response.context["form"].errors


def test_signing_in_uses_a_session_and_a_csrf_protected_form(patient, client):
    client.handler.enforce_csrf_checks = True
    page = client.get("/login/")
    token = page.cookies["csrftoken"].value
    assert client.post("/login/", {"username": patient.user.username, "password": PASSWORD}).status_code == 403
    response = client.post(
        "/login/", {"username": patient.user.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_pages_need_a_sign_in(client, db):
    for path in ("/", "/history/", "/alerts/", "/charts/", "/sharing/", "/settings/", "/welcome/"):
        assert client.get(path)["Location"].startswith("/login/?next=")


def test_deleting_the_account_needs_the_password_and_removes_it(patient, client):
    client.force_login(patient.user)
    assert client.post("/settings/delete-account/", {"password": "wrong"}).status_code == 200
    assert Patient.objects.filter(pk=patient.pk).exists()
    response = client.post("/settings/delete-account/", {"password": PASSWORD})
    assert response.status_code == 200
    assert not Patient.objects.filter(pk=patient.pk).exists()
    assert client.get("/")["Location"].startswith("/login/")


def test_signing_out_is_a_post(patient, client):
    client.force_login(patient.user)
    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/")["Location"] == "/login/"
