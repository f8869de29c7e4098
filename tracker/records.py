"""The vocabulary of what a person records besides their daily log: treatments, tests a doctor ordered and
the events of their life that can change how their legs feel. Person-facing words for these codes are in
tracker/labels.py.

Each blood marker accepts the units laboratories report it in. A LOINC code names one measured property
(a mass concentration is a different code from a molar one), so the code goes with the unit, not the marker.
Where each code was checked:
  [LOINC-TABLE]  the LOINC table exported in ngiger/elexis-jubula, jubula-tests/rsc/db/mysql/simpel.sql
                 (table at_medevit_elexis_loinc: code, long common name, short name, class)
  [ARUP]         ARUP Laboratories test directory, Vitamin B12 (ltd.aruplab.com/Tests/Pub/0070150): 2132-9, pg/mL
  [ARUP-VITD]    ARUP Laboratories, Vitamin D 25-Hydroxy (component 0080379): 62292-8, ng/mL
  [MERCYONE]     MercyOne laboratory catalogue, 25-Hydroxyvitamin D2 and D3
                 (mercyonedubuque.testcatalog.org/show/419-1):
                 62292-8 "25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma"
  [HL7-ORDERS]   HL7 Order Catalog IG, ObservationDefinition example-observation-vitamin-d
                 (hl7.org/fhir/uv/order-catalog): 14635-7 "25-hydroxyvitamin D3 [Moles/volume] in Serum or Plasma"
  [HL7-PDDI]     HL7 PDDI CDS IG, ValueSet valueset-potassium-LOINC (hl7.org/fhir/uv/pddi): 2823-3
  [US-CORE]      HL7 US Core IG, Observation serum-sodium example: 2951-2 in mmol/L
  [UMICH]        Michigan Medicine Laboratories, Magnesium, Serum (mlabs.umich.edu/tests/magnesium-serum):
                 19123-9, mg/dL
  [VULCAN]       HL7/Vulcan-schedule-ig, input/fsh/observationdefinitions/LOINC-17861-6-ObservationDefinition.fsh:
                 17861-6 "Calcium [Mass/volume] in Serum or Plasma", mg/dL
  [MAYO-FT4]     Mayo Clinic Laboratories, T4 (Thyroxine), Free, Serum (testcatalog.org/show/FRT4): 3024-7, ng/dL
  [LOINC-59261]  loinc.org/59261-8: "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol", reported in mmol/mol
  [LOINC-LG7967] loinc.org/LG7967-5 (glucose group): 2345-7 "Glucose [Mass/volume] in Serum or Plasma"
The vitamin D molar code (14635-7) names 25-hydroxyvitamin D3 only: it is the molar code HL7's own example uses
for a vitamin D result in nmol/L; a laboratory that reports D2 and D3 separately in nmol/L would use its own codes.
"""

from dataclasses import dataclass

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"

TREATMENT_SUGGESTIONS = (
    "Vitamin B12",
    "Vitamin D",
    "Potassium",
    "Magnesium",
    "Levothyroxine",
    "Physiotherapy",
    "Prednisolone",
    "Levodopa",
    "Gabapentin or pregabalin",
    "Pain relief",
)

INVESTIGATION_KINDS = ("blood_test", "mri", "ct", "xray", "nerve_conduction", "emg", "other")
BLOOD_TEST = "blood_test"

LIFE_EVENT_KINDS = ("illness", "injury", "surgery", "hospital_stay", "fall_with_injury", "travel", "other")
# Periods in which a dip in the diary has an everyday explanation (the engine reads these; red flags ignore them).
EXPLAINING_EVENT_KINDS = frozenset({"illness", "injury", "surgery", "hospital_stay", "fall_with_injury"})


@dataclass(frozen=True)
class UnitCoding:
    unit: str  # as the person and the laboratory write it
    ucum: str  # the same unit in UCUM, for FHIR
    loinc: str
    loinc_name: str


@dataclass(frozen=True)
class Marker:
    units: tuple[UnitCoding, ...]

    @property
    def unit_names(self) -> tuple[str, ...]:
        return tuple(coding.unit for coding in self.units)


def _units(*codings: tuple[str, str, str, str]) -> Marker:
    return Marker(tuple(UnitCoding(*coding) for coding in codings))


_B12_MASS = "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma"
_VIT_D_MASS = "25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma"
_POTASSIUM = "Potassium [Moles/volume] in Serum or Plasma"
_SODIUM = "Sodium [Moles/volume] in Serum or Plasma"
_TSH = "Thyrotropin [Units/volume] in Serum or Plasma"
_HAEMOGLOBIN = "Hemoglobin [Mass/volume] in Blood"
_FERRITIN = "Ferritin [Mass/volume] in Serum or Plasma"
_CRP = "C reactive protein [Mass/volume] in Serum or Plasma"

# The markers the scenario seed names among causes of leg weakness, in the order a form lists them.
MARKERS = {
    "vitamin_b12": _units(
        ("pg/mL", "pg/mL", "2132-9", _B12_MASS),  # [ARUP]
        ("ng/L", "ng/L", "2132-9", _B12_MASS),  # the same mass concentration: 1 ng/L = 1 pg/mL
        ("pmol/L", "pmol/L", "14685-2", "Cobalamin (Vitamin B12) [Moles/volume] in Serum or Plasma"),  # [LOINC-TABLE]
    ),
    "vitamin_d": _units(
        ("ng/mL", "ng/mL", "62292-8", _VIT_D_MASS),  # [MERCYONE] [ARUP-VITD]
        ("nmol/L", "nmol/L", "14635-7", "25-hydroxyvitamin D3 [Moles/volume] in Serum or Plasma"),  # [HL7-ORDERS]
    ),
    "potassium": _units(
        ("mmol/L", "mmol/L", "2823-3", _POTASSIUM),  # [HL7-PDDI] [LOINC-TABLE]
        ("mEq/L", "meq/L", "2823-3", _POTASSIUM),  # one charge: 1 mEq/L = 1 mmol/L
    ),
    "magnesium": _units(
        ("mmol/L", "mmol/L", "2601-3", "Magnesium [Moles/volume] in Serum or Plasma"),  # [LOINC-TABLE]
        ("mg/dL", "mg/dL", "19123-9", "Magnesium [Mass/volume] in Serum or Plasma"),  # [UMICH]
    ),
    "sodium": _units(
        ("mmol/L", "mmol/L", "2951-2", _SODIUM),  # [US-CORE] [LOINC-TABLE]
        ("mEq/L", "meq/L", "2951-2", _SODIUM),
    ),
    "calcium": _units(
        ("mmol/L", "mmol/L", "2000-8", "Calcium [Moles/volume] in Serum or Plasma"),  # [LOINC-TABLE]
        ("mg/dL", "mg/dL", "17861-6", "Calcium [Mass/volume] in Serum or Plasma"),  # [VULCAN]
    ),
    "tsh": _units(
        ("mIU/L", "m[IU]/L", "3016-3", _TSH),  # [LOINC-TABLE]
        ("µIU/mL", "u[IU]/mL", "3016-3", _TSH),  # 1 µIU/mL = 1 mIU/L
    ),
    "free_t4": _units(
        ("pmol/L", "pmol/L", "14920-3", "Thyroxine (T4) free [Moles/volume] in Serum or Plasma"),  # [LOINC-TABLE]
        ("ng/dL", "ng/dL", "3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma"),  # [MAYO-FT4]
    ),
    "hba1c": _units(
        # [LOINC-59261]
        ("mmol/mol", "mmol/mol", "59261-8", "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol"),
        ("%", "%", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),  # [LOINC-TABLE]
    ),
    "glucose": _units(
        ("mmol/L", "mmol/L", "14749-6", "Glucose [Moles/volume] in Serum or Plasma"),  # [LOINC-TABLE]
        ("mg/dL", "mg/dL", "2345-7", "Glucose [Mass/volume] in Serum or Plasma"),  # [LOINC-LG7967]
    ),
    "haemoglobin": _units(
        ("g/L", "g/L", "718-7", _HAEMOGLOBIN),  # [LOINC-TABLE]
        ("g/dL", "g/dL", "718-7", _HAEMOGLOBIN),
    ),
    "ferritin": _units(
        ("µg/L", "ug/L", "2276-4", _FERRITIN),  # [LOINC-TABLE]
        ("ng/mL", "ng/mL", "2276-4", _FERRITIN),  # 1 ng/mL = 1 µg/L
    ),
    "creatine_kinase": _units(
        ("U/L", "U/L", "2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma"),  # [LOINC-TABLE]
    ),
    "crp": _units(
        ("mg/L", "mg/L", "1988-5", _CRP),  # [LOINC-TABLE]
        ("mg/dL", "mg/dL", "1988-5", _CRP),
    ),
}
MARKER_NAMES = tuple(MARKERS)


def unit_coding(marker: str, unit: str) -> UnitCoding | None:
    """The coding of `unit` for `marker`, forgiving how people type micro and capitals ("ug/l" is "µg/L")."""
    wanted = _plain(unit)
    return next((coding for coding in MARKERS[marker].units if _plain(coding.unit) == wanted), None)


def _plain(unit: str) -> str:
    text = unit.replace(" ", "").lower()
    return text.replace("\u03bc", "u").replace("µ", "u").replace("mc", "u")
