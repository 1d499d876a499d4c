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

# Abbreviations ("U.S.", "N.J.", "Mr.") are words, so that their points end no sentence.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:'[a-z]+)?|'ll|''|``|[\"“”]|[.!?;:]|\n")
# A colon does not end the clause; a quotation mark does: the reporting verb outside a quote
# ("will leave on Thursday," Castro said) does not date what the quote says.
_BOUNDARY = {".", "!", "?", ";", "\n", "''", "``", '"', "“", "”"}
_WINDOW = 12
_MODALS_FUTURE = {"will", "shall", "'ll", "wo", "would"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re", "be"}
_FUTURE_VERBS = {"plan", "expect", "schedule", "set", "intend", "aim", "hope", "prepare", "slate"}


@functools.cache
def _cues() -> tuple[frozenset[str], frozenset[str], str, frozenset[str]]:
    v = vocab()
    return (frozenset(v["future_cues"]), frozenset(v["past_cues"]), v["past_suffix"],
            frozenset(v["future_before_to"]))


def word_cue(word: str, following: str = "", *, previous: str | None = None) -> str | None:
    """Return the direction one word signals ("will" -> future, "said" or "launched" -> past);
    `following` is the next word ("set to" points ahead, "set" alone does not; "next to" is a
    place). `previous` is the word before when the cue comes after the expression: there an
    infinitive says when the planning happened, not the plan ("On Friday, they planned to
    leave" is past; "On Friday, they are set to meet" ahead)."""
    future, past, suffix, before_to = _cues()
    if following == "to" and word in vocab()["prepositions_before_to"]:
        return None
    if following == "to" and word in before_to:
        if previous is not None and word.endswith(suffix) and previous not in _PRESENT_BE:
            return PAST
        return FUTURE
    if word in future:
        return FUTURE
    if word in past:
        return PAST
    if word.islower() and len(word) > 4 and word.endswith(suffix) and not word.endswith("eed"):
        return PAST
    return None


def _scan(words: list[str]) -> tuple[int, str] | None:
    """Return (distance in words, direction) of the first cue in `words` (nearest first),
    stopping at a sentence boundary."""
    for i, word in enumerate(words):
        if word in _BOUNDARY:
            return None
        following = words[i + 1] if i + 1 < len(words) else ""
        cue = word_cue(word, following, previous=words[i - 1] if i else "")
        if cue is not None and not _after_be(words, i, cue):
            return i, cue
    return None


def _tokens(text: str, start: int, end: int) -> list[str]:
    """Return the words and clause marks of text[start:end]; the point after an abbreviation
    ("Mr.", "Sept.") is dropped, since it ends no sentence."""
    abbreviations = _abbreviations()
    out: list[str] = []
    for token in _TOKEN.findall(text, start, end):
        if token == "." and out and out[-1].lower() in abbreviations:
            continue
        out.append(token)
    return out


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(vocab()["abbreviations"])


def heuristic_direction(text: str, start: int, end: int) -> str | None:
    """Return the direction the nearest cue word in the same sentence signals (a dozen words
    each way; the left side wins a tie, as in "said Friday")."""
    left = _tokens(text, max(0, start - 160), start)[-_WINDOW:]
    right = _tokens(text, end, end + 160)[:_WINDOW]
    found_left = _scan_left(left)
    found_right = _scan(right)
    if found_left and (not found_right or found_left[0] <= found_right[0]
                       or _modal_left(left, found_left[0])
                       and not _listed_cue(right[found_right[0]])):
        return found_left[1]
    return found_right[1] if found_right else None


def _modal_left(words: list[str], distance: int) -> bool:
    """True when the left cue at `distance` is a modal of the future ("will"): the clause's
    own tense, which a participle guessed from its ending on the right ("markets untouched
    by the crisis", an adjective) does not outweigh, however near."""
    return words[len(words) - 1 - distance].lower() in _MODALS_FUTURE


def _listed_cue(word: str) -> bool:
    """True for a cue word listed in the vocabulary ("said"), not guessed from its ending."""
    future, past, _, _ = _cues()
    return word in past or word in future


def _scan_left(words: list[str]) -> tuple[int, str] | None:
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _BOUNDARY:
            return None
        following = words[i + 1] if i + 1 < len(words) else ""
        if (cue := word_cue(word, following)) is not None and not _after_be(words, i, cue):
            return len(words) - 1 - i, PAST if _pluperfect(words, i) else cue
    return None


def _pluperfect(words: list[str], i: int) -> bool:
    """True for a participle after "had" or "had been" ("had been scheduled to expire at
    midnight Friday"): a plan told in the past perfect was for a time already gone."""
    before = [w.lower() for w in words[max(0, i - 2):i]]
    return before[-1:] == ["had"] or before == ["had", "been"]


def _after_be(words: list[str], i: int, cue: str) -> bool:
    """True for a participle after "will be" or "to be" ("will be held", "is to be named"):
    the words before it, not the participle, carry the tense. After a weaker modal ("could
    be located") the participle's past stands, as news narrates with them."""
    return (cue == PAST and i > 1 and words[i - 1].lower() == "be"
            and words[i - 2].lower() in ("will", "'ll", "shall", "to"))


def after_deadline_word(text: str, start: int) -> bool:
    """True when the expression at `start` follows "until", "through" or the like inside its
    clause ("postponed until Tuesday", "runs through Friday"): a deadline near enough to be
    named by its weekday lies ahead, whatever the tense of the verb that set it. "Until
    Thursday, they had not ..." opens the clause, and there its verb decides."""
    left = _tokens(text, max(0, start - 40), start)
    return (len(left) > 1 and left[-1].lower() in vocab()["deadline_words"]
            and left[-2] not in _BOUNDARY)


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
        if token.head.i == token.i:
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
        if _present_infinitive(verb, auxes):
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


def _present_infinitive(verb: Any, auxes: list[Any]) -> bool:
    """True for an infinitive of aim under a verb not in a past tense ("leaders look to Obama
    to promise more at the summit", "are trying to reach a deal by Friday", "officials
    tasked to report by Friday"): what is aimed at now lies ahead. Under a past verb
    ("agreed to meet") it may lie either way; a perfect infinitive ("is said to have met")
    looks back."""
    if any(a.lemma_ == "have" for a in auxes):
        return False
    head, seen = verb.head, 0
    while infinitive(head) and head.head.i != head.i and seen < 4:
        head, seen = head.head, seen + 1  # "wants to try to meet": the first finite verb
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    head_auxes = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
    return head.tag_ != "VBD" and not any(a.tag_ == "VBD" or a.lemma_ == "have"
                                          for a in head_auxes)


def infinitive(token: Any) -> bool:
    """Return True for a verb with its "to" ("to meet")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def direction(text: str, start: int, end: int, doc: Any = None) -> str | None:
    """Return "past", "future" or None for the expression text[start:end]: the parse first
    when `doc` is given, then the word heuristic."""
    if doc is not None:
        found = doc_direction(doc, start, end)
        if found is not None:
            return found
    return heuristic_direction(text, start, end)
