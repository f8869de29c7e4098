import pytest

from tracker.countries import country_for_zone, country_names


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("America/New_York", "US"),
        ("America/Lima", "PE"),
        ("Europe/Vaduz", "LI"),  # a link to Europe/Zurich, yet zone.tab names Liechtenstein
        ("Asia/Muscat", "OM"),  # a link to Asia/Dubai
        ("Asia/Calcutta", "IN"),  # older names phones report, followed through the link table
        ("Europe/Kiev", "UA"),
        ("US/Eastern", "US"),
    ],
)
def test_a_zone_that_names_one_country_gives_it(zone, country):
    assert country_for_zone(zone) == country


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "Etc/GMT+5", "Atlantic/Jan_Mayen", "Nowhere/Else", ""])
def test_a_zone_that_names_no_single_country_gives_none(zone):
    # Atlantic/Jan_Mayen links to Europe/Berlin, which zone1970.tab shares among DE, DK, NO, SE and SJ.
    assert country_for_zone(zone) is None


def test_every_country_has_a_plain_name():
    names = country_names()
    assert names["US"] == "United States"
    assert len(names) > 240
    assert list(names.values()) == sorted(names.values())
