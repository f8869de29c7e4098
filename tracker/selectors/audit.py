from dataclasses import dataclass
from datetime import datetime

from tracker.models import AccessEvent, Patient, ShareAccess

VIEWER_CAREGIVER = "caregiver"
VIEWER_SHARE = "share"


@dataclass(frozen=True)
class AuditEntry:
    accessed_at: datetime
    viewer_kind: str
    viewer: str
    what: str
    client: str
    network: str


def audit_log_for(*, patient: Patient) -> list[AuditEntry]:
    """Every view of the patient's data by someone else, newest first: caregivers and share links together."""
    caregiver_views = [
        AuditEntry(
            accessed_at=event.accessed_at,
            viewer_kind=VIEWER_CAREGIVER,
            viewer=event.caregiver.get_username() if event.caregiver else "a deleted account",
            what=event.what,
            client=event.client,
            network=event.network,
        )
        for event in AccessEvent.objects.filter(patient=patient).select_related("caregiver")
    ]
    share_views = [
        AuditEntry(
            accessed_at=access.accessed_at,
            viewer_kind=VIEWER_SHARE,
            viewer=f"share link {access.share_id}",
            what=access.kind,
            client=access.client,
            network=access.network,
        )
        for access in ShareAccess.objects.filter(share__patient=patient)
    ]
    return sorted(caregiver_views + share_views, key=lambda entry: entry.accessed_at, reverse=True)
