"""The previous run's facts.json, read before this run overwrites it (for "What changed")."""

from __future__ import annotations

from pathlib import Path

import ijson

from briefing.render.changes import Previous


def previous_events(path: Path) -> Previous:
    """Return the previous run's events, or none when there is no readable facts.json (a brief
    without history is still a brief). The file is read one event at a time and each is kept
    only as far as "What changed" compares it: a large run's facts.json is never whole in
    memory."""
    try:
        with path.open("rb") as file:
            return Previous(ijson.items(file, "events.item"))
    except (OSError, ValueError, ijson.JSONError):
        return Previous()
