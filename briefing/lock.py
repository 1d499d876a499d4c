"""One writer per output folder: an advisory lock file (fcntl.flock) in the folder.

The lock is released by the kernel when the process ends, however it ends, so a killed run
never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path

NAME = ".briefing.lock"
EX_TEMPFAIL = 75  # sysexits.h: try again later


class Busy(RuntimeError):
    """Another run holds the folder's lock."""


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
        try:
            yield path
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
