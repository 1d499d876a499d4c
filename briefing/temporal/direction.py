"""Which way an underspecified expression ("Friday", "in March") points from the anchor.

Two strategies, tried in order: the parse of the clause the expression sits in (when a spaCy
`Doc` is given), then a cheap token heuristic over the words around it. Each returns "past",
"future" or None (no evidence).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from briefing.temporal.calendar import FUTURE, PAST
from briefing.temporal.vocab import vocab

_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|[.!?;:]|\n")
_BOUNDARY = {".", "!", "?", ";", "\n"}
_WINDOW = 12
_MODALS_FUTURE = {"will", "shall", "'ll", "wo", "would"}
_FUTURE_VERBS = {"plan", "expect", "schedule", "set", "intend", "aim", "hope", "prepare", "slate"}


@functools.cache
def _cues() -> tuple[frozenset[str], frozenset[str], str]:
    v = vocab()
    return frozenset(v["future_cues"]), frozenset(v["past_cues"]), v["past_suffix"]


def word_cue(word: str) -> str | None:
    """Return the direction one word signals ("will" -> future, "said" or "launched" -> past)."""
    future, past, suffix = _cues()
    if word in future:
        return FUTURE
    if word in past:
        return PAST
    if word.islower() and len(word) > 4 and word.endswith(suffix) and not word.endswith("eed"):
        return PAST
    return None


def heuristic_direction(text: str, start: int, end: int) -> str | None:
    """Return the direction the nearest cue word in the same sentence signals: first looking
    left of the expression, then right of it (within a dozen words each way)."""
    left = _TOKEN.findall(text, max(0, start - 160), start)
    for word in reversed(left[-_WINDOW:]):
        if word in _BOUNDARY and word != ":":
            break
        if (cue := word_cue(word)) is not None:
            return cue
    right = _TOKEN.findall(text, end, end + 160)
    for word in right[:_WINDOW]:
        if word in _BOUNDARY and word != ":":
            break
        if (cue := word_cue(word)) is not None:
            return cue
    return None


def doc_direction(doc: Any, start: int, end: int) -> str | None:
    """Return the direction the tense of the expression's governing verb signals, or None
    when the parse gives no verb or a present tense."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    return _verb_direction(verb) if verb is not None else None


def _governing_verb(token: Any) -> Any:
    """Return the nearest verb above `token` in the parse (the head of its clause), or None."""
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def _verb_direction(verb: Any) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS_FUTURE for a in auxes):
        return FUTURE
    if any(a.lower_ == "to" for a in auxes):
        # An infinitive: "plans to meet on Friday" points ahead; "agreed to meet" is unclear.
        head = verb.head
        if head.lemma_ in _FUTURE_VERBS or any(a.lower_ in _MODALS_FUTURE
                                               for a in head.children if a.dep_ == "aux"):
            return FUTURE
        return None
    if verb.lemma_ in _FUTURE_VERBS and verb.tag_ == "VBN":
        return FUTURE  # "is expected/scheduled/set on Friday"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return PAST
    if verb.tag_ == "VBG" and auxes and all(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return FUTURE  # "is meeting on Friday": the present progressive of plans
    return None


def direction(text: str, start: int, end: int, doc: Any = None) -> str | None:
    """Return "past", "future" or None for the expression text[start:end]: the parse first
    when `doc` is given, then the word heuristic."""
    if doc is not None:
        found = doc_direction(doc, start, end)
        if found is not None:
            return found
    return heuristic_direction(text, start, end)
