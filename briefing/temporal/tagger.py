"""Find time expressions and resolve them: match every rule, keep the longest
non-overlapping matches, widen them over modifiers ("early", "the end of"), join a clock time
to the day after it ("5 p.m. EST, Nov. 6"), then normalise each in reading order so that
anaphora ("a year earlier", "that day") can refer to the dates named before."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from briefing.temporal import absolute, intervals, quarters, relative, spans, units
from briefing.temporal.context import Context, Reading
from briefing.temporal.direction import doc_direction
from briefing.temporal.rules import rules
from briefing.temporal.vocab import vocab
from briefing.types import Slot, Timex

Normaliser = Callable[[re.Match[str], Context], Reading | None]

NORMALISERS: dict[str, Normaliser] = {
    "iso_date": absolute.iso_date, "slash_date": absolute.slash_date,
    "day_range_first": absolute.day_range_first, "day_range_last": absolute.day_range_last,
    "month_day": absolute.month_day, "day_month": absolute.month_day,
    "month_year": absolute.month_year, "month_word_year": absolute.month_word_year,
    "week_of": absolute.week_of, "month_rel_year": absolute.month_rel_year,
    "month": absolute.month, "spelled_year": absolute.spelled_year,
    "fiscal_year": absolute.fiscal_year, "year": absolute.year, "decade": absolute.decade,
    "century": absolute.century, "season": absolute.season, "holiday": absolute.holiday,
    "quarter": quarters.quarter, "quarter_ref": quarters.quarter_ref,
    "year_ago_bare": quarters.year_ago_bare,
    "clock": relative.clock, "day_pod": relative.day_pod, "rel_pod": relative.rel_pod,
    "deictic": relative.deictic, "weekday": relative.weekday,
    "ordinal_day": relative.ordinal_day,
    "week_day_rel": relative.week_day_rel,
    "rel_unit": units.rel_unit, "ago": units.ago,
    "set": spans.every, "duration": spans.duration, "vague_span": spans.vague_span,
    "bare_units": spans.bare_units, "reference": spans.reference,
    "vague_length": spans.vague_length, "year_end": absolute.year_end,
}
# Rules whose value names a stretch of the calendar, so a modifier ("early", "the end of")
# before them narrows it without changing the value's granularity.
_MODIFIABLE = {"month_day", "day_month", "month_year", "month_rel_year", "month", "year",
               "spelled_year", "decade", "century", "season", "quarter", "rel_unit",
               "deictic", "weekday", "fiscal_year", "day_pod", "holiday"}
_DAY_RULES = {"month_day", "day_month", "deictic", "weekday", "iso_date", "holiday"}
# Rules whose value is counted from an earlier date: they must not become the reference in
# turn, or "a year earlier" twice in a row would drift back two years.
_ANAPHORIC = {"ago", "year_ago_bare", "quarter_ref", "week_day_rel", "ordinal_day"}
# A definite stretch of time a report is about ("for the nine months", "in the first nine
# months"): the comparisons that follow ("a year earlier") are with it, not with the quarter.
_REPORTED_PERIOD = re.compile(r"the\s", re.I)
# Between a clock time and its day: a comma, "on", or a short aside ("10:35 a.m. (0735 GMT)
# Friday").
_CLOCK_JOIN = re.compile(r"[\s,]*(?:\([^()\n]{1,24}\)[\s,]*)?(?:on\s+)?$", re.I)


class Candidate(NamedTuple):
    start: int
    end: int
    rule: str
    priority: int
    match: re.Match[str]
    day: Candidate | None = None  # the day a clock time is joined to


@functools.cache
def _modifier_tail() -> re.Pattern[str]:
    words = sorted(vocab()["modifiers"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?<![\w])(?:" + alternation + r")(?:\s+|-)$", re.I)


def find(text: str) -> list[Candidate]:
    """Return every rule match in `text`, widened over modifiers, before any overlap is
    resolved."""
    found = []
    tail = _modifier_tail()
    for rule in rules():
        for m in rule.regex.finditer(text):
            start = m.start()
            if rule.name in _MODIFIABLE and (mod := tail.search(text, max(0, start - 30), start)):
                start = mod.start()
            if rule.name == "day_range" and not absolute.valid_day_range(m):
                continue
            found.append(Candidate(start, m.end(), rule.name, rule.priority, m))
    return found


def split_ranges(cands: list[Candidate]) -> list[Candidate]:
    """Split each two-day range ("Feb. 27-28", "4 to 17 December") into its two ends, each
    read on its own, as TimeML tags them ("Feb. 27" and "28"; "4" and "17 December")."""
    out: list[Candidate] = []
    for c in cands:
        if c.rule != "day_range":
            out.append(c)
            continue
        m = c.match
        first_end = m.end("day") if m["day"] else m.end("dayb")
        last_start = m.start("day2") if m["day2"] else m.start("day2b")
        out.append(c._replace(end=first_end, rule="day_range_first"))
        out.append(c._replace(start=last_start, rule="day_range_last"))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Return the longest matches that do not overlap (ties: the rule listed first), in
    text order."""
    kept: list[Candidate] = []
    taken = bytearray()
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if len(taken) < c.end:
            taken.extend(bytes(c.end - len(taken)))
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return sorted(kept)


def join_clocks(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a clock time to a day right after it ("9 a.m. Tuesday") into one candidate. With
    an aside between them ("10:35 a.m. (0735 GMT) Friday") both stay, the time on that day."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (c.rule == "clock" and nxt is not None and nxt.rule in _DAY_RULES
                and _CLOCK_JOIN.match(text, c.end, nxt.start)):
            if "(" in text[c.end:nxt.start]:
                out.append(c._replace(day=nxt))
                i += 1
                continue
            out.append(c._replace(end=nxt.end, day=nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


# A quoted phrase in Title Case ("This Week With David Brinkley", ``High Noon'', ''60
# Minutes'') is the name of a show, a film or a book, not a time.
_QUOTE_OPEN = re.compile(r"(?:``|''|[\"“])(?:[A-Z][\w'’.-]*\s+)*$")
_QUOTE_CLOSE = re.compile(r"(?:\s+[A-Z][\w'’-]*)*[.,!?]?(?:''|[\"”])")
_WORD = re.compile(r"[A-Za-z]+")


def in_quoted_title(text: str, c: Candidate) -> bool:
    """True when candidate `c` is part of a quoted Title Case name: every word of it
    capitalised, one of them a word that is lower-case in running text (not a weekday or a
    month), and the capitalised run around it opened and closed by quotation marks."""
    words = _WORD.findall(text, c.start, c.end)
    proper = vocab()["weekdays"].keys() | vocab()["months"].keys()
    if not words or not all(w[0].isupper() for w in words) or all(
            w.lower() in proper for w in words):
        return False
    return bool(_QUOTE_OPEN.search(text, max(0, c.start - 60), c.start)
                and _QUOTE_CLOSE.match(text, c.end))


@functools.lru_cache(maxsize=64)
def candidates(text: str) -> tuple[Candidate, ...]:
    """Return the expressions of `text` to read, in text order. They do not depend on the
    anchor, so the many readings of one article during date inference find them once."""
    kept = [c for c in select(find(text)) if not in_quoted_title(text, c)]
    return tuple(join_clocks(text, split_ranges(kept)))


def _read(c: Candidate, ctx: Context) -> Reading | None:
    if c.day is not None:
        ctx.extent = (c.start, max(c.end, c.day.end))
        day = NORMALISERS[c.day.rule](c.day.match, ctx)
        ctx.extent = None
        if day is None:
            return None
        return relative.clock(c.match, ctx, day=day.value[:10])
    return NORMALISERS[c.rule](c.match, ctx)


# The step by which the last end of a range may move after its first: a weekday by weeks,
# a day or month written without a year by years.
_FORWARD = {"weekday": "week", "month_day": "year", "day_month": "year", "month": "year"}


def _range_end(text: str, prev: tuple[Candidate, Reading], c: Candidate,
               reading: Reading) -> Reading | None:
    """Return `reading` moved after the first end of the range it closes, or None."""
    step = _FORWARD.get(c.rule)
    groups = c.match.groupdict()
    if step is None or groups.get("year") or groups.get("rel"):
        return None  # "March 5, 2024" and "next Friday" say where they lie
    first = prev[1]
    if first.type != "DATE" or reading.type != "DATE" or not intervals.joined(
            text, prev[0], c, same_kind=intervals.same_kind(first.value, reading.value)):
        return None
    moved = intervals.forward_end(first.value, reading.value, step)
    return reading._replace(value=moved, reason=reading.reason + "; after the range's first end") \
        if moved else None


def readings(
    text: str, anchor: dt.date | None, doc: Any = None,
    tenses: Sequence[Slot] | None = None,
) -> list[tuple[Candidate, Reading]]:
    """Return each expression found in `text` with its reading, in text order."""
    told = None if tenses is None else {(s.start, s.end): s.tag for s in tenses}
    ctx = Context(text=text, anchor=anchor, doc=doc, tenses=told)
    out: list[tuple[Candidate, Reading]] = []
    for c in candidates(text):
        reading = _read(c, ctx)
        if reading is None:
            continue
        if out and (moved := _range_end(text, out[-1], c, reading)) is not None:
            reading = moved
        if c.rule not in _ANAPHORIC:
            ctx.note(reading, c.end)
        if reading.type == "DURATION" and _REPORTED_PERIOD.match(text, c.start):
            ctx.leave_quarter()
        elif c.rule == "quarter_ref" and reading.value == ctx.ref_quarter:
            ctx.ref = reading.value  # "in the latest quarter": back to the quarter reported
        out.append((c, reading))
    return out


def expressions(text: str) -> list[Timex]:
    """Return the span of every expression that may be read in `text`, unread (no type, no
    value): which expressions a text holds does not depend on the anchor, though whether each
    can be resolved does."""
    return [Timex(c.start, c.end, text[c.start:c.end], "", "") for c in candidates(text)]


def tenses(text: str, doc: Any) -> tuple[Slot, ...]:
    """Return the direction the parse gives each span a normaliser may ask about (a rule's
    match, the whole expression, a clock time with its day): with them `tag_dates` needs no
    `doc`, and gives the same values for any anchor."""
    asked: dict[tuple[int, int], None] = {}
    for c in candidates(text):
        for part in (c, c.day) if c.day else (c,):
            asked[(part.match.start(), part.match.end())] = None
            asked[(part.start, part.end)] = None
        if c.day:
            asked[(c.start, max(c.end, c.day.end))] = None
    return tuple(Slot(start, end, doc_direction(doc, start, end)) for start, end in asked)


def tag_dates(text: str, anchor: dt.date | None, *, doc: Any = None,
              tenses: Sequence[Slot] | None = None) -> list[Timex]:
    """Return the time expressions of `text` as `Timex` values resolved against `anchor`.

    `doc`, a spaCy Doc of exactly `text`, lets the tense of each clause choose the direction
    of underspecified expressions ("will meet on Wednesday"), as do `tenses` read from it
    before (see `tenses`); without either a word heuristic does. With `anchor` None, values
    that need an anchor stay unresolved ("XXXX-01-07").
    """
    return [
        Timex(c.start, c.end, text[c.start:c.end], r.type, r.value, r.reason, r.zone)
        for c, r in readings(text, anchor, doc, tenses)
    ]


def tag_ranges(text: str, anchor: dt.date | None, *, doc: Any = None) -> list[intervals.TimeRange]:
    """Return the ranges of `text`, their ends resolved against `anchor` (see `tag_dates`)."""
    return intervals.find_ranges(text, tag_dates(text, anchor, doc=doc))
