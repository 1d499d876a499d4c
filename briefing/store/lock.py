"""One writer per output folder: an advisory lock file (fcntl.flock) in the folder.

The lock is released by the kernel when the process ends, however it ends, so a killed run
never leaves a stale lock behind. The processes a run forks (the model process, workers) let
go of it at once: an flock is shared by every process holding the file open, and one that
outlived a killed run would otherwise keep the folder locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

NAME = ".briefing.lock"
EX_TEMPFAIL = 75  # sysexits.h: try again later


class Busy(RuntimeError):
    """Another run holds the folder's lock."""


_HELD: set[int] = set()  # descriptors of the locks this process holds


def _let_go_in_child() -> None:
    """In a forked child: point the inherited lock descriptors at /dev/null (the numbers stay
    valid, the lock is no longer shared with the child)."""
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for fd in _HELD:
        os.dup2(null, fd)
    os.close(null)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_child)


@contextlib.contextmanager
def locked(out: Path, *, timeout: float = 5.0, poll: float = 0.1) -> Iterator[Path]:
    """Hold the lock of `out` for the block; raises Busy after waiting `timeout` seconds."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / NAME
    with open(path, "a+b") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(f"another briefing run is writing to {out} (lock {path} held for "
                               f"{timeout:g}s); try again later") from None
                time.sleep(poll)
        _HELD.add(fh.fileno())
        try:
            yield path
        finally:
            _HELD.discard(fh.fileno())
            fcntl.flock(fh, fcntl.LOCK_UN)
