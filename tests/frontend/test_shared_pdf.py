"""The shared summary's PDF: printed by a real worker, served from the cache, two pages with the key chart first."""

import shutil
import subprocess
import time
import uuid

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports import pdf
from tracker.models import ShareAccess
from tracker.models.sharing import SHARE_SECTIONS
from tracker.services.sharing import share_create

pytestmark = pytest.mark.skipif(
    shutil.which(settings.CHROMIUM_PATH) is None or shutil.which("pdftotext") is None,
    reason="needs Debian's chromium and poppler-utils (apt-get install chromium poppler-utils)",
)


def _when_ready(doctor: Client, url: str, timeout: float = 120):
    """Ask again as the answer's Retry-After says, as the "preparing" page does (polling faster would meet the
    share links' rate limit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = doctor.get(url)
        if response.status_code != 202:
            return response
        time.sleep(int(response["Retry-After"]))
    raise AssertionError(f"no PDF within {timeout} s")


def _pages(document: bytes, tmp_path) -> list[str]:
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(document)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.worker
def test_a_worker_prints_the_pdf_once_and_the_cache_serves_it_until_the_data_changes(
    celery_worker, make_patient, tmp_path
):
    patient = make_patient(birth_year=1961, sex="female")
    logs = add_logs(patient, known_diary(end=patient.local_today(), days=120))
    for log in logs[-30::3]:
        log.note = "Long walk with the dog"
        log.save()
    _, token = share_create(patient=patient, sections=SHARE_SECTIONS, patient_label="J. S.")
    doctor = Client()

    first = doctor.get(f"/s/{token}/summary.pdf")
    assert first.status_code == 202 and first["Retry-After"] == "2"
    assert "Preparing your PDF" in first.content.decode()
    ready = _when_ready(doctor, f"/s/{token}/summary.pdf")
    assert ready["Content-Type"] == "application/pdf" and ready["Cache-Control"] == "no-store"
    document = ready.content
    assert document.startswith(b"%PDF-")

    pages = _pages(document, tmp_path)
    assert len(pages) <= 2
    # Axis and legend text exist only once plotly.js has drawn the chart: the key chart is on page 1.
    assert "Leg strength summary: J. S." in pages[0] and "Left leg 7-day median" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Leg strength summary: J. S.;" in page
    text = "\n".join(pages)
    assert text.count("Long walk with the dog") == 1 and "10 days," in text

    assert doctor.get(f"/s/{token}/summary.pdf").content == document
    # The patient sees the PDF downloaded twice, not every "preparing" answer on the way.
    assert list(ShareAccess.objects.values_list("kind", flat=True)) == ["pdf", "pdf"]
    logs[-1].strength_left = 2
    logs[-1].save()
    assert doctor.get(f"/s/{token}/summary.pdf").status_code == 202


def test_the_web_process_never_starts_chromium(patient, monkeypatch):
    monkeypatch.setattr(pdf, "html_to_pdf", lambda *args: pytest.fail("printed in the web process"))
    monkeypatch.setattr("tracker.tasks.render_summary_pdf.delay", lambda share_id, key: None)
    add_logs(patient, known_diary(end=patient.local_today(), days=30))
    _, token = share_create(patient=patient)
    assert Client().get(f"/s/{token}/summary.pdf").status_code == 202
