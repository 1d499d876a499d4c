"""One article and its spaCy `Doc` in, `ArticleFacts` out (see the package docstring)."""

from __future__ import annotations

from spacy.tokens import Doc

from briefing.extract import statements
from briefing.extract.agenda import agenda as agenda_items
from briefing.extract.event import event_cues, main_date
from briefing.extract.people import extract_people, name_entities
from briefing.extract.quotes import quotes as find_quotes
from briefing.temporal import tag_dates
from briefing.types import Article, ArticleFacts

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


def article_facts(doc: Doc, article: Article, *, dates_only: bool = False) -> ArticleFacts:
    """Return everything the article states, each fact with its span in `article.text`.

    With `dates_only`, only what date reasoning needs (its time expressions and event dates):
    the fuse stage tries many candidate publication dates and keeps one.
    """
    timexes = tuple(tag_dates(article.text, article.published, doc=doc))
    if dates_only:
        date, dates = main_date(doc, timexes, headline=article.title)
        return ArticleFacts(article=article, timexes=timexes, event_date=date, event_dates=dates)
    cues = event_cues(doc, timexes, headline=article.title, published=article.published)
    agenda = agenda_items(doc, article.id)
    return ArticleFacts(
        article=article,
        people=tuple(extract_people(doc, article)),
        places=tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ == "GPE")),
        entities=name_entities(doc, article),
        timexes=timexes,
        agenda=tuple(agenda),
        timeline=tuple(statements.timeline(doc, timexes, article.id)),
        context=tuple(statements.context(doc, article.id, exclude=agenda)),
        quotes=tuple(find_quotes(doc, article.id)),
        figures=tuple(statements.figures(doc, article.id)),
        event_date=cues.date,
        event_dates=cues.dates,
        event_place=cues.place or article.dateline_place,
        lead_place=cues.lead_place,
        event_format=cues.format,
        frame_format=cues.frame_format,
        event_status=cues.status,
        event_venue=cues.venue,
        frame_date=cues.frame_date,
        event_kind=cues.kind,
        event_name=cues.name,
        event_nickname=cues.nickname,
        keywords=keywords(doc),
    )
