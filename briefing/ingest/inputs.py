"""Which inputs to read: expand folders and globs, then load each file, URL or stdin as bytes."""

from __future__ import annotations

import functools
import glob
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from briefing.ingest.errors import IngestError, Skipped
from briefing.ingest.fetch import FetchError, is_url
from briefing.ingest.source import Context, Input
from briefing.types import STDIN  # noqa: F401  (re-exported for the readers)

KNOWN_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json",
                  ".jsonl", ".ndjson", ".docx", ".xml", ".rss", ".atom")
_GLOB_CHARS = "*?["


def expand(inputs: Sequence[str], warn: Callable[[str], None]) -> Iterator[str]:
    """Yield every file, URL or "-" to read, in a stable order.

    Raises IngestError (before anything is read) for an input that does not exist.
    """
    groups = [_resolve(raw) for raw in inputs]
    for raw, group in zip(inputs, groups, strict=True):
        if Path(raw).is_dir():
            yield from _folder(Path(raw), warn)
        else:
            yield from group


def load(entry: str, ctx: Context, stdin: TextIO | None) -> Input:
    """Return the bytes of one file, URL or stdin; raises Skipped (too big, unreadable)."""
    if entry == STDIN:
        data = (stdin or sys.stdin).read().encode("utf-8", errors="surrogateescape")
        return _limited(Input(name="<stdin>", stem="stdin", data=data), ctx.max_bytes)
    if is_url(entry):
        if ctx.deadline is not None and time.monotonic() >= ctx.deadline:
            raise Skipped("not fetched: the run's network deadline had passed")
        try:
            return ctx.state.poll(entry, functools.partial(ctx.fetch, deadline=ctx.deadline))
        except FetchError as err:
            raise Skipped(str(err)) from err
    return _file(Path(entry), ctx.max_bytes)


def _resolve(raw: str) -> list[str]:
    """Return the entries an input names; raises IngestError when it names nothing."""
    if raw == STDIN or is_url(raw) or Path(raw).exists():
        return [raw]
    if any(c in raw for c in _GLOB_CHARS):
        matches = sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file())
        if matches:
            return matches
        raise IngestError(f"no files match {raw!r}; check the pattern and the current folder")
    raise IngestError(f"input not found: {raw} (no such file or folder)")


def _folder(root: Path, warn: Callable[[str], None]) -> Iterator[str]:
    """Yield the readable files under `root`, sorted; hidden files are left out silently."""
    files = sorted((p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)),
                   key=lambda p: (p.parent.as_posix(), p.stem, p.suffix))
    other = [p for p in files if p.suffix.lower() not in KNOWN_SUFFIXES]
    if other:
        names = ", ".join(p.name for p in other[:3]) + (", ..." if len(other) > 3 else "")
        warn(f"{root}: ignored {len(other)} file(s) of unsupported types ({names})")
    yield from (str(p) for p in files if p.suffix.lower() in KNOWN_SUFFIXES)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _file(path: Path, max_bytes: int) -> Input:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Skipped(f"larger than the {max_bytes:,}-byte limit ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as err:
        raise Skipped(f"cannot be read ({err.strerror or err})") from err
    return Input(name=str(path), stem=path.stem, data=data, suffix=path.suffix.lower())


def _limited(item: Input, max_bytes: int) -> Input:
    if len(item.data) > max_bytes:
        raise Skipped(f"larger than the {max_bytes:,}-byte limit ({len(item.data):,} bytes)")
    return item
