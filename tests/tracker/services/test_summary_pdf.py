import pytest
from django.core.cache import cache

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports import pdf
from tracker.services import summary_pdf
from tracker.services.sharing import share_create


@pytest.fixture
def queued(monkeypatch):
    asked = []
    monkeypatch.setattr("tracker.tasks.render_summary_pdf.delay", lambda share_id, key: asked.append((share_id, key)))
    yield asked
    cache.delete_many([f"pdf:slot:{n}" for n in range(4)])


@pytest.fixture
def share(patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=30))
    return share_create(patient=patient, patient_label="J. S.")[0]


def _print(asked: tuple) -> None:
    share_id, key = asked
    summary_pdf.print_summary_pdf(share_id=share_id, key=key)


def test_a_pdf_is_printed_once_per_version_of_the_data(queued, monkeypatch, share):
    assert summary_pdf.summary_pdf(share=share) is None
    assert summary_pdf.summary_pdf(share=share) is None
    assert len(queued) == 1
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: f"%PDF {identifier}".encode())
    _print(queued[0])
    assert summary_pdf.summary_pdf(share=share).startswith(b"%PDF Leg strength summary: J. S.; ")
    log = share.patient.logs.first()
    log.fatigue = 9
    log.save()
    assert summary_pdf.summary_pdf(share=share) is None
    assert len(queued) == 2


def test_no_more_pages_print_at_once_than_there_are_slots(queued, monkeypatch, settings, share, patient):
    settings.PDF_RENDER_SLOTS = 1
    other = share_create(patient=patient)[0]
    summary_pdf.summary_pdf(share=share)
    summary_pdf.summary_pdf(share=other)
    first, second = queued

    def print_while_another_waits(html, identifier):
        with pytest.raises(summary_pdf.RenderSlotsBusy):
            _print(second)
        return b"%PDF first"

    monkeypatch.setattr(pdf, "html_to_pdf", print_while_another_waits)
    _print(first)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: b"%PDF second")
    _print(second)
    assert summary_pdf.summary_pdf(share=other) == b"%PDF second"


def test_a_page_that_failed_to_print_is_not_queued_again_at_once(queued, monkeypatch, share):
    summary_pdf.summary_pdf(share=share)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: (_ for _ in ()).throw(TimeoutError("charts")))
    with pytest.raises(TimeoutError):
        _print(queued[0])
    with pytest.raises(summary_pdf.PdfFailed):
        summary_pdf.summary_pdf(share=share)
    assert len(queued) == 1
    assert cache.get("pdf:slot:0") is None


def test_a_link_stopped_before_its_turn_is_not_printed(queued, monkeypatch, share):
    summary_pdf.summary_pdf(share=share)
    share.revoke()
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, identifier: pytest.fail("printed a stopped link"))
    _print(queued[0])


def test_a_plain_worker_reads_the_pdf_queue_after_every_other(settings):
    assert [queue.name for queue in settings.CELERY_TASK_QUEUES][-1] == settings.PDF_TASK_QUEUE
    assert settings.CELERY_TASK_ROUTES["tracker.tasks.render_summary_pdf"] == {"queue": settings.PDF_TASK_QUEUE}
