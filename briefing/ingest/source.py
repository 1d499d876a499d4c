"""One input as read: its bytes, its name for messages and ids, and how to warn about it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from briefing.types import Article, slug


@dataclass(frozen=True)
class Input:
    """The bytes of one file, URL or stdin, with the name shown in messages and ids."""

    name: str  # the path or URL, shown in messages and kept as Article.source
    stem: str  # the base of article ids
    data: bytes
    suffix: str = ""  # lower-case extension with the dot, "" when unknown
    url: str | None = None
    content_type: str = ""
    etag: str | None = None  # the validators a URL was served with, for the next poll
    last_modified: str | None = None


class Polls(Protocol):
    """What earlier runs fetched (briefing.ingest.poll.PollState)."""

    def poll(self, url: str, fetch: Callable[..., Input]) -> Input: ...
    def seen(self, link: str) -> Article | None: ...
    def remember(self, link: str, feed: str, article: Article) -> None: ...


@dataclass(frozen=True)
class Context:
    """What readers need from the caller: a warning sink, a page fetcher, what was polled before."""

    warn: Callable[[str], None]
    fetch: Callable[..., Input]  # fetch(url, headers=None, deadline=None); raises FetchError
    max_bytes: int
    state: Polls
    deadline: float | None = None  # time.monotonic() instant ending the run's network work
    feed_seconds: float | None = None  # the most one feed's item pages may take


def url_id(url: str) -> str:
    """Return a stable id for a URL: a slug of its last path part or host, plus a short hash."""
    parts = urlsplit(url)
    tail = [p for p in parts.path.split("/") if p]
    name = re.sub(r"\.\w{2,5}$", "", tail[-1]) if tail else parts.hostname or "page"
    return f"{slug(name, 40)}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"
