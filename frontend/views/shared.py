"""The physician's share link: the summary page, its PDF and the exports, with no account needed."""

from functools import wraps

from django.http import HttpResponse
from django.template.loader import render_to_string

from frontend.ratelimit import client_address, share_request_allowed
from tracker.exports import csv_export, fhir
from tracker.exports.downloads import csv_download, fhir_download, records_csv_download
from tracker.exports.summary_page import summary_page
from tracker.models import ShareAccess
from tracker.selectors.sharing import active_share_for_token, shared_log_rows, shared_records
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
    """A share-link view: rate-limited, the same 404 for any token that is not live, and every time it serves the
    patient's data logged for them to see (not a "preparing your PDF" answer, not a file the link does not share)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, token: str):
            if not share_request_allowed(request):
                return _with_headers(HttpResponse("Too many requests. Try again in a few minutes.", status=429))
            share = active_share_for_token(token)
            if share is None:
                return _with_headers(_not_found())
            response = view(request, share, token)
            if response.status_code == 200:
                share_access_record(
                    share=share,
                    kind=kind,
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    remote_addr=client_address(request),
                )
            return _with_headers(response)

        return wrapper

    return decorator


def _not_found() -> HttpResponse:
    return HttpResponse("Not found.", status=404, content_type="text/plain")


def _with_headers(response: HttpResponse) -> HttpResponse:
    for name, value in SHARED_HEADERS.items():
        response[name] = value
    return response


# How soon the "preparing your PDF" page asks again.
PDF_RETRY_SECONDS = 2


@_shared(ShareAccess.Kind.PAGE)
def shared_page(request, share, token):
    return HttpResponse(summary_page(share=share, token=token).html)


@_shared(ShareAccess.Kind.PDF)
def shared_pdf(request, share, token):
    """The PDF once a worker has built and printed the page; until then a page that says so and asks again."""
    try:
        document = summary_pdf.summary_pdf(share=share)
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
