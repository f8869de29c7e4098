import pytest

from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, MARKER_LABELS
from tracker.records import INVESTIGATION_KINDS, LIFE_EVENT_KINDS, MARKERS, unit_coding


def _loinc_check_digit_holds(code: str) -> bool:
    """LOINC's own mod-10 check digit (the Luhn scheme over the digits before the dash)."""
    number, check = code.split("-")
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10 == int(check)


def test_every_loinc_code_is_well_formed():
    codes = {coding.loinc for marker in MARKERS.values() for coding in marker.units}
    assert all(_loinc_check_digit_holds(code) for code in codes), codes


def test_a_marker_takes_one_code_per_measured_property_and_never_repeats_a_unit():
    for name, marker in MARKERS.items():
        assert len(set(marker.unit_names)) == len(marker.unit_names), name
        for coding in marker.units:
            moles = "[Moles/volume]" in coding.loinc_name
            assert moles == (coding.unit.endswith("mol/L") or coding.unit == "mEq/L"), (name, coding)


def test_every_code_a_person_meets_has_a_plain_label():
    assert set(MARKER_LABELS) == set(MARKERS)
    assert set(INVESTIGATION_KIND_LABELS) == set(INVESTIGATION_KINDS)
    assert set(LIFE_EVENT_KIND_LABELS) == set(LIFE_EVENT_KINDS)


@pytest.mark.parametrize(
    ("marker", "typed", "unit"),
    [
        ("ferritin", "ug/l", "µg/L"),
        ("ferritin", "mcg/L", "µg/L"),
        ("ferritin", "μg/L", "µg/L"),
        ("tsh", "uIU/mL", "µIU/mL"),
        ("glucose", "MMOL/L", "mmol/L"),
        ("crp", " mg / L ", "mg/L"),
    ],
)
def test_units_are_recognised_however_micro_and_capitals_are_typed(marker, typed, unit):
    assert unit_coding(marker, typed).unit == unit


def test_a_unit_of_another_marker_is_not_recognised():
    assert unit_coding("vitamin_b12", "mmol/L") is None
    assert unit_coding("creatine_kinase", "mg/dL") is None
