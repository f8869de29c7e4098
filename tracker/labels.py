"""One plain label for every code a person or their doctor can meet. Pages, charts, exports and emails take
the words from here, never from the code itself."""

from django.utils.translation import gettext_lazy as _

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
