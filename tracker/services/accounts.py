"""Account-wide writes that are not about one log or alert."""

from django.db import transaction


@transaction.atomic
def delete_account(*, user) -> None:
    """Delete the person and everything they own: every row of theirs points at the user or their patient
    with on_delete=CASCADE, so one delete removes logs, revisions, alerts, tokens and what later apps add."""
    user.delete()
