"""Writing a run's files: where (this process, forked writers, a spawned pool) and how
(atomically, a costly file kept when its key stamp says it was made from the same things).

The render stage says what the files are (`render.Output`); nothing here decides content.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from briefing import render
from briefing.compose.brief import Brief
from briefing.render import Output, RenderOptions
from briefing.render.changes import Previous, changes
from briefing.runtime import parallel
from briefing.store import stamps
from briefing.store.atomic import write_atomic
from briefing.types import Event

PARALLEL_FROM = 16  # without fork, fewer briefs are written in this process: a spawned pool
# costs more than it saves


def write_outputs(out: Path, outputs: Iterable[Output]) -> list[Path]:
    """Write each output into `out`, in order, through a temporary file (never half a file);
    one whose key stamp matches is kept as it is. Returns the paths, written or kept."""
    paths = []
    for output in outputs:
        path = out / output.name
        key = output.key() if output.key else None
        if key is None or not stamps.kept(out, path, key):
            write_atomic(path, output.make())
            if key is not None:
                stamps.stamp(out, path, key)
        paths.append(path)
    return paths


def write_brief(brief: Brief, options: RenderOptions, change: tuple[str, ...] | None) -> list[Path]:
    """Write one brief's files; returns their paths (a pool's task: its arguments pickle)."""
    return write_outputs(options.out, render.brief_outputs(brief, options, change))


Write = Callable[[int], "list[Path]"]  # writes brief number i; returns the paths written
_SHARED: tuple[Write | None, int, Any] = (None, 0, None)  # write_shared's work and its counter


def _write_taken() -> dict[int, list[Path]]:
    """Write briefs until none is left, each number taken from the shared counter; returns
    their paths by number (run by write_shared's processes: each takes the next when free)."""
    write, count, counter = _SHARED
    done = {}
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= count or write is None:
            return done
        done[index] = write(index)


def write_shared(count: int, write: Write, workers: int,
                 first: Callable[[], object] | None = None) -> list[list[Path]]:
    """Run `write` on the numbers 0 to `count - 1` in this process and `workers - 1` processes
    forked from it, each taking the next number when it is free; returns each one's paths, in
    order. This process runs `first` while the forks start, then takes numbers too. The
    forks inherit `write` and whatever this process has loaded (matplotlib, python-docx):
    only paths cross between processes."""
    global _SHARED
    share = min(workers, count)
    if share < 2:
        if first is not None:
            first()
        return [write(i) for i in range(count)]
    _SHARED = (write, count, multiprocessing.get_context("fork").Value("i", 0))
    try:
        with parallel.pool(share - 1) as pool:
            theirs = [pool.submit(_write_taken) for _ in range(share - 1)]
            if first is not None:
                first()
            done = _write_taken()
            for future in theirs:
                done.update(future.result())
        return [done[i] for i in range(count)]
    finally:
        _SHARED = (None, 0, None)


def write_run(briefs: Sequence[Brief], events: Sequence[Event], options: RenderOptions, *,
              previous: Previous, workers: int = 1) -> list[Path]:
    """Write every brief in the asked formats, then facts.json and index.md; returns the paths.

    `briefs` may make each brief when it is asked for: each is asked for once to be written
    and once for the index. `events` are the briefs' events (facts.json and the index's count
    read them). `previous` is the last run's facts, read before this run overwrites them, so
    each brief can say what changed. With more than one worker the briefs are shared with
    forked processes (`write_shared`; where processes cannot be forked, a pool writes many
    briefs). The files are the same either way.
    """
    others: list[Path] = []

    def job(brief: Brief) -> tuple[Brief, RenderOptions, tuple[str, ...] | None]:
        return brief, options, changes(previous, brief.event)  # write_brief's arguments

    def write(index: int) -> list[Path]:
        return write_brief(*job(briefs[index]))

    def facts_and_index() -> None:
        others.extend(write_outputs(options.out, render.run_outputs(briefs, events, options)))

    if workers > 1 and parallel.FORK:
        done = write_shared(len(briefs), write, workers, first=facts_and_index)
    else:
        if workers > 1 and len(briefs) >= PARALLEL_FROM:
            calls = (job(b) for b in briefs)
            with parallel.pool(workers) as pool:
                done = list(parallel.ahead_map(pool.submit, write_brief, calls, 2 * workers))
        else:
            done = [write(i) for i in range(len(briefs))]
        facts_and_index()
    return [path for paths in done for path in paths] + others
