"""What earlier runs fetched, so that feeds are polled, not downloaded again and again.

Every URL given as input (a feed or a page) is requested with the ETag and Last-Modified it
was last served with (If-None-Match, If-Modified-Since). On "304 Not Modified" the body kept
from the last poll is read again, so an unchanged feed still yields every one of its articles.
Every http(s) page a feed item links to is fetched once: the article read from it is kept,
keyed by the link, and reused by later polls without a request; a page that could not be
fetched is tried again next time. `PollState` is that memory for one run; it is read from and
saved to the output folder by `briefing.store.feed_state`, which keeps only what `used` returns,
so the state never outgrows the current feeds.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.ingest.fetch import FetchError, NotModified
from briefing.ingest.source import Input
from briefing.types import Article


class PollState:
    """The validators and body of each URL input, and the article read from each item link."""

    def __init__(self, urls: dict[str, Input] | None = None,
                 items: dict[str, tuple[str, Article]] | None = None) -> None:
        """Start from what earlier runs kept (nothing: every URL and item is fetched)."""
        self.urls: dict[str, Input] = dict(urls or {})
        self.items: dict[str, tuple[str, Article]] = dict(items or {})  # link -> (feed, article)
        self._polled: set[str] = set()
        self._failed: set[str] = set()
        self._used: set[str] = set()

    def poll(self, url: str, fetch: Callable[..., Input]) -> Input:
        """Return the body of `url`: fetched now, or the copy kept when the server answers 304.

        Raises FetchError when it cannot be fetched.
        """
        self._polled.add(url)
        known = self.urls.get(url)
        try:
            fetched = fetch(url, headers=_conditional(known))
        except NotModified:
            if known is None:
                raise
            return known
        except FetchError:
            self._failed.add(url)
            raise
        if fetched.etag or fetched.last_modified:
            self.urls[url] = fetched
        else:
            self.urls.pop(url, None)  # nothing to ask "has it changed?" with next time
        return fetched

    def seen(self, link: str) -> Article | None:
        """Return the article read from `link` on an earlier poll, or None."""
        known = self.items.get(link)
        if known is None:
            return None
        self._used.add(link)
        return known[1]

    def remember(self, link: str, feed: str, article: Article) -> None:
        """Keep `article` as what `link`, an item of `feed`, reads as."""
        self.items[link] = (feed, article)
        self._used.add(link)

    def used(self) -> tuple[dict[str, Input], dict[str, tuple[str, Article]]]:
        """Return what is worth keeping for the next run: the URLs polled this run, and the
        items this run used (plus those of a feed that could not be fetched this time)."""
        urls = {u: i for u, i in self.urls.items() if u in self._polled}
        items = {link: (feed, article) for link, (feed, article) in self.items.items()
                 if link in self._used or feed in self._failed}
        return urls, items


def _conditional(known: Input | None) -> dict[str, str]:
    """Return the headers asking for the body only when it changed since `known` was fetched."""
    headers = {}
    if known and known.etag:
        headers["If-None-Match"] = known.etag
    if known and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers
