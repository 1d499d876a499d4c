"""What the output folder remembers of the files a run wrote: key stamps and the written record.

A key stamp (`out/.cache/keys/<file>.key`) says what a costly file (a DOCX, a figure) was
made from: a later run whose key is the same keeps the file instead of making it again. The
written record (`out/.cache/written`) lists the files the last finished run wrote, so the next
one can remove those it no longer makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.store.atomic import write_atomic

KEYS = Path(".cache") / "keys"  # what each kept figure and DOCX was made from
WRITTEN = Path(".cache") / "written"  # the files the last finished run wrote, a name a line


def kept(out: Path, path: Path, key: str) -> bool:
    """Return True when `path` exists and was made from what `key` hashes."""
    try:
        return path.is_file() and (out / KEYS / f"{path.name}.key").read_text("utf-8") == key
    except OSError:
        return False


def stamp(out: Path, path: Path, key: str) -> None:
    """Record that `path` was made from what `key` hashes (see `kept`)."""
    write_atomic(out / KEYS / f"{path.name}.key", key.encode())


def retire(out: Path, written: Sequence[Path]) -> list[Path]:
    """Remove the files the last finished run wrote and this one did not, with their key
    stamps, and record this run's; returns the paths removed.

    Those are briefs of events the inputs no longer make (an event whose title or date
    changed has a new file name) and formats no longer asked for: left in place they would
    look current. Only files this tool wrote go (a user's own file in `out` stays); the
    run's history snapshot holds their last version (see briefing.store.history).
    """
    names = {p.name for p in written if p.parent == out}
    try:
        before = set((out / WRITTEN).read_text("utf-8").splitlines())
    except OSError:
        before = set()
    gone = [out / name for name in sorted(before - names)
            if name and name == Path(name).name and (out / name).is_file()]
    for path in gone:
        path.unlink(missing_ok=True)
        (out / KEYS / f"{path.name}.key").unlink(missing_ok=True)
    write_atomic(out / WRITTEN, "".join(f"{n}\n" for n in sorted(names)).encode("utf-8"))
    return gone
