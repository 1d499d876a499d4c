"""Merging the same statement reported by several sources, and voting on event slots.

Statements whose words mostly agree (rapidfuzz token-set ratio) become one `Item` citing every
source; items are ranked by how many articles report them. A slot (date, place, format) that
sources fill differently becomes a `Discrepancy` listing each value with its sources.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from briefing.knowledge import word_set
from briefing.knowledge.lexicon import lexicon
from briefing.types import AGENDA_CUES, Discrepancy, Item, Span, Statement, Variant

SAME_TEXT = 72
SHORT_WORDS = 12  # phrases this short (agenda items) merge only when no word sets them apart


def merge(statements: Iterable[Statement], *, by_date: bool = False,
          threshold: int = SAME_TEXT, topics: bool = False) -> list[Item]:
    """Return one Item per distinct statement, most-reported first, then in reading order.

    With `topics` (agenda items), two wordings of one topic are one item too (`same_topic`).
    """
    groups: list[list[Statement]] = []
    for s in statements:
        homes = [g for g in groups if same(g[0], s, by_date, threshold)
                 or (topics and any(same_topic(m.text, s.text) for m in g))]
        if not homes:
            groups.append([s])
            continue
        homes[0].append(s)
        for other in homes[1:]:  # "denuclearization" joins "the complete denuclearization of
            homes[0].extend(other)  # the peninsula" to "complete denuclearization", met earlier
            groups.remove(other)
    items = [as_item(g) for g in groups]
    order = {id(i): n for n, i in enumerate(items)}
    return sorted(items, key=lambda i: (-reports_of(i.sources), order[id(i)]))


def reports_of(sources: Iterable[Span]) -> int:
    """Return how many reports the sources are in (a report citing a fact twice counts once)."""
    return len({s.article for s in sources})


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


TOPIC_FILLER = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "of", "and",
                          "on", "in", "for", "to", "with", "between", "over", "about", "s"})
TOPIC_EXTRA_WORDS = 2  # "sanctions", "new economic sanctions": one topic
TOPIC_PREPOSITIONS = ("of", "on", "in", "for", "to", "with", "between", "over", "about", "against")


def same_topic(a: str, b: str) -> bool:
    """Return True for two wordings of one agenda topic: the same words but for articles,
    possessives and plural endings ("the conflict in Ukraine", "Ukraine's conflict"), or one
    the other with modifiers more and the same head noun ("sanctions", "new sanctions"); a
    general head word ("the North Korea question", "cybersecurity issues", "the border wall
    plan") is no part of the topic it frames."""
    if abbreviates(a, b) or abbreviates(b, a):  # "TPP", "the Trans-Pacific Partnership"
        return True
    a, b = without_general_head(a), without_general_head(b)
    words_a, words_b = compared_words(a), compared_words(b)
    if not words_a or not words_b:
        return False
    if words_a == words_b:
        return True
    (small, short), (large, long) = sorted(((words_a, a), (words_b, b)), key=lambda p: len(p[0]))
    near = len(large) <= len(small) + TOPIC_EXTRA_WORDS  # a clause around it is another topic
    head = head_word(a)
    if head == head_word(b) and (near and small <= large or overlapping(small, large, head)
                                 and same_complement(a, b)):
        return True
    return complement(small, long)


def abbreviates(short: str, long: str) -> bool:
    """Return True when `short` is one word in capitals made of the initials of `long`'s
    capitalised words ("TPP": "the Trans-Pacific Partnership"; "NAFTA" spells its words')."""
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    names = [w for w in re.split(r"[\s-]+", long) if w[:1].isupper()]
    return "".join(w[0] for w in names) == short


NAMED_BY_ALL_BUT = 1  # "a 'Phase One' trade deal with China", "the comprehensive Phase One trade deal"


def overlapping(small: frozenset[str], large: frozenset[str], head: str) -> bool:
    """Return True when two topics of one head share every word of the smaller but one, and
    two words of substance besides the head: each adds a modifier of its own to one named
    thing ("a new security agreement", "a new research and development agreement" share
    only "new")."""
    shared = (small & large) - word_set("cues", "agenda_vague_modifiers") - {head}
    return len(shared) >= 2 and len(small - large) <= NAMED_BY_ALL_BUT


def same_complement(a: str, b: str) -> bool:
    """Return True unless both topics have a complement after their head and the two differ
    ("cooperation in outer space", "cooperation in cyberspace")."""
    tails = [compared_words(" ".join(words[cut + 1:])) for words in map(_words, (a, b))
             for cut in [_first_preposition(words)] if cut is not None]
    return len(tails) < 2 or tails[0] == tails[1]


WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # words, hyphenated ones whole


def _words(text: str) -> list[str]:
    return WORDS.findall(text.lower())


def _first_preposition(words: Sequence[str]) -> int | None:
    return next((i for i, w in enumerate(words) if i and w in TOPIC_PREPOSITIONS), None)


def complement(small: frozenset[str], long: str) -> bool:
    """Return True when a topic of two content words or more is what a longer one's
    preposition governs ("a two-state solution" in "support for a two-state solution", "75,000
    reservists" in "the activation of up to 75,000 reservists"): the longer frames it."""
    words = _words(long)
    cut = _first_preposition(words)
    if cut is None or len(small) < 2:
        return False
    tail = compared_words(" ".join(words[cut + 1:]))
    return small <= tail and len(tail) <= len(small) + 1


def without_general_head(text: str) -> str:
    """Return a topic without its head word when that is a general word ("issues", "question",
    "plan") after words of its own ("cybersecurity issues": "cybersecurity"), else as it is."""
    words = WORDS.findall(text)
    cut = _first_preposition([w.lower() for w in words])
    cut = len(words) if cut is None else cut
    own = [w for w in words[: cut - 1] if w.lower() not in TOPIC_FILLER]
    if cut < 2 or not own or singular(words[cut - 1].lower()) not in word_set(
            "cues", "agenda_general_words"):
        return text
    return " ".join(words[: cut - 1] + words[cut:])


COUNTRY_WORDS = 3  # the longest country name compared as one ("the United States")


@functools.lru_cache(maxsize=4096)  # merge compares every pair of an event's topics
def compared_words(text: str) -> frozenset[str]:
    """Return a topic's words as `topic_words` gives them, a country's name, demonym or capital
    as one word for the country ("the U.S. and Iran", "the United States and Iran")."""
    raw = text.split()
    out: list[str] = []
    i = 0
    while i < len(raw):
        for n in range(min(COUNTRY_WORDS, len(raw) - i), 0, -1):
            code = lexicon().country(" ".join(raw[i : i + n]).strip(",;:"))
            if code is not None:
                out.append(f"country{code.lower()}")
                i += n
                break
        else:
            out.append(raw[i])
            i += 1
    return topic_words(" ".join(out))


def topic_words(text: str) -> frozenset[str]:
    """Return a topic's content words, lowercased, without a plural or possessive ending."""
    words = re.findall(r"[^\W_]+", text.lower())  # "two-state", "two state": one wording
    return frozenset(singular(w) for w in words if w not in TOPIC_FILLER)


def head_word(text: str) -> str:
    """Return the head noun of a topic phrase: its last word before a preposition."""
    words = re.findall(r"[^\W_]+(?:-[^\W_]+)*", text.lower())
    cut = next((i for i, w in enumerate(words) if i and w in TOPIC_PREPOSITIONS), len(words))
    return singular(words[cut - 1]) if cut else ""


def singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def as_item(group: Sequence[Statement]) -> Item:
    """Return the Item for statements saying the same thing: the shortest wording, all sources."""
    spelled = [s for s in group if not any(abbreviates(s.text, o.text) for o in group)]
    shortest = min(spelled or group, key=lambda s: len(s.text))  # "TPP" spelled out
    sources = tuple(dict.fromkeys(s.span for s in group))
    cues = [s.cue for s in group if s.cue in AGENDA_CUES]
    return Item(text=shortest.text, sources=sources, date=group[0].date, value=group[0].value,
                at=shortest.at, cue=min(cues, key=AGENDA_CUES.index, default=""))


def vote(values: Sequence[tuple[str | None, Span]], about: str,
         same: Callable[[str, str], bool] | None = None) -> tuple[str | None, Discrepancy | None]:
    """Return the value most sources give and a Discrepancy if they differ: the one vote of
    the fuse stage. Most sources means most articles; ties go to the value given most often,
    then to the one given first.

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
    ranked = sorted(by_value.items(), key=lambda kv: (-reports_of(kv[1]),
                                                       -len(kv[1])))  # stable: first given
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
