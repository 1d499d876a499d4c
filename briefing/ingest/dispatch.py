"""Which reader handles an input: by extension, by content type, or by sniffing its first bytes.

The HTML, feed and Word readers import heavy libraries (trafilatura, feedparser, python-docx);
they are imported when the first such input arrives, so plain-text and JSON runs start faster.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from briefing.ingest.newsjson import read_json, read_jsonl
from briefing.ingest.source import Context, Input
from briefing.ingest.text import read_text
from briefing.types import Article

Reader = Callable[[Input, Context], list[Article]]


def _on_first_use(module: str, name: str) -> Reader:
    """Return a reader that imports `briefing.ingest.<module>` when first called."""
    def reader(item: Input, ctx: Context) -> list[Article]:
        return getattr(importlib.import_module(f"briefing.ingest.{module}"), name)(item, ctx)
    reader.__name__ = name
    return reader


read_docx = _on_first_use("docx", "read_docx")
read_feed = _on_first_use("feeds", "read_feed")
read_html = _on_first_use("html", "read_html")

BY_SUFFIX: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text, ".markdown": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".docx": read_docx, ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
}
BY_CONTENT_TYPE: dict[str, Reader] = {
    "application/rss+xml": read_feed, "application/atom+xml": read_feed,
    "application/rdf+xml": read_feed, "application/xml": read_feed, "text/xml": read_feed,
    "text/html": read_html, "application/xhtml+xml": read_html,
    "application/json": read_json, "application/x-ndjson": read_jsonl, "text/plain": read_text,
}


def read_one(item: Input, ctx: Context) -> list[Article]:
    """Return the articles of one input; raises Skipped when it cannot be read."""
    return choose(item)(item, ctx)


def choose(item: Input) -> Reader:
    """Return the reader for `item`: a URL's content type first, then extension, then content."""
    if item.url and item.content_type in BY_CONTENT_TYPE and item.content_type != "text/plain":
        return BY_CONTENT_TYPE[item.content_type]
    return BY_SUFFIX.get(item.suffix) or sniff(item.data)


def sniff(data: bytes) -> Reader:
    """Return the reader that the first bytes suggest (zip, feed, HTML, JSON), else plain text."""
    if data.startswith(b"PK\x03\x04"):
        return read_docx
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return read_feed
    if re.match(rb"(<\?xml[^>]*>\s*)?(<!doctype html|<html|<head|<body)", head):
        return read_html
    if head.startswith((b"{", b"[")):
        lines = [ln for ln in data.splitlines() if ln.strip()]
        many = len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:5])
        return read_jsonl if many and not head.startswith(b"[") else read_json
    return read_text
