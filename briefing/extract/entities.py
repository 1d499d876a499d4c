"""Named entities found from a token or within a span at a cost that does not grow with the
document.

spaCy's `Doc.ents` rebuilds the document's entity list on every access, and `Span.ents`
reads it whole: looked up once per token or sentence, an article's cost grows with the square
of its length. These read the tokens' own IOB tags instead, so a lookup costs the length of
the entity (`entity_at`) or of the span (`ents_in`), and return the same spans.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def _entity(doc: Doc, start: int) -> Span:
    """Return the entity that begins at token `start`."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob == 1:  # 1: inside the entity
        end += 1
    tok = doc[start]
    return Span(doc, start, end, label=tok.ent_type, kb_id=tok.ent_kb_id)


def entity_at(tok: Token) -> Span | None:
    """Return the entity `tok` is part of (the span `doc.ents` holds), or None."""
    if tok.ent_iob not in (1, 3):  # 3: begins an entity, 1: inside one
        return None
    doc, start = tok.doc, tok.i
    while doc[start].ent_iob == 1 and start > 0:
        start -= 1
    return _entity(doc, start) if doc[start].ent_iob == 3 else None


def ents_in(span: Span) -> list[Span]:
    """Return the entities that lie wholly within `span`, in order (as `span.ents` does)."""
    doc, found = span.doc, []
    for i in range(span.start, span.end):
        if doc[i].ent_iob == 3:
            ent = _entity(doc, i)
            if ent.end > span.end:
                break
            found.append(ent)
    return found


def name_after_honorific(doc: Doc, honorifics: frozenset[str]) -> Doc:
    """Relabel as a person every place, group or organisation entity written after an
    honorific ("Mr Thorpe", which the model may tag a place): an honorific titles a person.
    Changes `doc` in place and returns it."""
    ents, changed = list(doc.ents), False
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON" and ent.start > 0 and doc[ent.start - 1].text in honorifics:
            ents[n], changed = Span(doc, ent.start, ent.end, label="PERSON"), True
    if changed:
        doc.ents = ents
    return doc
