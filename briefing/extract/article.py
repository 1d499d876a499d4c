"""One article and its spaCy `Doc` in, `ArticleFacts` out (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from briefing.extract import statements
from briefing.extract.agenda import agenda as agenda_items
from briefing.extract.dating import resolve, written_by
from briefing.extract.entities import name_after_honorific
from briefing.extract.event import EventCues, event_cues
from briefing.extract.people import extract_people, name_entities
from briefing.extract.people_participation import of_another_event, own_dates
from briefing.extract.quotes import quotes as find_quotes
from briefing.knowledge import word_set
from briefing.knowledge.lexicon import lexicon
from briefing.temporal import expressions, tag_dates, tenses
from briefing.types import Article, ArticleFacts, Dating, Statement, Timex

KEY_POS = ("PROPN", "NOUN")
KEY_ENTS = ("PERSON", "GPE", "ORG", "NORP", "EVENT", "FAC", "LOC", "LAW")


LEAD_SENTENCES = 2


def keywords(doc: Doc) -> tuple[str, ...]:
    """Return the article's content words (lemmas of nouns and names, entity texts), lowercased.

    The lead (the first sentences, where a news story states its event) counts twice: the
    rest of a story drifts into background that other events share.
    """
    sents = list(doc.sents)[:LEAD_SENTENCES] if doc.has_annotation("SENT_START") else []
    words: list[str] = []
    for span in [doc[:], *sents]:
        words += [t.lemma_.lower() for t in span
                  if t.pos_ in KEY_POS and not t.is_stop and t.is_alpha]
        words += [e.text.lower() for e in span.ents if e.label_ in KEY_ENTS]
    return tuple(words)


def place_name(ent: Span) -> str:
    """Return a place's name without the possessive the model may tag with it ("South
    Africa's biggest bank": South Africa)."""
    while len(ent) > 1 and ent[-1].tag_ == "POS":
        ent = ent[:-1]
    return ent.text


def dating(doc: Doc, article: Article, cues: EventCues) -> Dating:
    """Return where the article's time expressions sit and what they date: with it, its dated
    facts are a pure function of its anchor (see briefing.extract.dating)."""
    spans = expressions(article.text)
    return Dating(tenses(article.text, doc), cues.frame_slots, *cues.pools,
                  statements.timeline_rows(doc, spans, article.id), cues.days)


def told_before(item: Statement, timexes: Sequence[Timex], event_date: str | None,
                text: str) -> bool:
    """Return True for a topic whose sentence opens with a time frame before the event's
    day ("In October, the two ministers agreed to set up a body"): what was done then, not
    the event's agenda. Compared at the frame's own precision (a month with the event's
    month)."""
    if not event_date:
        return False
    start = item.span.start
    openers = word_set("cues", "time_frame_openers") | {""}  # "In" of "In October, ..."
    for t in timexes:
        if start <= t.start <= start + 16 and " ".join(text[start:t.start].lower().split()) \
                in openers and t.type == "DATE" and re.fullmatch(r"\d{4}(-\d\d){0,2}", t.value):
            return t.value < event_date[: len(t.value)]
    return False


def article_facts(doc: Doc, article: Article) -> ArticleFacts:
    """Return everything the article states, each fact with its span in `article.text`.

    The dating of an undated article is kept with its facts: the fuse stage may infer its
    date and re-read its dated facts from it (briefing.extract.dating.reanchor)."""
    doc = name_after_honorific(doc, lexicon().honorifics)
    cues = event_cues(doc, expressions(article.text), headline=article.title)
    plan = dating(doc, article, cues)
    anchor = written_by(article.text, article.published)
    timexes = tuple(tag_dates(article.text, anchor, tenses=plan.tenses))
    dated = resolve(plan, timexes, anchor, article.text)
    agenda = [a for a in agenda_items(doc, article.id)
              if not told_before(a, timexes, dated.event_date, article.text)]
    return ArticleFacts(
        article=article,
        people=own_dates(doc, of_another_event(doc, extract_people(doc, article), cues.status),
                         timexes),
        places=tuple(dict.fromkeys(place_name(e) for e in doc.ents if e.label_ == "GPE"
                                   and any(c.isupper() for c in e.text))),  # not "n't"
        entities=name_entities(doc, article),
        timexes=timexes,
        agenda=tuple(agenda),
        timeline=dated.timeline,
        context=tuple(statements.context(doc, article.id, exclude=agenda)),
        quotes=tuple(find_quotes(doc, article.id)),
        figures=tuple(statements.figures(doc, article.id)),
        event_date=dated.event_date,
        event_dates=dated.event_dates,
        event_place=cues.place or article.dateline_place,
        lead_place=cues.lead_place,
        event_format=cues.format,
        frame_format=cues.frame_format,
        event_status=cues.status,
        event_venue=cues.venue,
        frame_date=dated.frame_date,
        event_kind=cues.kind,
        event_opening=dated.opening,
        event_length=dated.length or cues.length,
        event_name=cues.name,
        event_nickname=cues.nickname,
        event_setting=cues.setting,
        keywords=keywords(doc),
        dating=plan if article.published is None else None,
    )
