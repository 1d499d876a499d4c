"""One run's runtime: where its work happens and what waits on disk between its stages.

The pipeline tells the story over plain sequences; a `Runtime` decides the rest:
- what a stage hands on waits on disk (`keep`: a shelf in the output folder's cache), so a
  run's memory holds what one stage is working on, not the corpus; freed memory is given
  back to the system before processes fork (`RELEASE_FROM`);
- where spaCy parses (this process, a model process, a pool of workers, Dask) and the
  extraction cache (`extract`, see briefing.runtime.parsing);
- what earlier runs fetched (`polls`: the feed state, read when the run starts and saved
  when it ends);
- where the briefs are written (`write`, see briefing.runtime.writers), and the removal of
  files an earlier run wrote that this one did not;
- the wall time of each stage (`stage`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from briefing.compose.brief import Brief
from briefing.ingest import PollState
from briefing.render import RenderOptions
from briefing.runtime import parallel, writers
from briefing.runtime.parsing import Extractor
from briefing.runtime.shelf import Computed, Shelf
from briefing.store import feed_state, stamps
from briefing.store.facts_cache import FactsCache
from briefing.store.previous import previous_events
from briefing.types import Article, ArticleFacts, Event

T = TypeVar("T")
RELEASE_FROM = 1000  # values kept from which freed memory is given back to the system: below,
# it is little, and the first call costs 8 ms (measured)


def nothing(message: str) -> None:
    """Say nothing (the default of what only --verbose tells)."""


@dataclass(frozen=True)
class Extracted:
    """What extraction hands to fusion: how to read the facts of article i (from memory or
    the cache)."""

    of: Callable[[int], ArticleFacts]

    def group(self, indices: Iterable[int]) -> list[ArticleFacts]:
        return [self.of(i) for i in indices]


@dataclass
class Runtime:
    """Where one run's work happens (see the module docstring). `folder` is the output
    folder (its .cache holds the shelves and the feed state; None: a temporary folder and no
    feed state); `workers`, `dask` and `model_process` choose where spaCy parses (see
    briefing.runtime.parsing) and `workers` how many processes write the briefs. Use it as a
    context manager: the shelves are removed and the feed state saved when the run ends."""

    folder: Path | None = None
    model: str | None = None
    cache: FactsCache | None = None
    workers: int = 1
    dask: str | None = None
    model_process: Executor | None = None
    say: Callable[[str], None] = print
    warn: Callable[[str], None] = print
    detail: Callable[[str], None] = nothing  # what --verbose adds: each piece of page
    # furniture removed from an article, with the reason
    seconds: dict[str, float] = field(default_factory=dict)
    polls: PollState = field(default_factory=PollState)
    _open: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    _extractor: Extractor | None = None
    _most: int = 0  # the most values kept in one sequence

    def __enter__(self) -> Runtime:
        if self.folder is not None:
            self.polls = feed_state.load(self.folder / feed_state.NAME, warn=self.warn)
        return self

    def __exit__(self, *exc: object) -> None:
        self._open.close()
        if self.folder is not None:
            feed_state.save(self.polls, self.folder / feed_state.NAME, warn=self.warn)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the wall time of the block to `seconds[name]`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def keep(self, values: Iterable[T]) -> Sequence[T]:
        """Return the values as a sequence that waits on disk, each read back when asked for.
        From RELEASE_FROM values, the memory freed meanwhile is given back to the system
        before any process forks (forks would share the freed holes)."""
        folder = self.cache.path.parent if self.cache else None  # on disk, not a memory /tmp
        shelf: Shelf[T] = self._open.enter_context(Shelf(folder))
        shelf.extend(values)
        self._most = max(self._most, len(shelf))
        self._release()
        return shelf

    def _release(self) -> None:
        if self._most >= RELEASE_FROM:
            parallel.release_memory()

    def extract(self, articles: Sequence[Article], *,
                meanwhile: Callable[[], object] | None = None) -> tuple[list, Extracted]:
        """Return each article's digest (what grouping reads) and how to read its facts,
        parsing the articles the cache has not seen; `meanwhile` runs while a model process
        parses."""
        extractor = self._extractor = Extractor(
            self.model, self.cache, self.say, workers=self.workers, dask=self.dask,
            model_process=self.model_process)
        digests = extractor.digests(articles, meanwhile=meanwhile)
        return digests, Extracted(lambda i: extractor.facts(articles[i]))

    def parsed_all(self) -> None:
        """Let go of the model process and of the facts kept in memory: no article will be
        read again (the events are built)."""
        if self._extractor is not None:
            self._extractor.close()
        self._release()

    @property
    def parsed(self) -> int:
        """The documents spaCy parsed."""
        return self._extractor.parsed if self._extractor else 0

    @property
    def fresh(self) -> int:
        """The articles the cache did not have."""
        return self._extractor.fresh if self._extractor else 0

    def lazy(self, count: int, make: Callable[[int], T]) -> Sequence[T]:
        """Return a sequence of `count` values, value i made by `make(i)` when asked for."""
        return Computed(count, make)

    def write(self, briefs: Sequence[Brief], events: Sequence[Event],
              options: RenderOptions) -> list[Path]:
        """Write the briefs, facts.json and the index into `options.out`; returns the paths.
        The previous facts.json is read first (for "What changed"); the files an earlier run
        wrote that this one did not are removed afterwards."""
        previous = previous_events(options.out / "facts.json")
        written = writers.write_run(briefs, events, options, previous=previous,
                                    workers=self.workers)
        gone = stamps.retire(options.out, written, warn=self.warn)
        if gone:
            self.say(f"removed {len(gone)} files of an earlier run that this one did not make: "
                     + ", ".join(p.name for p in gone))
        return written
