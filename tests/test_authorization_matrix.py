"""Who gets what: every URL pattern in the URL conf against every kind of visitor.

The patterns are read from the URL conf itself, so a new endpoint fails `test_every_url_pattern_is_classified`
until it is given a row in ACCESS (or falls under a namespace rule in `classify`). Pages added under the
`frontend` namespace (the PWA) are signed-in pages by rule: a redirect to the login page for anyone without an
account, 200 for anyone with one. A page that must behave otherwise (public, share-token) needs its own row.
"""

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.conftest import token_for
from tracker.models import (
    Alert,
    CaregiverLink,
    DailyLog,
    DailyLogRevision,
    Investigation,
    LabResult,
    LifeEvent,
    Notification,
    NotificationPreferences,
    PushSubscription,
    RecordRevision,
    ShareLink,
    Snooze,
    Treatment,
)
from tracker.models.sharing import SHARE_SECTIONS
from tracker.services.devices import issue_api_token
from tracker.services.sharing import share_create

PUBLIC = "public"  # anyone, signed in or not
OWN = "own-patient-data"  # the signed-in patient's own data; 403 for an account without a patient profile
ACCOUNT = "own-account-data"  # the signed-in account's own things (inbox, devices), patient or caregiver
SIGNED_IN = "signed-in"  # any account
CAREGIVER = "caregiver-readable"  # /api/patients/{id}/: the patient and their caregivers, read-only
SHARE = "share-token"  # whoever holds a live share link, nobody else
PAGE = "signed-in-page"  # a web page: redirect to the login page without a session
PATIENT_PAGE = "patient-page"  # a page about the signed-in patient's diary: 403 for a caregiver-only account
HOME_PAGE = "home-page"  # Today: a caregiver-only account is sent to the people it follows instead
CARER_PAGE = "carer-page"  # /following/{id}/: the patient and their caregivers, read-only, like CAREGIVER
SIGN_IN_PAGE = "sign-in-page"  # the form for visitors; someone signed in is sent home
POST_ONLY = "post-only"  # a form's target: GET is not allowed, for anyone
POST_PAGE = "post-only-page"  # the same behind sign-in to a patient's diary
ACCOUNT_POST_PAGE = "post-only-account-page"  # the same behind sign-in to any account (the account page's forms)
ADMIN = "admin"  # staff only: every visitor here is sent to the admin login

ACCESS = {
    "api:schema": PUBLIC,
    "api:docs": PUBLIC,
    "api:redoc": PUBLIC,
    "api:register": PUBLIC,
    "api:token": PUBLIC,
    "api:logout": SIGNED_IN,
    "api:password-change": SIGNED_IN,
    "api:password-reset": PUBLIC,
    "api:password-reset-confirm": PUBLIC,
    "api:email": ACCOUNT,
    "api:email-send-link": ACCOUNT,
    "api:email-verify": PUBLIC,
    "api:devices": ACCOUNT,
    "api:device-detail": ACCOUNT,
    "api:profile": OWN,
    "api:profile DELETE": ACCOUNT,  # a caregiver-only account deletes itself here too
    "api:logs": OWN,
    "api:log-detail": OWN,
    "api:log-revisions": OWN,
    "api:treatments": OWN,
    "api:treatment-detail": OWN,
    "api:treatment-revisions": OWN,
    "api:investigations": OWN,
    "api:investigation-detail": OWN,
    "api:investigation-revisions": OWN,
    "api:life-events": OWN,
    "api:life-event-detail": OWN,
    "api:life-event-revisions": OWN,
    "api:alerts": OWN,
    "api:alert-detail": OWN,
    "api:alert-acknowledge": OWN,
    "api:alert-resolve": OWN,
    "api:charts": SIGNED_IN,
    "api:chart": OWN,
    "api:shares": OWN,
    "api:share-detail": OWN,
    "api:export": OWN,
    "api:audit": OWN,
    "api:export-csv": OWN,
    "api:export-fhir": OWN,
    "api:export-records-csv": OWN,
    "api:push-subscriptions": ACCOUNT,
    "api:push-subscription-detail": ACCOUNT,
    "api:vapid-public-key": SIGNED_IN,
    "api:notifications": ACCOUNT,
    "api:notification-read": ACCOUNT,
    "api:notification-preferences": ACCOUNT,
    "api:notification-snooze": ACCOUNT,
    "api:caregivers": OWN,
    "api:caregiver-accept": SIGNED_IN,
    "api:caregiver-detail": OWN,
    "api:patients": SIGNED_IN,
    "api:patient-alerts": CAREGIVER,
    "api:patient-logs": CAREGIVER,
    "api:patient-chart": CAREGIVER,
    "frontend:learn": PUBLIC,
    "frontend:signup": PUBLIC,
    "frontend:invitation": PUBLIC,
    "frontend:verify-email": PUBLIC,
    "frontend:password-reset": PUBLIC,
    "frontend:password-reset-sent": PUBLIC,
    "frontend:password-reset-confirm": PUBLIC,
    "frontend:password-reset-complete": PUBLIC,
    "frontend:send-verification": ACCOUNT_POST_PAGE,
    "frontend:sign-out-device": ACCOUNT_POST_PAGE,
    "frontend:start-diary": ACCOUNT_POST_PAGE,
    "frontend:manifest": PUBLIC,
    "frontend:service-worker": PUBLIC,
    "frontend:offline": PUBLIC,
    "frontend:login": SIGN_IN_PAGE,
    "frontend:logout": POST_ONLY,
    "frontend:acknowledge": POST_PAGE,
    "frontend:resolve": POST_PAGE,
    "frontend:today": HOME_PAGE,
    "frontend:followed-patient": CARER_PAGE,
    "frontend:history": PATIENT_PAGE,
    "frontend:edit-day": PATIENT_PAGE,
    "frontend:add-day": PATIENT_PAGE,
    "frontend:notifications": PAGE,
    "frontend:notifications-read": ACCOUNT_POST_PAGE,
    "frontend:alerts": PATIENT_PAGE,
    "frontend:alert": PATIENT_PAGE,
    "frontend:charts": PATIENT_PAGE,
    "frontend:sharing": PATIENT_PAGE,
    "frontend:settings": PATIENT_PAGE,
    "frontend:welcome": PATIENT_PAGE,
    "frontend:records": PATIENT_PAGE,
    "frontend:treatment-new": PATIENT_PAGE,
    "frontend:treatment": PATIENT_PAGE,
    "frontend:treatment-end": POST_PAGE,
    "frontend:treatment-remove": POST_PAGE,
    "frontend:test-new": PATIENT_PAGE,
    "frontend:test": PATIENT_PAGE,
    "frontend:test-remove": POST_PAGE,
    "frontend:event-new": PATIENT_PAGE,
    "frontend:event": PATIENT_PAGE,
    "frontend:event-end": POST_PAGE,
    "frontend:event-remove": POST_PAGE,
    "frontend:shared": SHARE,
    "frontend:shared-pdf": SHARE,
    "frontend:shared-csv": SHARE,
    "frontend:shared-fhir": SHARE,
    "frontend:shared-records-csv": SHARE,
    "admin:login": PUBLIC,
}
NAMESPACE_RULES = {"admin": ADMIN, "frontend": PAGE}
# URLs naming one of the owner's objects: anybody else gets the 404 of an object that is not theirs.
OWNER_OBJECT_URLS = {
    "frontend:alert",
    "frontend:treatment",
    "frontend:test",
    "frontend:event",
    "api:log-detail",
    "api:treatment-detail",
    "api:treatment-revisions",
    "api:investigation-detail",
    "api:investigation-revisions",
    "api:life-event-detail",
    "api:life-event-revisions",
    "api:alert-detail",
    "api:alert-acknowledge",
    "api:alert-resolve",
    "api:share-detail",
    "api:caregiver-detail",
    "api:push-subscription-detail",
    "api:notification-read",
    "api:device-detail",
}

OWNER, OTHER_PATIENT = "patient", "another patient"
CARER, OTHER_CARER = "patient's caregiver", "another patient's caregiver"
ANONYMOUS, LIVE_SHARE = "anonymous", "valid share link"
EXPIRED_SHARE, REVOKED_SHARE = "expired share link", "revoked share link"
# The owner comes last: their own writes (a DELETE) must not change what the others were tested against.
PERSONAS = (ANONYMOUS, EXPIRED_SHARE, REVOKED_SHARE, LIVE_SHARE, OTHER_PATIENT, OTHER_CARER, CARER, OWNER)
WITHOUT_ACCOUNT = {ANONYMOUS, EXPIRED_SHARE, REVOKED_SHARE, LIVE_SHARE}
MAY_SEE_OWNER_DATA = {OWNER, CARER, LIVE_SHARE}
SECRET_NOTE = "matrix-secret-note"


@dataclass
class Route:
    key: str  # "namespace:name", or "namespace:<route>" for an unnamed pattern
    namespace: str
    path_parts: list  # the pattern objects from the root down
    callback: object


def _walk(patterns, parts=(), namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _walk(entry.url_patterns, (*parts, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or f"<{entry.pattern}>"
            yield Route(f"{namespace}:{name}", namespace, [*parts, entry.pattern], entry.callback)


ROUTES = list(_walk(get_resolver().url_patterns))


def classify(route: Route, method: str = "") -> str | None:
    """A row for the pattern and method ("api:profile DELETE"), else for the pattern, else its namespace's rule."""
    return (
        ACCESS.get(f"{route.key} {method.upper()}")
        or ACCESS.get(route.key)
        or NAMESPACE_RULES.get(route.namespace.split(":")[0])
    )


def test_every_url_pattern_is_classified():
    unclassified = [route.key for route in ROUTES if classify(route) is None]
    assert not unclassified, f"give these a row in ACCESS: {unclassified}"
    stale = {key.split(" ")[0] for key in ACCESS} - {route.key for route in ROUTES}
    assert not stale, f"ACCESS names patterns that no longer exist: {stale}"


def _methods(route: Route) -> list[str]:
    view = getattr(route.callback, "cls", None) or getattr(route.callback, "view_class", None)
    if view is None or classify(route) in (
        ACCOUNT_POST_PAGE,
        ADMIN,
        PAGE,
        PATIENT_PAGE,
        HOME_PAGE,
        CARER_PAGE,
        SIGN_IN_PAGE,
        SHARE,
    ):
        return ["get"]
    return [method for method in ("get", "post", "put", "patch", "delete") if hasattr(view, method)]


_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>([^)]*)\)")


def _path(route: Route, values: dict) -> str:
    pieces = []
    for pattern in route.path_parts:
        text = str(pattern)
        if hasattr(pattern, "_route"):
            text = _ROUTE_PARAM.sub(lambda match: str(values.get(match.group(1), "1")), text)
        else:
            # An admin regex such as (?P<app_label>auth|authtoken): take its first alternative.
            text = _REGEX_GROUP.sub(
                lambda match: values.get(match.group(1)) or re.split(r"[|.*+]", match.group(2))[0] or "x", text
            )
            text = text.lstrip("^").rstrip("$").replace("\\", "")
        pieces.append(text)
    return "/" + "".join(pieces)


def _user(username: str):
    return get_user_model().objects.create_user(username=username, email=f"{username}@example.org", password="pw-x")


def _link(patient, caregiver):
    return CaregiverLink.objects.create(
        patient=patient,
        email=caregiver.email,
        token_hash=secrets.token_hex(32),
        caregiver=caregiver,
        status=CaregiverLink.Status.ACTIVE,
        accepted_at=timezone.now(),
    )


@pytest.fixture
def world(make_patient, monkeypatch):
    monkeypatch.setattr("tracker.services.summary_pdf.summary_pdf", lambda **page: b"%PDF-1.4 matrix")
    owner = make_patient(username=f"owner{uuid.uuid4().hex[:8]}")
    other = make_patient(username=f"other{uuid.uuid4().hex[:8]}")
    carer, other_carer = _user(f"carer{uuid.uuid4().hex[:6]}"), _user(f"ocarer{uuid.uuid4().hex[:6]}")
    link = _link(owner, carer)
    _link(other, other_carer)
    day = owner.local_today()
    DailyLog.objects.create(
        patient=owner, date=day, client_id=uuid.uuid4(), strength_left=7, strength_right=7, fatigue=3, note=SECRET_NOTE
    )
    alert = Alert.objects.create(
        patient=owner,
        code="fall",
        severity="soon",
        raised_on=day,
        patient_text=SECRET_NOTE,
        physician_text=SECRET_NOTE,
        advice="",
        dedup_key="fall",
    )
    notification = Notification.objects.create(
        recipient=owner.user,
        alert=alert,
        channel="inbox",
        status="sent",
        title="t",
        body=SECRET_NOTE,
        next_attempt_at=timezone.now(),
    )
    subscription = PushSubscription.objects.create(
        user=owner.user, endpoint="https://push.example.org/owner", p256dh="k", auth="a"
    )
    treatment = Treatment.objects.create(patient=owner, name="Vitamin B12", start=day, note=SECRET_NOTE)
    test = Investigation.objects.create(patient=owner, kind="blood_test", date=day, finding=SECRET_NOTE)
    LabResult.objects.create(investigation=test, marker="vitamin_b12", value=150, unit="pg/mL")
    event = LifeEvent.objects.create(patient=owner, kind="illness", start=day, note=SECRET_NOTE)
    live, live_token = share_create(patient=owner, sections=SHARE_SECTIONS)
    _, expired_token = share_create(patient=owner)
    ShareLink.objects.filter(token_hash=ShareLink.hash_token(expired_token)).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    revoked, revoked_token = share_create(patient=owner)
    revoked.revoke()
    values = {
        "day": day.isoformat(),
        "patient_id": owner.pk,
        "name": "strength",
        "share_id": live.pk,
        "app_label": "auth",
        "device_id": issue_api_token(user=owner.user, device="the owner's tablet")[0].device.public_id,
    }
    object_ids = {
        "api:alert-detail": alert.pk,
        "api:alert-acknowledge": alert.pk,
        "api:alert-resolve": alert.pk,
        "frontend:alert": alert.pk,
        "frontend:acknowledge": alert.pk,
        "frontend:resolve": alert.pk,
        "api:caregiver-detail": link.pk,
        "api:push-subscription-detail": subscription.pk,
        "api:notification-read": notification.pk,
        "api:treatment-detail": treatment.pk,
        "api:treatment-revisions": treatment.pk,
        "api:investigation-detail": test.pk,
        "api:investigation-revisions": test.pk,
        "api:life-event-detail": event.pk,
        "api:life-event-revisions": event.pk,
        "frontend:treatment": treatment.pk,
        "frontend:treatment-end": treatment.pk,
        "frontend:treatment-remove": treatment.pk,
        "frontend:test": test.pk,
        "frontend:test-remove": test.pk,
        "frontend:event": event.pk,
        "frontend:event-end": event.pk,
        "frontend:event-remove": event.pk,
    }
    users = {OWNER: owner.user, OTHER_PATIENT: other.user, CARER: carer, OTHER_CARER: other_carer}
    tokens = {persona: token_for(user) for persona, user in users.items()}
    share_tokens = {LIVE_SHARE: live_token, EXPIRED_SHARE: expired_token, REVOKED_SHARE: revoked_token}
    return {
        "owner": owner,
        "values": values,
        "object_ids": object_ids,
        "users": users,
        "tokens": tokens,
        "share_tokens": share_tokens,
    }


def _client(world, persona: str) -> APIClient:
    client = APIClient()
    user = world["users"].get(persona)
    if user is not None:
        client.force_login(user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {world['tokens'][persona]}")
    return client


def _owner_state(owner) -> dict:
    """What a visitor other than the owner must never change (views are recorded in the audit log, not here)."""
    return {
        "profile": owner.__class__.objects.filter(pk=owner.pk).values().first(),
        "email": get_user_model().objects.filter(pk=owner.user_id).values_list("email", flat=True).first(),
        "logs": list(DailyLog.objects.filter(patient=owner).values()),
        "revisions": DailyLogRevision.objects.filter(patient=owner).count(),
        "alerts": list(Alert.objects.filter(patient=owner).values("id", "status", "acknowledged_at")),
        "notifications": list(Notification.objects.filter(recipient=owner.user).values("id", "read_at", "status")),
        "shares": list(ShareLink.objects.filter(patient=owner).values("id", "revoked_at", "expires_at")),
        "caregivers": list(CaregiverLink.objects.filter(patient=owner).values("id", "status", "caregiver_id")),
        "subscriptions": list(PushSubscription.objects.filter(user=owner.user).values("id")),
        "preferences": list(NotificationPreferences.objects.filter(user=owner.user).values()),
        "snoozes": Snooze.objects.filter(user=owner.user).count(),
        "tokens": AuthToken.objects.filter(user=owner.user).count(),
        "treatments": list(Treatment.objects.filter(patient=owner).values()),
        "tests": list(Investigation.objects.filter(patient=owner).values()),
        "blood results": list(LabResult.objects.filter(investigation__patient=owner).values()),
        "life events": list(LifeEvent.objects.filter(patient=owner).values()),
        "record revisions": RecordRevision.objects.filter(patient=owner).count(),
    }


def _expected(category: str, key: str, persona: str) -> str | int:
    """An exact status, or "allowed" (2xx, or 400 for the empty body the matrix sends to writes)."""
    if category == PUBLIC:
        return "allowed"
    if category == ADMIN:
        return "admin-login"
    if category == SHARE:
        return 200 if persona == LIVE_SHARE else 404
    if category == SIGN_IN_PAGE:
        return 200 if persona in WITHOUT_ACCOUNT else "home"
    if category == POST_ONLY:
        return 405
    if category == ACCOUNT_POST_PAGE:
        return "login" if persona in WITHOUT_ACCOUNT else 405
    if category == POST_PAGE:
        return "login" if persona in WITHOUT_ACCOUNT else 403 if persona in (CARER, OTHER_CARER) else 405
    if category == HOME_PAGE and persona in (CARER, OTHER_CARER):
        return "following"
    if category == CARER_PAGE:
        return "login" if persona in WITHOUT_ACCOUNT else "allowed" if persona in (OWNER, CARER) else 404
    if category in (PATIENT_PAGE, HOME_PAGE):
        if persona in WITHOUT_ACCOUNT:
            return "login"
        if persona in (CARER, OTHER_CARER):
            return 403
        return 404 if persona != OWNER and key in OWNER_OBJECT_URLS else "allowed"
    if persona in WITHOUT_ACCOUNT:
        return "login" if category == PAGE else 401
    if category in (PAGE, SIGNED_IN):
        return "allowed"
    if category == CAREGIVER:
        return "allowed" if persona in (OWNER, CARER) else 404
    if category == OWN and persona in (CARER, OTHER_CARER):
        return 403
    if persona != OWNER and key in OWNER_OBJECT_URLS:
        return 404
    return "allowed"


def _outcome_matches(expected, response) -> bool:
    status = response.status_code
    if expected == "allowed":
        return 200 <= status < 300 or status == 400
    if expected == "login":
        return status == 302 and response["Location"].startswith(settings.LOGIN_URL)
    if expected == "home":
        return status == 302 and response["Location"] == settings.LOGIN_REDIRECT_URL
    if expected == "following":
        return status == 302 and response["Location"] == "/following/"
    if expected == "admin-login":
        return status == 302 and response["Location"].startswith("/admin/")
    return status == expected


CASES = [route for route in ROUTES if classify(route) is not None]


@pytest.mark.django_db
@pytest.mark.parametrize("route", CASES, ids=[route.key for route in CASES])
def test_each_visitor_gets_exactly_what_they_should(route, world):
    owner = world["owner"]
    if any("pk>" in str(part) for part in route.path_parts):
        assert route.key in world["object_ids"], f"name one of the owner's objects for {route.key} in world()"
    failures = []
    for persona in PERSONAS:
        values = dict(world["values"])
        values["pk"] = world["object_ids"].get(route.key, 1)
        values["token"] = world["share_tokens"].get(persona, secrets.token_urlsafe(32))
        path = _path(route, values)
        client = _client(world, persona)
        for method in _methods(route):
            before = _owner_state(owner) if persona != OWNER else None
            response = getattr(client, method)(path, {} if method != "get" else None, format="json")
            expected = _expected(classify(route, method), route.key, persona)
            body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
            if response.status_code >= 500 or not _outcome_matches(expected, response):
                failures.append(f"{persona} {method.upper()} {path}: {response.status_code}, expected {expected}")
            if persona not in MAY_SEE_OWNER_DATA and (SECRET_NOTE in body or owner.user.username in body):
                failures.append(f"{persona} {method.upper()} {path}: the owner's data leaked")
            if before is not None and _owner_state(owner) != before:
                failures.append(f"{persona} {method.upper()} {path}: changed the owner's data")
    assert not failures, "\n".join(failures)
