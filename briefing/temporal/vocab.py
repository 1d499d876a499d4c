"""The tagger's vocabulary (`briefing/knowledge/temporal.json`) and the regex fragments built from it.

Everything a reader may want to extend (month names, number words, holidays, cue words) lives
in the data file; this module only turns it into lookup tables and alternations.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from briefing.knowledge import load


def _alternation(words: Any) -> str:
    """Return a regex alternation of `words`, longest first so that the longest form wins."""
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True)
class Vocab:
    """Lookup tables (lower-case keys) and the regex fragments that match their entries."""

    data: dict[str, Any]
    fragments: dict[str, str]

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def _fragments(d: dict[str, Any]) -> dict[str, str]:
    months_full = [m for m in d["months"] if len(m) > 4 or m in ("may", "june", "july")]
    months_abbr = [m for m in d["months"] if m not in months_full]
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    units = "(?:one|two|three|four|five|six|seven|eight|nine)"
    return {
        # Month names must be capitalised ("May", never the verb "may", nor "march").
        "MONTH": "(?-i:" + _alternation([m.capitalize() for m in months_full]
                                         + [m.upper() for m in months_full]) + "(?![A-Za-z]))"
                 + "|(?-i:" + _alternation([m.capitalize() for m in months_abbr])
                 + r"(?![A-Za-z]))\.?",
        "WEEKDAY": "(?-i:" + _alternation([w.capitalize() for w in d["weekdays"]]
                                          + [w.upper() for w in d["weekdays"]]) + "(?![a-rt-zA-Z]))",
        "NUMWORD": f"(?:{tens}[\\s-]{units}\\b|" + _alternation(d["numbers"])[3:],
        "VAGUE": _alternation(d["vague_numbers"]),
        "ORDINAL": _alternation(d["ordinals"]),
        "UNIT": _alternation(d["units"]),
        "SEASON": _alternation(d["seasons"]),
        "POD": _alternation(d["parts_of_day"]),
        "ZONE": "(?-i:" + _alternation(d["zones"]) + ")",
        "DEICTIC": _alternation(d["deictic_days"]),
        "REF": _alternation(d["references"]),
        "SET": _alternation(d["sets"]),
        "DECADEWORD": _alternation(d["decades"]),
        "HOLIDAY": _alternation(d["holidays"]),
        "CLOCKWORD": _alternation(d["clock_words"]),
    }


@functools.cache
def vocab() -> Vocab:
    """Return the vocabulary, loaded once; raises FileNotFoundError if the data file is gone."""
    data = load("temporal")
    return Vocab(data=data, fragments=_fragments(data))


def number(text: str) -> float | None:
    """Return the value of a number written in digits or words ("twenty-four", "2 1/2").

    Returns None for vague quantities ("several", "a few") and for text that is no number.
    """
    words = vocab()["numbers"]
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    for tail in (" and a half", " 1/2", "-and-a-half", "½"):
        if t.endswith(tail):
            t, half = t[: -len(tail)].strip(), 0.5
    if re.fullmatch(r"\d+(\.\d+)?", t.replace(",", "")):
        return float(t.replace(",", "")) + half
    if t in words:
        return words[t] + half
    parts = re.split(r"[- ]", t)
    if parts and all(p in words for p in parts):
        total = 0
        for p in parts:
            total = total * words[p] if words[p] in (100, 1000) else total + words[p]
        return total + half
    return None
