"""The whole story, one stage after another: ingest -> extract -> fuse -> compose -> render."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing import compose, fuse, ingest, nlp, render
from briefing.extract import article_facts
from briefing.types import Article


class NoArticles(RuntimeError):
    """No input could be read as an article."""


@dataclass(frozen=True)
class Result:
    articles: int
    events: int
    written: tuple[str, ...]


def pipeline(inputs: Sequence[str], options: render.RenderOptions, *, model: str | None = None,
             say: Callable[[str], None] = print, warn: Callable[[str], None] = print) -> Result:
    """Read the inputs, write one brief per event; returns what was done.

    Raises NoArticles when nothing could be read, nlp.ModelError when the model is missing.
    """
    articles = ingest.read_articles(inputs, warn=warn)
    if not articles:
        raise NoArticles("no articles could be read from " + ", ".join(inputs))
    say(f"read {len(articles)} articles; parsing with spaCy")
    language = nlp.load(model)
    docs = {a.id: doc for a, doc in zip(articles, language.pipe(a.text for a in articles), strict=True)}

    def redate(article: Article):
        return article_facts(docs[article.id], article)

    facts = [redate(a) for a in articles]
    groups = fuse.group_events(facts, redate)
    events = fuse.link_related([fuse.build_event(g) for g in groups])
    say(f"found {len(events)} events; writing briefs")
    briefs = [compose.compose(e, generated=options.generated, others=events) for e in events]
    written = render.write_all(briefs, options)
    return Result(len(articles), len(events), tuple(str(p) for p in written))
