"""The shared summary's PDF, printed by a worker and kept in the cache: no web process ever starts Chromium.

The PDF is keyed by the share and the version of its data (tracker.selectors.sharing.share_data_version), so
any change to what the page shows (a new log, a correction, another day's date) gives a new key, and asking
costs the web process a few small queries, never the page itself: the worker builds the page and prints it.
The first request for a key is told to come back; later ones get the cached document. Workers print at most
PDF_RENDER_SLOTS documents at a time, whatever their number and concurrency, so PDFs can neither exhaust
memory nor take every worker slot that alert deliveries need; the "pdf" queue is read last (settings), and
Chromium runs at a lower CPU priority than the web and the rest of the worker (tracker/exports/pdf.py).
"""

import logging

from django.conf import settings
from django.core.cache import cache

from tracker.exports import pdf
from tracker.exports.summary_page import summary_page
from tracker.models import ShareLink
from tracker.selectors.sharing import share_by_id, share_data_version

logger = logging.getLogger(__name__)

# How long a requested PDF counts as being printed (a lost task is asked again after it), and how long a
# failure is remembered (so a page that cannot be printed is not queued again by every poll).
PENDING_SECONDS = 10 * 60
FAILED_SECONDS = 60


class RenderSlotsBusy(Exception):
    """Every print slot is taken: try again shortly."""


class PdfFailed(Exception):
    """The worker could not print this page."""


def summary_pdf(*, share: ShareLink) -> bytes | None:
    """The link's PDF, or None while a worker prints it (asked once per version of the data). Raises PdfFailed
    when printing this version failed within the last minute."""
    key = f"{share.pk}:{share_data_version(share=share, today=share.patient.local_today())}"
    document = cache.get(_document(key))
    if document is not None:
        return document
    if cache.get(_failed(key)):
        raise PdfFailed
    if cache.add(_pending(key), True, timeout=PENDING_SECONDS):
        from tracker.tasks import render_summary_pdf

        try:
            render_summary_pdf.delay(share.pk, key)
        except Exception:
            cache.delete(_pending(key))
            raise
    return None


def print_summary_pdf(*, share_id: int, key: str) -> None:
    """Build the link's page and print it into the cache under `key`; raises RenderSlotsBusy when no slot is
    free. A link revoked or expired meanwhile is not printed."""
    share = share_by_id(share_id)
    if share is None or not share.is_active():
        cache.delete(_pending(key))
        return
    slot = _claim_slot(key)
    try:
        page = summary_page(share=share)
        document = pdf.html_to_pdf(page.html, page.identifier)
    except Exception:
        logger.exception("could not print a shared summary")
        cache.set(_failed(key), True, timeout=FAILED_SECONDS)
        raise
    else:
        cache.set(_document(key), document, timeout=settings.PDF_CACHE_SECONDS)
    finally:
        cache.delete_many([slot, _pending(key)])


def _claim_slot(key: str) -> str:
    for number in range(settings.PDF_RENDER_SLOTS):
        slot = f"pdf:slot:{number}"
        # A slot left by a killed worker frees itself after the task's hard time limit.
        if cache.add(slot, key, timeout=settings.PDF_TASK_TIME_LIMIT):
            return slot
    raise RenderSlotsBusy


def _document(key: str) -> str:
    return f"pdf:document:{key}"


def _pending(key: str) -> str:
    return f"pdf:pending:{key}"


def _failed(key: str) -> str:
    return f"pdf:failed:{key}"
