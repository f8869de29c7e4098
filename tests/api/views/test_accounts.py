import pytest
from rest_framework.test import APIClient

from tracker.models import Patient

REGISTRATION = {
    "username": "maria",
    "email": "maria@example.org",
    "password": "correct horse battery staple",
    "timezone": "Europe/Lisbon",
}


@pytest.fixture
def anonymous():
    return APIClient()


@pytest.mark.django_db
def test_register_returns_a_token_that_works(anonymous):
    response = anonymous.post(
        "/api/auth/register/",
        {**REGISTRATION, "country": "pt", "birth_year": 1958, "sex": "female", "history": ["diabetes"]},
        format="json",
    )
    assert response.status_code == 201
    token = response.json()["token"]
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    profile = anonymous.get("/api/profile/").json()
    assert profile == {
        "username": "maria",
        "email": "maria@example.org",
        "email_verified": False,
        "timezone": "Europe/Lisbon",
        "emergency_number": "112",
        "emergency_country": "PT",
        "birth_year": 1958,
        "sex": "female",
        "country": "PT",
        "history": ["diabetes"],
    }


@pytest.mark.django_db
def test_token_endpoint_exchanges_username_and_password(anonymous):
    anonymous.post("/api/auth/register/", REGISTRATION, format="json")
    response = anonymous.post("/api/auth/token/", {"username": "maria", "password": REGISTRATION["password"]})
    assert response.status_code == 200
    assert len(response.json()["token"]) == 64  # knox: 32 random bytes, hex
    wrong = anonymous.post("/api/auth/token/", {"username": "maria", "password": "nope"})
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["field"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone", "not a known IANA time zone"),
        ({"password": "short"}, "password", "too short"),
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"username": "x"}, "username", "3 to 150"),
        ({"country": "Germany"}, "country", "two-letter"),
        ({"country": "XX"}, "country", "not a country"),
        ({"history": ["gout"]}, "history[0]", "allowed: cancer, diabetes, spinal_surgery"),
        ({"birth_year": 1800}, "birth_year", "between 1900"),
    ],
)
def test_register_rejects_bad_input_and_names_the_field(anonymous, change, field, fragment):
    response = anonymous.post("/api/auth/register/", {**REGISTRATION, **change}, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert fragment in errors[0]["message"]
    assert not Patient.objects.exists()


@pytest.mark.django_db
def test_a_taken_username_is_refused(anonymous):
    anonymous.post("/api/auth/register/", REGISTRATION, format="json")
    response = anonymous.post("/api/auth/register/", {**REGISTRATION, "username": "MARIA"}, format="json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error == {"field": "username", "message": "This user name is taken. Choose another one."}
    assert Patient.objects.count() == 1


def test_profile_patch_changes_only_what_is_sent(api, patient):
    response = api.patch("/api/profile/", {"country": "us", "history": ["cancer"]}, format="json")
    assert response.status_code == 200
    assert response.json()["emergency_number"] == "911"
    patient.refresh_from_db()
    assert patient.timezone == "Europe/Berlin"
    assert patient.history == ["cancer"]


def test_profile_put_needs_the_whole_profile_and_rejects_a_bad_zone(api, patient):
    response = api.put("/api/profile/", {"email": "a@example.org", "timezone": "Nowhere/Else"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "timezone"
    patient.refresh_from_db()
    assert patient.timezone == "Europe/Berlin"
    ok = api.put("/api/profile/", {"email": "a@example.org", "timezone": "Asia/Tokyo"}, format="json")
    assert ok.status_code == 200
    assert ok.json()["timezone"] == "Asia/Tokyo"


@pytest.mark.django_db
def test_profile_refuses_anonymous(anonymous):
    assert anonymous.get("/api/profile/").status_code == 401
    assert anonymous.patch("/api/profile/", {}, format="json").status_code == 401


@pytest.mark.django_db
def test_the_openapi_schema_describes_the_api(anonymous):
    response = anonymous.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/logs/", "/api/logs/{day}/", "/api/profile/", "/api/auth/register/", "/api/auth/token/"} <= set(paths)
    assert anonymous.get("/api/docs/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zone", "number", "country"),
    [
        ("America/New_York", "911", "US"),
        ("US/Eastern", "911", "US"),  # an older name some phones still report
        ("Asia/Calcutta", "112", "IN"),
        ("Australia/Sydney", "000", "AU"),
        ("Europe/London", "999", "GB"),
        ("UTC", "112", ""),  # names no country: the first run asks
    ],
)
def test_with_no_country_given_the_emergency_number_comes_from_the_time_zone(anonymous, zone, number, country):
    registered = anonymous.post("/api/auth/register/", {**REGISTRATION, "timezone": zone}, format="json")
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {registered.json()['token']}")
    profile = anonymous.get("/api/profile/").json()
    assert (profile["country"], profile["emergency_country"], profile["emergency_number"]) == ("", country, number)


def test_a_chosen_country_wins_over_the_time_zone(api, patient):
    patient.timezone, patient.country = "America/New_York", ""
    patient.save()
    assert api.get("/api/profile/").json()["emergency_number"] == "911"
    profile = api.patch("/api/profile/", {"country": "MX"}, format="json").json()
    assert (profile["emergency_country"], profile["emergency_number"]) == ("MX", "911")
    profile = api.patch("/api/profile/", {"country": "GB"}, format="json").json()
    assert (profile["emergency_country"], profile["emergency_number"]) == ("GB", "999")
