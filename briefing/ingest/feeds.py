"""RSS and Atom feeds: each item becomes an article, from its linked page when it can be fetched.

A linked page is fetched once: later polls reuse the article read from it (see `poll`).
The pages are fetched a few at a time (PAGES_AT_ONCE), all within the feed's deadline
(`Context.feed_seconds`) and the run's (`Context.deadline`): an item whose page is not
fetched in time is read from the feed's summary, and one line says how many were.

The feed is checked with defusedxml first: entity declarations (the "billion laughs" attack)
are refused, never expanded.
"""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
import feedparser
import lxml.html
from defusedxml import DefusedXmlException

from briefing.ingest.article import Meta, build_article
from briefing.ingest.decode import decode
from briefing.ingest.errors import Skipped
from briefing.ingest.fetch import PAGES_AT_ONCE, FetchError, is_url
from briefing.ingest.html import page_article
from briefing.ingest.source import Context, Input
from briefing.types import Article, slug, unique


def read_feed(item: Input, ctx: Context) -> list[Article]:
    """Return one article per feed item; raises Skipped for an unsafe or unreadable feed."""
    refuse_entities(item.data)
    feed = feedparser.parse(item.data, sanitize_html=True, resolve_relative_uris=False)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise Skipped(f"not a readable RSS/Atom feed, or a feed without items{reason}")
    outlet = feed.feed.get("title") or None
    ids: set[str] = set()
    pages = fetch_pages([e.get("link") or "" for e in feed.entries], ctx)
    articles = [a for n, e in enumerate(feed.entries, 1)
                if (a := _item(e, n, item, ctx, outlet, ids, pages))]
    late = [link for link, page in pages.items() if isinstance(page, Late)]
    if late:
        ctx.warn(f"{item.name}: {len(late)} item pages not fetched within the deadline "
                 f"({_limits(ctx)}); their feed summaries are used: {_some(late)}")
    return articles


class Late(FetchError):
    """A page not fetched because the feed's or the run's deadline came first."""


def fetch_pages(links: list[str], ctx: Context) -> dict[str, Input | FetchError]:
    """Return the page (or why there is none) of each http(s) link not read on an earlier
    poll, fetched PAGES_AT_ONCE at a time; every fetch ends by the feed's deadline."""
    wanted = list(dict.fromkeys(k for k in links if is_url(k) and ctx.state.seen(k) is None))
    if not wanted:
        return {}
    end = _feed_end(ctx)
    with ThreadPoolExecutor(PAGES_AT_ONCE, thread_name_prefix="briefing-page") as pool:
        futures = {link: pool.submit(_page, link, end, ctx) for link in wanted}
    return {link: future.result() for link, future in futures.items()}


def _feed_end(ctx: Context) -> float | None:
    ends = [e for e in (ctx.deadline, ctx.feed_seconds and time.monotonic() + ctx.feed_seconds)
            if e]
    return min(ends) if ends else None


def _page(link: str, end: float | None, ctx: Context) -> Input | FetchError:
    if end is not None and time.monotonic() >= end:
        return Late("not fetched: the deadline had passed")
    try:
        return ctx.fetch(link, deadline=end)
    except FetchError as err:
        late = end is not None and time.monotonic() >= end
        return Late(str(err)) if late else err


def _limits(ctx: Context) -> str:
    parts = [f"{ctx.feed_seconds:g} s a feed" if ctx.feed_seconds else "",
             "the run's network deadline" if ctx.deadline else ""]
    return ", ".join(p for p in parts if p)


def _some(links: list[str], most: int = 3) -> str:
    return ", ".join(links[:most]) + (f" and {len(links) - most} more" if len(links) > most else "")


def refuse_entities(data: bytes) -> None:
    """Raise Skipped when the XML declares entities (which could expand without bound)."""
    try:
        safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise Skipped("the feed declares XML entities, which are refused "
                      f"(a possible entity-expansion attack): {err}") from err
    except ParseError as err:
        if b"<!entity" in data.replace(b"\x00", b"").lower():  # also in UTF-16 and UTF-32
            raise Skipped("the feed declares XML entities, which are refused") from err


def _item(entry, n: int, item: Input, ctx: Context, outlet: str | None,
          ids: set[str], pages: dict[str, Input | FetchError]) -> Article | None:
    """Return the article of one feed item, or None (warned about) when it has no text."""
    article_id = unique(f"{item.stem}-{slug(entry.get('title') or str(n), 40)}", ids)
    meta = _meta(entry, outlet)
    link = entry.get("link") or ""
    try:
        if is_url(link):
            return _linked(entry, link, article_id, meta, item.name, ctx, pages)
        return build_article(article_id, summary_text(entry), source=link or f"{item.name}#{n}",
                             meta=meta)
    except Skipped as err:
        ctx.warn(f"skipped {item.name} item {n}: {err}")
        return None


def _linked(entry, link: str, article_id: str, meta: Meta, feed: str, ctx: Context,
            pages: dict[str, Input | FetchError]) -> Article:
    """Return the article of an item linking to an http(s) page: the one read from that page on
    an earlier poll, else the page fetched now (`pages`), else the feed's summary (warned
    about, unless the deadline came first: `read_feed` says so once for the feed).

    Raises Skipped when neither page nor summary has text.
    """
    known = ctx.state.seen(link)
    if known is not None:
        return replace(known, id=article_id)
    fetched = pages.get(link) or Late("not fetched")
    if isinstance(fetched, Late):  # not remembered: tried again on the next poll
        return build_article(article_id, summary_text(entry), source=link, meta=meta)
    if isinstance(fetched, FetchError):
        return _summary(entry, article_id, meta, link, fetched, ctx)
    try:
        article = page_article(article_id, decode(fetched.data)[0], source=link, url=fetched.url,
                               fallback=meta)
    except Skipped as err:
        article = _summary(entry, article_id, meta, link, err, ctx)
    ctx.state.remember(link, feed, article)
    return article


def _summary(entry, article_id: str, meta: Meta, link: str, why: Exception,
             ctx: Context) -> Article:
    """Return the article of the item's summary, warning why its page at `link` is not used."""
    ctx.warn(f"{link}: {why}; using the feed's summary instead")
    return build_article(article_id, summary_text(entry), source=link, meta=meta)


def summary_text(entry) -> str:
    """Return the item's summary or content as plain text (paragraphs kept)."""
    parts = entry.get("content") or []
    html = parts[0].get("value") if parts else entry.get("summary") or ""
    if not html.strip():
        return ""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    blocks = root.xpath("//p | //li | //h1 | //h2 | //h3 | //blockquote")
    texts = [b.text_content() for b in blocks] or [root.text_content()]
    return "\n\n".join(t.strip() for t in texts if t.strip())


def _meta(entry, outlet: str | None) -> Meta:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*stamp[:3]) if stamp else None
    written = entry.get("published") or entry.get("updated")
    return Meta(title=entry.get("title") or None, outlet=outlet, url=entry.get("link") or None,
                published=published, published_text=written)


