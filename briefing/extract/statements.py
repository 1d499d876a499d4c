"""Sentence-sized facts from one article: dated developments, context, figures (agenda items:
extract/agenda.py, which shares the phrase splitting here).

Each is a `Statement` with the span of the words it came from. Pure functions over a `Doc`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from briefing.extract.dating import by_span, timeline_values
from briefing.extract.event import timexes_in
from briefing.extract.sentences import sentence_of
from briefing.knowledge import load, word_set
from briefing.temporal import post_signatures
from briefing.types import Row, Slot, Statement, Timex
from briefing.types import Span as Source

QUOTE_MARKS = set('"“”')
SHORT_CONJUNCT = 3  # "outer space and cyberspace": fields, not whole phrases
MAX_SPLIT_WORDS = 12  # longer, the shared words would repeat a whole statement per field
DEMONSTRATIVES = ("this", "that", "these", "those")
PARALLEL_TAGS = ("VBG", "DT", "NN", "NNS", "NNP", "NNPS", "JJ", "PRP$")


def source(article_id: str, span: Span) -> Source:
    """Return the provenance of a spaCy span."""
    return Source(article_id, span.start_char, span.end_char)


def clean_sentence(text: str) -> str:
    """Return a sentence trimmed of stray spaces and trailing orphan punctuation."""
    text = " ".join(text.split())
    while text.endswith((" .", " ,")):
        text = text[:-2].rstrip() + "."
    return text.strip(" ,;")


def clean_offset(raw: str, offset: int) -> int:
    """Return where character `offset` of `raw` lands in `clean_sentence(raw)`."""
    before = " ".join(raw[:offset].split())
    return len(before) + (1 if before and raw[offset - 1].isspace() else 0)


def strip_attribution(tokens: Sequence[Token]) -> Sequence[Token]:
    """Return tokens without a trailing "according to X" or "the report said"."""
    tails = [tail.split() for tail in load("cues")["attribution_tails"]]
    for i in range(1, len(tokens)):
        following = [t.lower_ for t in tokens[i : i + 6]]
        if any(following[: len(tail)] == tail for tail in tails):
            return tokens[:i]
    return tokens


def split_coordination(words: Sequence[Token]) -> list[str]:
    """Split a coordinated agenda phrase into items.

    Parallel phrases split where "and" or a comma is followed by a word of the same tag as the
    phrase's first ("expanding X and tackling Y", "the A of B and the C of D"); a coordinated
    object of the last preposition shares what comes before it ("cooperation in outer space and
    cyberspace" covers two fields). The small model's parse of such lists is unreliable, hence
    the surface rule for the first case.
    """
    return [text for part in parallel_parts(words) for text in shared_head(part)]


def parallel_parts(words: Sequence[Token]) -> list[list[Token]]:
    """Return the phrase cut at "and"/"," before a word of the same kind as the phrase's first
    word. Nouns, determiners and adjectives count as one kind only in a comma list ("X, the Y
    and the Z"): "relations between China and the US" is one item."""
    if not words:
        return []
    commas = any(t.lower_ == "," and kind(n) == kind(words[0]) == "nominal"
                 for t, n in zip(words, words[1:], strict=False))
    second = conjoined_nouns(words)
    parts: list[list[Token]] = [[]]
    for i, tok in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        prev = words[i - 1] if i else None
        modifiers = prev is not None and nxt is not None and prev.pos_ == nxt.pos_ == "ADJ"
        joins = tok.lower_ in ("and", ",") and nxt is not None and not modifiers and (
            nxt.tag_ == words[0].tag_ or (commas and kind(nxt) == kind(words[0]) == "nominal"))
        if tok.lower_ in ("and", ",") and nxt is not None and nxt.i in second and parts[-1]:
            parts.append([])
        elif joins and words[0].tag_ in PARALLEL_TAGS and parts[-1]:
            parts.append([])
        elif not (tok.lower_ == "," and not parts[-1]):
            parts[-1].append(tok)
    return [p for p in parts if p]


def conjoined_nouns(words: Sequence[Token]) -> set[int]:
    """Return where each noun conjoined to the phrase's own head begins ("human rights and the
    U.S. economic embargo": "the"); a conjunct of a word inside ("relations between China and
    the US") is none."""
    ids = {w.i for w in words}
    head = next((w for w in words if w.head.i not in ids or w.head.i == w.i), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {c.left_edge.i for c in head.conjuncts
            if c.i > head.i and c.i in ids and c.pos_ in ("NOUN", "PROPN")}


def kind(tok: Token) -> str:
    """Return "nominal" for words that open a noun phrase, else the word's tag."""
    return "nominal" if tok.tag_ in ("DT", "NN", "NNS", "JJ", "PRP$") else tok.tag_


def shared_head(part: Sequence[Token]) -> list[str]:
    """Return "X in A", "X in B" for "X in A and B"; else the phrase itself."""
    for tok in reversed(part):
        conj = [c for c in tok.conjuncts if c in part and c.i > tok.i]
        short = all(len(list(c.subtree)) <= SHORT_CONJUNCT for c in conj)
        relation = tok.head.lower_ in ("between", "among", "amongst")  # "between A and B": one
        if tok.dep_ == "pobj" and conj and short and not relation and tok.left_edge in part:
            prefix = text_of(t for t in part if t.i < tok.left_edge.i)
            others = {t for c in conj for t in c.subtree}
            first = text_of(t for t in tok.subtree if t in part and t not in others and t.dep_ != "cc")
            items = [f"{prefix} {first}"] + [
                f"{prefix} {text_of(t for t in c.subtree if t in part)}" for c in conj]
            if all(len(item.split()) <= MAX_SPLIT_WORDS for item in items):
                return items
            break
    return [text_of(part)]


def text_of(tokens: Iterable[Token]) -> str:
    """Return the text of tokens as written (their own spacing), trimmed of edge punctuation."""
    return "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip(" ,;")


def outcome(verb: Token, cues: dict) -> bool:
    """Return True for a verb that concludes something agreed ("launch a new pact")."""
    return verb.lemma_.lower() in cues["agenda_outcome_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues["agenda_outcome_nouns"] for c in verb.children)


def planned(verb: Token, cues: dict) -> bool:
    """Return True for a change that is planned or expected ("are planning to include X")."""
    return (verb.lemma_.lower() in cues["agenda_planned_verbs"] and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in cues["agenda_plan_verbs"])


def with_antecedent(sent: Span) -> Span:
    """Return the sentence, with the one before it when it opens by pointing back ("That
    exercise took place ..."): a dated development must say what it is about."""
    first = sent[0]
    if first.lower_ in DEMONSTRATIVES and sent.start > 0:
        return sent.doc[sentence_of(sent.doc[sent.start - 1]).start : sent.end]
    return sent


def after_signature(sent: Span, signatures: Sequence[tuple[int, int, object]]) -> Span:
    """Return the part of a sentence after the signature of an embedded post that the parse
    ran into it ("— X (@x) December 3, 2016 Taiwan's President published ..."), else the
    sentence."""
    end = max((b for a, b, _ in signatures if a < sent.end_char and sent.start_char < b),
              default=None)
    if end is None or end >= sent.end_char:
        return sent
    rest = [t for t in sent if t.idx >= end and not t.is_space]
    return sent.doc[rest[0].i : sent.end] if rest else sent


def timeline_rows(doc: Doc, timexes: Sequence[Timex], article_id: str) -> tuple[Row, ...]:
    """Return each sentence naming a time expression (with the one before it when it points
    back), as the timeline cites it, and each sentence right after one that goes on with its
    actors ("They agreed ...": `continues`); the values are read later
    (`dating.timeline_values`)."""
    out: list[Row] = []
    dated_before = False  # whether the sentence before names a time expression
    signatures = post_signatures(doc.text)
    for sent in (after_signature(s, signatures) for s in doc.sents):
        inside = [t for t in timexes_in(sent, timexes)  # an embedded post's signature dates
                  if not any(a <= t.start and t.end <= b for a, b, _ in signatures)]  # no
        # development ("— X (@x) December 3, 2016")
        if inside:
            told = with_antecedent(sent)
            out.append(Row(clean_sentence(told.text), source(article_id, told), tuple(
                Slot(t.start, t.end, at=clean_offset(told.text, t.start - told.start_char))
                for t in inside)))
        elif dated_before and continues(sent):
            out.append(Row(clean_sentence(sent.text), source(article_id, sent), (), follows=True))
        dated_before = bool(inside)
    return tuple(out)


def timeline(doc: Doc, timexes: Sequence[Timex], article_id: str) -> list[Statement]:
    """Return the dated developments: each sentence with a resolved day or month, once per
    date; a sentence whose subject points back at the last one's actors ("The two leaders
    announced ...", "They agreed ...") goes on with that sentence's day."""
    return list(timeline_values(timeline_rows(doc, timexes, article_id), by_span(timexes)))


def continues(sent: Span) -> bool:
    """Return True when a sentence's subject points back at the actors of the one before:
    a personal pronoun or "the two X", "both X" (and it is no quotation)."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or QUOTE_MARKS & set(sent.text) or sent.text.rstrip().endswith("?"):
        return False
    if root.tag_ != "VBD":  # a past development, not "he may have to", "they will"
        return False
    subject = subjects[0]
    if subject.lower_ in ("they", "he", "she"):
        return True
    return pair_phrase(subject)


def pair_phrase(subject: Token) -> bool:
    """Return True for a subject that names two people told before: "the two leaders",
    "both men" (not "the two-day summit")."""
    words = [w.text.lower() for w in subject.subtree][:3]
    return words[:1] == ["both"] or (words[:2] == ["the", "two"] and words[2:] != ["-"])


def context(doc: Doc, article_id: str, *, exclude: Sequence[Statement]) -> list[Statement]:
    """Return background sentences (drivers, prior steps) not already used as agenda."""
    cues = word_set("cues", "context_cues")
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
    """Return amounts of money, percentages and quantities with the sentence they refer to. A
    sum in brackets after another ("$300bn (£229bn)") is that sum converted: the first is
    given, once."""
    out, starts = [], set()
    for ent in doc.ents:
        if ent.label_ in ("MONEY", "PERCENT", "QUANTITY"):
            value = amount(converted_from(ent) or ent) if ent.label_ == "MONEY" else ent
            if value.start in starts:
                continue
            starts.add(value.start)
            sent = sentence_of(ent)
            out.append(Statement(clean_sentence(sent.text), source(article_id, sent),
                                 kind="figure", value=value.text))
    return out


def currency(tok: Token) -> bool:
    """Return True for a currency sign the tokenizer splits from its number ("$", "£", "A$")."""
    return tok.is_currency or tok.tag_ == "$" or bool(re.fullmatch(r"[A-Z]{1,3}\$", tok.text))


def amount(ent: Span) -> Span:
    """Return a sum of money with the sign and magnitude the model leaves outside its entity
    ("$ [21] m": "$21m")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and currency(doc[start - 1]):
        start -= 1
    if end < len(doc) and doc[end].lower_ in word_set("cues", "figure_magnitudes") and (
            doc[end - 1].whitespace_ == "" or len(doc[end]) > 2):  # "21m", "21 million"
        end += 1
    return doc[start:end]


def converted_from(ent: Span) -> Span | None:
    """Return the sum a bracketed sum converts ("$300bn (£229bn)": "$300bn"), else None."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and currency(doc[i]):
        i -= 1
    if i < 1 or doc[i].text != "(":
        return None
    sign = next((j for j in range(i - 1, max(i - 4, -1), -1) if currency(doc[j])), None)
    if sign is None or not any(re.search(r"\d", t.text) for t in doc[sign + 1 : i]):
        return None
    return doc[sign:i]
