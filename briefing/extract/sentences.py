"""A document's text and the sentence around a token or span, computed once per document.

spaCy's `Doc.text` joins every token anew on each access, and `Token.sent` first checks the
whole document for sentence annotation: asked once per mention, both cost a pass over the
document each time. Here they are computed once per document.
"""

from __future__ import annotations

import bisect
import functools

from spacy.tokens import Doc, Span, Token


@functools.lru_cache(maxsize=4)  # the documents being read now (a Doc hashes by identity)
def _bounds(doc: Doc) -> tuple[list[int], list[Span]]:
    sents = list(doc.sents)
    return [s.start for s in sents], sents


@functools.lru_cache(maxsize=4)
def text_of(doc: Doc) -> str:
    """Return `doc.text`, joined once."""
    return doc.text


def sentence_of(item: Token | Span) -> Span:
    """Return the sentence holding `item` (a span: the sentence of its first token)."""
    doc, i = (item.doc, item.i) if isinstance(item, Token) else (item.doc, item.start)
    starts, sents = _bounds(doc)
    return sents[bisect.bisect_right(starts, i) - 1]


OPENING, CLOSING, STRAIGHT = "\u201c", "\u201d", '"'


def quoted(span: Span) -> bool:
    """Return True when `span` stands inside quotation marks in its sentence: the words of a
    speaker, not the narrator's ("There will be no mojitos at the embassy," he wrote)."""
    sent = sentence_of(span)
    before = text_of(span.doc)[sent.start_char:span.start_char]
    curly = before.rfind(OPENING) > before.rfind(CLOSING)
    return curly or before.count(STRAIGHT) % 2 == 1


def opens_sentence(tok: Token) -> bool:
    """Return True when only punctuation comes before `tok` in its sentence: its capital is
    the sentence's, not the word's ("Border security is ..." opening a quotation)."""
    return all(t.is_punct for t in tok.doc[sentence_of(tok).start : tok.i])
