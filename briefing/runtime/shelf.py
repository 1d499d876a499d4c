"""Values set aside in a temporary file while a run goes on, read back one at a time by number.

The events of a large run wait here between being built and being written, so memory holds
one event at a time rather than the corpus. The file is gone when closed or when the
process ends, however it ends. It is written with `os.pwrite` (nothing left in a buffer) and
read with `os.pread` (no shared file position), so processes forked from this one read it
too; where those do not exist (Windows, where nothing forks), with seek, read and write.

Pickle rather than `briefing.store.dataclass_json`'s JSON: the file lives only as long as this run, written
and read by the same code, and pickle is about eight times faster both ways (measured on the
seed events); nothing from outside the run is ever loaded.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Generic, TypeVar, overload

T = TypeVar("T")
POSITIONAL = hasattr(os, "pread") and hasattr(os, "pwrite")  # not on Windows


class Shelf(Generic[T]):
    """A list kept on disk: `append` values, then read them by number."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)
        self._ends = array("q")  # where each value ends; the next one starts there

    def append(self, value: T) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        start = self._ends[-1] if self._ends else 0
        if POSITIONAL:
            done = 0
            while done < len(data):  # unbuffered: nothing is left for a forked process to flush
                done += os.pwrite(self._file.fileno(), data[done:], start + done)
        else:  # Windows: no fork, so no other process reads the file
            self._file.seek(start)
            self._file.write(data)
            self._file.flush()
        self._ends.append(start + len(data))

    def extend(self, values: Iterable[T]) -> None:
        for value in values:
            self.append(value)

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> T:
        index = range(len(self._ends))[index]  # IndexError past the end; -1 is the last
        start, end = self._ends[index - 1] if index else 0, self._ends[index]
        if POSITIONAL:
            return pickle.loads(os.pread(self._file.fileno(), end - start, start))
        self._file.seek(start)
        return pickle.loads(self._file.read(end - start))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Shelf[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Computed(Sequence[T], Generic[T]):
    """A sequence of `count` values, value i made by `make(i)` each time it is asked for:
    what is read from a shelf and worked on stays in memory only while it is used."""

    def __init__(self, count: int, make: Callable[[int], T]) -> None:
        self._count, self._make = count, make

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return self._make(index % self._count)

    def __iter__(self) -> Iterator[T]:
        return (self._make(i) for i in range(self._count))
