"""Process pools for the stages that split into independent pieces (parsing, writing briefs).

On Linux the workers are forked, so they start at once with everything this process has
already loaded (the spaCy model, the templates); elsewhere they are spawned.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

FORK = "fork" in multiprocessing.get_all_start_methods()


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
        with ProcessPoolExecutor(workers, mp_context=context) as executor:
            yield executor
    finally:
        gc.unfreeze()
