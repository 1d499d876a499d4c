"""Plain text and Markdown articles, with optional YAML front matter."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from briefing.ingest.article import Meta, build_article
from briefing.ingest.dates import parse_stated
from briefing.ingest.decode import decode
from briefing.ingest.errors import Skipped
from briefing.ingest.source import Context, Input
from briefing.types import Article

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_OUTLET_KEYS = ("outlet", "source", "publisher", "site", "sitename")


def read_text(item: Input, ctx: Context) -> list[Article]:
    """Return the one article in a .txt/.md input; raises Skipped for unreadable input."""
    text, note = decode(item.data)
    if note:
        ctx.warn(f"{item.name}: {note}")
    meta, body = front_matter(text.replace("\r\n", "\n"), item.name)
    if item.suffix in (".md", ".markdown"):
        body = re.sub(r"^#{1,6}\s+", "", body.lstrip(), count=1)  # the leading "# Headline"
    return [build_article(item.stem, body, source=item.name, meta=meta)]


def front_matter(text: str, name: str) -> tuple[Meta, str]:
    """Return (metadata, body) of a text with optional YAML front matter.

    Raises Skipped when the front matter is not valid YAML or not a mapping.
    """
    match = _FRONT.match(text.lstrip("\ufeff"))
    if not match:
        return Meta(), text
    try:
        fields = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise Skipped(f"front matter is not valid YAML ({_yaml_reason(err)})") from err
    if not isinstance(fields, dict):
        raise Skipped("front matter must be a YAML mapping (key: value lines)")
    return _meta(fields), text[match.end() :]


def _meta(fields: dict) -> Meta:
    outlet = next((k for k in _OUTLET_KEYS if fields.get(k)), None)
    date_key = "date" if fields.get("date") else "published"
    published, written = _date(_scalar(fields, date_key))
    return Meta(title=_str(_scalar(fields, "title")), outlet=_str(_scalar(fields, outlet)),
                url=_str(_scalar(fields, "url")), published=published, published_text=written)


def _scalar(fields: dict, key: str | None) -> object:
    """Return the value of `key`; raises Skipped for a list or mapping.

    Only scalars are turned into text: YAML aliases make a small file hold a list whose text
    is billions of characters long (the "billion laughs" attack).
    """
    value = fields.get(key) if key else None
    if isinstance(value, list | dict | set):
        kind = "a list" if isinstance(value, list | set) else "a mapping"
        raise Skipped(f"front matter field '{key}' must be a single value, found {kind}")
    return value


def _date(value: object) -> tuple[dt.date | None, str | None]:
    """Return (date, as written) for a front-matter date (YAML may already have parsed it)."""
    if isinstance(value, dt.datetime):
        return value.date(), value.isoformat()
    if isinstance(value, dt.date):
        return value, value.isoformat()
    stated = parse_stated(str(value)) if value else None
    return (stated.date, stated.text) if stated else (None, None)


def _str(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def _yaml_reason(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or "syntax error"
    return f"line {mark.line + 2}: {problem}" if mark else problem
