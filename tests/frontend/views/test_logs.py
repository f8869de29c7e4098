import json
import re
import uuid
from datetime import timedelta

from tracker.models import DailyLog
from tracker.services.logs import log_upsert

VALUES = {"strength_left": 7, "strength_right": 6, "fatigue": 4, "symptoms": ["cramps"]}


def _json_script(html: str, element_id: str):
    return json.loads(re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)[1])


def test_today_offers_yesterday_and_what_the_phone_needs_to_check_offline(patient, client):
    today = patient.local_today()
    for offset in range(1, 4):
        log_upsert(patient=patient, date=today - timedelta(days=offset), client_id=uuid.uuid4(), values=VALUES)
    client.force_login(patient.user)
    html = client.get("/").content.decode()
    assert "Same as yesterday" in html
    assert _json_script(html, "yesterday-values")["strength_left"] == 7
    inputs = _json_script(html, "offline-inputs")
    assert inputs["emergency_number"] == "112"
    assert inputs["timezone"] == "Europe/Berlin"
    assert [day["date"] for day in inputs["history"]] == [
        (today - timedelta(days=offset)).isoformat() for offset in (3, 2, 1)
    ]
    assert inputs["history"][0]["symptoms"] == ["cramps"]
    assert 'href="tel:112"' in html


def test_history_lists_days_and_edits_one_with_its_client_id(patient, client):
    day = patient.local_today() - timedelta(days=2)
    log, _ = log_upsert(patient=patient, date=day, client_id=uuid.uuid4(), values=VALUES)
    client.force_login(patient.user)
    assert f'href="/history/{day.isoformat()}/"' in client.get("/history/").content.decode()
    html = client.get(f"/history/{day.isoformat()}/").content.decode()
    assert _json_script(html, "saved-values")["client_id"] == str(log.client_id)
    assert client.get(f"/history/{(patient.local_today() + timedelta(days=1)).isoformat()}/").status_code == 404
    assert client.get("/history/not-a-date/").status_code == 404


def test_no_page_has_an_inline_script(patient, client):
    client.force_login(patient.user)
    for path in ("/", "/history/", "/alerts/", "/charts/", "/sharing/", "/settings/", "/learn/", "/welcome/"):
        html = client.get(path).content.decode()
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path


def test_a_past_day_is_not_called_today(patient, client):
    day = patient.local_today() - timedelta(days=3)
    client.force_login(patient.user)
    html = client.get(f"/history/{day.isoformat()}/").content.decode()
    assert "More about this day" in html and "Steps that day" in html and "Other symptoms that day" in html
    assert "More about today" not in html and "Steps today" not in html and "symptoms today" not in html


def _days_logged(patient, count: int) -> list:
    today = patient.local_today()
    logs = [
        DailyLog(patient=patient, date=today - timedelta(days=offset), client_id=uuid.uuid4(), **BARE_VALUES)
        for offset in range(1, count + 1)
    ]
    return DailyLog.objects.bulk_create(logs)


BARE_VALUES = {"strength_left": 7, "strength_right": 6, "fatigue": 4}


def test_history_is_complete_a_page_at_a_time(patient, client, django_assert_max_num_queries):
    """The demo's 106 days: 60, then the 46 older ones (it used to stop at 60)."""
    logs = _days_logged(patient, 106)
    client.force_login(patient.user)
    with django_assert_max_num_queries(12):
        first = client.get("/history/").content.decode()
    days = re.findall(r'href="/history/(\d{4}-\d{2}-\d{2})/"', first)
    assert days == [log.date.isoformat() for log in logs[:60]]
    older = re.search(r'href="(/history/\?before=[\d-]+)" data-older>Show older days<', first)[1]
    assert older == f"/history/?before={logs[59].date.isoformat()}"

    rest = client.get(older).content.decode()
    assert re.findall(r'href="/history/(\d{4}-\d{2}-\d{2})/"', rest) == [log.date.isoformat() for log in logs[60:]]
    assert "data-older" not in rest
    assert 'href="/history/">Back to the newest days<' in rest


def test_a_missed_day_is_picked_from_the_past_only(patient, client):
    today = patient.local_today()
    client.force_login(patient.user)
    html = client.get("/history/").content.decode()
    assert f'type="date" id="missed-day" name="day" max="{(today - timedelta(days=1)).isoformat()}"' in html

    past = today - timedelta(days=9)
    assert client.get("/history/add/", {"day": past.isoformat()}).url == f"/history/{past.isoformat()}/"
    assert client.get("/history/add/", {"day": today.isoformat()}).url == "/"
    future = client.get("/history/add/", {"day": (today + timedelta(days=1)).isoformat()})
    assert future.status_code == 400
    assert "Choose a day that has already been: today or before." in future.content.decode()
    empty = client.get("/history/add/", {"day": ""})
    assert "Choose the day you missed, for example 3 March." in empty.content.decode()
    assert 'aria-invalid="true"' in empty.content.decode()

    page = client.get(f"/history/{past.isoformat()}/").content.decode()
    assert f'<h1>Add <time datetime="{past.isoformat()}">' in page
    assert "Save this day" in page and "Save changes" not in page
