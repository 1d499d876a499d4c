"""The previous run's facts.json, read before this run overwrites it (for "What changed")."""

from __future__ import annotations

from pathlib import Path

import ijson

from briefing.render.changes import Previous
from briefing.store.checked import MAX_DEPTH, BadState


def previous_events(path: Path) -> Previous:
    """Return the previous run's events, or none when there is no readable facts.json (a brief
    without history is still a brief). The file is read one event at a time and each is kept
    only as far as "What changed" compares it: a large run's facts.json is never whole in
    memory. A hand-edited file of the wrong shape, or nested deeper than MAX_DEPTH (which the
    JSON reader would take gigabytes to build), counts as no previous brief."""
    try:
        with path.open("rb") as file:
            _shallow(file)
            file.seek(0)
            return Previous(ijson.items(file, "events.item"))
    except (OSError, ValueError, TypeError, RecursionError, MemoryError, ijson.JSONError):
        return Previous()


def _shallow(file) -> None:
    """Read the JSON of `file` through once, streaming; raises BadState when it nests deeper
    than MAX_DEPTH."""
    depth = 0
    for event, _ in ijson.basic_parse(file):
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_DEPTH:
                raise BadState(f"nested deeper than {MAX_DEPTH} levels")
        elif event in ("end_map", "end_array"):
            depth -= 1
