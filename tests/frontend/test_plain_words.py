"""No internal code reaches a person or their doctor: every alert, severity and symptom the app knows (and an
alert code nobody has labelled yet) is raised and logged, then every page, chart, email and push is read."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import add_logs, client_for
from tests.plain_words import codes_in_figure, codes_in_html, codes_in_text
from tracker.charts import FIGURES
from tracker.labels import ALERT_LABELS, SEVERITY_LABELS
from tracker.models import CaregiverLink, Notification
from tracker.rules.types import DayEntry, Finding, Severity
from tracker.services import alerting, delivery
from tracker.services.email_verification import mark_email_verified
from tracker.services.sharing import share_create
from tracker.symptoms import SYMPTOMS

# The engine may grow alerts before anyone writes their words: they must still read as words.
UNLABELLED_CODE = "nerve_signal_drop"


@pytest.fixture
def carer(patient):
    user = get_user_model().objects.create_user(username="carer", email="carer@example.org", password="pw")
    mark_email_verified(user)
    CaregiverLink.objects.create(patient=patient, email=user.email, token_hash="carer", caregiver=user, status="active")
    return user


@pytest.fixture
def diary(patient, carer):
    """Every symptom on some day of a quarter, and every alert at each severity (a carer hears the pressing ones)."""
    today = patient.local_today()
    add_logs(
        patient,
        [
            DayEntry(
                date=today - timedelta(days=age),
                strength_left=7,
                strength_right=6,
                fatigue=4,
                steps=4000,
                chair_stand_30s=11 if age % 3 == 0 else None,
                symptoms=frozenset({SYMPTOMS[age % len(SYMPTOMS)]}),
            )
            for age in range(90)
        ],
    )
    severities = list(Severity)
    findings = [
        Finding(code=code, severity=severities[index % len(severities)], patient_text="Your entries changed.")
        for index, code in enumerate([*ALERT_LABELS, UNLABELLED_CODE])
    ]
    for offset, finding in enumerate(findings):
        alerting.raise_alerts(patient=patient, findings=[finding], raised_on=today - timedelta(days=offset), days=[])
    return patient


def test_the_alert_pages_say_what_each_alert_is_about_and_what_to_do(diary, client):
    client.force_login(diary.user)
    pages = {"/alerts/": client.get("/alerts/").content.decode()}
    for alert in diary.alerts.all():
        pages[f"/alerts/{alert.pk}/"] = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert {path: codes_in_html(page) for path, page in pages.items() if codes_in_html(page)} == {}
    listing = pages["/alerts/"]
    assert "Legs weaker over weeks" in listing and "New bladder or bowel control problem" in listing
    assert "A change in the diary worth a look" in listing, "an unlabelled alert still reads as words"
    assert all(str(label) in listing for label in SEVERITY_LABELS.values())


def test_the_carers_page_and_the_doctors_summary_speak_in_words(diary, carer, client):
    client.force_login(carer)
    following = client.get(f"/following/{diary.pk}/").content.decode()
    _, token = share_create(patient=diary)
    summary = client.get(f"/s/{token}/").content.decode()
    assert codes_in_html(following) == set()
    assert codes_in_html(summary) == set()
    assert "Legs weaker over weeks" in summary and "See a doctor today" in summary
    assert "Trouble with balance" in summary, "symptoms in the daily form's words"


def test_no_chart_shows_a_code(diary):
    api = client_for(diary)
    for name in FIGURES:
        figure = api.get(f"/api/charts/{name}/?range=90").json()["figure"]
        assert codes_in_figure(figure) == set(), name


def test_emails_and_pushes_name_the_alert_and_what_to_do(diary, carer):
    delivery_rows = Notification.objects.filter(alert__patient=diary)
    assert delivery_rows.exists()
    for due in delivery.due_deliveries().notifications:
        delivery.deliver(notification_id=due[0])
    # A push shows its payload's title and body; the rest of it (code, severity, url) is data for the app.
    texts = [text for row in delivery_rows for text in (row.title, row.body, row.payload["title"], row.payload["body"])]
    texts += [text for message in mail.outbox for text in (message.subject, message.body)]
    assert codes_in_text(texts) == set()
    assert {row.recipient for row in delivery_rows} == {diary.user, carer}
    assert not any(str(row.title) in ALERT_LABELS for row in delivery_rows)
    urgent = next(m for m in mail.outbox if m.to == [diary.user.email] and "See a doctor today" in m.subject)
    assert urgent.subject.endswith(". See a doctor today")
