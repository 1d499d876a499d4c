"""What changed since the previous brief: the event as the last run's facts.json had it,
compared with the event now (date, place, format, status, participants, agenda, timeline).

Read `<out>/facts.json` before this run overwrites it; nothing here writes files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.types import Event

MOST = 5  # items listed per kind of change before "and N more"


def load_previous(path: Path) -> dict[str, Any]:
    """Return the previous run's facts document, or {} when there is none or it is unreadable
    (a brief without history is still a brief)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) and isinstance(doc.get("events"), list) else {}


def find(previous: dict[str, Any], event: Event) -> dict[str, Any] | None:
    """Return the previous version of `event`: same id, else same title and kind."""
    events = [e for e in previous.get("events", ()) if isinstance(e, dict)]
    for match in (lambda e: e.get("id") == event.id,
                  lambda e: (e.get("title"), e.get("kind")) == (event.title, event.kind)):
        found = [e for e in events if match(e)]
        if len(found) == 1:
            return found[0]
    return None


def listed(kind: str, verb: str, texts: Iterable[str]) -> list[str]:
    texts = sorted(texts)
    lines = [f"{kind} {verb}: {t}" for t in texts[:MOST]]
    if len(texts) > MOST:
        lines.append(f"{kind} {verb}: and {len(texts) - MOST} more")
    return lines


def set_changes(kind: str, before: set[str], after: set[str]) -> list[str]:
    return listed(kind, "added", after - before) + listed(kind, "removed", before - after)


def changes(previous: dict[str, Any], event: Event) -> tuple[str, ...] | None:
    """Return one line per change since the previous brief of this event; () when nothing
    changed; None when no previous brief of it exists."""
    old = find(previous, event)
    if old is None:
        return None
    now = {"date": event.start.isoformat() if event.start else None,
           "location": event.location, "format": event.format, "status": event.status}
    was = {"date": old.get("start"), "location": old.get("location"),
           "format": old.get("format"), "status": old.get("status")}
    out = [f"{key.capitalize()} changed from {was[key] or 'not stated'} to "
           f"{now[key] or 'not stated'}" for key in now if now[key] != was[key]]
    old_people = {p.get("name"): p.get("role") for p in old.get("participants", ())}
    new_people = {p.name: p.role for p in event.participants}
    out += set_changes("Participant", set(old_people), set(new_people))
    out += [f"Role of {name} changed from {old_people[name] or 'not stated'} to {role}"
            for name, role in new_people.items()
            if name in old_people and role and role != old_people[name]]
    out += set_changes("Agenda item", {i.get("text", "") for i in old.get("agenda", ())},
                       {i.text for i in event.agenda})
    out += set_changes("Timeline entry",
                       {f"{i.get('date')}: {i.get('text', '')}" for i in old.get("timeline", ())},
                       {f"{i.date}: {i.text}" for i in event.timeline})
    return tuple(out)
