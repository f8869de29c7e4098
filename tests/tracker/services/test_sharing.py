import pytest
from django.core.exceptions import ValidationError

from tracker.models import ShareLink
from tracker.services.sharing import rough_client, rough_network, share_create

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.0 Mobile/15E148 Safari/604.1"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 "
    "Edg/130.0"
)


@pytest.mark.parametrize(
    ("agent", "expected"),
    [
        (ANDROID_CHROME, "Chrome on Android"),
        (IPHONE_SAFARI, "Safari on iOS"),
        (EDGE_WINDOWS, "Edge on Windows"),
        ("", "Unknown browser on unknown system"),
    ],
)
def test_the_client_is_described_roughly(agent, expected):
    assert rough_client(agent) == expected


def test_the_network_keeps_no_host_part():
    assert rough_network("203.0.113.77") == "203.0.113.0/24"
    assert rough_network("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert rough_network("not an address") == "unknown"


def test_each_token_is_new_random_and_only_its_hash_is_kept(patient):
    (first, token_a), (_, token_b) = share_create(patient=patient), share_create(patient=patient)
    assert token_a != token_b and len(token_a) >= 43
    assert first.token_hash == ShareLink.hash_token(token_a)
    assert not ShareLink.objects.filter(token_hash__in=[token_a, token_b]).exists()


def test_limits_are_enforced_in_the_service_too(patient):
    with pytest.raises(ValidationError):
        share_create(patient=patient, expires_in_days=400)
    with pytest.raises(ValidationError):
        share_create(patient=patient, sections=["everything"])
