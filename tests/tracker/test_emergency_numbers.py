"""Our emergency numbers against libphonenumber's emergency short numbers (the dev-only `phonenumbers`)."""

import pytest
from phonenumbers import shortnumberinfo

from tracker.countries import country_names
from tracker.emergency_numbers import DEFAULT_EMERGENCY_NUMBER, EMERGENCY_NUMBERS, emergency_number_for

# Newer than libphonenumber's metadata, each with its source in tracker/emergency_numbers.py.
NEWER_THAN_LIBPHONENUMBER = {"HN": "911", "NG": "112", "UZ": "103"}
# No public emergency service of their own in libphonenumber: uninhabited, or no data at all; a mobile
# phone still places 112 as an emergency call on any network.
NO_NUMBER_KNOWN = {"AQ", "BV", "GN", "GQ", "GS", "HM", "IO", "PN", "TF", "TK", "UM"}


@pytest.mark.parametrize("country", sorted(set(country_names()) - NO_NUMBER_KNOWN - set(NEWER_THAN_LIBPHONENUMBER)))
def test_the_number_we_give_is_an_emergency_number_there(country):
    assert shortnumberinfo.is_emergency_number(emergency_number_for(country), country)


def test_the_known_exceptions_are_what_we_give():
    for country, number in NEWER_THAN_LIBPHONENUMBER.items():
        assert EMERGENCY_NUMBERS[country] == number
    assert {emergency_number_for(country) for country in NO_NUMBER_KNOWN} == {DEFAULT_EMERGENCY_NUMBER}


@pytest.mark.parametrize(
    ("country", "number"), [("US", "911"), ("us", "911"), ("PE", "116"), ("DE", "112"), ("", "112")]
)
def test_numbers_people_know(country, number):
    assert emergency_number_for(country) == number


def test_every_listed_code_is_a_country():
    assert set(EMERGENCY_NUMBERS) <= set(country_names())
