"""The in-app inbox: the notification row itself is the message; sending marks it delivered."""

from tracker.models import Notification
from tracker.notify.base import Transport


class InboxTransport(Transport):
    def send(self, notification: Notification) -> None:
        return None
