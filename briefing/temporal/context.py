"""What a normaliser knows while resolving one expression: the text, the anchor, the tense of
the clause, and the dates the text mentioned before (for "a year earlier", "that day")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from briefing.temporal.calendar import FUTURE, PAST
from briefing.temporal.direction import direction, doc_direction, heuristic_direction
from briefing.temporal.vocab import vocab


class Reading(NamedTuple):
    """A normaliser's answer: TIMEX3 type and value, and why."""

    type: str
    value: str
    reason: str
    zone: str | None = None  # the time zone written with a clock time ("EST")


@dataclass
class Context:
    """The state of one tagging pass (mutable: `note` records each date found, in order)."""

    text: str
    anchor: dt.date | None
    doc: Any = None
    tenses: Mapping[tuple[int, int], str | None] | None = None  # the parse's directions, read
    # before (see tagger.tenses): they stand in for `doc`
    ref: str | None = None  # the last absolute date value found, for anaphora
    ref_quarter: str | None = None  # the last quarter value found ("1989-Q3")
    ref_end: int = 0  # where the expression that gave `ref` ends

    extent: tuple[int, int] | None = None  # the whole expression a part is read within

    def direction(self, start: int, end: int) -> str | None:
        """Return "past", "future" or None for text[start:end] (see `direction.direction`);
        within `extent` (the day of "9 a.m. Tuesday"), for the whole expression."""
        if self.extent and self.extent[0] <= start and end <= self.extent[1]:
            start, end = self.extent
        if self.after_onset_word(start):
            return FUTURE  # "a pact effective June 1": the day it takes effect lies ahead
        if self.tenses is not None:
            return self.tenses.get((start, end)) or heuristic_direction(self.text, start, end)
        return direction(self.text, start, end, self.doc)

    def parsed_past(self, start: int, end: int) -> bool:
        """True when the parse (a `doc`, or the `tenses` read off one) puts the expression's
        governing verb in a past tense and a preposition of location in time ("in", "during")
        introduces it: "were last held in March". Other prepositions may point ahead whatever
        the verb's tense ("postponed until March", "set for March")."""
        words = re.findall(r"[a-z]+", self.before(start, 12))
        if not words or words[-1] not in ("in", "during"):
            return False
        if self.tenses is not None:
            return self.tenses.get((start, end)) == PAST
        return self.doc is not None and doc_direction(self.doc, start, end) == PAST

    def after_onset_word(self, start: int) -> bool:
        """True when the word right before `start` announces when something takes effect
        ("effective")."""
        words = re.findall(r"[a-z]+", self.before(start, 16))
        return bool(words) and words[-1] in vocab()["onset_words"]

    def before(self, start: int, width: int = 24) -> str:
        """Return the lower-cased text just before `start` (for context checks)."""
        return self.text[max(0, start - width) : start].lower()

    def _reported(self, quarter: str) -> bool:
        """True when the quarter has ended by the anchor (results can be reported)."""
        if self.anchor is None or not quarter[:4].isdigit() or not quarter[-1].isdigit():
            return True
        return (int(quarter[:4]), int(quarter[-1])) < (self.anchor.year,
                                                        (self.anchor.month - 1) // 3 + 1)

    def note(self, reading: Reading, end: int = 0) -> None:
        """Remember an absolute date value, found ending at `end`, as the reference for later
        anaphora."""
        value = reading.value
        if reading.type not in ("DATE", "TIME") or not value[:4].isdigit():
            return
        if "-Q" in value and self._reported(value):
            self.ref_quarter = value
        self.ref, self.ref_end = value, end

    def leave_quarter(self) -> None:
        """Stop counting from the quarter last named when it is the last date named: a
        sentence about another stretch ("For the nine months, ... a year earlier") compares
        years. "The quarter" still means the one last reported (`ref_quarter`)."""
        if self.ref is not None and self.ref == self.ref_quarter:
            self.ref = None

    def ref_day(self) -> str | None:
        """Return the day last named ("2023-01-05"), or None when the last date named is no
        day."""
        if not self.ref or not re.fullmatch(r"\d{4}-\d\d-\d\d", self.ref[:10]):
            return None
        return self.ref[:10]
