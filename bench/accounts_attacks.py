"""The account attacks of the security review (issue 14 items 6, 10, 12, 14), replayed through the whole
Django stack in process against PostgreSQL and Redis, printing what each attacker got.

    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python bench/accounts_attacks.py

The figures in docs/reliability.md are one run of this. Counters are cleared first, so runs are alike.
"""

import time
import uuid

import _django

PASSWORD = "a long enough passphrase 42"
ATTACKER, VICTIM_HOME = "203.0.113.66", "198.51.100.7"


def timed(call):
    started = time.perf_counter()
    response = call()
    return response, (time.perf_counter() - started) * 1000


def main():
    _django.setup("tracker_bench_accounts")
    from django.core import mail
    from django.core.cache import cache
    from django.test.utils import setup_test_environment
    from rest_framework.test import APIClient

    from tracker.services.devices import issue_api_token
    from tracker.services.patients import register_patient

    setup_test_environment()  # the in-memory mail outbox
    cache.clear()
    victim = register_patient(
        username=f"bob{uuid.uuid4().hex[:6]}", email="bob@example.org", password=PASSWORD, timezone="UTC"
    )

    def sign_in(address, password):
        return APIClient(REMOTE_ADDR=address).post(
            "/api/auth/token/", {"username": victim.user.username, "password": password}, format="json"
        )

    print("== 14.6 victim lockout: wrong passwords for bob from one address, then bob from home")
    answers = [sign_in(ATTACKER, "wrong").status_code for _ in range(8)]
    print(f"attacker's 8 wrong passwords: {answers}")
    home, ms = timed(lambda: sign_in(VICTIM_HOME, PASSWORD))
    print(f"bob from another address, right password: {home.status_code} in {ms:.0f} ms")
    neighbour = sign_in("203.0.113.67", PASSWORD)
    print(f"bob from the attacker's /24 (a shared NAT): {neighbour.status_code}")
    slowed = sign_in(ATTACKER, PASSWORD)
    print(f"the attacker's address, right password: {slowed.status_code}, Retry-After {slowed['Retry-After']} s")
    cache.clear()
    for _ in range(5):
        sign_in(ATTACKER, "wrong")
    waits = []
    for _ in range(4):
        refused = sign_in(ATTACKER, "wrong")
        waits.append(int(refused["Retry-After"]))
        time.sleep(waits[-1])
        sign_in(ATTACKER, "wrong")
    print(f"the attacker's wait after failures 5, 6, 7, 8 (each waited out): {waits} s")

    print("== 14.6 one address spraying 60 usernames (a hospital NAT), then someone behind it signs in")
    cache.clear()
    for n in range(60):
        APIClient(REMOTE_ADDR=ATTACKER).post("/api/auth/token/", {"username": f"x{n}", "password": "g"}, format="json")
    behind = sign_in(ATTACKER, PASSWORD)
    print(f"right password from the same address: {behind.status_code}, Retry-After {behind.get('Retry-After')} s")
    print(f"right password from another address: {sign_in(VICTIM_HOME, PASSWORD).status_code}")

    print("== 14.14 30 registrations from one address")
    cache.clear()
    robot = APIClient(REMOTE_ADDR=ATTACKER)
    started = time.perf_counter()
    codes = [
        robot.post(
            "/api/auth/register/",
            {"username": f"r{uuid.uuid4().hex[:8]}", "email": "r@example.org", "password": PASSWORD, "timezone": "UTC"},
            format="json",
        ).status_code
        for _ in range(30)
    ]
    elapsed = time.perf_counter() - started
    print(f"201: {codes.count(201)}, 429: {codes.count(429)} in {elapsed:.1f} s")

    print("== 14.14 25 invitations from one patient")
    cache.clear()
    mail.outbox.clear()
    client = APIClient(REMOTE_ADDR=VICTIM_HOME)
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user=victim.user, device='bench')[1]}")
    codes = [
        client.post("/api/caregivers/", {"email": f"c{n}@example.org"}, format="json").status_code for n in range(25)
    ]
    print(f"201: {codes.count(201)}, 429: {codes.count(429)}")

    print("== 14.11 10 password-reset requests for one address")
    cache.clear()
    codes = [
        APIClient(REMOTE_ADDR=f"192.0.2.{n}")
        .post("/api/auth/password-reset/", {"email": "bob@example.org"}, format="json")
        .status_code
        for n in range(10)
    ]
    print(f"202: {codes.count(202)}, 429: {codes.count(429)} (from 10 different addresses)")


if __name__ == "__main__":
    main()
