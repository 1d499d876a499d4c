"""Sentence-sized facts from one article: agenda items, dated developments, context, figures.

Each is a `Statement` with the span of the words it came from. Pure functions over a `Doc`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from briefing.data import load
from briefing.extract.event import dated, timexes_in
from briefing.types import Statement, Timex
from briefing.types import Span as Source

MIN_ITEM_WORDS = 2
QUOTE_MARKS = set('"“”')
TOPIC_PREPOSITIONS = ("on", "about", "upon", "over")


def source(article_id: str, span: Span) -> Source:
    """Return the provenance of a spaCy span."""
    return Source(article_id, span.start_char, span.end_char)


def clean_sentence(text: str) -> str:
    """Return a sentence trimmed of stray spaces and trailing orphan punctuation."""
    text = " ".join(text.split())
    while text.endswith((" .", " ,")):
        text = text[:-2].rstrip() + "."
    return text.strip(" ,;")


def strip_attribution(tokens: Sequence[Token]) -> Sequence[Token]:
    """Return tokens without a trailing ", according to X" or ", the report said"."""
    tails = [tail.split() for tail in load("cues")["attribution_tails"]]
    for i, tok in enumerate(tokens):
        if tok.text != ",":
            continue
        following = [t.lower_ for t in tokens[i + 1 : i + 6]]
        if any(following[: len(tail)] == tail for tail in tails):
            return tokens[:i]
    return tokens


def complement(verb: Token) -> list[Token]:
    """Return the words a discussion verb governs to its right (what is discussed)."""
    right = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod")]
    words = sorted({w for child in right for w in child.subtree}, key=lambda t: t.i)
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    if words and words[0].dep_ == "prep":  # "focus on X", "talk about X": X is the item;
        if words[0].lower_ not in TOPIC_PREPOSITIONS:  # "discussed at the meeting" has none
            return []
        words = words[1:]
    return list(strip_attribution(words)) if words else []


def split_coordination(words: Sequence[Token]) -> list[str]:
    """Split "modernizing X and tackling Y" into its top-level conjuncts; keeps shared heads."""
    if not words:
        return []
    top = [w for w in words if w.head not in words or w.head == w]
    head = top[0]
    conjuncts = [head] + [c for c in head.conjuncts if c in words and c.i > head.i]
    if len(conjuncts) < 2 or any(c.pos_ not in ("VERB", "NOUN", "PROPN") for c in conjuncts):
        return ["".join(w.text_with_ws for w in words).strip()]
    pieces = []
    for c in conjuncts:
        sub = [w for w in c.subtree if w in words and not (w in conjuncts and w is not c)]
        sub = [w for w in sub if not any(w in x.subtree for x in conjuncts if x is not c and x.i > c.i)]
        text = "".join(w.text_with_ws for w in sub if w.dep_ != "cc").strip(" ,")
        pieces.append(text)
    return [p for p in pieces if len(p.split()) >= 1]


def agenda_verbs(sent: Span) -> Iterator[Token]:
    """Yield the verbs of a sentence that introduce what is (to be) discussed."""
    verbs = set(load("cues")["agenda_verbs"])
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs:
            yield tok


def agenda(doc: Doc, article_id: str) -> list[Statement]:
    """Return the agenda items the article states ("will discuss X and Y"), split."""
    items = []
    for sent in doc.sents:
        for verb in agenda_verbs(sent):
            words = complement(verb)
            for text in split_coordination(words):
                if len(text.split()) >= MIN_ITEM_WORDS:
                    items.append(Statement(text, source(article_id, sent), kind="agenda"))
    return items


def timeline(doc: Doc, timexes: Sequence[Timex], article_id: str) -> list[Statement]:
    """Return the dated developments: each sentence with a resolved day or month, once per date."""
    out = []
    for sent in doc.sents:
        seen = set()
        for t in timexes_in(sent, timexes):
            value = dated(t)
            if value and value not in seen and not value.startswith(("PRESENT", "PAST", "FUTURE")):
                seen.add(value)
                out.append(Statement(clean_sentence(sent.text), source(article_id, sent),
                                     date=value, kind="timeline"))
    return out


def context(doc: Doc, article_id: str, *, exclude: Sequence[Statement]) -> list[Statement]:
    """Return background sentences (drivers, prior steps) not already used as agenda."""
    cues = set(load("cues")["context_cues"])
    used = {(s.span.start, s.span.end) for s in exclude}
    out = []
    for i, sent in enumerate(doc.sents):
        if i == 0 or (sent.start_char, sent.end_char) in used or QUOTE_MARKS & set(sent.text):
            continue
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        if words & cues and len(sent) >= 8:
            out.append(Statement(clean_sentence(sent.text), source(article_id, sent),
                                 kind="context"))
    return out


def figures(doc: Doc, article_id: str) -> list[Statement]:
    """Return amounts of money, percentages and quantities with the sentence they refer to."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ("MONEY", "PERCENT", "QUANTITY"):
            sent = ent.sent
            out.append(Statement(clean_sentence(sent.text), source(article_id, sent),
                                 kind="figure", value=ent.text))
    return out
