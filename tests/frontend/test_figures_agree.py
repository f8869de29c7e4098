"""One definition per number: the alert page, the doctor's summary (and so its PDF) and the CSV agree."""

import csv
import io
import re
from datetime import date, timedelta

from django.test import Client

from tests.conftest import add_logs
from tracker.models import Alert
from tracker.models.sharing import SHARE_SECTIONS
from tracker.rules.types import DayEntry
from tracker.services.sharing import share_create

END = date(2026, 6, 30)
TINGLING_AGES = (1, 5, 9, 20, 33, 41, 58)


def _diary() -> list[DayEntry]:
    return [
        DayEntry(
            date=END - timedelta(days=age),
            strength_left=8,
            strength_right=5 if age < 14 else 8,
            fatigue=3,
            steps=4034 if age < 7 else 5000,
            chair_stand_30s=None,
            numbness_extent=0,
            # Tingling also twice before the alert's 60 days, which no count of those 60 days may include.
            symptoms=frozenset({"tingling"} if age in (*TINGLING_AGES, 70, 95) else ()),
        )
        for age in range(119, -1, -1)
    ]


def test_the_alert_the_summary_and_the_csv_give_the_same_numbers(patient, client):
    add_logs(patient, _diary())
    alert = Alert.objects.create(
        patient=patient,
        code="worsening_trend",
        severity="soon",
        raised_on=END,
        evidence={
            "declines": [{"series": "strength_right", "baseline": 8.0, "recent": 5.0}],
            "recent_window": ["2026-06-17", "2026-06-30"],
        },
        patient_text="Your right leg has slowly got weaker.",
        physician_text="x",
        advice="Book an appointment.",
        dedup_key="k",
    )
    client.force_login(patient.user)
    alert_page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "Right leg strength: usually about 8, lately about 5" in alert_page
    assert "Days with each symptom from 2 May to 30 Jun: Tingling or pins and needles 7 days" in alert_page

    _, token = share_create(
        patient=patient, period_start=END - timedelta(days=59), period_end=END, sections=SHARE_SECTIONS
    )
    summary = Client().get(f"/s/{token}/").content.decode()
    assert "Tingling or pins and needles: <strong>7</strong>" in summary
    right_leg = re.search(r"<th scope=\"row\">Right leg strength</th>(.*?)</tr>", summary, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", right_leg) == ["8", "5", "-3.0 (-38%)"]
    steps = re.search(r"<th scope=\"row\">Steps a day</th>(.*?)</tr>", summary, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", steps) == ["5,000", "4,034", "-966 (-19%)"]

    rows = list(csv.DictReader(io.StringIO(Client().get(f"/s/{token}/logs.csv").content.decode())))
    assert sum("tingling" in row["symptoms"].split(";") for row in rows) == 7
