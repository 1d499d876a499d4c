"""Wording for the compose stage: dates, lists, names and clauses written as a reader expects.

Pure functions over plain values (no `Event`, no citations), so every section of the brief
says a date or a list the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import replace

import pycountry

from briefing.extract.places import known_town
from briefing.fuse.naming import capital, styled_name
from briefing.knowledge import load
from briefing.knowledge.lexicon import lexicon
from briefing.temporal import value_to_range
from briefing.types import Participant

# Clause boundaries inside a sentence: a comma, semicolon or colon, or a spaced dash.
BREAK = re.compile(r"\s*[,;:]\s+|\s+[-–—]+\s+")


def country_name(code: str | None) -> str:
    """Return a short English name for an ISO 3166-1 alpha-2 code ("" for None): the name the
    knowledge files list first ("Russia", not the standard's "Russian Federation"), else the
    standard's common or short name."""
    if not code:
        return ""
    listed = _short_names().get(code.upper())
    if listed:
        return listed
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


@functools.cache
def _short_names() -> dict[str, str]:
    return {code: entry["names"][0] for code, entry in load("demonyms")["countries"].items()
            if entry.get("names")}


def long_date(day: dt.date | None) -> str:
    """Return "Wednesday 3 March 2021", or "date unknown"."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "date unknown"


def short_date(day: dt.date) -> str:
    """Return "3 March 2021"."""
    return f"{day.day} {day:%B %Y}"


def whole_period(first: dt.date, last: dt.date) -> str:
    """Return "September 2018" or "2018" when the days are one whole month or year, else ""."""
    after = last + dt.timedelta(days=1)
    if first.day != 1 or after.day != 1:
        return ""
    months = (after.year - first.year) * 12 + after.month - first.month
    if months == 1:
        return f"{first:%B %Y}"
    return str(first.year) if months == 12 and first.month == 1 else ""


def day_range(first: dt.date, last: dt.date) -> str:
    """Return "3 March 2021", "1-3 March 2021", "30 December 2020 to 2 January 2021", or
    "September 2018" for a whole month (a meeting planned for a month, not for its days)."""
    if first == last:
        return short_date(first)
    if period := whole_period(first, last):
        return period
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_date(last)}"
    return f"{short_date(first)} to {short_date(last)}"


def date_key(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day a TIMEX3 value covers (far future when it names none)."""
    try:
        found = value_to_range(value)
    except (ValueError, TypeError):
        found = None
    return found if found else (dt.date.max, dt.date.max)


def date_label(value: str) -> str:
    """Return a short label for a timeline date: "11 Jan 2023", "Dec 2022", "Week of 9 Jan 2023",
    a range by its ends ("4–17 Dec 2021", "Oct 2017 – Jun 2019")."""
    first, last = date_key(value)
    if first == dt.date.max:
        return value
    if "/" in value:
        a, b = value.split("/", 1)
        one_day = [date_key(end)[0] == date_key(end)[1] for end in (a, b)]
        if all(one_day) and (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{last.day} {last:%b %Y}"
        if all(one_day) and first.year == last.year:
            return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
        return f"{date_label(a)} – {date_label(b)}"
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return f"Week of {first.day} {first:%b %Y}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{first:%b %Y}"
    if re.fullmatch(r"\d{4}", value):
        return value  # a year
    return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"


def role_and_country(p: Participant) -> str:
    """Return "Foreign Minister, France", whichever of the two is known ("" for neither)."""
    return ", ".join(x for x in (p.role and titled(p.role), country_name(p.country)) if x)


SMALL_WORDS = frozenset({"of", "the", "for", "and", "to", "on", "in", "at"})


def titled(role: str) -> str:
    """Return a role written in lower case as a title ("secretary of state": "Secretary of
    State", "leader": "Leader"); a role with a capital of its own stays as written."""
    if role != role.lower():
        return role
    words = role.split()
    return " ".join(w if n and w in SMALL_WORDS else capital(w) for n, w in enumerate(words))


def described(p: Participant) -> str:
    """Return "Ann Lee (Foreign Minister, France)", "King Salman (Saudi Arabia)", or the bare
    name when nothing is known; a name that states its country ("Chinese officials",
    "Representatives from China") is not told it again."""
    if p.country and names_country(p.name, p.country):
        p = replace(p, country=None)
    styled = styled_name(p)  # "King Salman (Saudi Arabia)": the title is already said
    if styled:
        p = replace(p, name=styled, role=None)
    about = role_and_country(p)
    return f"{p.name} ({about})" if about else p.name


def names_country(name: str, code: str) -> bool:
    """Return True when a word or two of `name` are the country of `code` or its people
    ("Chinese officials"); its capital is not ("the London Stock Exchange")."""
    words = name.split()
    spans = words + [" ".join(pair) for pair in zip(words, words[1:], strict=False)]
    return any(lexicon().country(w) == code and not known_town(w) for w in spans)


def series(words: Sequence[str], joiner: str = ", ") -> str:
    """Return "a", "a and b", "a, b and c" (or "a; b; and c" joined by "; ")."""
    last = "; and " if joiner == "; " and len(words) > 2 else " and "
    return words[0] if len(words) == 1 else joiner.join(words[:-1]) + last + words[-1]


def reports(n: int) -> str:
    """Return "1 report" or "3 reports"."""
    return f"{n} report" + ("" if n == 1 else "s")


def the(title: str) -> str:
    """Return the title as the subject of a sentence: "The Nordic Energy Council ...", "The bilateral talks".

    A title already led by an article is kept; a first word is lowered when the second word is
    lower case too (a description, not a proper name).
    """
    words = title.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return title
    if len(words) > 1 and words[1][:1].islower() and not words[0].isupper():
        title = title[:1].lower() + title[1:]
    return "The " + title


def plural(title: str) -> bool:
    """Return True for a title whose head noun is plural ("talks", "consultations")."""
    words = re.sub(r"\([^)]*\)", "", title).split()
    head = words[-1].lower() if words else ""
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def clause(text: str, start: int, *, most: int = 25) -> str:
    """Return `text` cut to about `most` words around the character `start`, "…" marking cuts.

    Short sentences stay whole. A date early in the sentence keeps the sentence's start; a
    later one starts at its clause (with the clause before when that one is short). The cut
    ends at a clause boundary after the date when there is one.
    """
    text = text.strip()
    words = [m.span() for m in re.finditer(r"\S+", text)]
    if len(words) <= most:
        return text
    at = next((n for n, (_, end) in enumerate(words) if end > start), 0)
    begin = 0
    if at >= most - 4:
        bounds = [m.end() for m in BREAK.finditer(text) if m.end() <= words[at][0]]
        first = bounds[-1] if bounds else 0
        if len(bounds) > 1 and len(text[first:words[at][1]].split()) < 6:
            first = bounds[-2]
        begin = next(n for n, (a, _) in enumerate(words) if a >= first)
        begin = max(begin, at - most + 4)
    stop = min(begin + most, len(words)) - 1
    last = words[stop][1]
    ends = [m.start() for m in BREAK.finditer(text, words[at][1], last)
            if len(text[words[begin][0]:m.start()].split()) >= most // 2]
    if stop < len(words) - 1 and ends:
        last = ends[-1]
    piece = text[words[begin][0]:last].rstrip(",;:.")
    head = "…" + piece if begin else capital(piece)
    return head + ("…" if last < words[-1][1] - 1 else ".")
