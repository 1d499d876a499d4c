"""Direct quotations and who said them, as the text attributes them.

The speaker is, in order: the subject of a speech verb ("said", "told", "wrote") or the
object of "according to" in the sentences the quote spans; for a quote that opens its
sentence, the speaker of the sentence before (a quote continuing someone's words: "..., X
said. "More words.""); for a quote that stands alone, the speaker of the sentence after.
A pronoun is resolved to the last person named before it. A quote whose speaker the text
does not name is left out: the brief quotes people, not anonymous words. The fuse stage maps
the speaker onto a participant or mentioned person.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Span, Token

from briefing.extract.entities import entity_at as entity_of
from briefing.extract.entities import ents_in
from briefing.extract.sentences import text_of
from briefing.knowledge import load
from briefing.types import Quote
from briefing.types import Span as Source

MARK = re.compile(r"[\"“”]")
MIN_CHARS = 12  # shorter is a quoted word or title ("a 'vital step'"), not someone's words
MIN_WORDS = 4
PRONOUNS = {"he", "she", "they"}


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """The verbs that attribute words to their subject (cues.json's speech verbs and
    titles.json's quote verbs)."""
    return frozenset(load("cues")["speech_verbs"]) | frozenset(load("titles")["quote_verbs"])


def last_person_before(doc: Doc, char: int) -> str | None:
    """Return the last PERSON entity that ends before character `char`, or None."""
    first = doc.char_span(0, char, alignment_mode="contract")  # the tokens up to `char`
    for i in reversed(range(len(first) if first is not None else 0)):
        if doc[i].ent_type_ == "PERSON" and (ent := entity_of(doc[i])) and ent.end_char <= char:
            return ent.text
    return None


def _according_to(sent: Span) -> Token | None:
    """Return the object of "according to X" in the sentence, or None."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            return next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    return None


def speech_subject(sent: Span, outside: tuple[int, int] = (0, 0)) -> Token | None:
    """Return the subject of the sentence's speech verb ("Price said"), or the object of
    "according to", or None; verbs inside the characters `outside` (the quote) do not count."""
    verbs = _speech_verbs()
    for tok in sent:
        if outside[0] <= tok.idx < outside[1]:
            continue
        if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    return _according_to(sent)


def speaker_name(subject: Token) -> str | None:
    """Return the name the subject stands for: its PERSON entity, or the person a pronoun means."""
    doc = subject.doc
    if subject.lower_ in PRONOUNS:
        return last_person_before(doc, subject.idx)
    ent = entity_of(subject)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    for ent in ents_in(doc[subject.left_edge.i:subject.i]):  # "spokesperson Ana Ruiz said":
        if ent.label_ == "PERSON" and ent.end == subject.i:  # the name sits in its subtree
            return ent.text
    if subject.pos_ == "PROPN":  # a name the model did not tag: the proper nouns ending here
        names = [t for t in subject.subtree if t.pos_ == "PROPN" and t.i <= subject.i]
        return " ".join(t.text for t in names)
    return None


def _opens(sent: Span, char: int) -> bool:
    """True when nothing but spaces and quotation marks comes before `char` in `sent`."""
    return not text_of(sent.doc)[sent.start_char : char].strip(" \n\"“”'‘")


def _continues(sent: Span) -> bool:
    """True for a sentence that attributes a quotation of its own ('"A," X said.'): a quote
    opening the next sentence goes on with the same speaker's words."""
    return bool(quote_pairs(sent.text))


def _subject(sents: list[Span], first: int, last: int, quote: tuple[int, int]) -> Token | None:
    """Return the speech verb's subject for the quote `quote` spanning sentences `first`..`last`:
    in those sentences; else, for a quote opening its sentence after a sentence quoting
    someone, in that sentence (the same speaker goes on); else in the sentence after."""
    for sent in sents[first : last + 1]:
        if (subject := speech_subject(sent, quote)) is not None:
            return subject
    if first > 0 and _opens(sents[first], quote[0]) and _continues(sents[first - 1]):
        if (subject := speech_subject(sents[first - 1])) is not None:
            return subject
    return speech_subject(sents[last + 1]) if last + 1 < len(sents) else None


def opening(text: str, i: int) -> bool:
    """Return True when the quotation mark at `i` opens a quotation: a curly one says so; a
    straight one opens after a space, a bracket or the start of the text, before a word."""
    if text[i] in "“”":
        return text[i] == "“"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """Return the character spans of the quotations in `text`, marks included, each mark
    paired by the way it faces, not by turns: a stray or scare-quoted mark puts no pairing
    out of step, and no quotation runs over a paragraph break."""
    out, start = [], None
    for m in MARK.finditer(text):
        i = m.start()
        if opening(text, i):
            start = i  # an opening mark left unclosed is dropped
        elif start is not None:
            if "\n\n" not in text[start:i] and i - start - 1 >= MIN_CHARS:
                out.append((start, i + 1))
            start = None
    return out


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """Return the character spans of the direct quotations, quotation marks included."""
    return quote_pairs(text_of(doc))


def _sentence_at(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


def quotes(doc: Doc, article_id: str) -> list[Quote]:
    """Return each direct quotation of MIN_WORDS words or more whose speaker the text names."""
    out = []
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    whole = text_of(doc)
    for start, end in quote_pairs(whole):
        text = whole[start + 1 : end - 1].strip()
        if len(text.split()) < MIN_WORDS:
            continue
        first = _sentence_at(starts, start + 1)  # inside the quotation marks
        last = max(first, _sentence_at(starts, end - 1))
        subject = _subject(sents, first, last, (start, end))
        speaker = speaker_name(subject) if subject is not None else None
        if speaker:  # words the text gives nobody stay out of the brief's quotes
            out.append(Quote(text, speaker, Source(article_id, start, end)))
    return out
