"""Web pages: trafilatura finds the main text and metadata, htmldate the publication date."""

from __future__ import annotations

import datetime as dt

import htmldate
import trafilatura

from briefing.ingest.article import Meta, build_article
from briefing.ingest.decode import decode
from briefing.ingest.errors import Skipped
from briefing.ingest.source import Context, Input
from briefing.types import Article


def read_html(item: Input, ctx: Context) -> list[Article]:
    """Return the article of an HTML page; raises Skipped when it has no main text."""
    html, note = decode(item.data)
    if note:
        ctx.warn(f"{item.name}: {note}")
    return [page_article(item.stem, html, source=item.name, url=item.url)]


def page_article(article_id: str, html: str, *, source: str, url: str | None = None,
                 fallback: Meta | None = None) -> Article:
    """Return the Article trafilatura extracts from `html`; `fallback` fills missing metadata.

    Raises Skipped when the page has no main text.
    """
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise Skipped("no article text found in the page (only scripts, menus or markup)")
    fallback = fallback or Meta()
    published = _published(html, url) or fallback.published
    meta = Meta(title=doc.title or fallback.title, outlet=doc.sitename or fallback.outlet,
                url=url or doc.url, published=published,
                published_text=published.isoformat() if published else None)
    return build_article(article_id, doc.text, source=source, meta=meta)


def _published(html: str, url: str | None) -> dt.date | None:
    """Return the date the page's metadata or URL states (no guessing from the body text)."""
    found = htmldate.find_date(html, url=url, extensive_search=False, original_date=True)
    return dt.date.fromisoformat(found) if found else None
