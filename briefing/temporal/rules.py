"""The expression patterns: one named regex per kind of expression, in priority order.

Placeholders in braces ({MONTH}, {NUM}, ...) are filled from the vocabulary (see `vocab.py`).
A pattern finds an expression's extent; the normaliser of the same name (see `normalise.py`)
turns the match into a TIMEX3 value. When two matches overlap the longer wins, then the one
listed first.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from briefing.temporal.vocab import vocab

# Shared sub-patterns; they may use the vocabulary placeholders too.
_SHARED = {
    # "two thousand", "five hundred": a number word times a hundred or a thousand
    "NUM": r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMWORD}(?:[\s-]+(?:hundred|thousand)\b)?"
           r"(?:[\s-]+and[\s-]+a[\s-]+half)?)",
    "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    "YEAR4": r"(?:1[6-9]\d\d|20\d\d)",
    "REL": r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+previous"
           r"|the\s+current|the\s+coming|the\s+following|the\s+same|the\s+latest|that|the)",
    "TENS": r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
            r"|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)",
    # A year in words, as transcripts of broadcasts write it: "nineteen ninety-seven".
    "WORDYEAR": r"(?:eighteen|nineteen|twenty)[\s-]+{TENS}",
    "RANGE_JOIN": r"(?:-|–|—|to|and|until|till|through|thru)",
    # What may follow the second day of a range: punctuation, the end, or a word that starts
    # a new phrase ("April 24 and 25 in Washington"), never a noun it counts ("24 and 25 people").
    "RANGE_END": r"(?=\s*(?:$|[,.;:!?)\]'\"”’]|\s(?:in|at|on|for|with|when|while|after|before"
                 r"|from|to|and|or|but|as|by|the|this|next|last|1[6-9]\d\d|20\d\d)\b))",
    "APPROX": r"(?:(?:more|less|fewer)\s+than|at\s+least|at\s+most|about|nearly|almost|some"
              r"|over|up\s+to|roughly|around|approximately|only|just|under|within)",
}

_PATTERNS: list[tuple[str, str]] = [
    ("iso_date", r"\b(?P<year>{YEAR4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
                 r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b"),
    ("slash_date", r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])"
                   r"/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])"),
    # Two days of one month: "Feb. 27-28, 2023", "April 24 and 25", "4 to 17 December". The
    # tagger splits a match into its two ends, each a TIMEX3 of its own as TimeML tags them.
    ("day_range", r"(?:(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\s*{RANGE_JOIN}\s*(?P<day2>{DAYNUM})"
                  r"|(?P<dayb>{DAYNUM})\s*{RANGE_JOIN}\s*(?P<day2b>{DAYNUM})\s+(?:of\s+)?"
                  r"(?P<monthb>{MONTH}))(?:,?\s+(?P<year>{YEAR4}))?{RANGE_END}"),
    ("month_day", r"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<month>{MONTH})\s+(?:the\s+)?"
                  r"(?P<day>{DAYNUM})\b(?!\s*(?:%|percent|[.,:]\d|-))"
                  r"(?:,?\s+(?P<year>{YEAR4})\b)?"),
    ("day_month", r"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?"
                  r"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR4})\b)?"),
    ("month_year", r"(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR4})\b"),
    ("month_word_year", r"(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<wyear>{WORDYEAR})\b"),
    ("week_of", r"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAYNUM})\b"
                r"(?:,?\s+(?P<year>{YEAR4})\b)?"),
    ("month_rel_year", r"(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b"),
    ("month", r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+previous"
              r"|the\s+following)\s+)?(?P<month>{MONTH})(?![\w.]*\s+\d)"),
    ("spelled_year", r"(?:the\s+year\s+)?(?:(?P<hi>eighteen|nineteen|twenty)[\s-]+(?P<lo>{TENS})"
                     r"|two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<tail>{NUMWORD}))?)\b"),
    ("fiscal_year", r"(?:the\s+)?(?:fiscal|financial|FY|fy)(?:\s+year)?\s*'?(?P<year>{YEAR4}|\d\d)"
                    r"\b"),
    ("year", r"(?:(?:the\s+)?(?:year|calendar\s+year)\s+|mid-|post-|pre-)?"
             r"(?<![$\d.,#])(?P<year>{YEAR4})(?!\d|,\d|\.\d|\s*%|\s*percent|-\d|s\b|'s\b)"),
    ("decade", r"(?:the\s+)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0'?s"
               r"|(?P<word>{DECADEWORD}))\b"),
    ("century", r"(?:the\s+)?(?P<ord>{ORDINAL}|\d{1,2}(?:st|nd|rd|th))[\s-]+century\b"),
    ("quarter", r"(?:(?P<det>the|this|last|next|its|a|that|each)\s+)?"
                r"(?:(?P<year>{YEAR4})\s+|(?P<yrel>this|last|next)\s+year's\s+"
                r"|(?P<ago>year-(?:ago|earlier))\s+)?(?:(?:comparable|corresponding|flat|fiscal"
                r"|latest|current|calendar|same)[\s-]+)*(?:(?P<ord>first|second|third|fourth"
                r"|final|1st|2nd|3rd|4th|last(?=[\s-]+half\s+of\s+(?:fiscal\s+)?(?:{YEAR4}|(?:this|last|next)\s+year)))"
                r"[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)"
                # "the first two quarters of 1990": the first half of that year
                r"|(?P<pair>first|second|last)[\s-]+two[\s-]+quarters(?=\s+of\s))"
                r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{YEAR4})|(?P<yrel2>this|last|next)\s+year)"
                r"|\s+(?P<year3>{YEAR4}))?\b"),
    ("quarter_ref", r"(?:the|this|that|last|next|its)\s+(?:(?P<year>{YEAR4})\s+)?"
                    r"(?P<mod>(?:(?:year-(?:ago|earlier)|comparable|corresponding|latest|current"
                    r"|same|fiscal|previous|prior|past|recent)[\s-]+)*)(?P<unit>quarter|period)(?!-)"
                    r"(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?\b"),
    ("year_ago_bare", r"(?P<mod>year-(?:ago|earlier))\b"),
    ("clock", r"(?:(?:around|about|approximately|shortly\s+(?:before|after))\s+)?"
              r"(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?"
              r"|[ap]m\b)|(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d)(?=\s*{ZONE}|\s*GMT)"
              r"|(?P<word>{CLOCKWORD})|(?P<hour3>\d{1,2}|{NUMWORD})\s+o'clock"
              r"|(?P<hour4>\d{1,2}|{NUMWORD})\s+in\s+the\s+(?P<pod>morning|afternoon|evening))"
              r"(?:\s+(?P<zone>{ZONE})\b)?"),
    ("day_pod", r"(?P<day>{WEEKDAY}|today|yesterday|tomorrow)(?:'s)?\s+(?P<pod>{POD})(?P<plural>s)?\b"),
    ("rel_pod", r"(?P<rel>this|that|last|tomorrow|yesterday|early\s+this|late\s+last"
                r"|the\s+next|the\s+following|the\s+previous|(?<=in\s)the)\s+"
                r"(?P<pod>{POD})\b|(?P<tonight>tonight)\b|(?P<overnight>overnight)\b"
                # "by mid-afternoon", "at mid-afternoon yesterday": the day may follow
                r"|(?P<mid>mid-?\s?(?:morning|afternoon))(?:\s+(?P<mday>yesterday|today"
                r"|tomorrow))?\b"),
    ("deictic", r"\b(?P<word>{DEICTIC})\b(?:'s)?"),
    # "the second day of an offensive", "on his first day in office": a day counted within
    # a stretch of time the text is about
    # (the look-ahead first: the ordinals' alternation is tried only before a "day")
    ("ordinal_day", r"(?:the\s+)?(?=[\w-]+\s+day\b)(?P<ord>{ORDINAL})\s+day\b(?!-)"),
    ("weekday", r"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|the\s+previous"
                r"|the\s+following|the\s+next)\s+)?(?P<weekday>{WEEKDAY})(?P<plural>s\b)?"),
    ("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?-i:(?P<name>{HOLIDAY_CAP}))"
                r"(?:\s+(?P<year>{YEAR4}))?(?P<week>\s+week(?!s|end))?\b"),
    ("season", r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|early|late|mid-?)\s+)?"
               r"(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?:(?P<year>{YEAR4})"
               r"|(?P<wyear>{WORDYEAR})\b))?"),
    ("week_day_rel", r"(?P<wk>(?:(?<=later\sin\s)|(?<=earlier\sin\s))the\s+day(?!\s+(?:before|after))"
                     r"|the\s+day\s+before\s+(?:last\s+)?(?P<weekday>{WEEKDAY})"
                     r"|the\s+day\s+(?:before|after)|the\s+(?:next|following|previous)"
                     r"\s+day|that\s+(?:same\s+)?day|the\s+same\s+day)\b"),
    ("rel_unit", r"(?P<rel>{REL})\s+(?:(?P<fiscal>fiscal|calendar|full|financial)\s+)?"
                 r"(?P<unit>week|weekend|month|year|decade|century)\b(?!-)"),
    ("ago", r"(?:{APPROX}\s+)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})s?"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)\b"),
    ("set", r"(?P<word>{SET})\b|(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?"
            r"(?:(?P<unit>{UNIT})s?|(?P<weekday>{WEEKDAY})|(?P<month>{MONTH}))\b"
            r"|(?P<times>once|twice|{NUMWORD}\s+times)\s+(?:a|per|each)\s+(?P<unit2>{UNIT})\b"),
    ("duration", r"(?:(?P<det>the|a|an|each\s+of\s+the)\s+)?(?:(?P<dir>past|last|next|previous"
                 r"|first|coming|following|latest|final|remaining|initial|same)\s+)?"
                 r"(?:{APPROX}\s+)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))(?:\s+more)?"
                 r"(?:\s+(?:to|or)\s+{NUM})?[\s-]+(?:(?:full|straight|consecutive|trading"
                 r"|business|calendar|additional|extra|further)\s+)?(?P<unit>{UNIT})s?\b(?P<half>\s+and\s+a\s+half\b)?"
                 r"(?:-long)?(?![\s-]+old\b)"),
    ("vague_span", r"(?:the\s+)?(?P<rel>recent|past|coming|future|next\s+few|past\s+few"
                   r"|last\s+few|past\s+several|last\s+several)\s+(?P<unit>{UNIT})s\b"),
    # "for years", "centuries"; as an adjective, "a day-long meeting", "a decades-long feud".
    ("bare_units", r"(?<![\w-])(?:(?P<unit>{UNIT})s\b(?!-|\s+old\b)|(?P<cent>centuries)\b"
                   r"|(?P<lunit>{UNIT})(?P<plural>s)?-long\b)"),
    # "for a while", "for some time": a length no one counted (the extent leaves out "for").
    ("vague_length", r"(?<=\bfor\s)(?P<what>a\s+while|some\s+time)\b"),
    # The close of a year: "by year-end", "by year's end", "around year end".
    ("year_end", r"(?<![\w-])(?P<word>year-end|year'?s\s+end|year\s+end)\b(?!-)"),
    ("reference", r"(?<![\w-])(?P<word>{REF})\b(?!-)"),
]


class Rule(NamedTuple):
    name: str
    regex: re.Pattern[str]
    priority: int


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(3):  # shared sub-patterns may themselves hold placeholders
        pattern = re.sub(r"\{([A-Z0-9_]+)\}", lambda m: fragments[m.group(1)], pattern)
    return pattern


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Return the compiled rules, in priority order (0 = highest)."""
    v = vocab()
    fragments = dict(v.fragments)
    fragments["HOLIDAY_CAP"] = "|".join(
        re.escape(h.title()).replace(r"\ ", r"\s+").replace("'S", "'s")
        for h in sorted(v["holidays"], key=len, reverse=True)
    )
    for key, pattern in _SHARED.items():  # in order: a sub-pattern may use those before it
        fragments[key] = _expand(pattern, fragments)
    compiled = []
    for i, (name, pattern) in enumerate(_PATTERNS):
        body = _expand(pattern, fragments)
        compiled.append(Rule(name, re.compile(r"(?<![\w$])(?<!\d[,.])(?:" + body + r")", re.I), i))
    return tuple(compiled)
