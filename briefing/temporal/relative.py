"""Normalisers for expressions that count from the anchor or from a date named before:
"yesterday", "Friday", "last week", "two years ago", "the next day", "5 p.m. EST"."""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefing.temporal import calendar as cal
from briefing.temporal.context import Context, Reading
from briefing.temporal.direction import after_deadline_word
from briefing.temporal.vocab import number, vocab

_UNKNOWN_DAY = "XXXX-XX-XX"


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else _UNKNOWN_DAY


def _shift(ctx: Context, days: int) -> dt.date | None:
    return ctx.anchor + dt.timedelta(days=days) if ctx.anchor else None


def deictic(m: re.Match[str], ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = vocab()["deictic_days"][word]
    return Reading("DATE", _iso(_shift(ctx, offset)), f"{word}: {offset:+d} days from anchor")


def weekday_date(name: str, rel: str, ctx: Context, start: int, end: int) -> dt.date | None:
    """Return the date a weekday name means, given its qualifier ("last", "next", "")."""
    if ctx.anchor is None:
        return None
    wd = vocab()["weekdays"][name.lower()]
    if rel in ("last", "the previous"):
        return cal.weekday_date(ctx.anchor - dt.timedelta(days=1), wd, cal.PAST)
    if rel in ("next", "the following", "the next"):
        return cal.weekday_date(ctx.anchor + dt.timedelta(days=1), wd, cal.FUTURE)
    if rel in ("this coming", "coming", "this"):
        return cal.weekday_date(ctx.anchor, wd, cal.FUTURE)
    if rel == "this past":
        return cal.weekday_date(ctx.anchor, wd, cal.PAST)
    if rel == "nearest":
        return cal.weekday_date(ctx.anchor, wd, ctx.direction(start, end) or cal.NEAREST)
    if after_deadline_word(ctx.text, ctx.extent[0] if ctx.extent else start):
        return cal.weekday_date(ctx.anchor, wd, cal.FUTURE)
    found = cal.weekday_date(ctx.anchor, wd, ctx.direction(start, end))
    if found is not None and (ctx.anchor - found).days == 6 and in_lead(ctx.text, start):
        return ctx.anchor + dt.timedelta(days=1)  # the news day, a day past the story's date
    return found


LEAD_END = re.compile(r"(?:[a-z]{2}|\d|[)\]])[.!?][\"”’]?\s+[\"“‘(]?[A-Z]")  # a full stop after
# a word, not after an initial ("U.S. Secretary"); one after "Gen." ends the lead early: no harm


def in_lead(text: str, start: int) -> bool:
    """Return True for a position in the text's first sentence, its lead. A lead tells the
    day's news: a bare weekday there that reads six days before the story's date ("New
    Zealand said Friday" in a story dated Thursday) is the day after it, where the news was
    written in a time zone ahead of the publisher's or the story's date is its first
    version's. A week-old day is written "last Friday" or as a date."""
    return LEAD_END.search(text, 0, start + 1) is None


def possessive_rel(ctx: Context, start: int) -> str:
    """Return the qualifier a possessive weekday ("Thursday's summit") reads with. Such a
    weekday names an event. The clause may happen at it ("will speak at Thursday's summit"):
    then it lies the way the clause's tense points, the nearest such day without one. The
    clause may come ahead of it ("ahead of Friday's vote"): it lies ahead. Otherwise the
    clause is about it ("will appeal against Monday's ruling", "after Thursday's ruling"): an
    event already reported."""
    before = re.sub(r"\s+", " ", ctx.before(start, 30)).rstrip()
    words = vocab()["possessive_weekday_words"]
    if before.endswith(tuple(" " + w for w in words["ahead"])):
        return "this coming"
    if before.endswith(tuple(" " + w for w in words["at"])):
        return "nearest"
    return "this past"


@functools.cache
def _shared_plural_pod() -> re.Pattern[str]:
    f = vocab().fragments
    return re.compile(rf"\s+(?:and|or)\s+{f['WEEKDAY']}\s+(?P<pod>{f['POD']})s\b", re.I)


def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    wd = vocab()["weekdays"][m["weekday"].lower()]
    if m["plural"]:
        return Reading("SET", f"XXXX-WXX-{wd + 1}", "every such weekday")
    if not m["rel"] and (shared := _shared_plural_pod().match(ctx.text, m.end())):
        # "on Monday and Tuesday nights": the plural part of day is each weekday's
        code = vocab()["parts_of_day"][re.sub(r"\s+", " ", shared["pod"].lower())]
        return Reading("SET", f"XXXX-WXX-{wd + 1}T{code}", "every such weekday's part of day")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if not rel and ctx.text.startswith(("'s", "’s"), m.end()):
        rel = possessive_rel(ctx, m.start())
    d = weekday_date(m["weekday"], rel, ctx, m.start(), m.end())
    if d is None:
        return Reading("DATE", f"XXXX-WXX-{wd + 1}", "no anchor: weekday only")
    why = f"{rel or 'tense-chosen'} {m['weekday']} from {ctx.anchor}"
    return Reading("DATE", d.isoformat(), why)


def _day_of(word: str, ctx: Context, start: int, end: int) -> dt.date | None:
    w = word.lower()
    if w in vocab()["deictic_days"]:
        return _shift(ctx, vocab()["deictic_days"][w])
    return weekday_date(word, "", ctx, start, end)


def day_pod(m: re.Match[str], ctx: Context) -> Reading | None:
    code = vocab()["parts_of_day"][re.sub(r"\s+", " ", m["pod"].lower())]
    if m["plural"] and (wd := vocab()["weekdays"].get(m["day"].lower())) is not None:
        # "flights leave on Tuesday nights": that part of every such weekday
        return Reading("SET", f"XXXX-WXX-{wd + 1}T{code}", "every such weekday's part of day")
    d = _day_of(m["day"], ctx, m.start(), m.end())
    return Reading("TIME", f"{_iso(d)}T{code}", f"part of day {code} of {m['day']}")


def rel_pod(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["tonight"]:
        return Reading("TIME", f"{_iso(ctx.anchor)}TNI", "tonight")
    if m["overnight"]:
        return Reading("TIME", f"{_iso(ctx.anchor)}TNI", "overnight")
    if m["mid"]:
        return _mid_pod(m, ctx)
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    code = vocab()["parts_of_day"][re.sub(r"\s+", " ", m["pod"].lower())]
    if rel in ("the next", "the following", "the previous"):
        return _next_pod(rel, code, ctx)
    back = rel in ("yesterday", "late last") or (rel == "last" and code in ("NI", "EV"))
    day = _shift(ctx, -1 if back else 1 if rel == "tomorrow" else 0)
    if rel in ("that", "the") and (named := ctx.ref_day()):
        # "that morning", "in the morning": of the day last named, not of publication
        return Reading("TIME", f"{named}T{code}", f"{rel} {m['pod']} of the day last named")
    return Reading("TIME", f"{_iso(day)}T{code}", f"{rel} {m['pod']}")


def _next_pod(rel: str, code: str, ctx: Context) -> Reading:
    """"the next morning": the day after the day last named (the anchor when none is). A
    DATE of that day, as TimeBank tags these: the part of day is narrative, not a clock."""
    named = ctx.ref_day()
    base = dt.date.fromisoformat(named) if named else ctx.anchor
    if base is None:
        return Reading("DATE", _UNKNOWN_DAY, f"{rel} part of day, no anchor")
    day = base + dt.timedelta(days=-1 if rel == "the previous" else 1)
    why = f"{rel} {code}: the day after {'the day last named' if named else 'the anchor'}"
    return Reading("DATE", day.isoformat(), why)


_COPULA_BEFORE = re.compile(r"(?:\b(?:is|was|are|were|been|be)|['’]s)\s+$", re.I)


def ordinal_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"It is the second day of the offensive": the day the text is at, the day last named
    (the anchor when none is). Said of anything else ("on his first day in office") it is a
    day of a stretch whose start is seldom written: unknown."""
    if not _COPULA_BEFORE.search(ctx.before(m.start(), 12)):
        return Reading("DATE", _UNKNOWN_DAY, f"{m['ord']} day of a stretch not dated")
    day = ctx.ref_day() or _iso(ctx.anchor)
    return Reading("DATE", day, f"{m['ord']} day: the day the text is at")


def _mid_pod(m: re.Match[str], ctx: Context) -> Reading:
    code = "MO" if "morning" in m["mid"].lower() else "AF"
    if m["mday"]:
        day = _iso(_shift(ctx, vocab()["deictic_days"][m["mday"].lower()]))
    else:
        day = ctx.ref_day() or _iso(ctx.anchor)
    return Reading("TIME", f"{day}T{code}", f"{m['mid']} of {day}")


def clock_value(m: re.Match[str]) -> str | None:
    """Return "HH:MM" for a clock match, or None when the hour is impossible."""
    if m["word"]:
        return vocab()["clock_words"][m["word"].lower()]
    hour_text = m["hour"] or m["hour2"] or m["hour3"] or m["hour4"]
    hour = number(hour_text)
    if hour is None or hour != int(hour):
        return None
    hour, minute = int(hour), int(m["minute"] or m["minute2"] or 0)
    marker = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    pod = (m["pod"] or "").lower()
    if marker == "pm" or pod in ("afternoon", "evening"):
        hour = hour + 12 if hour < 12 else hour
    elif marker == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and minute < 60 else None


def clock(m: re.Match[str], ctx: Context, day: str | None = None) -> Reading | None:
    hhmm = clock_value(m)
    if hhmm is None:
        return None
    zone = f", zone {m['zone']}" if m["zone"] else ""
    if day is None and (named := ctx.ref_day()):
        # A time without its day in narrative happens on the day last named ("was shot on
        # Oct. 23 ... at 10 p.m."), not on the day of publication.
        day, zone = named, zone + ", day last named"
    base = day or _iso(ctx.anchor)
    return Reading("TIME", f"{base}T{hhmm}", f"clock time on {base}{zone}", m["zone"])


def week_day_rel(m: re.Match[str], ctx: Context) -> Reading | None:
    text = re.sub(r"\s+", " ", m["wk"].lower())
    if m["weekday"]:
        d = weekday_date(m["weekday"], "last", ctx, m.start(), m.end())
        return Reading("DATE", _iso(d - dt.timedelta(days=1) if d else None), "day before")
    ref = ctx.ref if ctx.ref and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.ref[:10]) else None
    base = dt.date.fromisoformat(ref[:10]) if ref else ctx.anchor
    if base is None:
        return Reading("DATE", _UNKNOWN_DAY, "no anchor")
    step = 1 if re.search(r"after|next|following", text) else -1 if re.search(
        r"before|previous", text) else 0
    why = f"{step:+d} days from {'the last date named' if ref else 'the anchor'}"
    return Reading("DATE", (base + dt.timedelta(days=step)).isoformat(), why)
