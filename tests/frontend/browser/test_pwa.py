"""Installability, push notifications and a screenshot of every page at phone size."""

import json
from datetime import timedelta

import pytest

from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_service_worker
from tracker.models import Alert

pytestmark = pytest.mark.worker


def test_the_manifest_is_valid_and_the_service_worker_is_active(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    wait_for_service_worker(page)
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.state)") == "activated"

    cdp = phone.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    parsed = json.loads(manifest["data"])
    assert parsed["display"] == "standalone"
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito, where Chromium never offers to install; nothing else may be wrong.
    assert [error["errorId"] for error in errors if error["errorId"] != "in-incognito"] == []


def test_a_push_shows_the_alert_and_clicking_it_opens_the_alert(phone, server, patient):
    alert = Alert.objects.create(
        patient=patient,
        code="sudden_weakness",
        severity="emergency",
        raised_on=patient.local_today(),
        patient_text="Your entry shows a sudden severe loss of strength.",
        physician_text="x",
        advice="Call 112 now.",
        dedup_key="push-test",
    )
    phone.grant_permissions(["notifications"], origin=server)
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/history/")
    wait_for_service_worker(page)

    cdp = phone.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(200)
    registration_id = next(r["registrationId"] for r in registrations if not r["isDeleted"])
    payload = {
        "title": "Sudden weakness",
        "body": "Call 112 now.",
        "severity": "emergency",
        "code": "sudden_weakness",
        "alert_id": alert.pk,
        "url": f"/alerts/{alert.pk}/",
        "tag": f"alert-{alert.pk}",
    }
    shown = None
    # On a loaded machine the first delivery can be lost while the worker starts (one failed full run in four here);
    # the test then delivers again, and the notification's tag keeps a second delivery from showing twice.
    for _ in range(3):
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": server, "registrationId": registration_id, "data": json.dumps(payload)},
        )
        for _ in range(50):
            shown = page.evaluate(
                """async () => (await (await navigator.serviceWorker.ready).getNotifications())
                    .map((n) => ({title: n.title, body: n.body, url: n.data.url}))"""
            )
            if shown:
                break
            page.wait_for_timeout(100)
        if shown:
            break
    assert len(shown) == 1, shown
    shown = shown[0]
    assert shown == {"title": "Emergency: Sudden weakness", "body": "Call 112 now.", "url": f"/alerts/{alert.pk}/"}

    # Headless Chromium has no notification centre to click in, so the click is dispatched to the worker.
    worker = phone.service_workers[0]
    worker.evaluate(
        "self.registration.getNotifications().then(([n]) =>"
        " self.dispatchEvent(new NotificationEvent('notificationclick', {notification: n})))"
    )
    page.wait_for_url(f"**/alerts/{alert.pk}/")
    assert "Emergency: call now" in page.inner_text("h1")


def test_a_screenshot_of_every_page_at_phone_size(phone, server, patient, browser):
    alert = Alert.objects.create(
        patient=patient,
        code="fall",
        severity="soon",
        raised_on=patient.local_today() - timedelta(days=1),
        patient_text="You logged a fall. A doctor should look at why it happened.",
        physician_text="x",
        advice="Please book an appointment with your doctor in the next week or two to talk about your fall.",
        evidence={"strength_left": 7, "baseline_left": 8.0, "new_symptoms": ["fall"]},
        hints=[
            {
                "topic": "Trouble with balance",
                "worth_discussing": "You logged balance problems on 4 days.",
                "tests": ["vitamin B12"],
                "learn_anchor": "brain-and-spinal-cord",
            }
        ],
        dedup_key="screenshot",
    )
    signed_out = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server)
    for name, path in (("login", "/login/"), ("signup", "/signup/"), ("offline", "/offline/")):
        page = signed_out.new_page()
        page.goto(path)
        screenshot(page, name)
    signed_out.close()

    sign_in(phone, patient, server)
    pages = {
        "today": "/",
        "welcome": "/welcome/",
        "history": "/history/",
        "edit-day": f"/history/{patient.local_today().isoformat()}/",
        "alerts": "/alerts/",
        "alert": f"/alerts/{alert.pk}/",
        "charts": "/charts/",
        "sharing": "/sharing/",
        "settings": "/settings/",
        "learn": "/learn/",
        "delete-account": "/settings/delete-account/",
    }
    page = phone.new_page()
    for name, path in pages.items():
        page.goto(path)
        page.wait_for_load_state("networkidle")
        screenshot(page, name)
    page.goto("/")
    page.get_by_role("button", name="Something sudden happened").tap()
    screenshot(page, "red-flag", full_page=False)
