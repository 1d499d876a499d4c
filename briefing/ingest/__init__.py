"""Ingest: read files, folders, globs, stdin and URLs into cleaned `Article`s.

`read_articles` is the stage's one entry point. A bad input is reported with one line through
`warn` and skipped; only a usage error (an input that does not exist) raises IngestError.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TextIO

from briefing.ingest.dispatch import read_one
from briefing.ingest.errors import IngestError, Skipped
from briefing.ingest.fetch import fetch
from briefing.ingest.inputs import expand, load
from briefing.ingest.source import Context
from briefing.ingest.syndication import merge_copies
from briefing.types import Article

__all__ = ["IngestError", "Skipped", "read_articles"]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def read_articles(inputs: Sequence[str], *, warn: Callable[[str], None] = _stderr,
                  max_bytes: int = 20_000_000, max_articles: int | None = None,
                  stdin: TextIO | None = None, timeout: float = 10.0) -> list[Article]:
    """Return the articles of `inputs` (files, folders, globs, "-" for stdin, http(s) URLs).

    Order is stable: inputs as given, files sorted within a folder. Copies of the same story
    are merged (`also_in`). Raises IngestError when an input does not exist.
    """
    fetcher = functools.partial(fetch, timeout=timeout, max_bytes=max_bytes)
    ctx = Context(warn=warn, fetch=fetcher, max_bytes=max_bytes)
    articles: list[Article] = []
    for entry in expand(inputs, warn):
        if max_articles is not None and len(articles) >= max_articles:
            warn(f"stopped after {max_articles} articles (max_articles); later inputs not read")
            break
        articles.extend(_read(entry, ctx, stdin))
    return merge_copies(_unique_ids(articles[:max_articles]))


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


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Return `articles` with repeated ids (same file name in two folders) made unique."""
    seen: set[str] = set()
    out = []
    for article in articles:
        new, n = article.id, 1
        while new in seen:
            n += 1
            new = f"{article.id}-{n}"
        seen.add(new)
        out.append(article if new == article.id else replace(article, id=new))
    return out
