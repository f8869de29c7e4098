"""The "Treatments and tests" pages: the list, and a form each to add or correct a treatment, a test (with
blood results) or an event; ending and removing are one button each. Writes go through
tracker.services.records, so the pages keep the same rules and the same history as the API."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontend.access import patient_required
from frontend.record_forms import (
    BLANK_RESULT_ROWS,
    InvestigationForm,
    LabResultFormSet,
    LifeEventForm,
    TreatmentForm,
    add_result_errors,
    check_results_belong_to_a_blood_test,
    result_initial,
    result_rows,
)
from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, lab_result_words
from tracker.models import Investigation, LifeEvent, Treatment
from tracker.records import MARKERS, TREATMENT_SUGGESTIONS
from tracker.selectors.records import investigations_for, life_events_for, treatments_for
from tracker.services.records import record_create, record_delete, record_update


@dataclass(frozen=True)
class _Page:
    model: type
    form: type
    listed: object
    template: str


_TREATMENTS = _Page(Treatment, TreatmentForm, treatments_for, "frontend/records/treatment_form.html")
_TESTS = _Page(Investigation, InvestigationForm, investigations_for, "frontend/records/test_form.html")
_EVENTS = _Page(LifeEvent, LifeEventForm, life_events_for, "frontend/records/event_form.html")


def _name(record) -> str:
    if isinstance(record, Treatment):
        return record.name
    if isinstance(record, Investigation):
        return str(INVESTIGATION_KIND_LABELS[record.kind])
    return str(LIFE_EVENT_KIND_LABELS[record.kind])


@patient_required
def records_page(request):
    patient = request.user.patient
    today = patient.local_today()
    treatments = list(treatments_for(patient=patient).order_by("-start", "-id"))
    events = list(life_events_for(patient=patient).order_by("-start", "-id"))
    tests = list(investigations_for(patient=patient).order_by("-date", "-id"))
    for record in (*events, *tests):
        record.label = _name(record)
    return render(
        request,
        "frontend/records/list.html",
        {
            "today": today,
            "current_treatments": [t for t in treatments if t.end is None or t.end >= today],
            "past_treatments": [t for t in treatments if t.end is not None and t.end < today],
            "tests": [(test, [lab_result_words(result) for result in test.results.all()]) for test in tests],
            "current_events": [e for e in events if e.end is None],
            "past_events": [e for e in events if e.end is not None],
        },
    )


def _owned(page: _Page, request, pk: int):
    return get_object_or_404(page.listed(patient=request.user.patient), pk=pk)


def _saved(request, record, created: bool):
    words = _("Saved: %(name)s.") if created else _("Changes saved: %(name)s.")
    messages.success(request, words % {"name": _name(record)})
    return redirect("frontend:records")


def _simple_form(request, page: _Page, record=None):
    """Add (no record) or correct a treatment or an event."""
    patient = request.user.patient
    initial = {"start": patient.local_today()} if record is None else _initial(record)
    form = page.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if record is None:
                record, created = record_create(
                    model=page.model, patient=patient, values=form.values(), client_id=form.cleaned_data["client_id"]
                )
            else:
                record, created = record_update(record=record, values=form.values()), False
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _saved(request, record, created)
    return render(
        request,
        page.template,
        {"form": form, "record": record, "suggestions": TREATMENT_SUGGESTIONS},
    )


def _initial(record) -> dict:
    return {name: getattr(record, name) for name in type(record).VALUE_FIELDS}


@patient_required
def treatment_new(request):
    return _simple_form(request, _TREATMENTS)


@patient_required
def treatment_edit(request, pk: int):
    return _simple_form(request, _TREATMENTS, _owned(_TREATMENTS, request, pk))


@patient_required
def event_new(request):
    return _simple_form(request, _EVENTS)


@patient_required
def event_edit(request, pk: int):
    return _simple_form(request, _EVENTS, _owned(_EVENTS, request, pk))


def _test_form(request, record=None):
    patient = request.user.patient
    if record is None:
        initial, rows = {"date": patient.local_today(), "kind": "blood_test"}, []
    else:
        initial = _initial(record)
        rows = [result_initial(result) for result in record.results.all()]
    form = InvestigationForm(request.POST or None, initial=initial)
    formset = LabResultFormSet(request.POST or None, initial=rows + [{}] * BLANK_RESULT_ROWS, prefix="results")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        results, filled_rows = result_rows(formset)
        if check_results_belong_to_a_blood_test(form, results):
            values = {**form.values(), "results": results}
            try:
                if record is None:
                    record, created = record_create(
                        model=Investigation, patient=patient, values=values, client_id=form.cleaned_data["client_id"]
                    )
                else:
                    record, created = record_update(record=record, values=values), False
            except ValidationError as error:
                add_result_errors(form, formset, filled_rows, error)
            else:
                return _saved(request, record, created)
    return render(
        request,
        _TESTS.template,
        {
            "form": form,
            "formset": formset,
            "record": record,
            "units_by_marker": {marker: list(spec.unit_names) for marker, spec in MARKERS.items()},
        },
    )


@patient_required
def test_new(request):
    return _test_form(request)


@patient_required
def test_edit(request, pk: int):
    return _test_form(request, _owned(_TESTS, request, pk))


def _end(request, page: _Page, pk: int):
    record = _owned(page, request, pk)
    today = request.user.patient.local_today()
    try:
        record_update(record=record, values={"end": max(today, record.start)})
    except ValidationError as error:
        messages.error(request, " ".join(text for texts in error.message_dict.values() for text in texts))
    else:
        messages.success(request, _("Marked as over today: %(name)s.") % {"name": _name(record)})
    return redirect("frontend:records")


@patient_required
@require_POST
def treatment_end(request, pk: int):
    return _end(request, _TREATMENTS, pk)


@patient_required
@require_POST
def event_end(request, pk: int):
    return _end(request, _EVENTS, pk)


def _remove(request, page: _Page, pk: int):
    record = _owned(page, request, pk)
    record_delete(record=record)
    messages.success(request, _("Removed: %(name)s.") % {"name": _name(record)})
    return redirect("frontend:records")


@patient_required
@require_POST
def treatment_remove(request, pk: int):
    return _remove(request, _TREATMENTS, pk)


@patient_required
@require_POST
def test_remove(request, pk: int):
    return _remove(request, _TESTS, pk)


@patient_required
@require_POST
def event_remove(request, pk: int):
    return _remove(request, _EVENTS, pk)
