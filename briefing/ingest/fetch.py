"""Fetching a page or feed over http(s): a timeout, a size limit, a few redirects, nothing else.

The timeout bounds the whole request, from connecting to the last byte of the body: a
watchdog shuts the connection's socket when it runs out, so a server that sends its headers
or its body a byte at a time cannot hold a run for longer (the socket's own timeout only
bounds each wait). A `deadline` (a time.monotonic() instant: the feed's or the run's) can
end it sooner.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from urllib.parse import urlsplit

from briefing.ingest.source import Input, url_id

MAX_REDIRECTS = 5
FEED_SECONDS = 30.0  # the most a feed's item pages may take, together
RUN_SECONDS = 60.0  # the most a run's network work may take, every feed and page together
PAGES_AT_ONCE = 4  # item pages of a feed fetched at the same time
_TOO_LONG = "the response took too long (the timeout covers the whole request and body)"
_CHUNK = 65_536
_USER_AGENT = "briefing/0.1 (+news brief generator)"


class FetchError(Exception):
    """A URL could not be fetched; the message says why."""


class NotModified(FetchError):
    """The server answered a conditional request with 304: the copy already held is current."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 (urllib hook)
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirected to {newurl}, which is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_url(text: str) -> bool:
    """True when `text` is an http or https URL."""
    return urlsplit(text).scheme in ("http", "https") and bool(urlsplit(text).netloc)


class _Watchdog:
    """Shuts every socket a request opened once `end` (a monotonic instant) has passed."""

    def __init__(self, end: float) -> None:
        self.end, self.expired = end, False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(end - time.monotonic(), 0.0), self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _watched(base: type[http.client.HTTPConnection], dog: _Watchdog):
    """Return a connection class like `base` whose sockets `dog` watches."""
    class Watched(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            super().connect()
            dog.watch(self.sock)
    return Watched


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, dog: _Watchdog) -> None:
        super().__init__()
        self.dog = dog

    def http_open(self, req):
        return self.do_open(_watched(http.client.HTTPConnection, self.dog), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, dog: _Watchdog) -> None:
        super().__init__()
        self.dog = dog

    def https_open(self, req):
        return self.do_open(_watched(http.client.HTTPSConnection, self.dog), req,
                            context=self._context, check_hostname=self._check_hostname)


def fetch(url: str, *, timeout: float, max_bytes: int,
          headers: Mapping[str, str] | None = None, deadline: float | None = None) -> Input:
    """Return the body of `url` as an Input, with the ETag and Last-Modified it was served with.

    `headers` are sent as well (If-None-Match, If-Modified-Since). `timeout` seconds bound the
    whole request; `deadline` (a time.monotonic() instant) ends it sooner. Raises NotModified
    on a 304 answer, FetchError (bad scheme, HTTP error, too big, too slow) otherwise.
    """
    if not is_url(url):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    end = time.monotonic() + timeout if deadline is None else min(deadline,
                                                                 time.monotonic() + timeout)
    if end <= time.monotonic():
        raise FetchError("not fetched: its deadline had passed")
    request = urllib.request.Request(url, headers={**(headers or {}), "User-Agent": _USER_AGENT})
    with _Watchdog(end) as dog:
        opener = urllib.request.build_opener(_HTTP(dog), _HTTPS(dog), _Redirects)
        try:
            with opener.open(request, timeout=max(end - time.monotonic(), 0.001)) as response:
                data = _read_limited(response, max_bytes, deadline=end)
                final, answer = response.geturl(), response.headers
        except urllib.error.HTTPError as err:
            if err.code == 304:
                raise NotModified(f"HTTP 304 {err.reason}") from err
            raise FetchError(f"HTTP {err.code} {err.reason}") from err
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
            if dog.expired or time.monotonic() >= end:
                raise FetchError(_TOO_LONG) from err
            raise FetchError(f"could not fetch ({getattr(err, 'reason', err)})") from err
    if dog.expired and len(data) <= max_bytes:
        raise FetchError(_TOO_LONG)
    if len(data) > max_bytes:
        raise FetchError(f"larger than the {max_bytes}-byte limit")
    return Input(name=url, stem=url_id(url), data=data, suffix=_suffix(final), url=final,
                 content_type=answer.get_content_type(), etag=answer.get("ETag"),
                 last_modified=answer.get("Last-Modified"))


def _read_limited(response, max_bytes: int, *, deadline: float) -> bytes:
    """Return at most `max_bytes` + 1 bytes of the body; raises FetchError after `deadline`.

    The socket timeout bounds each wait; the deadline bounds the whole body, so a server
    trickling a byte at a time cannot hold the run.
    """
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise FetchError(_TOO_LONG)
    return b"".join(chunks)


def _suffix(url: str) -> str:
    path = urlsplit(url).path
    last = path.rsplit("/", 1)[-1]
    return "." + last.rsplit(".", 1)[-1].lower() if "." in last else ""
