"""Push subscriptions may only point at the allowed browser push services (settings.PUSH_SERVICE_HOSTS)."""

import pytest

from tracker.notify.endpoints import endpoint_refusal

PRODUCTION_HOSTS = [
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "*.push.apple.com",
    "*.notify.windows.com",
]


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABh",
        "https://web.push.apple.com/QGuQyavXutnMH3HXwGQyfWbRIzaXUrbjmHJ",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAD",
        "https://FCM.googleapis.com./fcm/send/x",
    ],
)
def test_the_browsers_push_services_are_accepted(settings, endpoint):
    settings.PUSH_SERVICE_HOSTS = PRODUCTION_HOSTS
    assert endpoint_refusal(endpoint) is None


@pytest.mark.parametrize(
    ("endpoint", "words"),
    [
        ("http://fcm.googleapis.com/fcm/send/x", "https://"),
        ("https://127.0.0.1:6379/", "not an IP address"),
        ("https://[::1]:8000/admin/", "not an IP address"),
        ("https://169.254.169.254/latest/meta-data/", "not an IP address"),
        ("https://0x7f000001/", "not an IP address"),
        ("https://127.1/", "not an IP address"),
        ("https://localhost:8000/admin/", "not on a browser push service"),
        ("https://push.apple.com/x", "not on a browser push service"),
        ("https://evilpush.apple.com.attacker.example/x", "not on a browser push service"),
        ("https://fcm.googleapis.com.attacker.example/x", "not on a browser push service"),
        ("https://user:pass@fcm.googleapis.com/fcm/send/x", "user name or password"),
        ("https://fcm.googleapis.com:99999/x", "push service URL"),
        ("https:///x", "must name a push service"),
    ],
)
def test_anything_else_is_refused_with_the_reason(settings, endpoint, words):
    settings.PUSH_SERVICE_HOSTS = PRODUCTION_HOSTS
    assert words in endpoint_refusal(endpoint)


def test_an_ip_address_is_refused_even_when_listed(settings):
    settings.PUSH_SERVICE_HOSTS = ["127.0.0.1", "::1", "localhost"]
    assert "not an IP address" in endpoint_refusal("https://127.0.0.1/push/x")
    assert "not an IP address" in endpoint_refusal("https://[::1]/push/x")
    assert endpoint_refusal("https://localhost:4443/push/x") is None


def test_the_default_setting_lists_each_browsers_push_service(monkeypatch):
    import importlib

    import tracker.settings

    monkeypatch.delenv("PUSH_SERVICE_HOSTS", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    try:
        assert importlib.reload(tracker.settings).PUSH_SERVICE_HOSTS == PRODUCTION_HOSTS
    finally:
        importlib.reload(tracker.settings)
