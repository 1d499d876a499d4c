"""News-please style JSON (one object or a list) and JSON Lines (one object a line).

Fields read: title, description, maintext or text, date_publish, publisher or source_domain,
url. The `description` is the article's lead: the body starts with it unless the main text
already does.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from rapidfuzz import fuzz

from briefing.ingest.article import Meta, build_article
from briefing.ingest.dates import StatedDate, parse_stated, url_date
from briefing.ingest.decode import decode
from briefing.ingest.errors import Skipped
from briefing.ingest.source import Context, Input
from briefing.types import Article

_STRING_FIELDS = ("title", "description", "maintext", "text", "date_publish", "publisher",
                  "source_domain", "url")
_LEAD_REPEATED = 95  # partial_ratio above which the main text already starts with the lead
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "true/false", type(None): "null"}


def read_json(item: Input, ctx: Context) -> list[Article]:
    """Return the article(s) of a .json input; raises Skipped for invalid JSON or wrong types."""
    data = _loads(decode(item.data)[0])
    if isinstance(data, dict):
        return [record_article(data, item.stem, item.name)]
    if not isinstance(data, list):
        raise Skipped(f"expected a JSON object or array of objects, found {_kind(data)}")
    return _many(enumerate(data, 1), item, ctx, "record")


def read_jsonl(item: Input, ctx: Context) -> list[Article]:
    """Return the articles of a .jsonl input, one per line; bad lines are warned about (a line
    with a NUL byte costs only that line, not the file)."""
    try:
        text = decode(item.data)[0]
    except Skipped as err:
        if b"\0" not in item.data:
            raise
        data, bad = _without_nul_lines(item.data)
        for n in bad:
            ctx.warn(f"skipped {item.name} line {n}: binary data, not text (it contains NUL "
                     "bytes)")
        if not data.strip():
            raise Skipped(f"{err}: every line") from err
        text = decode(data)[0]
    lines = text.splitlines()
    records = ((n, _line(text)) for n, text in enumerate(lines, 1) if text.strip())
    return _many(records, item, ctx, "line")


def _without_nul_lines(data: bytes) -> tuple[bytes, list[int]]:
    """Return `data` with each line holding a NUL byte emptied (the numbering stays), and the
    numbers of those lines."""
    lines = data.split(b"\n")
    bad = [n for n, line in enumerate(lines, 1) if b"\0" in line]
    return b"\n".join(b"" if b"\0" in line else line for line in lines), bad


def record_article(record: object, article_id: str, source: str) -> Article:
    """Return the Article of one news-please record; raises Skipped on missing or wrong fields."""
    if not isinstance(record, dict):
        raise Skipped(f"expected a JSON object, found {_kind(record)}")
    fields = {k: _string(record, k) for k in _STRING_FIELDS}
    body = lead_and_body(fields["description"], fields["maintext"] or fields["text"])
    if not body:
        raise Skipped("no story text (no 'maintext' or 'text' field)")
    stated = parse_stated(fields["date_publish"]) if fields["date_publish"] else None
    meta = Meta(title=fields["title"], outlet=fields["publisher"] or fields["source_domain"],
                url=fields["url"], published=_published(stated, fields["url"]),
                published_text=stated.text if stated else None)
    return build_article(article_id, body, source=source, meta=meta)


def _published(stated: StatedDate | None, url: str | None) -> dt.date | None:
    """Return the stated publication date, else the date in the article's URL."""
    return stated.date if stated and stated.date else url_date(url)


def lead_and_body(lead: str | None, body: str | None) -> str:
    """Return the lead, a blank line and the body; just the body when it already holds the lead."""
    lead, body = (lead or "").strip(), (body or "").strip()
    if not lead or not body:
        return body or lead
    flat_lead, flat_body = _flat(lead), _flat(body)
    if flat_lead in flat_body:
        return body
    if fuzz.partial_ratio(flat_lead, flat_body[: len(flat_lead) + 40]) >= _LEAD_REPEATED:
        return body
    return f"{lead}\n\n{body}"


def _many(records, item: Input, ctx: Context, unit: str) -> list[Article]:
    """Return the articles of numbered records; a bad record is warned about and skipped."""
    articles = []
    for n, record in records:
        try:
            if isinstance(record, Skipped):
                raise record
            articles.append(record_article(record, f"{item.stem}-{n:03d}", f"{item.name}#{n}"))
        except Skipped as err:
            ctx.warn(f"skipped {item.name} {unit} {n}: {err}")
    return articles


def _line(text: str) -> object:
    try:
        return _loads(text)
    except Skipped as err:
        return err


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise Skipped(f"not valid JSON (line {err.lineno}: {err.msg})") from err


def _string(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return (value.strip() or None) if value else None
    raise Skipped(f"field '{key}' must be a string, found {_kind(value)}")


def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()
