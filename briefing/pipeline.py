"""The whole story, one stage after another: ingest -> extract -> fuse -> compose -> render."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

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
    parses (see briefing.extraction); `feed_state` is the file that remembers polled feeds
    (see briefing.ingest.poll); `model_process` is a process loading the model (see
    extraction.prepare_model): while it parses, this process readies the render stage; it
    ends once the events are built.
    Raises NoArticles when nothing could be read,
    nlp.ModelError when the model is missing.
    """
    seconds: dict[str, float] = {}
    with timed(seconds, "ingest"):
        articles = ingest.read_articles(inputs, warn=warn, feed_state=feed_state, **(limits or {}))
    if not articles:
        raise NoArticles("no articles could be read from " + ", ".join(inputs))
    say(f"read {len(articles)} articles")
    extractor = Extractor(model, cache, say, workers=workers, dask=dask,
                          model_process=model_process)
    with timed(seconds, "extract"):
        digests = extractor.digests(articles, meanwhile=lambda: render.warm_up(options))
    with timed(seconds, "fuse"):
        groups = fuse.group_events(digests, lambda i: extractor.facts(articles[i]),
                                   extractor.facts)
        del digests  # grouping holds them only until the groups are made
        events = fuse.link_related([fuse.build_event(g) for g in groups])
        extractor.close()
    say(f"found {len(events)} events; writing briefs")
    with timed(seconds, "compose"):
        briefs = [compose.compose(e, generated=options.generated, others=events) for e in events]
    with timed(seconds, "render"):
        written = render.write_all(briefs, options)
    return Result(len(articles), len(events), tuple(str(p) for p in written), extractor.parsed,
                  extractor.fresh, seconds)
