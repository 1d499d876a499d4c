"""Normalisers for quarters and halves ("the third quarter", "the year-ago period"), the
vocabulary of company results, where an unqualified quarter is the last one reported."""

from __future__ import annotations

import re

from briefing.temporal import calendar as cal
from briefing.temporal.context import Context, Reading

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 2}  # "last" only before "half" (see rules)
_AGO = re.compile(r"year-(?:ago|earlier)|comparable|corresponding|a year|last year", re.I)


def parse_quarter(value: str | None) -> tuple[int, int] | None:
    """Return (year, quarter) of a value like "1989-Q3", or None."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value or "")
    return (int(m[1]), int(m[2])) if m else None


def last_reported(ctx: Context) -> tuple[int, int] | None:
    """Return the quarter the text last named, else the last complete quarter before the
    anchor, else None."""
    if (named := parse_quarter(ctx.ref_quarter)) is not None:
        return named
    if ctx.anchor is None:
        return None
    return cal.shift_quarter(*cal.quarter_of(ctx.anchor), -1)


def _fmt(year: int | None, q: int, unit: str = "Q") -> str:
    return f"{year if year is not None else 'XXXX'}-{unit}{q}"


def _year_of_ordinal(m: re.Match[str], ctx: Context, n: int, unit: str) -> tuple[int | None, str]:
    if explicit := m["year"] or m["year2"] or m["year3"]:
        return int(explicit), "year as written"
    if ctx.anchor is None:
        return None, "no anchor: year unknown"
    rel = (m["yrel"] or m["yrel2"] or "").lower()
    if rel:
        return ctx.anchor.year + {"last": -1, "next": 1, "this": 0}[rel], f"{rel} year"
    if m["ago"]:
        base = last_reported(ctx)
        return (base[0] if base else ctx.anchor.year) - 1, "a year before the reported one"
    now = cal.quarter_of(ctx.anchor)[1] if unit == "Q" else (ctx.anchor.month - 1) // 6 + 1
    if n > now and ctx.direction(m.start(), m.end()) != cal.FUTURE:
        return ctx.anchor.year - 1, "not yet begun this year: last year's"
    return ctx.anchor.year, "the anchor's year"


def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["pair"]:
        unit, n = "H", 1 if m["pair"].lower() == "first" else 2
        year, why = _year_of_ordinal(m, ctx, n, unit)
        return Reading("DATE", _fmt(year, n, unit), why + ", two quarters: a half")
    unit = "H" if m["unit"].lower() == "half" else "Q"
    n = _ORDINAL[m["ord"].lower()]
    if unit == "H":
        n = 2 if n >= 2 else 1
        if m["ord"].lower() in ("third", "3rd", "fourth", "4th"):
            return None
    if (m["det"] or "").lower() == "each":
        return Reading("SET", _fmt(None, n, unit), "every year's quarter")
    year, why = _year_of_ordinal(m, ctx, n, unit)
    return Reading("DATE", _fmt(year, n, unit), why)


def quarter_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    mods = (m["mod"] or "").lower() + " " + (m["tail"] or "").lower()
    det = m.group(0).split()[0].lower()
    if m["unit"].lower() == "period" and not (m["year"] or mods.strip()):
        return None  # "the period" alone is no time
    base = last_reported(ctx)
    if ctx.anchor is not None and (det in ("this", "next") or "current" in mods):
        base = cal.shift_quarter(*cal.quarter_of(ctx.anchor), 1 if det == "next" else 0)
    elif ctx.anchor is not None and (det == "last" or re.search(r"previous|prior|past", mods)):
        base = cal.shift_quarter(*cal.quarter_of(ctx.anchor), -1)
    if base is None:
        return Reading("DATE", "XXXX-QX", "no anchor and no quarter named before")
    year, q = base
    if m["year"]:
        year, why = int(m["year"]), "year as written, quarter as last reported"
    elif _AGO.search(mods):
        year, why = year - 1, "the reported quarter a year earlier"
    else:
        why = "the quarter last reported"
    return Reading("DATE", _fmt(year, q), why)


def year_ago_bare(m: re.Match[str], ctx: Context) -> Reading | None:
    base = parse_quarter(ctx.ref_quarter)
    if base is not None and ctx.ref == ctx.ref_quarter:
        return Reading("DATE", _fmt(base[0] - 1, base[1]), "the reported quarter a year earlier")
    if ctx.ref and ctx.ref[:4].isdigit():
        if ctx.anchor is not None and int(ctx.ref[:4]) == ctx.anchor.year - 1:
            # "a loss in the 1988 period. The year-ago results ...": the year last named is
            # already the one before the report's, the period compared with
            return Reading("DATE", ctx.ref[:4], "the year before the anchor, last named")
        return Reading("DATE", str(int(ctx.ref[:4]) - 1), "the year before the last date named")
    if ctx.anchor is None:
        return None
    return Reading("DATE", str(ctx.anchor.year - 1), "the year before the anchor")
