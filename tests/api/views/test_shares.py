from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import add_logs, client_for
from tests.frontend.pages import assert_no_inline_code
from tests.tracker.charts.diary import known_diary
from tracker.charts import FIGURES
from tracker.models import ShareAccess, ShareLink

FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def diary(patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=120))


def _create(api, **body):
    response = api.post("/api/shares/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def _path(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_create_returns_a_long_random_url_and_stores_only_its_hash(api):
    created = _create(api)
    assert set(created) == {"id", "url", "expires_at"}
    token = _path(created["url"]).removeprefix("/s/").rstrip("/")
    assert len(token) >= 43
    share = ShareLink.objects.get()
    assert share.token_hash == ShareLink.hash_token(token) != token
    for value in ShareLink.objects.values_list(flat=False).get():
        assert token not in str(value)
    assert abs(share.expires_at - timezone.now() - timedelta(days=30)) < timedelta(minutes=1)


def test_expiry_is_at_most_a_year_and_the_period_must_be_ordered(api):
    too_long = api.post("/api/shares/", {"expires_in_days": 366}, format="json")
    assert too_long.json() == {
        "errors": [{"field": "expires_in_days", "message": "must be a whole number between 1 and 365"}]
    }
    backwards = api.post("/api/shares/", {"period_start": "2026-03-02", "period_end": "2026-03-01"}, format="json")
    assert backwards.json()["errors"][0]["field"] == "period_end"
    unknown = api.post("/api/shares/", {"sections": ["charts", "everything"]}, format="json")
    assert unknown.json()["errors"][0]["field"] == "sections[1]"


def test_lifecycle_open_anonymously_see_the_access_then_revoke(api, diary):
    created = _create(api, expires_in_days=7)
    doctor = Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS, REMOTE_ADDR="203.0.113.77")
    page = doctor.get(_path(created["url"]))
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Cache-Control"] == "no-store"
    assert "script-src 'self'" in page["Content-Security-Policy"]
    html = page.content.decode()
    assert "Leg strength summary" in html and "days logged" in html
    assert html.count("data-figure-json") == len(FIGURES)
    assert_no_inline_code(html)

    listed = api.get("/api/shares/").json()
    assert listed[0]["active"] is True
    assert listed[0]["accesses"] == [
        {
            "accessed_at": listed[0]["accesses"][0]["accessed_at"],
            "kind": "page",
            "client": "Firefox on Windows",
            "network": "203.0.113.0/24",
        }
    ]

    assert api.delete(f"/api/shares/{created['id']}/").status_code == 204
    assert doctor.get(_path(created["url"])).status_code == 404
    assert api.get("/api/shares/").json()[0]["active"] is False


def test_revoked_expired_and_wrong_tokens_get_the_same_404(api, patient, diary):
    revoked, expired, live = (_create(api) for _ in range(3))
    api.delete(f"/api/shares/{revoked['id']}/")
    ShareLink.objects.filter(pk=expired["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    wrong = _path(live["url"])[:-5] + "AAAA/"
    responses = [Client().get(_path(url)) for url in (revoked["url"], expired["url"], wrong, "/s/x/")]
    assert {r.status_code for r in responses} == {404}
    assert len({(r.content, r["Content-Type"], r["X-Robots-Tag"], r["Cache-Control"]) for r in responses}) == 1
    assert not ShareAccess.objects.exists()


def test_a_patient_cannot_see_or_revoke_another_patients_share(api, make_patient):
    created = _create(api)
    other = client_for(make_patient())
    assert other.get("/api/shares/").json() == []
    assert other.delete(f"/api/shares/{created['id']}/").status_code == 404
    assert ShareLink.objects.get().revoked_at is None


def test_share_links_are_rate_limited_per_client_network(api, diary, settings):
    settings.SHARE_RATE_LIMIT_REQUESTS = 3
    url = _path(_create(api)["url"])
    near, elsewhere = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="198.51.100.2")
    assert [near.get(url).status_code for _ in range(2)] == [200, 200]
    assert elsewhere.get("/s/guess/").status_code == 404
    limited = near.get(url)
    assert limited.status_code == 429
    assert limited["Cache-Control"] == "no-store"
    assert Client(REMOTE_ADDR="192.0.2.9").get(url).status_code == 200


def test_a_new_link_shares_neither_notes_nor_files_unless_the_patient_chooses_them(api, patient, diary):
    patient_log = patient.logs.order_by("-date").first()
    patient_log.note = "knee gave way on the stairs"
    patient_log.save()
    default = _create(api)
    assert ShareLink.objects.get(pk=default["id"]).sections == ["charts", "alerts", "hints", "symptoms"]
    url = _path(default["url"])
    html = Client().get(url).content.decode()
    assert "knee gave way" not in html and "logs.csv" not in html
    assert Client().get(f"{url}logs.csv").status_code == 404
    chosen = _path(_create(api, sections=["charts", "notes", "exports"], patient_label="J. S.")["url"])
    html = Client().get(chosen).content.decode()
    assert "knee gave way" in html and "logs.csv" in html
    assert "Leg strength summary: J. S." in html
    assert api.get("/api/shares/").json()[0]["patient_label"] == "J. S."


def test_sections_left_out_are_not_shown(api, patient, diary):
    url = _path(_create(api, sections=["alerts"])["url"])
    html = Client().get(url).content.decode()
    assert "data-figure-json" not in html
    assert "Symptoms: days logged" not in html and "Patterns worth discussing" not in html


def test_the_shared_page_reads_with_a_fixed_number_of_queries(api, diary, django_assert_num_queries):
    url = _path(_create(api)["url"])
    # The share with its patient, the access row, the logs, the alerts (no notes shared, no records kept).
    with django_assert_num_queries(4):
        assert Client().get(url).status_code == 200
