"""Network deadlines: a feed's item pages are fetched a few at a time within the feed's
deadline, URL inputs within the run's, and a server sending its headers a byte at a time is
cut off by the request's own timeout. All on 127.0.0.1 (tests/localserver.py)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.ingest import read_articles
from briefing.ingest.fetch import PAGES_AT_ONCE, FetchError, fetch
from tests.localserver import serve

SUMMARY = "Ministers met in Oslo on Monday to discuss fishing rights and quotas, officials said."


def feed(base: str, items: int, prefix: str = "/page") -> bytes:
    entries = "".join(f"<item><title>Item {n}</title><link>{base}{prefix}/{n}</link>"
                      f"<description>{SUMMARY} Item {n}.</description></item>"
                      for n in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}'
            "</channel></rss>").encode()


class Hanging:
    """Answers /feed* with a feed of hanging pages; every /page waits until `stop`; counts
    the page requests and the most under way at once."""

    def __init__(self, items: int = 20) -> None:
        self.items, self.stop = items, threading.Event()
        self.pages = self.now = self.most = 0
        self.lock = threading.Lock()
        self.base = ""

    def __call__(self, path: str, headers: dict[str, str]):
        if path.startswith("/feed"):
            return 200, {"Content-Type": "application/rss+xml"}, feed(self.base, self.items,
                                                                     f"/page{path[5:]}")
        with self.lock:
            self.pages += 1
            self.now += 1
            self.most = max(self.most, self.now)
        self.stop.wait(30)
        with self.lock:
            self.now -= 1
        return 200, {"Content-Type": "text/html"}, b"<html><body><p>late</p></body></html>"


@pytest.fixture()
def hanging():
    answer = Hanging()
    with serve(answer) as base:
        answer.base = base
        yield answer
        answer.stop.set()


def test_hardening_deadlines_feed_of_hanging_pages_uses_summaries(hanging):
    warnings: list[str] = []
    articles = read_articles([f"{hanging.base}/feed"], warn=warnings.append, timeout=30,
                             feed_seconds=1)
    assert len(articles) == 20 and all(a.text.startswith("Ministers met in Oslo") for a in articles)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{hanging.base}/feed: 20 item pages not fetched within the "
                                  "deadline (1 s a feed, the run's network deadline); their feed "
                                  f"summaries are used: {hanging.base}/page/0, ")
    assert warnings[0].endswith(" and 17 more")
    assert hanging.most == PAGES_AT_ONCE  # a few at a time, and no page after the deadline
    assert hanging.pages == PAGES_AT_ONCE


def test_hardening_deadlines_run_deadline_skips_the_feeds_left(hanging):
    warnings: list[str] = []
    articles = read_articles([f"{hanging.base}/feed", f"{hanging.base}/feed-2"],
                             warn=warnings.append, timeout=30, feed_seconds=30, run_seconds=1)
    assert len(articles) == 20
    assert warnings[0].startswith(f"{hanging.base}/feed: 20 item pages not fetched within the "
                                  "deadline (30 s a feed, the run's network deadline)")
    assert warnings[1] == (f"skipped {hanging.base}/feed-2: not fetched: the run's network "
                           "deadline had passed")
    assert hanging.pages == PAGES_AT_ONCE


@pytest.fixture()
def slow_headers():
    """A server that sends its status line and headers one byte every 0.1 s."""
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            head = b"HTTP/1.0 200 OK\r\n" + b"X-Pad: " + b"a" * 2000 + b"\r\n\r\nbody"
            try:
                for byte in head:
                    if stop.is_set():
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    stop.set()
    httpd.shutdown()
    httpd.server_close()


def test_hardening_deadlines_slow_headers_end_at_the_request_timeout(slow_headers):
    with pytest.raises(FetchError, match="took too long .the timeout covers the whole request"):
        fetch(f"{slow_headers}/x", timeout=0.5, max_bytes=10_000)


def test_hardening_deadlines_deadline_already_past_fetches_nothing(hanging):
    with pytest.raises(FetchError, match="its deadline had passed"):
        fetch(f"{hanging.base}/page/1", timeout=5, max_bytes=10_000, deadline=time.monotonic())
    assert hanging.pages == 0
