"""Merging the same statement reported by several sources, and voting on event slots.

Statements whose words mostly agree (rapidfuzz token-set ratio) become one `Item` citing every
source; items are ranked by how many articles report them. A slot (date, place, format) that
sources fill differently becomes a `Discrepancy` listing each value with its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from briefing.types import Discrepancy, Item, Span, Statement, Variant

SAME_TEXT = 72
SHORT_WORDS = 12  # phrases this short (agenda items) merge only when no word sets them apart


def merge(statements: Iterable[Statement], *, by_date: bool = False,
          threshold: int = SAME_TEXT) -> list[Item]:
    """Return one Item per distinct statement, most-reported first, then in reading order."""
    groups: list[list[Statement]] = []
    for s in statements:
        home = next((g for g in groups if same(g[0], s, by_date, threshold)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    items = [as_item(g) for g in groups]
    order = {id(i): n for n, i in enumerate(items)}
    return sorted(items, key=lambda i: (-len({s.article for s in i.sources}), order[id(i)]))


def same(a: Statement, b: Statement, by_date: bool, threshold: int) -> bool:
    """Return True when two statements say the same thing (on the same date, if asked)."""
    if by_date and a.date != b.date:
        return False
    if a.span == b.span and a.text == b.text:
        return True
    shorter, longer = sorted((len(a.text), len(b.text)))
    if longer > 2 * shorter:  # a phrase inside a longer statement is not the same statement
        return False
    if fuzz.token_set_ratio(a.text.lower(), b.text.lower()) < threshold:
        return False
    return not (len(a.text.split()) <= SHORT_WORDS and differ_in_substance(a.text, b.text))


def differ_in_substance(a: str, b: str) -> bool:
    """Return True when each phrase has a word the other lacks (no near-spelling either):
    "cooperation in outer space" and "cooperation in cyberspace" are two agenda items."""
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    only_a = [w for w in words_a - words_b if not any(fuzz.ratio(w, v) >= 85 for v in words_b)]
    only_b = [w for w in words_b - words_a if not any(fuzz.ratio(w, v) >= 85 for v in words_a)]
    return bool(only_a) and bool(only_b)


def as_item(group: Sequence[Statement]) -> Item:
    """Return the Item for statements saying the same thing: the shortest wording, all sources."""
    shortest = min(group, key=lambda s: len(s.text))
    sources = tuple(dict.fromkeys(s.span for s in group))
    return Item(text=shortest.text, sources=sources, date=group[0].date, value=group[0].value,
                at=shortest.at)


def vote(values: Sequence[tuple[str | None, Span]], about: str,
         same: Callable[[str, str], bool] | None = None) -> tuple[str | None, Discrepancy | None]:
    """Return the value most sources give (ties: the first given) and a Discrepancy if they differ.

    With `same`, values it calls the same count as one, shown in the wording most of their
    sources use (ties: the first given).
    """
    forms: dict[str, list[tuple[str, Span]]] = {}
    for value, span in values:
        if value:
            key = next((k for k in forms if same(k, value)), value) if same else value
            forms.setdefault(key, []).append((value, span))
    if not forms:
        return None, None
    by_value: dict[str, list[Span]] = {}
    for given in forms.values():
        wording = Counter(value for value, _ in given).most_common(1)[0][0]
        by_value[wording] = [span for _, span in given]
    ranked = sorted(by_value.items(), key=lambda kv: -len({s.article for s in kv[1]}))
    winner = ranked[0][0]
    if len(ranked) == 1:
        return winner, None
    variants = tuple(Variant(v, tuple(spans)) for v, spans in ranked)
    return winner, Discrepancy(about, variants)


def same_place(a: str, b: str) -> bool:
    """Return True when one place name is the other with words after it: "Washington" and
    "Washington, D.C.", "Sao Paulo" and "Sao Paulo, Brazil" (a leading "the" aside)."""
    short, long = sorted((place_words(a), place_words(b)), key=len)
    return bool(short) and long[:len(short)] == short


def place_words(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+", name.lower())
    return words[1:] if words[:1] == ["the"] else words
