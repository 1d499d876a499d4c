"""The whole story, one stage after another: ingest -> extract -> fuse -> compose -> render."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing import compose, fuse, ingest, render
from briefing.cache import FactsCache
from briefing.extraction import Extractor


class NoArticles(RuntimeError):
    """No input could be read as an article."""


@dataclass(frozen=True)
class Result:
    articles: int
    events: int
    written: tuple[str, ...]
    parsed: int = 0  # documents spaCy parsed (the rest came from the cache)


def pipeline(inputs: Sequence[str], options: render.RenderOptions, *, model: str | None = None,
             say: Callable[[str], None] = print, warn: Callable[[str], None] = print,
             cache: FactsCache | None = None, limits: dict[str, int] | None = None) -> Result:
    """Read the inputs, write one brief per event; returns what was done.

    `limits` are ingest's max_bytes / max_articles. Raises NoArticles when nothing could be
    read, nlp.ModelError when the model is missing.
    """
    articles = ingest.read_articles(inputs, warn=warn, **(limits or {}))
    if not articles:
        raise NoArticles("no articles could be read from " + ", ".join(inputs))
    say(f"read {len(articles)} articles")
    extractor = Extractor(model, cache, say)
    facts = extractor.all(articles)
    groups = fuse.group_events(facts, extractor.facts)
    events = fuse.link_related([fuse.build_event(g) for g in groups])
    say(f"found {len(events)} events; writing briefs")
    briefs = [compose.compose(e, generated=options.generated, others=events) for e in events]
    written = render.write_all(briefs, options)
    return Result(len(articles), len(events), tuple(str(p) for p in written), extractor.parsed)
