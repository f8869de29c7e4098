"""One plain label for every code a person or their doctor can meet. Pages, charts, exports and emails take
the words from here, never from the code itself."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.symptoms import SYMPTOM_LABELS

INVESTIGATION_KIND_LABELS = {
    "blood_test": _("Blood test"),
    "mri": _("MRI scan"),
    "ct": _("CT scan"),
    "xray": _("X-ray"),
    "nerve_conduction": _("Nerve conduction study"),
    "emg": _("EMG (muscle test)"),
    "other": _("Other test"),
}

LIFE_EVENT_KIND_LABELS = {
    "illness": _("Illness (flu, infection)"),
    "injury": _("Injury"),
    "surgery": _("Operation"),
    "hospital_stay": _("Hospital stay"),
    "fall_with_injury": _("Fall that hurt me"),
    "travel": _("Travel"),
    "other": _("Something else"),
}

MARKER_LABELS = {
    "vitamin_b12": _("Vitamin B12"),
    "vitamin_d": _("Vitamin D"),
    "potassium": _("Potassium"),
    "magnesium": _("Magnesium"),
    "sodium": _("Sodium"),
    "calcium": _("Calcium"),
    "tsh": _("TSH (thyroid)"),
    "free_t4": _("Free T4 (thyroid)"),
    "hba1c": _("HbA1c (long-term blood sugar)"),
    "glucose": _("Blood sugar (glucose)"),
    "haemoglobin": _("Haemoglobin"),
    "ferritin": _("Ferritin (iron stores)"),
    "creatine_kinase": _("Creatine kinase (CK, muscle)"),
    "crp": _("CRP (inflammation)"),
}

# What each alert is about, as a heading a person or their doctor reads (the codes: tracker/rules).
ALERT_LABELS = {
    "sudden_weakness": _("Sudden leg weakness"),
    "bladder_bowel": _("New bladder or bowel control problem"),
    "cord_compression": _("New back or leg symptoms after cancer"),
    "rapid_progression": _("Getting worse over days"),
    "worsening_trend": _("Legs weaker over weeks"),
    "asymmetry": _("One leg weaker than the other"),
    "fatigue_trend": _("More tired over weeks"),
    "fall": _("A fall"),
    "activity_drop": _("Much less active than usual"),
    "post_exertional": _("Worse a day or two after busy days"),
}
# The engine may learn new alerts before this table does: they still read as a sentence, never as a code.
UNKNOWN_ALERT_LABEL = _("A change in the diary worth a look")

# What each severity asks of the person.
SEVERITY_LABELS = {
    "emergency": _("Emergency: call now"),
    "urgent": _("See a doctor today"),
    "soon": _("Book an appointment in the next week or two"),
    "info": _("Worth knowing, nothing to do now"),
}
UNKNOWN_SEVERITY_LABEL = _("Worth a look")
# The same for an urgent or emergency alert raised before yesterday: what it asked then, not a call to act now.
PAST_SEVERITY_LABELS = {
    "emergency": _("Was an emergency"),
    "urgent": _("Needed a doctor that day"),
}

ALERT_STATUS_LABELS = {
    "open": _("Not yet read"),
    "acknowledged": _("Read"),
    "resolved": _("Closed"),
}

# A symptom is named in the daily form's own words wherever it shows.
UNKNOWN_SYMPTOM_LABEL = _("Another symptom")


def alert_label(code: str) -> str:
    return str(ALERT_LABELS.get(code, UNKNOWN_ALERT_LABEL))


def severity_label(severity: str) -> str:
    return str(SEVERITY_LABELS.get(str(severity), UNKNOWN_SEVERITY_LABEL))


def past_severity_label(severity: str) -> str:
    return str(PAST_SEVERITY_LABELS.get(str(severity), severity_label(severity)))


def alert_status_label(status: str) -> str:
    return str(ALERT_STATUS_LABELS.get(status, status.replace("_", " ").capitalize()))


def symptom_label(symptom: str) -> str:
    return SYMPTOM_LABELS.get(symptom, str(UNKNOWN_SYMPTOM_LABEL))


SEX_LABELS = {"female": _("Female"), "male": _("Male"), "other": _("Other"), "unspecified": _("Not given")}

MEDICAL_HISTORY_LABELS = {"cancer": _("Cancer"), "diabetes": _("Diabetes"), "spinal_surgery": _("Spinal surgery")}


def lab_result_words(result) -> str:
    """One blood result in plain words, with where it sits against the laboratory's own range."""
    line = f"{MARKER_LABELS.get(result.marker, _('Blood test result'))}: {result.value:g} {result.unit}"
    low, high = result.reference_low, result.reference_high
    if low is not None and result.value < low:
        return line + " " + gettext("(below the lab's range, %(low)g to %(high)s)") % {"low": low, "high": _bound(high)}
    if high is not None and result.value > high:
        return line + " " + gettext("(above the lab's range, %(low)s to %(high)g)") % {"low": _bound(low), "high": high}
    if low is not None or high is not None:
        return line + " " + gettext("(within the lab's range)")
    return line


def _bound(value) -> str:
    return "…" if value is None else f"{value:g}"
