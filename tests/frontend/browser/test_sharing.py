"""The Sharing page on a phone: a link for the doctor, what it shows, who opened it, and carers."""

import pytest
from django.core import mail

from tests.conftest import add_logs
from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_script
from tests.tracker.charts.diary import known_diary
from tracker.models import CaregiverLink, ShareLink

pytestmark = pytest.mark.worker


def test_a_link_for_the_doctor_is_made_opened_seen_and_stopped(phone, server, patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=60))
    sign_in(phone, patient, server)
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/sharing/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Your name or initials on the summary").fill("J. S.")
    page.get_by_text("Include my notes").tap()
    screenshot(page, "sharing-choices")
    page.get_by_role("button", name="Make a new link").tap()
    wait_for_script(page, "document.querySelector('[data-share-url]').value !== ''")
    link = page.get_by_label("Give this link to your doctor").input_value()
    assert "/s/" in link
    share = ShareLink.objects.get(patient=patient)
    assert (share.sections, share.patient_label) == (["charts", "alerts", "hints", "symptoms", "notes"], "J. S.")
    page.get_by_text('with your notes, names you "J. S."').wait_for()

    doctor = phone.browser.new_context(base_url=server)
    try:
        seen = doctor.new_page()
        seen.goto(link[link.index("/s/") :])
        assert "days logged" in seen.inner_text("body").lower()
    finally:
        doctor.close()

    page.reload()
    page.get_by_text("opened once").wait_for()
    page.get_by_text("Your doctor's link looked at the summary").wait_for()
    screenshot(page, "sharing-with-link")
    page.get_by_role("button", name="Stop this link").tap()
    page.get_by_text("stopped").wait_for()
    assert not ShareLink.objects.get(patient=patient).is_active()
    assert errors == []


def test_a_carer_is_invited_and_listed(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/sharing/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Their email").fill("carer@example.org")
    page.get_by_role("button", name="Add").tap()
    page.get_by_text("carer@example.org (invited)").wait_for()
    assert CaregiverLink.objects.filter(patient=patient, email="carer@example.org").exists()
    assert any("carer@example.org" in message.to for message in mail.outbox)


def test_a_carer_is_let_read_the_notes(phone, server, patient, make_patient):
    carer = make_patient(username="carer")
    CaregiverLink.objects.create(
        patient=patient, email="carer@example.org", token_hash="x" * 64, caregiver=carer.user, status="active"
    )
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/sharing/")
    page.wait_for_load_state("networkidle")
    page.get_by_text("Can read my notes", exact=True).tap()
    page.get_by_text("carer@example.org can now read your notes.").wait_for()
    screenshot(page, "sharing-carer-notes")
    assert CaregiverLink.objects.get(patient=patient).sees_notes is True
