import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary

pytestmark = pytest.mark.skipif(
    shutil.which(settings.CHROMIUM_PATH) is None, reason="needs Debian's chromium (apt-get install chromium)"
)


def test_the_pdf_is_generated_with_the_charts_drawn(api, patient, tmp_path):
    add_logs(patient, known_diary(end=patient.local_today(), days=120))
    url = api.post("/api/shares/", {}, format="json").json()["url"].removeprefix("http://testserver")
    response = Client().get(f"{url}summary.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    document = response.content
    assert document.startswith(b"%PDF-") and len(document) > 20_000
    path = tmp_path / "summary.pdf"
    path.write_bytes(document)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "Leg strength summary" in text
        # Axis and legend text exist only once plotly.js has drawn the charts into the page.
        assert "Left leg 7-day median" in text
        assert "Steps against next-day fatigue" in text
    assert patient.share_links.get().accesses.get().kind == "pdf"
