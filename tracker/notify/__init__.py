"""One module per channel behind tracker.notify.base.Transport; adding a channel adds one line here."""

from tracker.notify.base import Transport
from tracker.notify.email import EmailTransport
from tracker.notify.inbox import InboxTransport
from tracker.notify.webpush import WebPushTransport

TRANSPORTS: dict[str, type[Transport]] = {
    "push": WebPushTransport,
    "email": EmailTransport,
    "inbox": InboxTransport,
}


def transport_for(channel: str) -> Transport:
    return TRANSPORTS[channel]()
