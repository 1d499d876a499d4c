"""What the output folder remembers of the files a run wrote: key stamps and the written record.

A key stamp (`out/.cache/keys/<file>.key`) says what a costly file (a DOCX, a figure) was
made from: a later run whose key is the same keeps the file instead of making it again. The
written record (`out/.cache/written`) lists the files the last finished run wrote, so the next
one can remove those it no longer makes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.store.atomic import write_atomic

KEYS = Path(".cache") / "keys"  # what each kept figure and DOCX was made from
WRITTEN = Path(".cache") / "written"  # the files the last finished run wrote, a name a line


def kept(out: Path, path: Path, key: str) -> bool:
    """Return True when `path` exists and was made from what `key` hashes. A stamp that cannot
    be read, or holds anything but that key, only means the file is made again (and stamped
    anew): no warning, since a changed input looks the same."""
    try:
        return path.is_file() and (out / KEYS / f"{path.name}.key").read_bytes() == key.encode()
    except (OSError, ValueError):
        return False


def stamp(out: Path, path: Path, key: str) -> None:
    """Record that `path` was made from what `key` hashes (see `kept`)."""
    write_atomic(out / KEYS / f"{path.name}.key", key.encode())


def retire(out: Path, written: Sequence[Path], *,
           warn: Callable[[str], None] = print) -> list[Path]:
    """Remove the files the last finished run wrote and this one did not, with their key
    stamps, and record this run's; returns the paths removed.

    Those are briefs of events the inputs no longer make (an event whose title or date
    changed has a new file name) and formats no longer asked for: left in place they would
    look current. Only files this tool wrote go (a user's own file in `out` stays); the
    run's history snapshot holds their last version (see briefing.store.history). A record
    that is not a list of plain file names is one warning and removes nothing.
    """
    names = {p.name for p in written if p.parent == out}
    before = set(_record(out / WRITTEN, warn))
    gone = [out / name for name in sorted(before - names) if (out / name).is_file()]
    for path in gone:
        path.unlink(missing_ok=True)
        (out / KEYS / f"{path.name}.key").unlink(missing_ok=True)
    write_atomic(out / WRITTEN, "".join(f"{n}\n" for n in sorted(names)).encode("utf-8"))
    return gone


def _record(path: Path, warn: Callable[[str], None]) -> list[str]:
    """Return the file names of the written record at `path` ([] when there is none, or after
    one warning when it is not UTF-8 lines of plain file names)."""
    try:
        names = path.read_bytes().decode("utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        warn(f"{path}: the record of written files is unreadable ({err}); nothing is removed "
             "this time and it is rewritten")
        return []
    bad = next((n for n in names if not _plain_name(n)), None)
    if bad is not None:
        warn(f"{path}: the record of written files names {bad[:80]!r}, not a file of this "
             "folder; nothing is removed this time and it is rewritten")
        return []
    return names


def _plain_name(name: str) -> bool:
    """True for the name of a file directly in the folder (no separator, NUL or '..')."""
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\\0")
