"""What changed since the previous brief: the event as the last run's facts.json had it,
compared with the event now (date, place, format, status, participants, agenda, timeline).

The previous facts.json is read by briefing.store.previous, before this run overwrites it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.types import Event

MOST = 5  # items listed per kind of change before "and N more"


@dataclass(frozen=True)
class Was:
    """An event as the previous facts.json had it, as far as `changes` compares it."""

    fields: dict[str, str | None]  # date, location, format, status
    people: dict[str, str | None]  # participant name -> role
    agenda: frozenset[str]
    timeline: frozenset[str]  # "date: text"

    @classmethod
    def of(cls, event: dict[str, Any]) -> Was:
        def each(key: str) -> list[dict[str, Any]]:
            values = event.get(key)
            return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []

        return cls(
            {"date": event.get("start"), "location": event.get("location"),
             "format": event.get("format"), "status": event.get("status")},
            {p.get("name"): p.get("role") for p in each("participants")},
            frozenset(i.get("text", "") for i in each("agenda")),
            frozenset(f"{i.get('date')}: {i.get('text', '')}" for i in each("timeline")))


class Previous:
    """The previous run's events, found by id, else by title and kind."""

    def __init__(self, events: Iterable[Any] = ()) -> None:
        self.by_id: dict[Any, list[Was]] = {}
        self.by_name: dict[tuple[Any, Any], list[Was]] = {}
        for e in events:
            if isinstance(e, dict):
                was = Was.of(e)
                self.by_id.setdefault(e.get("id"), []).append(was)
                self.by_name.setdefault((e.get("title"), e.get("kind")), []).append(was)

    def find(self, event: Event) -> Was | None:
        """Return the previous version of `event`: the one of the same id, else the one of the
        same title and kind (None when there is none, or more than one)."""
        for found in (self.by_id.get(event.id, ()), self.by_name.get((event.title, event.kind), ())):
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


def changes(previous: Previous, event: Event) -> tuple[str, ...] | None:
    """Return one line per change since the previous brief of this event; () when nothing
    changed; None when no previous brief of it exists."""
    old = previous.find(event)
    if old is None:
        return None
    now = {"date": event.start.isoformat() if event.start else None,
           "location": event.location, "format": event.format, "status": event.status}
    out = [f"{key.capitalize()} changed from {old.fields[key] or 'not stated'} to "
           f"{now[key] or 'not stated'}" for key in now if now[key] != old.fields[key]]
    new_people = {p.name: p.role for p in event.participants}
    out += set_changes("Participant", set(old.people), set(new_people))
    out += [f"Role of {name} changed from {old.people[name] or 'not stated'} to {role}"
            for name, role in new_people.items()
            if name in old.people and role and role != old.people[name]]
    out += set_changes("Agenda item", set(old.agenda), {i.text for i in event.agenda})
    out += set_changes("Timeline entry", set(old.timeline),
                       {f"{i.date}: {i.text}" for i in event.timeline})
    return tuple(out)
