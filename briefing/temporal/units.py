"""Normalisers for calendar units counted from a base: "last week", "this year", "the weekend",
"two years ago", "a year earlier"."""

from __future__ import annotations

import datetime as dt
import re

from briefing.temporal import calendar as cal
from briefing.temporal.context import Context, Reading
from briefing.temporal.quarters import parse_quarter
from briefing.temporal.spans import period
from briefing.temporal.vocab import number, vocab

_STEP = {"this": 0, "the current": 0, "the": 0, "last": -1, "the past": -1, "the previous": -1,
         "this past": -1, "the latest": -1, "next": 1, "the coming": 1, "this coming": 1,
         "the following": 1, "that": 0, "the same": 0}
_ENDED = re.compile(r",?\s+(?:that\s+)?end(?:ed|ing|s)\b", re.I)
_FROM_REF = {"that", "the same", "the following", "the previous"}


def unit_value(base: dt.date, unit: str, n: int) -> str:
    """Return the TIMEX3 value of the `unit` ("Y", "M", "W", "D", "Q") lying `n` units from
    `base`, at that unit's granularity."""
    if unit == "Y":
        return f"{base.year + n:04d}"
    if unit == "M":
        year, month = cal.shift_month(base.year, base.month, n)
        return f"{year}-{month:02d}"
    if unit == "W":
        return cal.iso_week(base + dt.timedelta(weeks=n))
    if unit == "Q":
        year, q = cal.shift_quarter(*cal.quarter_of(base), n)
        return f"{year}-Q{q}"
    return (base + dt.timedelta(days=n)).isoformat()


def _ref_date(ctx: Context) -> dt.date | None:
    """Return the last named date as a day (the first day of a month or year)."""
    ref = ctx.ref or ""
    if m := re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", ref):
        if "-W" in ref or "-Q" in ref:
            return None
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    return None


def weekend(ctx: Context, step: int, start: int, end: int) -> Reading:
    if ctx.anchor is None:
        return Reading("DATE", "XXXX-WXX-WE", "no anchor")
    a = ctx.anchor
    if step < 0:
        sat = cal.weekday_date(a - dt.timedelta(days=1), 5, cal.PAST)
    elif step > 0:
        sat = cal.weekday_date(a + dt.timedelta(days=1), 5, cal.FUTURE)
    else:
        way = ctx.direction(start, end) if a.weekday() < 5 else cal.PAST
        sat = cal.weekday_date(a if a.weekday() < 6 else a, 5, way)
    return Reading("DATE", cal.iso_week(sat) + "-WE", "the weekend " + ("before" if sat <= a
                                                                        else "after") + " anchor")


def rel_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    step = _STEP[rel]
    if unit == "weekend":
        return weekend(ctx, step, m.start(), m.end())
    if unit in ("decade", "century"):
        return _long_unit(unit, rel, step, ctx)
    if rel == "the" and _ENDED.match(ctx.text, m.end()):
        return Reading("DURATION", f"P1{unit[0].upper()}", f"the {unit} ended on a date: a length")
    base, whence = ctx.anchor, "anchor"
    if rel in _FROM_REF and (ref := _ref_date(ctx)) is not None:
        base, whence = ref, "last date named"
    if base is None:
        return Reading("DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit],
                       "no anchor")
    code = {"year": "Y", "month": "M", "week": "W"}[unit]
    return Reading("DATE", unit_value(base, code, step), f"{rel} {unit}: {step:+d} from {whence}")


def _long_unit(unit: str, rel: str, step: int, ctx: Context) -> Reading | None:
    size = 10 if unit == "decade" else 100
    if unit == "century" and step == 0:
        return Reading("DURATION", "P100Y", "this century: TimeML reads it as a length")
    if step < 0 and rel in ("the past", "last", "the previous", "the latest"):
        return Reading("DURATION", f"P{size}Y", f"the {unit} up to the anchor")
    if step > 0:
        return Reading("DURATION", f"P{size}Y", f"the {unit} after the anchor")
    if ctx.anchor is None:
        return None
    digits = 3 if unit == "decade" else 2
    return Reading("DATE", str(ctx.anchor.year)[:digits], f"the anchor's {unit}")


def _unit_code(word: str) -> tuple[str, int]:
    """Return (unit letter, multiplier) for a unit word: "decade" -> ("Y", 10)."""
    code = vocab()["units"][word.lower()]
    m = re.fullmatch(r"(\d*)([A-Z])", code)
    assert m is not None, f"bad unit code {code!r} in temporal.json"
    return m[2], int(m[1] or 1)


def ago(m: re.Match[str], ctx: Context) -> Reading | None:
    direction = m["dir"].lower()
    back = direction in ("ago", "earlier", "before")
    unit_word = m["unit"].lower()
    if unit_word in vocab()["time_units"] and not m["dir"].lower() == "ago":
        return Reading("DURATION", period(number(m["num"] or ""), unit_word), "hours later")
    if m["vague"] or unit_word in vocab()["time_units"]:
        ref = "PAST_REF" if back else "FUTURE_REF"
        return Reading("DATE", ref, "vague or sub-day distance: only the direction is known")
    n = number(m["num"])
    if n is None or n != int(n):
        return None
    unit, size = _unit_code(unit_word)
    steps = int(n) * size * (-1 if back else 1)
    return _counted(ctx, unit, steps, anaphoric=direction not in ("ago", "from now", "hence"))


def _counted(ctx: Context, unit: str, steps: int, *, anaphoric: bool) -> Reading | None:
    quarter = parse_quarter(ctx.ref) if ctx.ref else None
    if unit == "Y" and quarter is not None:
        year, q = cal.shift_quarter(*quarter, 4 * steps)
        return Reading("DATE", f"{year}-Q{q}", "the quarter last named, shifted by years")
    base, whence = ctx.anchor, "anchor"
    if anaphoric and (ref := _ref_date(ctx)) is not None:
        base, whence = ref, "last date named"
    if base is None or (unit == "Y" and base.year + steps < 1):
        # no anchor, or before the year 1 ("two thousand years ago"): only the direction
        return Reading("DATE", "PAST_REF" if steps < 0 else "FUTURE_REF", "no year to give")
    return Reading("DATE", unit_value(base, unit, steps), f"{steps:+d} {unit} from {whence}")
