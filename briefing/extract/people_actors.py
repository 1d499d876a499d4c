"""Organisations, countries, delegations and groups that take part in the event themselves.

"The Taliban attacked ...", "talks with the IAEA", "a Chinese delegation attended the summit",
"At least seven people were killed ...": each is an actor mention (role `ORGANISATION` or
`GROUP`). The fuse stage keeps it only when no person is named for it across the reports; a
delegation "led by X" names its person here already (X gets its country, the delegation no
mention). Which nouns make a delegation lives in `briefing/knowledge/titles.json`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from briefing.extract.entities import entity_at as entity_of
from briefing.extract.entities import ents_in
from briefing.extract.people_participation import SUBJECTS, participation, phrase_head
from briefing.knowledge.lexicon import GROUP, ORGANISATION, Lexicon
from briefing.types import Article, PersonMention, Span

ACTOR_LABELS = frozenset({"ORG", "NORP", "GPE"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
LEAD_WEIGHT = 3.0


def name_text(span: TokenSpan) -> str:
    return re.sub(r"\s+", " ", span.text).strip(" ,.'’")


def entity_at(tok: Token) -> TokenSpan | None:
    return entity_of(tok)


def _actor_name(subject: Token, lex: Lexicon) -> TokenSpan | None:
    """The named organisation or group of people that a token stands for."""
    doc = subject.doc
    ent = entity_at(subject)
    if ent is not None and ent.label_ in ACTOR_LABELS:
        return ent
    if subject.pos_ == "PROPN" and subject.text[:1].isupper() and not subject.ent_type_:
        left = min((t.i for t in subject.children if t.dep_ == "compound"), default=subject.i)
        return doc[left : subject.i + 1]  # an untagged name ("Toblerone has ...")
    if _the_parties(subject, lex):
        return None
    if subject.lemma_.lower() in lex.participation["actor_nouns"] | lex.participation[
            "delegation_nouns"]:
        if subject.tag_ == "NN" and subject.lower_ in lex.heads:
            return None  # "the party's leader": one person, by title; "business leaders" a group
        left = min(t.i for t in subject.subtree if t.i <= subject.i)
        while left < subject.i and doc[left].pos_ in ("DET", "PRON", "PUNCT"):
            left += 1
        left = max(left, subject.i - 5)
        while left < subject.i and (doc[left].dep_ in ("quantmod", "nummod", "advmod")
                                    or doc[left].lower_ == "than"):
            left += 1  # "(more) than 2,000 business leaders": the leaders, not the count
        return doc[left : _of_whom(subject) + 1]
    return None


def _the_parties(noun: Token, lex: Lexicon) -> bool:
    """True for the parties named together ("both sides", "the two delegations", "all
    sides"): a plural delegation noun counted or quantified and of no one, which points back
    at the parties the report names, not at a party of its own."""
    return (noun.lemma_.lower() in lex.participation["delegation_nouns"] and noun.tag_ == "NNS"
            and any(c.lower_ in ("both", "two", "all") or c.dep_ == "nummod"
                    for c in noun.children)
            and not any(c.dep_ in ("amod", "compound", "poss") for c in noun.children))


def _of_whom(noun: Token) -> int:
    """Where a group's name ends: after "from/of" and a named body ("officials from the
    European Union"), else at the noun."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of") and prep.i == noun.i + 1:
            for obj in prep.children:
                ent = entity_at(obj)
                if obj.dep_ == "pobj" and ent is not None and ent.label_ in ACTOR_LABELS:
                    return ent.end - 1
    return noun.i


def _country(span: TokenSpan, lex: Lexicon) -> str | None:
    """The country an actor stands for: its own name ("Japan", "the Pentagon"), or a named
    body or country word in it ("the Chinese delegation", "officials from the Kremlin")."""
    if code := lex.body(span.text):
        return code
    if span.root.ent_type_ or span.root.pos_ != "NOUN":  # "the Brazilian Grand Prix"
        return None
    for part in [*ents_in(span), *span]:
        if code := lex.body(part.text):
            return code
    return None


def _leaders(noun: Token) -> list[Token]:
    """The named people a delegation is "led by" / "headed by"."""
    out = []
    for verb in noun.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in ("lead", "head"):
            for agent in verb.children:
                if agent.dep_ == "agent":
                    out += [o for o in agent.children
                            if o.dep_ == "pobj" and o.ent_type_ == "PERSON"]
    return out


def delegation_leaders(doc: Doc, lex: Lexicon) -> dict[int, str | None]:
    """Return {token index of a leader's name: the delegation's country} for "a Chinese
    delegation led by X": X takes part for that country."""
    out: dict[int, str | None] = {}
    for noun in doc:
        if noun.lemma_.lower() in lex.participation["delegation_nouns"]:
            country = _country(_actor_name(noun, lex) or doc[noun.i : noun.i + 1], lex)
            for leader in _leaders(noun):
                for tok in [leader, *leader.conjuncts]:
                    out[tok.i] = country
    return out


def _candidates(doc: Doc, lex: Lexicon) -> list[TokenSpan]:
    """Named organisations and countries, and delegation-like groups, anywhere in the text."""
    spans = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    for tok in doc:
        if tok.lemma_.lower() in lex.participation["delegation_nouns"] and tok.pos_ == "NOUN":
            span = _actor_name(tok, lex)
            if span is not None:
                spans.append(span)
    return spans


def _party(span: TokenSpan, taken: set[int], partakers: set[int], lex: Lexicon) -> bool:
    """True when an organisation's phrase can be a party: it heads its phrase (not "the
    COVID-19 pandemic", not a person's title or apposition), it is not a subject beside a
    person taking part (that person acts for it), and it is no object but a guest's ("met
    NATO", not "visited Austria" or "discussed NATO")."""
    head = phrase_head(span.root)
    doc = span.doc
    if head.i in taken or span.root.dep_ in MODIFIERS or any(
            c.dep_ == "appos" and c.i in taken for c in span.root.children) or (
            span.end + 1 < len(doc) and doc[span.end].text == "," and span.end + 1 in taken):
        return False
    if head.dep_ in SUBJECTS and any(
            t.i in partakers for c in head.head.children if c.dep_ in SUBJECTS and c != head
            for t in [c, *c.conjuncts]):
        return False
    return head.dep_ != "dobj" or head.head.lemma_.lower() in lex.participation[
        "party_object_verbs"]


def _bracketed(span: TokenSpan) -> bool:
    """True for a name standing alone in brackets ("WASHINGTON (Reuters) -"): a credit."""
    doc = span.doc
    return 0 < span.start and span.end < len(doc) and (
        doc[span.start - 1].text == "(" and doc[span.end].text == ")")


def actors(doc: Doc, article: Article, leads: list[TokenSpan], people: list[TokenSpan],
           taking_part: list[TokenSpan], main: frozenset[str], lex: Lexicon
           ) -> list[PersonMention]:
    """Return the organisations and groups that take part in the event: the lead's main
    subject when it is not a person ("The Taliban attacked ...", "Seven people were killed"),
    and any organisation, country or delegation that meets, holds talks, attends, signs...

    `people` are the spans naming persons and their titles: an organisation inside one
    ("NATO chief X") is that person's affiliation, not an actor. A lead sentence naming a
    person who takes part (`taking_part`) gives no actor: its subject is that person's.
    """
    taken = {i for p in people for i in range(p.start, p.end)}
    busy = [s for s in leads if any(s.start <= p.start < s.end for p in taking_part)]
    partakers = {i for p in taking_part for i in range(p.start, p.end)}
    found: dict[int, tuple[TokenSpan, float]] = {}
    for sent in (s for s in leads if s not in busy):
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                source = tok.head.lemma_.lower() in lex.reporting  # "an official said"
                for member in [tok, *tok.conjuncts]:
                    span = _actor_name(member, lex)
                    if span is not None and span.start not in taken and not (
                            source and not span.ents):  # a named body may be the news
                        found[span.start] = (span, LEAD_WEIGHT)
    for span in _candidates(doc, lex):
        if span.start in found or taken & set(range(span.start, span.end)):
            continue
        if phrase_head(span.root).dep_ in SUBJECTS and any(
                s.start <= span.start < s.end for s in busy):
            continue  # the lead's subject is the person taking part
        if not _party(span, taken, partakers, lex):
            continue
        cue = participation(span, lex, main, leads)
        if cue.participant:
            found[span.start] = (span, cue.weight)
    out = []
    for span, weight in sorted(found.values(), key=lambda f: f[0].start):
        if _leaders(span.root) or _bracketed(span):  # "the delegation, led by X,": X is
            continue  # named for it; "BEIJING (CNN) -": the publisher's credit
        country = _country(span, lex)
        named = any(e.label_ in ACTOR_LABELS for e in ents_in(span))
        kind = ORGANISATION if named or country else GROUP
        out.append(PersonMention(name_text(span), Span(article.id, span.start_char, span.end_char),
                                 kind, country, True, weight, tag=span.label_))
    return out
