"""Email through Django's mail API (the MAILERS setting picks SMTP, console or locmem)."""

from django.core.mail import send_mail

from tracker.models import Notification
from tracker.notify.base import Transport, TransportError
from tracker.selectors.accounts import email_is_verified


class EmailTransport(Transport):
    def send(self, notification: Notification) -> None:
        address = notification.recipient.email
        if not address:
            raise TransportError("the recipient has no email address", permanent=True)
        if not email_is_verified(notification.recipient):
            # The address changed (or was never proved) since the row was planned.
            raise TransportError("the recipient has not confirmed this email address", permanent=True)
        try:
            send_mail(notification.title, notification.body, None, [address])
        except OSError as error:
            raise TransportError(f"mail server: {error}") from error
