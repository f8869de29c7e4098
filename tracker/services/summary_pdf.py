"""The shared summary's PDF, printed by a worker and kept in the cache: no web process ever starts Chromium.

The PDF is keyed by the share and the version of its data (tracker.selectors.sharing.share_data_version), so
any change to what the page shows (a new log, a correction, another day's date) gives a new key, and asking
again costs a few small queries, never the page itself. The first request for a key hands over the page to
print and is told to come back; later ones get the cached document. Workers print at most PDF_RENDER_SLOTS
documents at a time, whatever their number and concurrency, so PDFs can neither exhaust memory nor take every
worker slot that alert deliveries need; the "pdf" queue is read last (tracker/settings.py).
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from tracker.exports import pdf

logger = logging.getLogger(__name__)

# How long a request's page waits in the cache for a worker to print it, and how long a failure is remembered
# (so a page that cannot be printed is not re-queued by every poll).
PENDING_SECONDS = 10 * 60
FAILED_SECONDS = 60


class RenderSlotsBusy(Exception):
    """Every print slot is taken: try again shortly."""


class PdfFailed(Exception):
    """The worker could not print this page."""


def summary_pdf(*, key: str, page: Callable[[], tuple[str, str]]) -> bytes | None:
    """The printed document, or None while a worker prints it. Only the first request for a key calls `page()`
    for the (html, identifier) to print. Raises PdfFailed when printing it failed within the last minute."""
    document = cache.get(_document(key))
    if document is not None:
        return document
    if cache.get(_failed(key)):
        raise PdfFailed
    if cache.add(_pending(key), True, timeout=PENDING_SECONDS):
        html, identifier = page()
        cache.set(_source(key), {"html": html, "identifier": identifier}, timeout=PENDING_SECONDS)
        from tracker.tasks import render_summary_pdf

        try:
            render_summary_pdf.delay(key)
        except Exception:
            cache.delete(_pending(key))
            raise
    return None


def print_summary_pdf(key: str) -> None:
    """Print the page waiting under `key` into the cache; raises RenderSlotsBusy when no slot is free."""
    source = cache.get(_source(key))
    if source is None:
        cache.delete(_pending(key))
        return
    slot = _claim_slot(key)
    try:
        document = pdf.html_to_pdf(source["html"], source["identifier"])
    except Exception:
        logger.exception("could not print a shared summary")
        cache.set(_failed(key), True, timeout=FAILED_SECONDS)
        raise
    else:
        cache.set(_document(key), document, timeout=settings.PDF_CACHE_SECONDS)
    finally:
        cache.delete_many([slot, _source(key), _pending(key)])


def _claim_slot(key: str) -> str:
    for number in range(settings.PDF_RENDER_SLOTS):
        slot = f"pdf:slot:{number}"
        # A slot left by a killed worker frees itself after the task's hard time limit.
        if cache.add(slot, key, timeout=settings.PDF_TASK_TIME_LIMIT):
            return slot
    raise RenderSlotsBusy


def _document(key: str) -> str:
    return f"pdf:document:{key}"


def _source(key: str) -> str:
    return f"pdf:source:{key}"


def _pending(key: str) -> str:
    return f"pdf:pending:{key}"


def _failed(key: str) -> str:
    return f"pdf:failed:{key}"
