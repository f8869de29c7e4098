"""The physician's share link: the summary page, its PDF and the exports, with no account needed."""

from datetime import date
from functools import wraps

from django.http import HttpResponse
from django.template.loader import render_to_string

from frontend.ratelimit import client_address, share_request_allowed
from tracker.charts import FIGURES, build_all
from tracker.charts.sentences import chart_sentences
from tracker.exports import csv_export, fhir
from tracker.exports.downloads import csv_download, fhir_download, records_csv_download
from tracker.labels import MEDICAL_HISTORY_LABELS, SEX_LABELS
from tracker.models import ShareAccess, ShareLink
from tracker.selectors.records import PatientRecords
from tracker.selectors.sharing import active_share_for_token, share_data_version, shared_log_rows, shared_records
from tracker.selectors.summary import ClinicalSummary, clinical_summary, timeline
from tracker.services import summary_pdf
from tracker.services.sharing import share_access_record

# Plotly.js adds <style> elements at run time, hence 'unsafe-inline' for styles only; scripts come from files.
SHARED_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SHARED_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": SHARED_PAGE_POLICY,
}


def _shared(kind: str):
    """A share-link view: rate-limited, the same 404 for any token that is not live, every opening logged."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, token: str):
            if not share_request_allowed(request):
                return _with_headers(HttpResponse("Too many requests. Try again in a few minutes.", status=429))
            share = active_share_for_token(token)
            if share is None:
                return _with_headers(_not_found())
            share_access_record(
                share=share,
                kind=kind,
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                remote_addr=client_address(request),
            )
            return _with_headers(view(request, share, token))

        return wrapper

    return decorator


def _not_found() -> HttpResponse:
    return HttpResponse("Not found.", status=404, content_type="text/plain")


def _with_headers(response: HttpResponse) -> HttpResponse:
    for name, value in SHARED_HEADERS.items():
        response[name] = value
    return response


# The chart a physician reads first, on the PDF's first page.
KEY_FIGURE = "strength"
# Figures that draw what a section holds: shown only when the link shares that section too.
FIGURE_SECTIONS = {"symptoms": "symptoms"}
# Chart heights on paper (CSS pixels): the key chart fits page 1 under the figures, the others go two a row.
PRINT_HEIGHTS = {KEY_FIGURE: 300}
PRINT_HEIGHT = 230
# How soon the "preparing your PDF" page asks again.
PDF_RETRY_SECONDS = 2


def _summary_page(request, share: ShareLink, token: str, for_pdf: bool) -> tuple[str, ClinicalSummary]:
    patient = share.patient
    sections = set(share.sections)
    summary = clinical_summary(
        patient=patient, start=share.period_start, end=share.period_end or patient.local_today(), sections=sections
    )
    sentences = chart_sentences(summary.data) if "charts" in sections else {}
    figures = [
        (name, FIGURES[name][0], f"figure-{name}", _for_print(name, figure) if for_pdf else figure, sentences[name])
        for name, figure in (build_all(summary.data) if "charts" in sections else {}).items()
        if FIGURE_SECTIONS.get(name, "charts") in sections
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
        request=request,
    )
    return html, summary


def _for_print(name: str, figure: dict) -> dict:
    return {**figure, "layout": {**figure["layout"], "height": PRINT_HEIGHTS.get(name, PRINT_HEIGHT)}}


@_shared(ShareAccess.Kind.PAGE)
def shared_page(request, share, token):
    html, _ = _summary_page(request, share, token, for_pdf=False)
    return HttpResponse(html)


def _identifier(share: ShareLink, start: date, end: date) -> str:
    """Who and when, at the foot of every PDF page: the name the patient chose for the link, else birth year and sex."""
    patient = share.patient
    described = [
        f"born {patient.birth_year}" if patient.birth_year else "",
        str(SEX_LABELS[patient.sex]) if patient.sex != patient.Sex.UNSPECIFIED else "",
    ]
    who = share.patient_label or ", ".join(part for part in described if part) or "patient not named"
    return f"Leg strength summary: {who}; {start:%-d %b %Y} to {end:%-d %b %Y}"


@_shared(ShareAccess.Kind.PDF)
def shared_pdf(request, share, token):
    """The PDF once a worker has printed it; until then a page that says so and asks again by itself."""

    def page() -> tuple[str, str]:
        html, summary = _summary_page(request, share, token, for_pdf=True)
        return html, _identifier(share, summary.data.start, summary.data.end)

    version = share_data_version(share=share, today=share.patient.local_today())
    try:
        document = summary_pdf.summary_pdf(key=f"{share.pk}:{version}", page=page)
    except summary_pdf.PdfFailed:
        return _pdf_waiting(request, token, failed=True)
    if document is None:
        return _pdf_waiting(request, token, failed=False)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="leg-strength-summary.pdf"'
    return response


def _pdf_waiting(request, token: str, failed: bool) -> HttpResponse:
    response = HttpResponse(
        render_to_string(
            "frontend/shared_pdf_waiting.html",
            {"token": token, "failed": failed, "retry_seconds": PDF_RETRY_SECONDS},
            request=request,
        ),
        status=503 if failed else 202,
    )
    response["Retry-After"] = str(60 if failed else PDF_RETRY_SECONDS)
    return response


@_shared(ShareAccess.Kind.CSV)
def shared_csv(request, share, token):
    if "exports" not in share.sections:
        return _not_found()
    return csv_download(shared_log_rows(share=share, columns=csv_export.LOG_COLUMNS))


@_shared(ShareAccess.Kind.FHIR)
def shared_fhir(request, share, token):
    if "exports" not in share.sections:
        return _not_found()
    return fhir_download(
        share.patient, shared_log_rows(share=share, columns=fhir.LOG_COLUMNS), shared_records(share=share)
    )


@_shared(ShareAccess.Kind.CSV)
def shared_records_csv(request, share, token):
    if "exports" not in share.sections:
        return _not_found()
    return records_csv_download(shared_records(share=share))
