"""What earlier runs fetched, so that feeds are polled, not downloaded again and again.

Every URL given as input (a feed or a page) is requested with the ETag and Last-Modified it
was last served with (If-None-Match, If-Modified-Since). On "304 Not Modified" the body kept
from the last poll is read again, so an unchanged feed still yields every one of its articles.
Every http(s) page a feed item links to is fetched once: the article read from it is kept,
keyed by the link, and reused by later polls without a request; a page that could not be
fetched is tried again next time. The state is one JSON file (`out/.cache/feeds.json`, see
FEED_STATE) written atomically at the end of a run. It keeps only what that run used (plus
the items of a feed that could not be fetched this time), so it never outgrows the current
feeds. An unreadable or corrupt file is replaced, with a warning; a change to ingest's code
drops the kept articles, since they would now be read differently.
"""

from __future__ import annotations

import base64
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.ingest.fetch import FetchError, NotModified
from briefing.ingest.source import Input
from briefing.store import dataclass_json as codec
from briefing.store.atomic import write_atomic
from briefing.store.manifest import tool_fingerprint
from briefing.types import Article

FEED_STATE = Path(".cache") / "feeds.json"  # under the output folder
FORMAT = 1
_READERS = ("ingest", "knowledge", "types.py")  # the code a kept article was read with
_KEPT_FIELDS = ("stem", "suffix", "url", "content_type", "etag", "last_modified")


class PollState:
    """The validators and body of each URL input, and the article read from each item link."""

    def __init__(self, path: Path | None, *, warn: Callable[[str], None],
                 salt: str | None = None) -> None:
        """Load the state at `path` (None: keep it in memory for this run only); `salt` names
        the code kept articles were read with (default: a fingerprint of ingest's code)."""
        self.path, self.warn = path, warn
        self.salt = salt if salt is not None else tool_fingerprint(_READERS) if path else ""
        self.urls: dict[str, Input] = {}
        self.items: dict[str, tuple[str, Article]] = {}  # link -> (feed it came from, article)
        self._polled: set[str] = set()
        self._failed: set[str] = set()
        self._used: set[str] = set()
        if path is not None:
            self._load(path)

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

    def save(self) -> None:
        """Write what this run used, atomically; warns (never raises) when it cannot."""
        if self.path is None:
            return
        urls = {u: _input_json(i) for u, i in self.urls.items() if u in self._polled}
        items = {link: {"feed": feed, "article": json.loads(codec.dumps(article))}
                 for link, (feed, article) in self.items.items()
                 if link in self._used or feed in self._failed}
        if not urls and not items and not self.path.exists():
            return
        data = {"format": FORMAT, "tool": self.salt, "urls": urls, "items": items}
        try:
            write_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False).encode())
        except OSError as err:
            self.warn(f"{self.path}: cannot save the feed state ({err.strerror or err}); the "
                      "next run may fetch feed items again")

    def _load(self, path: Path) -> None:
        """Read the state at `path`; a missing file is an empty state, a bad one is warned of."""
        if not path.exists():
            return
        try:
            raw = json.loads(path.read_bytes())
            if raw.get("format") != FORMAT:
                raise ValueError(f"format {raw.get('format')!r}, expected {FORMAT}")
            self.urls = {url: _input(url, r) for url, r in raw["urls"].items()}
            if raw["tool"] == self.salt:
                self.items = {link: (_str(r["feed"]), _typed(codec.build(Article, r["article"])))
                              for link, r in raw["items"].items()}
        except (OSError, AttributeError, KeyError, TypeError, ValueError) as err:
            self.urls, self.items = {}, {}
            self.warn(f"{path}: the feed state is unreadable ({type(err).__name__}: {err}); "
                      "starting afresh (every feed and item is fetched again), it is rewritten "
                      "at the end of this run")


def _conditional(known: Input | None) -> dict[str, str]:
    """Return the headers asking for the body only when it changed since `known` was fetched."""
    headers = {}
    if known and known.etag:
        headers["If-None-Match"] = known.etag
    if known and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers


def _input_json(item: Input) -> dict[str, Any]:
    kept = {k: getattr(item, k) for k in _KEPT_FIELDS}
    return {**kept, "body": base64.b64encode(item.data).decode("ascii")}


def _input(url: str, raw: dict[str, Any]) -> Input:
    """Return the kept Input of `url`; raises ValueError, KeyError or TypeError when malformed."""
    data = base64.b64decode(_str(raw["body"]), validate=True)
    return _typed(Input(name=url, data=data, **{k: raw[k] for k in _KEPT_FIELDS}))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type(value).__name__}")
    return value


T = typing.TypeVar("T")


def _typed(value: T) -> T:
    """Return the dataclass `value` when every field has the type its hint says; raises TypeError
    (a hand-edited file must not put a number where the pipeline expects text)."""
    for name, hint in typing.get_type_hints(type(value)).items():
        if not _fits(getattr(value, name), hint):
            raise TypeError(f"{type(value).__name__}.{name} is not {hint}")
    return value


def _fits(value: Any, hint: Any) -> bool:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if origin is tuple:
        return isinstance(value, tuple) and all(_fits(v, args[0]) for v in value)
    return isinstance(value, hint)

