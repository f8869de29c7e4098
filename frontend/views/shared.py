"""The physician's share link: the summary page, its PDF and the exports, with no account needed."""

from functools import wraps

from django.http import HttpResponse
from django.template.loader import render_to_string

from frontend.ratelimit import client_address, share_request_allowed
from tracker.charts import FIGURES, build_all
from tracker.exports import csv_export, fhir, pdf
from tracker.exports.downloads import csv_download, fhir_download, records_csv_download
from tracker.labels import MEDICAL_HISTORY_LABELS, SEX_LABELS
from tracker.models import ShareAccess, ShareLink
from tracker.selectors.records import PatientRecords
from tracker.selectors.sharing import active_share_for_token, shared_log_rows, shared_records
from tracker.selectors.summary import clinical_summary, timeline
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


def _summary_page(request, share: ShareLink, token: str, for_pdf: bool) -> str:
    patient = share.patient
    sections = set(share.sections)
    summary = clinical_summary(
        patient=patient, start=share.period_start, end=share.period_end or patient.local_today(), sections=sections
    )
    figures = [
        (name, FIGURES[name][0], f"figure-{name}", figure)
        for name, figure in (build_all(summary.data) if "charts" in sections else {}).items()
        if FIGURE_SECTIONS.get(name, "charts") in sections
    ]
    records = shared_records(share=share) if patient.has_records else PatientRecords([], [], [])
    return render_to_string(
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


@_shared(ShareAccess.Kind.PAGE)
def shared_page(request, share, token):
    return HttpResponse(_summary_page(request, share, token, for_pdf=False))


@_shared(ShareAccess.Kind.PDF)
def shared_pdf(request, share, token):
    document = pdf.html_to_pdf(_summary_page(request, share, token, for_pdf=True))
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="leg-strength-summary.pdf"'
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
