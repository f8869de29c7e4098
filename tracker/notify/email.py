"""Email through Django's mail API (the MAILERS setting picks SMTP, console or locmem)."""

from django.core.mail import send_mail

from tracker.models import Notification
from tracker.notify.base import Transport, TransportError


class EmailTransport(Transport):
    def send(self, notification: Notification) -> None:
        address = notification.recipient.email
        if not address:
            raise TransportError("the recipient has no email address", permanent=True)
        try:
            send_mail(notification.title, notification.body, None, [address])
        except OSError as error:
            raise TransportError(f"mail server: {error}") from error
