"""The patient's audit log: each view of their data by a caregiver (share-link views: services/sharing.py)."""

from tracker.models import AccessEvent, Patient
from tracker.services.sharing import rough_client, rough_network


def caregiver_access_record(*, patient: Patient, viewer, what: str, user_agent: str, remote_addr: str) -> None:
    """Records the view unless the viewer is the patient themselves."""
    if viewer.pk == patient.user_id:
        return
    AccessEvent.objects.create(
        patient=patient,
        caregiver=viewer,
        what=what,
        client=rough_client(user_agent),
        network=rough_network(remote_addr),
    )
