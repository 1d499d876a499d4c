"""facts.json: the machine-readable brief (schema `briefing.facts/1`, see the eval README)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

from briefing import __version__
from briefing.types import Article, Event, Item, Participant, Span

SCHEMA = "briefing.facts/1"


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def source(span: Span) -> dict[str, Any]:
    return {"article": span.article, "start": span.start, "end": span.end}


def article(a: Article, event_id: str) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "source": a.source,
            "dateline_place": a.dateline_place, "published": day(a.published),
            "published_text": a.published_text, "published_inferred": a.published_inferred,
            "also_in": list(a.also_in), "event": event_id}


def copies(a: Article, event_id: str) -> list[dict[str, Any]]:
    """Return an entry for each syndicated copy of `a`: a report of the same event, its text
    merged into `a` at ingest."""
    return [{"id": c, "copy_of": a.id, "event": event_id} for c in a.copies]


def person(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "aliases": list(p.aliases), "role": p.role, "country": p.country,
            "sources": [source(s) for s in p.sources]}


def item(i: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"text": i.text, "sources": [source(s) for s in i.sources]}
    for key in ("date", "speaker", "value"):
        if getattr(i, key):
            out[key] = getattr(i, key)
    return out


def event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "title": e.title, "kind": e.kind, "start": day(e.start), "end": day(e.end),
        "location": e.location, "format": e.format, "status": e.status,
        "articles": [i for a in e.articles for i in (a.id, *a.copies)],  # copies report it too
        "participants": [person(p) for p in e.participants],
        "mentioned": [person(p) for p in e.mentioned],
        "agenda": [item(i) for i in e.agenda], "timeline": [item(i) for i in e.timeline],
        "context": [item(i) for i in e.context], "quotes": [item(i) for i in e.quotes],
        "figures": [item(i) for i in e.figures],
        "discrepancies": [{"about": d.about, "note": d.note, "values": [
            {"value": v.value, "sources": [source(s) for s in v.sources]} for v in d.values]}
            for d in e.discrepancies],
        "related": list(e.related), "notes": list(e.notes),
    }


def facts_json(events: Sequence[Event], *, generated: dt.datetime) -> str:
    """Return the facts document for a run's events as indented JSON text (stable key order)."""
    return "".join(facts_pieces(events, generated=generated))


def facts_pieces(events: Sequence[Event], *, generated: dt.datetime) -> Iterator[str]:
    """Yield the text of `facts_json` piece by piece, one article or event at a time, so a
    corpus's document is never whole in memory (the text is the same as one json.dumps)."""
    head = {"schema": SCHEMA, "generator": f"briefing {__version__}",
            "generated": generated.isoformat(timespec="seconds")}
    yield json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ",\n"
    yield from _list("articles", (entry for e in events for a in e.articles
                                  for entry in (article(a, e.id), *copies(a, e.id))))
    yield ",\n"
    yield from _list("events", (event(e) for e in events))
    yield "\n}\n"


def _list(key: str, values: Iterator[dict[str, Any]]) -> Iterator[str]:
    """Yield `"key": [...]` as json.dumps(indent=2) writes it one level down, value by value
    (JSON strings hold no raw newline, so indenting every line indents the value)."""
    yield f'  "{key}": ['
    first = True
    for value in values:
        text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + text
        first = False
    yield "]" if first else "\n  ]"
