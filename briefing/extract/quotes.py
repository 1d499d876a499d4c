"""Direct quotations and who said them.

The speaker is the subject of a speech verb ("said", "told") in the quote's sentence, or of the
sentence after a quote that stands alone; a pronoun is resolved to the last person named
before it. The fuse stage maps the speaker onto a participant or mentioned person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from briefing.extract.sentences import text_of
from briefing.knowledge import load
from briefing.types import Quote
from briefing.types import Span as Source

QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]")
MIN_WORDS = 4
PRONOUNS = {"he", "she", "they"}


def last_person_before(doc: Doc, char: int) -> str | None:
    """Return the last PERSON entity that ends before character `char`, or None."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= char]
    return people[-1].text if people else None


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
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= subject.i < ent.end:
            return ent.text
    for ent in doc.ents:  # "spokesperson Ana Ruiz said": the name sits in the subject's subtree
        if ent.label_ == "PERSON" and subject.left_edge.i <= ent.start <= subject.i < ent.end + 1:
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
