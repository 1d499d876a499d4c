"""Process pools for the stages that split into independent pieces (parsing, writing briefs).

On Linux the workers are forked, so they start at once with everything this process has
already loaded (the spaCy model, the templates); elsewhere they are spawned.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

FORK = "fork" in multiprocessing.get_all_start_methods()


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def pool(workers: int) -> ProcessPoolExecutor:
    """Return a pool of `workers` processes (use it in a `with` block)."""
    context = multiprocessing.get_context("fork" if FORK else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context)
