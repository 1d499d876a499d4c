"""The knowledge the who's-who extractor reads: titles, countries, organisations.

Everything here comes from `briefing/knowledge/{titles,demonyms,organisations}.json` (overridable
with `BRIEFING_DATA`); this module only indexes it for fast look-ups.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from briefing.knowledge import load

# Role markers of a participant that is not a person (the fuse step reads them as "no role").
ORGANISATION = "(organisation)"  # a named organisation, country or national delegation
GROUP = "(group)"  # an unnamed group of people
# The weight of the lead's main subject, the one the story is about (set by
# people_participation, read by the fuse step's vote: here so that fusing imports no spaCy).
LEAD_SUBJECT = 3.5


_SPACES = re.compile(r"\s+")
_DASHES_SPACES = re.compile(r"[-\s]+")
_POSSESSIVE_END = re.compile(r"'s?$")
_THE = re.compile(r"^the ")


def fold(text: str) -> str:
    """Return `text` lower-cased, accents and curly quotes removed, spaces collapsed."""
    if not text.isascii():  # ASCII has no accents, curly quotes or compatibility forms
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


def title_key(role: str) -> str:
    """Return the comparison key of a title: folded, 'defence' spelled 'defense', no dots."""
    key = fold(role).replace("defence", "defense").replace(".", "")
    return _DASHES_SPACES.sub(" ", key).strip(" ,")


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    modifiers: frozenset[str]
    dropped: frozenset[str]  # modifiers left out of a role ("newly appointed")
    counterpart: frozenset[str]
    places: dict[str, str]  # folded country name, capital or demonym -> alpha-2
    orgs: dict[str, str | None]  # folded organisation name -> alpha-2 or None
    ministries: frozenset[str]
    org_heads: frozenset[str]  # last words of organisation and place names ("Department")
    canon: dict[tuple[str, str | None], str]  # (title key, country or None) -> canonical
    participation: dict[str, frozenset[str]]
    reporting: frozenset[str]

    def country(self, text: str) -> str | None:
        """Return the alpha-2 code of a country name or demonym (possessive allowed), or None."""
        key = _POSSESSIVE_END.sub("", fold(text)).strip()
        return self.places.get(_THE.sub("", key))

    def body(self, text: str) -> str | None:
        """Return the alpha-2 code of a country name, demonym or known organisation."""
        return self.country(text) or self.org_country(text)

    def org_country(self, text: str) -> str | None:
        """Return the alpha-2 code of a listed organisation ("the White House": US), None for
        an international one or one not listed."""
        return self.orgs.get(_THE.sub("", fold(text)))

    def listed_org(self, text: str) -> bool:
        """True for an organisation the knowledge files list, a country's or international."""
        return _THE.sub("", fold(text)) in self.orgs

    def is_place_or_org(self, text: str) -> bool:
        key = _THE.sub("", _POSSESSIVE_END.sub("", fold(text)).strip())
        return (key in self.places or key in self.orgs or key in self.ministries
                or key.rsplit(" ", 1)[-1] in self.org_heads)

    def is_title_word(self, word: str) -> bool:
        w = fold(word)
        return w in self.heads or w in self.title_words or w in self.modifiers

    def canonical_role(self, role: str | None, country: str | None) -> str | None:
        """Return the official form of `role` for a person of `country` (as written if unknown).

        A form listed only for some countries ("Defense Secretary" -> "Secretary of Defense"
        in the US) is left alone for others, so a minority title survives to the vote.
        """
        if not role:
            return None
        key = title_key(role)
        for probe in ((key, country), (key, None)):
            if probe in self.canon:
                return self.canon[probe]
        return role


@functools.cache
def lexicon() -> Lexicon:
    """Return the indexed knowledge files (cached)."""
    titles, dem, orgs = load("titles"), load("demonyms"), load("organisations")
    places: dict[str, str] = {}
    for code, entry in dem["countries"].items():
        for name in entry["names"] + entry["demonyms"]:
            places[re.sub(r"^the ", "", fold(name))] = code
    canon: dict[tuple[str, str | None], str] = {}
    for entry in titles["titles"]:
        countries = entry.get("countries") or [None]
        for written in entry["written"] + [entry["canonical"]]:
            for c in countries:
                canon.setdefault((title_key(written), c), entry["canonical"])
    part = titles["participation"]
    return Lexicon(
        heads=frozenset(fold(h) for h in titles["heads"]),
        title_words=frozenset(fold(w) for w in titles["title_words"]),
        honorifics=frozenset(titles["honorifics"]),
        modifiers=frozenset(fold(m) for m in titles["modifiers"]),
        dropped=frozenset(fold(m) for m in titles.get("modifiers_dropped", [])),
        counterpart=frozenset(titles["counterpart"]),
        places=places,
        orgs={fold(k): v for k, v in orgs["organisations"].items()},
        ministries=frozenset(fold(m) for m in orgs["ministries"]),
        org_heads=frozenset(fold(w) for w in orgs.get("name_heads", [])),
        canon=canon,
        participation={k: frozenset(v) for k, v in part.items()},
        reporting=frozenset(titles["reporting"]),
    )
