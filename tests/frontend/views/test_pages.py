import inspect
import re

from tracker.rules import hints


def test_learn_covers_every_anchor_the_alert_hints_link_to(client, db):
    html = client.get("/learn/").content.decode()
    anchors = set(re.findall(r'learn_anchor="([a-z-]+)"', inspect.getsource(hints))) | {"red-flags"}
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor


def test_settings_saves_the_profile_and_links_exports_and_deletion(patient, client):
    client.force_login(patient.user)
    html = client.get("/settings/").content.decode()
    for link in ("/api/exports/logs.csv", "/api/exports/logs.fhir.json", "/api/export/", "/settings/delete-account/"):
        assert f'href="{link}"' in html
    for link in re.findall(r'href="(/[^"#]*)"', html):
        assert client.get(link).status_code == 200, f"the Settings page links to {link}, which does not answer 200"
    response = client.post(
        "/settings/",
        {"timezone": "America/New_York", "country": "us", "birth_year": "1950", "sex": "female", "history": ["cancer"]},
    )
    assert response["Location"] == "/settings/"
    patient.refresh_from_db()
    assert (patient.timezone, patient.country, patient.emergency_number) == ("America/New_York", "US", "911")
    assert patient.history == ["cancer"]


def test_settings_rejects_an_unknown_time_zone(patient, client):
    client.force_login(patient.user)
    response = client.post("/settings/", {"timezone": "Mars/Base", "country": "DE", "sex": "unspecified"})
    assert response.status_code == 200
    assert "timezone" in response.context["form"].errors
