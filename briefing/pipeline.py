"""The whole story, one stage after another: ingest -> extract -> fuse -> compose -> render.

Between stages the articles and then the events wait on disk (briefing.runtime.shelf), so a run's
memory holds what one stage is working on plus a digest of each article, not the corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefing import compose, fuse, ingest, render
from briefing.runtime import parallel
from briefing.runtime.parsing import Extractor
from briefing.runtime.shelf import Computed, Shelf
from briefing.store.facts_cache import FactsCache
from briefing.types import Article, Event, Headline, headline

RELEASE_FROM = 1000  # articles from which freed memory is given back to the system: below,
# it is little, and the first call costs 8 ms (measured)


class NoArticles(RuntimeError):
    """No input could be read as an article."""


@dataclass(frozen=True)
class Result:
    articles: int
    events: int
    written: tuple[str, ...]
    parsed: int = 0  # documents spaCy parsed (re-dated articles are parsed again)
    fresh: int = 0  # articles the cache did not have
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage


@contextmanager
def timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Add the wall time of the block to `seconds[stage]`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start


def pipeline(inputs: Sequence[str], options: render.RenderOptions, *, model: str | None = None,
             say: Callable[[str], None] = print, warn: Callable[[str], None] = print,
             cache: FactsCache | None = None, limits: dict[str, int] | None = None,
             workers: int = 1, dask: str | None = None, feed_state: Path | None = None,
             model_process: Executor | None = None) -> Result:
    """Read the inputs, write one brief per event; returns what was done.

    `limits` are ingest's max_bytes / max_articles; `workers` and `dask` choose where spaCy
    parses (see briefing.runtime.parsing); `feed_state` is the file that remembers polled feeds
    (see briefing.ingest.poll); `model_process` is a process loading the model (see
    extraction.prepare_model): while it parses, this process readies the render stage; it
    ends once the events are built.
    Raises NoArticles when nothing could be read,
    nlp.ModelError when the model is missing.
    """
    seconds: dict[str, float] = {}
    folder = cache.path.parent if cache else None  # on disk, not in a /tmp that may be memory
    with Shelf[Article](folder) as texts, Shelf[Event](folder) as events:
        def let_go() -> None:  # before processes fork: they would share the freed holes
            if len(texts) >= RELEASE_FROM:
                parallel.release_memory()

        with timed(seconds, "ingest"):
            texts.extend(ingest.read_articles(inputs, warn=warn, feed_state=feed_state,
                                              **(limits or {})))
            let_go()  # before the parse workers fork
        if not len(texts):
            raise NoArticles("no articles could be read from " + ", ".join(inputs))
        say(f"read {len(texts)} articles")
        articles = Computed(len(texts), texts.__getitem__)  # each read from disk when needed
        extractor = Extractor(model, cache, say, workers=workers, dask=dask,
                              model_process=model_process)
        with timed(seconds, "extract"):
            digests = extractor.digests(articles, meanwhile=lambda: render.warm_up(options))
        with timed(seconds, "fuse"):
            def shelve(event: Event) -> Headline:
                events.append(event)  # to disk: the run's events are not held in memory
                return headline(event)

            groups = fuse.group_events(digests, lambda i: extractor.facts(articles[i]),
                                       extractor.facts)
            heads = [shelve(fuse.build_event(group)) for group in groups]
            del digests  # grouping holds the digests only until the groups are made
            heads = fuse.link_related(heads)
            extractor.close()
            let_go()  # before the brief writers fork
        say(f"found {len(heads)} events; writing briefs")
        briefs = compose.Briefs(events, heads, options.generated)
        with timed(seconds, "render"):  # composes each brief as it is written
            written = render.write_all(briefs, options, events=briefs.events)
            gone = render.retire(options.out, written)
        if gone:
            say(f"removed {len(gone)} files of an earlier run that this one did not make: "
                + ", ".join(p.name for p in gone))
    return Result(len(texts), len(heads), tuple(str(p) for p in written), extractor.parsed,
                  extractor.fresh, seconds)
