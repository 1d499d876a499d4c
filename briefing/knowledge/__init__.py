"""The product's knowledge, kept in data files a user can read and extend.

`load("cues")` returns the parsed `briefing/knowledge/cues.json`. Set `BRIEFING_DATA` to a
folder to override any file by name (a user's extended titles or cue lists).
"""

from __future__ import annotations

import functools
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any


@functools.cache
def load(name: str) -> Any:
    """Return the parsed JSON data file `name` (without extension); raises FileNotFoundError."""
    override = os.environ.get("BRIEFING_DATA")
    if override and (Path(override) / f"{name}.json").is_file():
        return json.loads((Path(override) / f"{name}.json").read_text(encoding="utf-8"))
    return json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text("utf-8"))


@functools.cache
def word_set(name: str, key: str) -> frozenset[str]:
    """Return the word list `key` of data file `name` as a set (built once; for hot loops)."""
    return frozenset(load(name)[key])
