"""The whole story, one stage after another: ingest -> extract -> fuse -> compose -> render.

Stages hand each other plain sequences; the `Runtime` (briefing.runtime.run) decides where
each piece of work runs and what waits on disk meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing import compose, fuse, ingest, render
from briefing.runtime.run import Runtime
from briefing.types import headline


class NoArticles(RuntimeError):
    """No input could be read as an article."""


@dataclass(frozen=True)
class Result:
    articles: int
    events: int
    written: tuple[str, ...]
    parsed: int = 0  # documents spaCy parsed
    fresh: int = 0  # articles the cache did not have
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage


def pipeline(inputs: Sequence[str], options: render.RenderOptions, run: Runtime, *,
             warn: Callable[[str], None] = print, limits: Mapping[str, int] | None = None,
             one_event: bool = False) -> Result:
    """Read the inputs, write one brief per event into `options.out`; returns what was done.

    `limits` are ingest's max_bytes / max_articles; with `one_event`, every input reports one
    event (one brief). Raises NoArticles when nothing could be read, nlp.ModelError when the
    model is missing.
    """
    with run:
        with run.stage("ingest"):
            articles = run.keep(ingest.read_articles(inputs, warn=warn, polls=run.polls,
                                                     say=run.detail, **(limits or {})))
        if not articles:
            raise NoArticles("no articles could be read from " + ", ".join(inputs))
        run.say(f"read {len(articles)} articles")
        with run.stage("extract"):
            digests, facts = run.extract(articles, meanwhile=lambda: render.warm_up(options))
        with run.stage("fuse"):
            groups = fuse.group(digests, one_event=one_event)
            del digests  # the groups are made: the digests are let go
            events = run.keep(fuse.build_event(fuse.complete(facts.group(g)))
                              for g in groups)
            heads = fuse.link_related([headline(e) for e in events])
            run.parsed_all()
        run.say(f"found {len(heads)} events; writing briefs")
        with run.stage("render"):  # each brief is composed as it is written
            linked = run.lazy(len(heads), lambda i: fuse.relinked(events[i], heads[i]))
            others = {h.id: h for h in heads}
            briefs = run.lazy(len(heads), lambda i: compose.compose(
                linked[i], generated=options.generated, others=others))
            written = run.write(briefs, linked, options)
    return Result(len(articles), len(heads), tuple(str(p) for p in written), run.parsed,
                  run.fresh, run.seconds)
