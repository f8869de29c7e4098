"""The shared summary's PDF, printed by a worker and kept in the cache: no web process ever starts Chromium.

A request hands over the page it would print. The PDF is keyed by the share and a hash of that page, so any
change to what the page shows (a new log, a correction, another day's date) gives a new key and nothing else
does. The first request for a key asks a worker to print it and is told to come back; later ones get the
cached document. Workers print at most PDF_RENDER_SLOTS documents at a time, whatever their number and
concurrency, so PDFs can neither exhaust memory nor take every worker slot that alert deliveries need; the
"pdf" queue is read last (tracker/settings.py).
"""

import hashlib
import logging

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


def pdf_key(*, share_id: int, html: str, identifier: str) -> str:
    digest = hashlib.sha256(f"{identifier}\n{html}".encode()).hexdigest()
    return f"{share_id}:{digest}"


def summary_pdf(*, share_id: int, html: str, identifier: str) -> bytes | None:
    """The printed document, or None while a worker prints it (asked once per key). Raises PdfFailed when
    printing this very page failed within the last minute."""
    key = pdf_key(share_id=share_id, html=html, identifier=identifier)
    document = cache.get(_document(key))
    if document is not None:
        return document
    if cache.get(_failed(key)):
        raise PdfFailed
    if cache.add(_pending(key), True, timeout=PENDING_SECONDS):
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
