"""Countries by their ISO 3166-1 code, and the country a person's IANA time zone names, read from the tz
database's own tables as the `tzdata` package ships them (never a hand-typed map).

- zone.tab: one row per zone name a country uses, so `Europe/Vaduz` is Liechtenstein even though it is a link
  to `Europe/Zurich`.
- tzdata.zi's link lines (`L TARGET NAME`): older names phones still report (`Asia/Calcutta`, `US/Eastern`).
- zone1970.tab: every country a canonical zone covers. A link is followed only to a zone that covers one
  country; `Etc/UTC` or a link to a zone shared by several countries names no single country, so we ask.
"""

import functools
from importlib.resources import files

_TABLES = files("tzdata.zoneinfo")


def _rows(table: str):
    for line in _TABLES.joinpath(table).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@functools.cache
def country_names() -> dict[str, str]:
    """Code to English short name, e.g. "US": "United States", sorted by name."""
    names = {code: name for code, name in _rows("iso3166.tab")}
    return dict(sorted(names.items(), key=lambda item: item[1]))


@functools.cache
def _zone_country() -> dict[str, str]:
    return {row[2]: row[0] for row in _rows("zone.tab")}


@functools.cache
def _zone_countries_1970() -> dict[str, tuple[str, ...]]:
    return {row[2]: tuple(row[0].split(",")) for row in _rows("zone1970.tab")}


@functools.cache
def _links() -> dict[str, str]:
    links = {}
    for line in _TABLES.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, name = line.split()
            links[name] = target
    return links


def country_for_zone(zone: str) -> str | None:
    """The one country `zone` names, or None when it names none or several."""
    if zone in _zone_country():
        return _zone_country()[zone]
    target = _links().get(zone)
    countries = _zone_countries_1970().get(target, ())
    return countries[0] if len(countries) == 1 else None
