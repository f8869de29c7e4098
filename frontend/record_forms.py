"""The forms of the "Treatments and tests" pages. They read what was typed; whether it makes sense for this
person (dates against their calendar, a unit against its marker) is decided by tracker.services.records,
the same as for the API, and its words are shown next to the field they are about."""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, MARKER_LABELS
from tracker.models import LabResult
from tracker.models.records import FINDING_MAX_LENGTH, NAME_MAX_LENGTH, NOTE_MAX_LENGTH
from tracker.records import BLOOD_TEST, MARKERS, unit_coding

BLANK_RESULT_ROWS = 3
_RESULT_FIELD = re.compile(r"^results\[(\d+)\]\.(\w+)$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RecordForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("client_id"):
            self.initial["client_id"] = uuid.uuid4()

    def values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "client_id"}

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


class TreatmentForm(RecordForm):
    name = forms.CharField(
        label=_("What is it?"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("A medicine, a supplement or a therapy, e.g. vitamin B12 or physiotherapy."),
        widget=forms.TextInput(attrs={"list": "treatment-suggestions", "autocomplete": "off"}),
    )
    dose = forms.CharField(
        label=_("Dose (optional)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("As it says on the box or letter, e.g. 1 mg every other day."),
    )
    start = forms.DateField(label=_("Started on"), widget=DateInput())
    end = forms.DateField(
        label=_("Stopped on (optional)"),
        required=False,
        help_text=_("Leave empty while you are still having it."),
        widget=DateInput(),
    )
    note = forms.CharField(
        label=_("Note (optional)"), max_length=NOTE_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LifeEventForm(RecordForm):
    kind = forms.ChoiceField(
        label=_("What happened?"), choices=list(LIFE_EVENT_KIND_LABELS.items()), widget=forms.RadioSelect
    )
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(
        label=_("Until (optional)"), required=False, help_text=_("Leave empty while it lasts."), widget=DateInput()
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        help_text=_("e.g. flu, in bed for three days."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InvestigationForm(RecordForm):
    kind = forms.ChoiceField(
        label=_("Which test?"), choices=list(INVESTIGATION_KIND_LABELS.items()), widget=forms.RadioSelect
    )
    date = forms.DateField(label=_("Date of the test"), widget=DateInput())
    finding = forms.CharField(
        label=_("What did they find? (optional)"),
        max_length=FINDING_MAX_LENGTH,
        required=False,
        help_text=_("In your own words, e.g. B12 low, or nothing pressing on the nerves."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _unit_choices() -> list[tuple[str, str]]:
    units = dict.fromkeys(unit for marker in MARKERS.values() for unit in marker.unit_names)
    return [("", ""), *((unit, unit) for unit in units)]


class LabResultForm(forms.Form):
    marker = forms.ChoiceField(label=_("Marker"), choices=[("", _("Choose…")), *MARKER_LABELS.items()], required=False)
    value = forms.FloatField(
        label=_("Number"), required=False, widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"})
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=_unit_choices(), required=False)
    reference_low = forms.FloatField(
        label=_("Normal from"), required=False, widget=forms.NumberInput(attrs={"step": "any"})
    )
    reference_high = forms.FloatField(label=_("to"), required=False, widget=forms.NumberInput(attrs={"step": "any"}))

    def is_blank(self) -> bool:
        return not any(self.cleaned_data.get(name) not in (None, "") for name in self.fields)

    def clean(self):
        data = super().clean()
        if not self.errors and not self.is_blank():
            if not data.get("marker"):
                self.add_error("marker", _("Choose what was measured."))
            if data.get("value") is None:
                self.add_error("value", _("Type the result."))
            if not data.get("unit"):
                self.add_error("unit", _("Choose the unit on the report."))
            elif data.get("marker") and unit_coding(data["marker"], data["unit"]) is None:
                units = ", ".join(MARKERS[data["marker"]].unit_names)
                message = _("%(marker)s comes in one of these units: %(units)s.")
                self.add_error("unit", message % {"marker": MARKER_LABELS[data["marker"]], "units": units})
        return data


LabResultFormSet = forms.formset_factory(LabResultForm, extra=0, max_num=len(MARKERS), validate_max=True)


def result_initial(result) -> dict:
    """A saved result as the form shows it: 148, not 148.0."""
    return {
        name: f"{value:g}" if isinstance(value, float) else value
        for name, value in ((name, getattr(result, name)) for name in LabResult.VALUE_FIELDS)
    }


def result_rows(formset) -> tuple[list[dict], list[int]]:
    """The filled-in result rows as service values, and each one's row number in the form."""
    results, rows = [], []
    for index, form in enumerate(formset.forms):
        if form.is_blank():
            continue
        results.append({name: form.cleaned_data.get(name) for name in form.fields})
        rows.append(index)
    return results, rows


def check_results_belong_to_a_blood_test(form: InvestigationForm, results: list[dict]) -> bool:
    if results and form.cleaned_data.get("kind") != BLOOD_TEST:
        form.add_error(
            "kind", _("Results can only be kept with a blood test: choose Blood test, or clear the results.")
        )
        return False
    return True


def add_result_errors(form: InvestigationForm, formset, rows: list[int], error: ValidationError) -> None:
    """Put the service's "results[1].unit" message beside the unit of the second filled-in row."""
    other = {}
    for field, messages in error.message_dict.items():
        match = _RESULT_FIELD.match(field)
        if match:
            formset.forms[rows[int(match.group(1))]].add_error(match.group(2), messages)
        else:
            other[field] = messages
    if other:
        form.add_service_errors(ValidationError(other))
