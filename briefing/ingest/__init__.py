"""Ingest: read files, folders, globs, stdin and URLs into cleaned `Article`s.

`read_articles` is the stage's one entry point. A bad input is reported with one line through
`warn` and skipped; only a usage error (an input that does not exist) raises IngestError.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TextIO

from briefing.ingest.dispatch import read_one
from briefing.ingest.errors import IngestError, Skipped
from briefing.ingest.fetch import FEED_SECONDS, RUN_SECONDS, fetch
from briefing.ingest.furniture import Removal, repeated, tidy
from briefing.ingest.inputs import expand, load
from briefing.ingest.poll import PollState
from briefing.ingest.source import Context
from briefing.ingest.syndication import merge_copies
from briefing.types import MAX_ARTICLES, MAX_BYTES, MAX_CHARS, Article, unique

__all__ = ["MAX_ARTICLES", "MAX_BYTES", "MAX_CHARS", "IngestError", "Skipped",
           "PollState", "read_articles"]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _silent(message: str) -> None:
    """The default `say`: what was removed from the articles is told only when asked."""


def read_articles(inputs: Sequence[str], *, warn: Callable[[str], None] = _stderr,
                  max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS,
                  max_articles: int | None = MAX_ARTICLES, stdin: TextIO | None = None,
                  timeout: float = 10.0, polls: PollState | None = None,
                  say: Callable[[str], None] = _silent, feed_seconds: float = FEED_SECONDS,
                  run_seconds: float = RUN_SECONDS) -> list[Article]:
    """Return the articles of `inputs` (files, folders, globs, "-" for stdin, http(s) URLs).

    Order is stable: inputs as given, files sorted within a folder. Copies of the same story
    are merged (`also_in`). Page furniture (share bars, photo credits, links to other
    stories, sign-up prompts, lines an outlet prints in all its articles) is removed, each
    piece told through `say` with the article and the reason (see `ingest.furniture`). A file
    over `max_bytes` or an article over `max_chars` is skipped with a warning; reading stops
    with a warning after `max_articles` (None: no limit).
    With `polls`, what earlier runs fetched (see `ingest.poll`), URLs are polled: asked for
    only if changed since then, and a feed item's page is fetched only once; without it every
    run fetches everything. `polls` is updated with what this run fetched. Each request takes
    at most `timeout` seconds, a feed's item pages (fetched a few at a time) `feed_seconds`
    together, and the run's network work `run_seconds`: what is left when one runs out is
    skipped and reported. Raises IngestError when an input does not exist.
    """
    fetcher = functools.partial(fetch, timeout=timeout, max_bytes=max_bytes)
    state = polls if polls is not None else PollState()
    ctx = Context(warn=warn, fetch=fetcher, max_bytes=max_bytes, state=state,
                  deadline=time.monotonic() + run_seconds, feed_seconds=feed_seconds)
    articles: list[Article] = []
    for entry in expand(inputs, warn):
        if max_articles is not None and len(articles) >= max_articles:
            warn(f"stopped after {max_articles} articles (max_articles); {entry} and later "
                 "inputs not read")
            break
        articles.extend(_within(_read(entry, ctx, stdin), entry, max_chars, warn))
    if max_articles is not None and len(articles) > max_articles:
        warn(f"stopped after {max_articles} articles (max_articles); "
             f"{len(articles) - max_articles} more in {articles[max_articles].source} not read")
    articles, removed = tidy(_unique_ids(articles[:max_articles]))
    articles, shared = repeated(merge_copies(articles))
    for removal in removed + shared:
        say(_told(removal))
    return articles


def _told(removal: Removal) -> str:
    """Return the log line of one removal: "<article id>: dropped <reason>: <text>"."""
    return f"{removal.article}: dropped {removal.reason}: {removal.text}"


def _read(entry: str, ctx: Context, stdin: TextIO | None) -> list[Article]:
    """Return the articles of one file, URL or stdin; [] after warning when it is unreadable."""
    try:
        return read_one(load(entry, ctx, stdin), ctx)
    except Skipped as err:
        ctx.warn(f"skipped {entry}: {err}")
        return []
    except Exception as err:  # noqa: BLE001 (a parser's surprise must not end the run)
        ctx.warn(f"skipped {entry}: could not be read ({type(err).__name__}: {err})")
        return []


def _within(articles: list[Article], entry: str, max_chars: int,
            warn: Callable[[str], None]) -> list[Article]:
    """Return the articles no longer than `max_chars`, warning about each one left out."""
    kept = []
    for article in articles:
        if len(article.text) <= max_chars:
            kept.append(article)
            continue
        which = entry if article.source == entry else f"{entry} ({article.id})"
        warn(f"skipped {which}: the text is {len(article.text):,} characters, more than the "
             f"{max_chars:,}-character limit (max_chars); split it into smaller files")
    return kept


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Return `articles` with repeated ids (same file name in two folders) made unique."""
    seen: set[str] = set()
    return [a if (new := unique(a.id, seen)) == a.id else replace(a, id=new) for a in articles]
