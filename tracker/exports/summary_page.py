"""The physician's summary of a share link as one HTML page: what the link's page shows, and what the PDF prints.

Built from the link alone (no request), so a worker can build the page it prints.
"""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string

from tracker.charts import FIGURES, build_all
from tracker.charts.sentences import chart_sentences
from tracker.labels import MEDICAL_HISTORY_LABELS, SEX_LABELS
from tracker.models import ShareLink
from tracker.selectors.records import PatientRecords
from tracker.selectors.sharing import shared_records
from tracker.selectors.summary import clinical_summary, timeline

# The chart a physician reads first, on the PDF's first page.
KEY_FIGURE = "strength"
# Figures that draw what a section holds: shown only when the link shares that section too.
FIGURE_SECTIONS = {"symptoms": "symptoms"}
# Chart heights on paper (CSS pixels): the key chart fits page 1 under the figures, the others go two a row.
PRINT_HEIGHTS = {KEY_FIGURE: 280}
PRINT_HEIGHT = 180
# Left off paper so three months fit two pages: steps and fatigue are each charted, the page keeps this one.
LEFT_OFF_PAPER = {"activity_fatigue"}


@dataclass(frozen=True, slots=True)
class SummaryPage:
    html: str
    # Who and when, for the foot of every printed page.
    identifier: str


def summary_page(*, share: ShareLink, token: str | None = None) -> SummaryPage:
    """The page as the link shows it (`token` for its download links), or, with no token, as the PDF prints it."""
    for_pdf = token is None
    patient = share.patient
    sections = set(share.sections)
    summary = clinical_summary(
        patient=patient, start=share.period_start, end=share.period_end or patient.local_today(), sections=sections
    )
    sentences = chart_sentences(summary.data) if "charts" in sections else {}
    figures = [
        (name, FIGURES[name][0], f"figure-{name}", _for_print(name, figure) if for_pdf else figure, sentences[name])
        for name, figure in (build_all(summary.data) if "charts" in sections else {}).items()
        if FIGURE_SECTIONS.get(name, "charts") in sections and not (for_pdf and name in LEFT_OFF_PAPER)
    ]
    records = shared_records(share=share) if patient.has_records else PatientRecords([], [], [])
    html = render_to_string(
        "frontend/shared.html",
        {
            "summary": summary,
            "sections": sections,
            "key_figure": next((figure for figure in figures if figure[0] == KEY_FIGURE), None),
            "figures": [figure for figure in figures if figure[0] != KEY_FIGURE],
            "timeline": timeline(records),
            "sex": SEX_LABELS.get(patient.sex, SEX_LABELS["unspecified"]),
            "history": [MEDICAL_HISTORY_LABELS[name] for name in patient.history],
            "made_on": patient.local_today(),
            "token": token,
            "for_pdf": for_pdf,
            "share": share,
        },
    )
    return SummaryPage(html, _identifier(share, summary.data.start, summary.data.end))


def _for_print(name: str, figure: dict) -> dict:
    return {**figure, "layout": {**figure["layout"], "height": PRINT_HEIGHTS.get(name, PRINT_HEIGHT)}}


def _identifier(share: ShareLink, start: date, end: date) -> str:
    """The name the patient chose for the link, else their birth year and sex; and the period."""
    patient = share.patient
    described = [
        f"born {patient.birth_year}" if patient.birth_year else "",
        str(SEX_LABELS[patient.sex]) if patient.sex != patient.Sex.UNSPECIFIED else "",
    ]
    who = share.patient_label or ", ".join(part for part in described if part) or "patient not named"
    return f"Leg strength summary: {who}; {start:%-d %b %Y} to {end:%-d %b %Y}"
