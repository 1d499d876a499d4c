"""Process pools for the stages that split into independent pieces (parsing, writing briefs).

On Linux the workers are forked, so they start at once with everything this process has
already loaded (the spaCy model, the templates); elsewhere they are spawned.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

FORK = "fork" in multiprocessing.get_all_start_methods()
T = TypeVar("T")
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def die_with_parent(parent: int) -> None:
    """Make this worker end when `parent`, the process that started it, ends (Linux): a run
    killed by a scheduler's timeout would otherwise leave its idle workers, one holding the
    spaCy model, waiting forever."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers end when their queue does
        return
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Yield a pool of `workers` processes, shut down when the block ends.

    The objects that exist when the workers fork are frozen out of the garbage collector
    meanwhile: collecting in a child would touch every inherited object and copy its pages,
    so each worker would soon hold a private copy of this whole process.
    """
    context = multiprocessing.get_context("fork" if FORK else "spawn")
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as executor:
            yield executor
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def helper(prepare: Callable[..., object], *args: object) -> Iterator[ProcessPoolExecutor | None]:
    """Yield one worker process forked now that runs `prepare(*args)` at once (imports, warm
    caches), then what is submitted to it; None where workers cannot be forked.

    Fork it early, while this process is still small: its preparation then runs on the other
    core while this process loads and parses, instead of after. When the block ends, work not
    yet started is dropped and the process is waited for.
    """
    if not FORK:  # a spawned interpreter would cost more than the preparation saves
        yield None
        return
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        executor.submit(prepare, *args)
        yield executor
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def ahead_map(submit: Callable[..., Any], fn: Callable[..., T],
              calls: Iterable[tuple[Any, ...]], ahead: int) -> Iterator[T]:
    """Yield `fn(*args)` for each of `calls`, in order, each run by `submit(fn, *args)` (a
    pool's or a Dask client's) with at most `ahead` calls submitted and not yet taken. Unlike
    `pool.map`, which takes every argument first, the arguments are made as the work goes:
    articles read from disk batch by batch, or briefs composed one by one, stay few in memory.
    """
    pending: deque[Any] = deque()
    for args in calls:
        pending.append(submit(fn, *args))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def release_memory() -> None:
    """Give the pages of memory this process has freed back to the system (glibc's
    `malloc_trim`; nothing elsewhere). Freed blocks between live ones otherwise stay resident,
    in this process and in every process forked from it: 10,000 articles' texts read and
    let go still held 39 of their 47 MB (measured)."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass
