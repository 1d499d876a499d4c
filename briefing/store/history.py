"""Previous versions of the briefs, kept under `out/history/<timestamp>/` (the newest N).

Before a regeneration overwrites the briefs, their Markdown, DOCX, facts.json and index.md are
copied into a new snapshot folder; a snapshot identical to the newest one is not repeated.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from briefing.store.checked import BadState, load_json

FOLDER = "history"


def outputs(out: Path) -> list[Path]:
    """Return the brief files (and their images) currently in `out`, top level only."""
    files = [*out.glob("*.md"), *out.glob("*.docx"), *out.glob("*.png"), out / "facts.json"]
    return sorted(p for p in files if p.is_file() and not p.name.startswith("."))


def snapshots(out: Path) -> list[Path]:
    """Return the snapshot folders, oldest first."""
    root = out / FOLDER
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def same_files(files: list[Path], folder: Path) -> bool:
    names = sorted(p.name for p in folder.iterdir())
    if names != [p.name for p in files]:
        return False
    return all(p.read_bytes() == (folder / p.name).read_bytes() for p in files)


def keep(out: Path, *, now: dt.datetime, limit: int) -> Path | None:
    """Copy the current briefs to a new snapshot and drop all but the newest `limit`.

    Returns the snapshot folder, or None when there was nothing new to keep.
    """
    files = outputs(out)
    existing = snapshots(out)
    if not files or (existing and same_files(files, existing[-1])):
        return None
    folder = out / FOLDER / now.strftime("%Y%m%dT%H%M%S.%f")
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, folder / path.name)
    for old in snapshots(out)[:-limit] if limit > 0 else snapshots(out):
        shutil.rmtree(old)
    return folder


def previous_facts(out: Path) -> dict[str, Any] | None:
    """Return the facts.json the latest regeneration replaced, or None when there is none."""
    existing = snapshots(out)
    path = existing[-1] / "facts.json" if existing else None
    if path is None or not path.is_file():
        return None
    try:
        return load_json(path)
    except (OSError, BadState):
        return None
