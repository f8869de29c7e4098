import random

import pytest
from django.core.cache import cache

from tracker.exports import pdf
from tracker.services import summary_pdf


def _asked(html: str = "<p>the summary</p>", key: str | None = None) -> dict:
    """A request for a page under a key no other test has (printed PDFs stay in the suite's Redis)."""
    return {"key": key or f"{random.randrange(10**9)}:v1", "page": lambda: (html, "J. S.")}


@pytest.fixture
def page():
    return _asked()


@pytest.fixture
def queued(monkeypatch):
    keys = []
    monkeypatch.setattr("tracker.tasks.render_summary_pdf.delay", keys.append)
    yield keys
    cache.delete_many([f"pdf:slot:{n}" for n in range(4)])


def test_a_page_is_queued_once_however_often_it_is_asked_for(queued, monkeypatch, page):
    assert summary_pdf.summary_pdf(**page) is None
    assert summary_pdf.summary_pdf(**page) is None
    assert len(queued) == 1
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: f"%PDF {identifier} {html}".encode())
    summary_pdf.print_summary_pdf(queued[0])
    assert summary_pdf.summary_pdf(**page) == b"%PDF J. S. <p>the summary</p>"
    assert summary_pdf.summary_pdf(**_asked("<p>a new log</p>", key=page["key"] + "-v2")) is None
    assert len(queued) == 2


def test_no_more_pages_print_at_once_than_there_are_slots(queued, monkeypatch, settings, page):
    settings.PDF_RENDER_SLOTS = 1
    summary_pdf.summary_pdf(**page)
    other = _asked("<p>another summary</p>")
    summary_pdf.summary_pdf(**other)
    first, second = queued

    def print_while_another_waits(html, identifier):
        with pytest.raises(summary_pdf.RenderSlotsBusy):
            summary_pdf.print_summary_pdf(second)
        return b"%PDF first"

    monkeypatch.setattr(pdf, "html_to_pdf", print_while_another_waits)
    summary_pdf.print_summary_pdf(first)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: b"%PDF second")
    summary_pdf.print_summary_pdf(second)
    assert summary_pdf.summary_pdf(**other) == b"%PDF second"


def test_a_page_that_failed_to_print_is_not_queued_again_at_once(queued, monkeypatch, page):
    summary_pdf.summary_pdf(**page)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: (_ for _ in ()).throw(TimeoutError("charts")))
    with pytest.raises(TimeoutError):
        summary_pdf.print_summary_pdf(queued[0])
    with pytest.raises(summary_pdf.PdfFailed):
        summary_pdf.summary_pdf(**page)
    assert len(queued) == 1
    assert cache.get("pdf:slot:0") is None


def test_a_plain_worker_reads_the_pdf_queue_after_every_other(settings):
    assert [queue.name for queue in settings.CELERY_TASK_QUEUES][-1] == settings.PDF_TASK_QUEUE
    assert settings.CELERY_TASK_ROUTES["tracker.tasks.render_summary_pdf"] == {"queue": settings.PDF_TASK_QUEUE}
