"""What every channel implements: one `send` that either returns or raises TransportError."""

from tracker.models import Notification


class TransportError(Exception):
    """A failed send. A permanent one is never retried; a temporary one is, with backoff."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.message = message
        self.permanent = permanent


class SubscriptionGone(TransportError):
    """The push service no longer knows this subscription (404/410): remove it, and only it."""

    def __init__(self, message: str):
        super().__init__(message, permanent=True)


class Transport:
    def send(self, notification: Notification) -> None:
        raise NotImplementedError
