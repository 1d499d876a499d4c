"""Datelines at the start of a story: "LONDON (Reuters) -", "Paris, 3 March, /NEWSWIRE/".

The shapes of a dateline are here, its date is the temporal tagger's grammar
(`briefing.temporal.stated`, through `ingest.dates`); the vocabulary (dashes, words kept in
capitals) is in `briefing/knowledge/datelines.json`. Several shapes are tried in order and the
first match wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefing.ingest.dates import StatedDate, date_pattern, parse_stated
from briefing.knowledge import load


@dataclass(frozen=True)
class Dateline:
    """What a dateline states; `length` is how many characters of the paragraph it takes."""

    place: str
    outlet: str | None
    date: StatedDate | None
    length: int


def find_dateline(paragraph: str) -> Dateline | None:
    """Return the dateline that `paragraph` starts with, or None."""
    for pattern in _patterns():
        match = pattern.match(paragraph)
        if match and _plausible(match):
            return _dateline(match)
    return None


def _dateline(match: re.Match[str]) -> Dateline:
    groups = match.groupdict()
    outlet = (groups.get("outlet") or "").strip(" -/") or None
    date = parse_stated(groups["date"]) if groups.get("date") else None
    return Dateline(_place(groups["place"]), outlet, date, match.end())


def _plausible(match: re.Match[str]) -> bool:
    """False when the "place" is a headline label (UPDATE, BREAKING), a media label (FILE,
    VIDEO) or the outlet too long."""
    labels = {p.upper() for p in load("boilerplate")["headline_prefixes"]} | set(
        load("datelines")["media_labels"])
    outlet = match.groupdict().get("outlet") or ""
    limit = load("datelines")["max_outlet_chars"]
    return match.group("place").upper() not in labels and len(outlet) <= limit


def _place(text: str) -> str:
    """Return the place as a reader writes it: LONDON -> London, UK stays UK."""
    return " ".join(_title(w) for w in text.split(" "))


def _title(word: str) -> str:
    """Return an all-capitals word in title case unless it is an abbreviation to keep."""
    keep = load("datelines")["keep_upper"]
    core = word.strip(",")
    if core in keep or core.upper() != core or sum(c.isalpha() for c in core) < 3:
        return word
    return "-".join(part.capitalize() for part in word.split("-"))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    vocab = load("datelines")
    dashes = sorted(vocab["dashes"], key=len, reverse=True)
    dash = "(?:" + "|".join(re.escape(d) for d in dashes) + ")"
    n = vocab["max_place_words"] - 1
    word, caps = r"[A-Z][\w.'’&-]*", r"[A-Z][A-Z.'’&-]+"
    place = rf"(?P<place>{word}(?: {word}){{0,{n}}}(?:, {word}(?: {word}){{0,2}})?)"
    capsplace = rf"(?P<place>{caps}(?: {caps}){{0,{n}}})(?:, {word}(?: {word}){{0,2}})?"
    date = rf"(?P<date>{date_pattern()})"
    outlet, end = r"\((?P<outlet>[^()\n]+?)\)", rf"\s*(?:{dash}+|:)\s*"
    shapes = (
        rf"{place}\s*\((?P<outlet>[^()\n]+?)\s+{dash}+\s+{date}\)(?:{end}|\s+)",
        rf"{place},\s+{date},?\s*{outlet}(?:{end}|\s+)",
        rf"{place},\s+{date},?\s*/(?P<outlet>[^/\n]+)/(?:{end}|\s*$)",
        rf"{place}\s*{outlet}{end}",
        rf"{capsplace}(?:,\s+{date})?\s*(?:{outlet})?\s*(?:{dash}+|:)\s+",
        rf"{capsplace}\s*{outlet}\s+",
        rf"{place},\s+{date}(?:{end}|\s*$)",
    )
    return tuple(re.compile(s) for s in shapes)
