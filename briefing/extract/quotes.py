"""Direct quotations and who said them.

The speaker is the subject of a speech verb ("said", "told") in the quote's sentence, or of the
sentence after a quote that stands alone; a pronoun is resolved to the last person named
before it. The fuse stage maps the speaker onto a participant or mentioned person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from briefing.extract.entities import entity_at as entity_of
from briefing.extract.entities import ents_in
from briefing.extract.sentences import text_of
from briefing.knowledge import load
from briefing.types import Quote
from briefing.types import Span as Source

QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]")
MIN_WORDS = 4
PRONOUNS = {"he", "she", "they"}


def last_person_before(doc: Doc, char: int) -> str | None:
    """Return the last PERSON entity that ends before character `char`, or None."""
    first = doc.char_span(0, char, alignment_mode="contract")  # the tokens up to `char`
    for i in reversed(range(len(first) if first is not None else 0)):
        if doc[i].ent_type_ == "PERSON" and (ent := entity_of(doc[i])) and ent.end_char <= char:
            return ent.text
    return None


def speech_subject(sent: Span) -> Token | None:
    """Return the subject of the sentence's speech verb ("Price said"), or None."""
    verbs = set(load("cues")["speech_verbs"])
    for tok in sent:
        if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    return None


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


def quotes(doc: Doc, article_id: str) -> list[Quote]:
    """Return each direct quotation of MIN_WORDS words or more with its speaker (None if unknown)."""
    out = []
    sents = list(doc.sents)
    for match in QUOTED.finditer(text_of(doc)):
        text = match.group(1).strip()
        if len(text.split()) < MIN_WORDS:
            continue
        at = next((i for i, s in enumerate(sents) if s.start_char <= match.start() < s.end_char), 0)
        subject = speech_subject(sents[at])
        if subject is None and at + 1 < len(sents):
            subject = speech_subject(sents[at + 1])
        speaker = speaker_name(subject) if subject is not None else None
        out.append(Quote(text, speaker, Source(article_id, match.start(), match.end())))
    return out
