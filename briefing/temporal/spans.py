"""Normalisers for lengths of time, repetitions and vague references: "three years" (P3Y),
"the past few weeks" (PXW), "daily" (SET P1D), "now" (PRESENT_REF)."""

from __future__ import annotations

import re

from briefing.temporal.context import Context, Reading
from briefing.temporal.vocab import number, vocab

# How half a unit is written one unit down: 2 1/2 years = P2Y6M.
_HALF = {"Y": (6, "M"), "M": (15, "D"), "W": (84, "H"), "D": (12, "H"), "H": (30, "M"),
         "M_T": (30, "S")}
_VAGUE_CODE = {"decade": "E", "century": "C", "millennium": "L"}
# "Islam will one day be ...": between a modal and its verb, "one day" is some day ahead,
# not a length of time.
_SOME_DAY = re.compile(r"one\s+day", re.I)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|'ll)\s+$", re.I)


def _unit(word: str) -> tuple[str, int, bool]:
    """Return (letter, multiplier, is a time-of-day unit) for a unit word."""
    w = word.lower()
    m = re.fullmatch(r"(\d*)([A-Z])", vocab()["units"][w])
    assert m is not None, f"bad unit code for {w!r} in temporal.json"
    return m[2], int(m[1] or 1), w in vocab()["time_units"]


def period(n: float | None, word: str) -> str:
    """Return the TIMEX3 duration of `n` units (`n` None: an unknown number, "PXY")."""
    letter, size, is_time = _unit(word)
    prefix = "PT" if is_time else "P"
    if n is None:
        return prefix + "X" + _VAGUE_CODE.get(word.lower(), letter)
    whole, half = int(n), n - int(n)
    if letter == "Y" and not half and whole * size >= 1000 and whole * size % 1000 == 0:
        return f"P{whole * size // 1000}L"  # "two thousand years": two millennia, P2L
    key = "M_T" if is_time and letter == "M" else letter
    if half and (half != 0.5 or key not in _HALF):  # 1.5 seconds, 2.25 years: keep the decimal
        return f"{prefix}{n * size:g}{letter}"
    text = f"{prefix}{whole * size}{letter}" if whole else prefix
    if half:
        amount, smaller = _HALF[key]
        text += f"{amount * size}{smaller}"
    return text


def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["unit"]
    num_text = m["num"]
    if num_text and word.lower() == "second" and num_text.lower() in ("a", "an"):
        return None  # "a second" is mostly the ordinal
    if word.lower() == "quarter" and "-" in m.group(0):
        return None  # "three-quarters" is a fraction
    n = None if m["vague"] else number(num_text)
    if n is None and not m["vague"]:
        return None
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    dirword = (m["dir"] or "").lower()
    if _SOME_DAY.fullmatch(m.group(0)) and _MODAL_BEFORE.search(ctx.before(m.start(), 12)):
        return Reading("DATE", "FUTURE_REF", "one day after a modal: some day ahead")
    if m["vague"] and dirword in ("past", "last") and word.lower() == "quarter":
        return Reading("DATE", "PAST_REF", "a vague stretch of past quarters")
    return Reading("DURATION", period(n, word), "a length of time")


def vague_span(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel.endswith(("few", "several")):
        return Reading("DURATION", period(None, m["unit"]),
                       "a vague number of units")
    return Reading("DATE", vocab()["vague_spans"][rel], f"{rel} {m['unit']}s: direction only")


def bare_units(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["cent"]:
        return Reading("DURATION", period(None, "century"), "an unknown number of centuries")
    if m["lunit"]:  # "day-long" lasts one day, "decades-long" an unknown number of them
        n = None if m["plural"] else 1.0
        return Reading("DURATION", period(n, m["lunit"]), "a length, as an adjective")
    if m["unit"].lower() in ("second", "night", "fortnight", "quarter"):
        return None
    return Reading("DURATION", period(None, m["unit"]), "an unknown number of units")


def vague_length(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DURATION", "PXX", "a length of time no one counted")


def reference(m: re.Match[str], ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    return Reading("DATE", vocab()["references"][word], f"{word}: a reference, not a date")


def every(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["word"]:
        return Reading("SET", vocab()["sets"][m["word"].lower()], "a repetition")
    if m["weekday"]:
        return Reading("SET", f"XXXX-WXX-{vocab()['weekdays'][m['weekday'].lower()] + 1}",
                       "every such weekday")
    if m["month"]:
        month = vocab()["months"][m["month"].lower().rstrip(".")]
        return Reading("SET", f"XXXX-{month:02d}", "every such month")
    word = m["unit"] or m["unit2"]
    n = number(m["num"]) if m["num"] else 1.0
    return Reading("SET", period(n, word), "a repetition")
