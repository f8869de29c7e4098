"""The Web Push transport against a local push service that decrypts and verifies like the real ones."""

import time

import pytest

from tests.push_service import start_push_service
from tracker.models import Notification, PushSubscription
from tracker.notify.base import SubscriptionGone, TransportError
from tracker.notify.webpush import WebPushTransport

PAYLOAD = {
    "title": "Sudden leg weakness",
    "body": "Call 112 now.",
    "severity": "emergency",
    "code": "sudden_weakness",
    "alert_id": 7,
    "url": "/alerts/7/",
    "tag": "alert-7",
}


def _notification(device) -> Notification:
    subscription = PushSubscription(endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)
    return Notification(channel="push", subscription=subscription, payload=PAYLOAD)


def test_the_payload_arrives_encrypted_aes128gcm_and_signed_with_vapid(push_service, vapid):
    device = push_service.new_device()
    WebPushTransport().send(_notification(device))
    [received] = push_service.wait_for(1)
    assert received.payload == PAYLOAD
    assert received.headers["content-encoding"] == "aes128gcm"
    assert received.headers["urgency"] == "high"
    assert received.vapid_public_key == vapid
    assert received.claims["aud"] == push_service.origin
    assert received.claims["sub"] == "mailto:alerts@example.org"
    assert time.time() < received.claims["exp"] <= time.time() + 24 * 3600


def test_each_send_signs_for_its_own_push_service(push_service):
    other, server = start_push_service()
    try:
        WebPushTransport().send(_notification(push_service.new_device()))
        WebPushTransport().send(_notification(other.new_device()))
        assert push_service.wait_for(1)[0].claims["aud"] == push_service.origin
        assert other.wait_for(1)[0].claims["aud"] == other.origin
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_subscription_is_reported_as_such(push_service, status):
    device = push_service.new_device()
    push_service.scripted[device.endpoint.removeprefix(push_service.origin)] = [status]
    with pytest.raises(SubscriptionGone) as error:
        WebPushTransport().send(_notification(device))
    assert error.value.permanent


@pytest.mark.parametrize(("status", "permanent"), [(500, False), (503, False), (429, False), (400, True)])
def test_server_errors_are_temporary_and_client_errors_permanent(push_service, status, permanent):
    device = push_service.new_device()
    push_service.scripted[device.endpoint.removeprefix(push_service.origin)] = [status]
    with pytest.raises(TransportError) as error:
        WebPushTransport().send(_notification(device))
    assert not isinstance(error.value, SubscriptionGone)
    assert error.value.permanent is permanent


def test_an_unreachable_push_service_is_a_temporary_error(push_service):
    device = push_service.new_device()
    device.endpoint = "https://localhost:9/push/nobody"
    with pytest.raises(TransportError) as error:
        WebPushTransport().send(_notification(device))
    assert not error.value.permanent


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1:6379/",
        "https://[::1]/push/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://2130706433/push/x",
        "https://localhost.example.org/push/x",
        "http://localhost/push/x",
    ],
)
def test_an_endpoint_off_the_allowed_push_services_is_never_contacted(push_service, endpoint):
    """Checked again at send time: a row stored before the rule (or the setting) changed is refused too."""
    device = push_service.new_device()
    device.endpoint = endpoint
    with pytest.raises(TransportError, match="not sent: the endpoint") as error:
        WebPushTransport().send(_notification(device))
    assert error.value.permanent


def test_a_redirect_is_answered_not_followed(push_service):
    device = push_service.new_device()
    path = device.endpoint.removeprefix(push_service.origin)
    push_service.redirects[path] = f"{push_service.origin}/internal/admin"
    with pytest.raises(TransportError, match="307; redirects are not followed") as error:
        WebPushTransport().send(_notification(device))
    assert error.value.permanent
    assert push_service.requests == {path: 1}, "the redirect target was never requested"


def test_a_stalling_push_service_costs_at_most_the_read_timeout(push_service, settings):
    settings.PUSH_READ_TIMEOUT_SECONDS = 1
    device = push_service.new_stalled_device()
    started = time.monotonic()
    with pytest.raises(TransportError, match="unreachable") as error:
        WebPushTransport().send(_notification(device))
    assert time.monotonic() - started < 3
    assert not error.value.permanent


def test_without_vapid_keys_nothing_is_sent(settings):
    settings.VAPID_PRIVATE_KEY = ""
    notification = Notification(channel="push", subscription=PushSubscription(endpoint="https://x"), payload={})
    with pytest.raises(TransportError, match="VAPID_PRIVATE_KEY") as error:
        WebPushTransport().send(notification)
    assert error.value.permanent
