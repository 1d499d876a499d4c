"""Normalisers for expressions that name a calendar unit: dates, months, years, decades,
centuries, quarters, seasons and holidays. Each takes the rule's match and the `Context` and
returns a `Reading`, or None to drop the match."""

from __future__ import annotations

import datetime as dt
import re

from briefing.temporal import calendar as cal
from briefing.temporal.context import Context, Reading
from briefing.temporal.vocab import number, vocab

_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def month_number(name: str) -> int:
    """Return 1-12 for a month name or abbreviation ("Sept.", "march")."""
    return vocab()["months"][name.lower().rstrip(".")]


def preceded_by_context(ctx: Context, start: int, key: str = "context_words") -> bool:
    """Return True when the word before `start` is one that introduces a time ("in", "last");
    `key` names the word list in the vocabulary."""
    words = re.findall(r"[a-z]+", ctx.before(start, 24))
    if words and words[-1] == "the":  # "in the summer"
        words.pop()
    return bool(words) and words[-1] in vocab()[key]


def _day(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday_index(name: str | None) -> int | None:
    return vocab()["weekdays"][name.lower()] if name else None


def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    weekday = _weekday_index(m["weekday"])
    if m["year"]:
        year, why = int(m["year"]), "year as written"
    elif ctx.anchor is None:
        year, why = None, "no anchor: year unknown"
    elif weekday is not None and (
        fit := cal.infer_year(month, day, weekday=weekday, near=ctx.anchor, span=1)
    ):
        year, why = fit, f"the year near {ctx.anchor} in which it is a {m['weekday']}"
    else:
        way = ctx.direction(m.start(), m.end())
        year = cal.year_for_month_day(ctx.anchor, month, day, way)
        why = f"the year putting it nearest {ctx.anchor}"
    value = _day(year, month, day)
    return Reading("DATE", value, why) if value else None


def slash_date(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    value = _day(year, int(m["month"]), int(m["day"]))
    return Reading("DATE", value, "month/day/year as written") if value else None


def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    value = _day(int(m["year"]), int(m["month"]), int(m["day"]))
    if value and m["hour"]:
        return Reading("TIME", f"{value}T{m['hour']}:{m['minute']}", "ISO date-time as written")
    return Reading("DATE", value, "ISO date as written") if value else None


def month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", f"{m['year']}-{month_number(m['month']):02d}", "month and year")


def word_year(text: str) -> int | None:
    """Return the year a WORDYEAR match writes ("nineteen ninety-seven" -> 1997)."""
    hi, _, lo = re.sub(r"\s+", " ", text.lower()).replace("-", " ").partition(" ")
    high, low = number(hi), number(lo)
    return int(high) * 100 + int(low) if high is not None and low is not None else None


def month_word_year(m: re.Match[str], ctx: Context) -> Reading | None:
    year_ = word_year(m["wyear"])
    if year_ is None:
        return None
    return Reading("DATE", f"{year_}-{month_number(m['month']):02d}", "month and year in words")


def week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the week of March 6": the ISO week holding that day."""
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        year_ = int(m["year"])
    elif ctx.anchor is not None:
        year_ = cal.year_for_month_day(ctx.anchor, month, day, ctx.direction(m.start(), m.end()))
    else:
        return Reading("DATE", "XXXX-WXX", "no anchor: week unknown")
    value = _day(year_, month, day)
    if value is None:
        return None
    return Reading("DATE", cal.iso_week(dt.date.fromisoformat(value)), "the week of a day")


def month_rel_year(m: re.Match[str], ctx: Context) -> Reading | None:
    shift = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-{month_number(m['month']):02d}", "no anchor")
    year = ctx.anchor.year + shift
    return Reading("DATE", f"{year}-{month_number(m['month']):02d}", f"{m['rel']} year's month")


def month(m: re.Match[str], ctx: Context) -> Reading | None:
    name, rel = m["month"], (m["rel"] or "").lower()
    if (not rel and name.lower().rstrip(".") in vocab()["ambiguous_months"]
            and not name.endswith(".") and not preceded_by_context(ctx, m.start())):
        return None  # "may", "March" (the verb), "Jan" (a name) need a word like "in" before
    if not name.endswith(".") and len(name) <= 4 and re.match(r"\s+[A-Z]", ctx.text[m.end():]):
        return None  # "Jan Novak": an abbreviation without its point before a name
    mon = month_number(name)
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-{mon:02d}", "no anchor: year unknown")
    a = ctx.anchor
    if rel in ("last", "this past", "the previous"):
        year = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "this coming", "the following"):
        year = a.year if mon > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        firm = ctx.parsed_past(m.start(), m.end())
        way = cal.PAST if firm else ctx.direction(m.start(), m.end())
        year = cal.year_for_month(a, mon, way, firm=firm)
    return Reading("DATE", f"{year}-{mon:02d}", f"month {rel or 'nearest'} {a}")


def spelled_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["hi"]:
        hi, lo = number(m["hi"]), number(m["lo"])
        if hi is None or lo is None:
            return None
        year = int(hi) * 100 + int(lo)
    else:
        tail = number(m["tail"]) if m["tail"] else 0
        if tail is None or tail >= 100:
            return None
        year = 2000 + int(tail)
    return Reading("DATE", str(year), "year in words")


def _two_digit_year(text: str, ctx: Context) -> int:
    year = int(text)
    if year >= 100:
        return year
    century = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
    return century + year if century + year <= (ctx.anchor or dt.date(1999, 1, 1)).year + 10 \
        else century - 100 + year


def fiscal_year(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", str(_two_digit_year(m["year"], ctx)), "fiscal year as written")


def year(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", m["year"], "year as written")


def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["cent"]:
        return Reading("DATE", f"{m['cent']}{m['dec']}", "decade as written")
    digit = int(m["dec2"]) if m["dec2"] else vocab()["decades"][m["word"].lower()]
    if ctx.anchor is None:
        return Reading("DATE", f"XX{digit}", "no anchor: century unknown")
    century = ctx.anchor.year // 100
    if digit > ctx.anchor.year % 100 // 10:
        century -= 1  # "the '90s" written in 2023 are the 1990s
    return Reading("DATE", f"{century}{digit}", "decade, the latest one before the anchor")


def century(m: re.Match[str], ctx: Context) -> Reading | None:
    text = m["ord"].lower()
    n = vocab()["ordinals"].get(text) or int(re.sub(r"\D", "", text) or 0)
    return Reading("DATE", f"{n - 1:02d}", "century as written") if n else None


def season_instance(year: int, code: str) -> int:
    return year * 4 + _SEASON_ORDER.index(code)


def current_season(d: dt.date) -> int:
    """Return the index (year * 4 + season) of the season `d` falls in; winter spans the new
    year and belongs to the year it starts in."""
    if d.month <= 2:
        return season_instance(d.year - 1, "WI")
    return d.year * 4 + (d.month - 3) // 3


def season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = vocab()["seasons"][m["season"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["year"] or m["wyear"]:
        written = m["year"] or word_year(m["wyear"])
        return Reading("DATE", f"{written}-{code}", "season and year as written")
    if not rel and not preceded_by_context(ctx, m.start(), "season_context_words"):
        return None  # "fall" and "spring" are verbs too
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-{code}", "no anchor")
    now = current_season(ctx.anchor)
    same = [i for i in range(now - 8, now + 9) if _SEASON_ORDER[i % 4] == code]
    if rel in ("last", "this past"):
        pick = max(i for i in same if i < now)
    elif rel in ("next", "this coming"):
        pick = min(i for i in same if i > now)
    else:
        way = ctx.direction(m.start(), m.end()) if rel != "this" else None
        pool = [i for i in same if (i <= now if way == cal.PAST else i >= now)] if way else same
        pick = min(pool, key=lambda i: (abs(i - now), i < now))
    return Reading("DATE", f"{pick // 4}-{code}", f"season {rel or 'nearest'} {ctx.anchor}")


def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    day = _holiday_day(m, ctx)
    if day is None or not m["week"] or not day.value[:4].isdigit():
        return day
    # "as Easter week began": the ISO week the holiday falls in
    year, week, _ = dt.date.fromisoformat(day.value).isocalendar()
    return day._replace(value=f"{year}-W{week:02d}", reason=day.reason + ", its week")


def _holiday_day(m: re.Match[str], ctx: Context) -> Reading | None:
    spec = vocab()["holidays"][re.sub(r"\s+", " ", m["name"].lower())]
    if m["year"]:
        return Reading("DATE", cal.holiday_date(int(m["year"]), spec).isoformat(), "holiday")
    if ctx.anchor is None:
        fixed = "day" in spec
        return Reading("DATE", f"XXXX-{spec['month']:02d}-{spec['day']:02d}" if fixed
                       else "XXXX", "no anchor: year unknown")
    a, rel = ctx.anchor, (m["rel"] or "").lower()
    days = [cal.holiday_date(y, spec) for y in (a.year - 1, a.year, a.year + 1)]
    if rel == "last":
        pick = max(d for d in days if d < a)
    elif rel == "next":
        pick = min(d for d in days if d > a)
    else:
        pick = min(days, key=lambda d: abs((d - a).days))
    return Reading("DATE", pick.isoformat(), f"holiday {rel or 'nearest'} {a}")


def _range_parts(m: re.Match[str]) -> tuple[int, int, int]:
    """Return (month, first day, last day) of a day_range match."""
    month = month_number(m["month"] or m["monthb"])
    first = int(re.sub(r"\D", "", m["day"] or m["dayb"]))
    return month, first, int(re.sub(r"\D", "", m["day2"] or m["day2b"]))


def valid_day_range(m: re.Match[str]) -> bool:
    """True when a day_range match names a real stretch ("27-28", not "3-1" or "30-31 June")."""
    month, first, last = _range_parts(m)
    return first < last and _day(2000, month, last) is not None


def _day_range(m: re.Match[str], ctx: Context, part: int) -> Reading | None:
    month, first, last = _range_parts(m)
    if m["year"]:
        year, why = int(m["year"]), "year as written"
    elif ctx.anchor is None:
        year, why = None, "no anchor: year unknown"
    else:
        year = cal.year_for_month_day(ctx.anchor, month, first, ctx.direction(m.start(), m.end()))
        why = f"the year putting the range nearest {ctx.anchor}"
    value = _day(year, month, first if part == 1 else last)
    end = "first" if part == 1 else "last"
    return Reading("DATE", value, f"{end} day of a range, {why}") if value else None


def day_range_first(m: re.Match[str], ctx: Context) -> Reading | None:
    return _day_range(m, ctx, 1)


def day_range_last(m: re.Match[str], ctx: Context) -> Reading | None:
    return _day_range(m, ctx, 2)


def year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """"by year-end": the last day of the year (written "year end", the year's close), this
    year's unless the clause looks back ("since year-end", written in October, is last
    year's)."""
    if ctx.anchor is None:
        return Reading("DATE", "XXXX", "no anchor: year unknown")
    back = ctx.direction(m.start(), m.end()) == cal.PAST or ctx.before(m.start(), 8).endswith(
        ("since ",))
    year = ctx.anchor.year - 1 if back else ctx.anchor.year
    hyphen = "-" in m["word"]
    value = f"{year}-12-31" if hyphen else str(year)
    return Reading("DATE", value, f"the end of {year}")
