"""Fetching a page or feed over http(s): a timeout, a size limit, a few redirects, nothing else."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from urllib.parse import urlsplit

from briefing.ingest.source import Input, url_id

MAX_REDIRECTS = 5
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


def fetch(url: str, *, timeout: float, max_bytes: int,
          headers: Mapping[str, str] | None = None) -> Input:
    """Return the body of `url` as an Input, with the ETag and Last-Modified it was served with.

    `headers` are sent as well (If-None-Match, If-Modified-Since). Raises NotModified on a 304
    answer, FetchError (bad scheme, HTTP error, too big) otherwise.
    """
    if not is_url(url):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    request = urllib.request.Request(url, headers={**(headers or {}), "User-Agent": _USER_AGENT})
    opener = urllib.request.build_opener(_Redirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_limited(response, max_bytes, deadline=time.monotonic() + timeout)
            final, answer = response.geturl(), response.headers
    except urllib.error.HTTPError as err:
        if err.code == 304:
            raise NotModified(f"HTTP 304 {err.reason}") from err
        raise FetchError(f"HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        raise FetchError(f"could not fetch ({getattr(err, 'reason', err)})") from err
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
            raise FetchError("the response took too long (the timeout covers the whole body)")
    return b"".join(chunks)


def _suffix(url: str) -> str:
    path = urlsplit(url).path
    last = path.rsplit("/", 1)[-1]
    return "." + last.rsplit(".", 1)[-1].lower() if "." in last else ""
