"""Network hygiene: http(s) only, timeouts, size limit, few redirects, safe XML; 127.0.0.1 only."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.ingest import IngestError, read_articles
from briefing.ingest.fetch import MAX_REDIRECTS, FetchError, fetch

PAGE = (b"<html><head><title>Talks</title></head><body><article><p>Officials said the "
        b"ministers would meet in Geneva on Monday to discuss trade and security.</p>"
        b"</article></body></html>")


@pytest.fixture()
def server():
    """A local server; `hits` records every path asked for, `stop` ends slow answers."""
    hits: list[str] = []
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            if self.path.startswith("/hop/"):
                n = int(self.path.rsplit("/", 1)[1])
                return self.answer(302, b"", location="/page" if n == 0 else f"/hop/{n - 1}")
            if self.path == "/to-file":
                return self.answer(302, b"", location="file:///etc/passwd")
            if self.path == "/slow":
                stop.wait(5)
                return self.answer(200, PAGE)
            if self.path in ("/trickle", "/endless"):
                return self.stream(0.3 if self.path == "/trickle" else 0)
            if self.path == "/feed":
                return self.answer(200, self.server.feed, kind="application/rss+xml")
            return self.answer(200, PAGE)

        def answer(self, status, body, kind="text/html", location=None):
            self.send_response(status)
            self.send_header("Location" if location else "Content-Type", location or kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def stream(self, pause):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while not stop.is_set():
                    self.wfile.write(b"x" * (1 if pause else 65536))
                    self.wfile.flush()
                    time.sleep(pause)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.feed = b""
    httpd.hits = hits
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield httpd
    stop.set()
    httpd.shutdown()
    httpd.server_close()


def test_hardening_network_fetch_only_http_and_https():
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/", "data:,x"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url, timeout=1, max_bytes=100)


def test_hardening_network_file_url_input_is_not_read():
    with pytest.raises(IngestError, match="input not found: file:///etc/passwd"):
        read_articles(["file:///etc/passwd"])


def test_hardening_network_redirect_to_file_is_refused(server):
    with pytest.raises(FetchError, match="file:///etc/passwd.*(not allowed|not http)"):
        fetch(f"{server.base}/to-file", timeout=2, max_bytes=10_000)


def test_hardening_network_redirects_are_limited(server):
    assert fetch(f"{server.base}/hop/{MAX_REDIRECTS - 1}", timeout=2, max_bytes=10_000).data == PAGE
    server.hits.clear()
    with pytest.raises(FetchError):
        fetch(f"{server.base}/hop/{MAX_REDIRECTS + 5}", timeout=2, max_bytes=10_000)
    assert len(server.hits) == MAX_REDIRECTS + 1


def test_hardening_network_fetch_times_out(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out|took too long"):
        fetch(f"{server.base}/slow", timeout=0.5, max_bytes=10_000)
    assert time.monotonic() - started < 2


def test_hardening_network_trickling_server_hits_the_whole_body_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took too long"):
        fetch(f"{server.base}/trickle", timeout=1, max_bytes=10_000)
    assert time.monotonic() - started < 3


def test_hardening_network_endless_body_stops_at_the_size_limit(server):
    with pytest.raises(FetchError, match="larger than the 200000-byte limit"):
        fetch(f"{server.base}/endless", timeout=5, max_bytes=200_000)


def test_hardening_network_feed_links_only_followed_over_http(server):
    server.feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>One</title><link>file:///etc/passwd</link>"
        b"<description>Ministers met in Oslo on Monday to discuss fishing rights.</description></item>"
        b"<item><title>Two</title><link>javascript:alert(1)</link>"
        b"<description>Ministers met in Lima on Friday to discuss mining.</description></item>"
        b"</channel></rss>")
    articles = read_articles([f"{server.base}/feed"], warn=pytest.fail, timeout=2)
    assert [a.text[:20] for a in articles] == ["Ministers met in Osl", "Ministers met in Lim"]
    assert not any("root:" in a.text for a in articles)


def test_hardening_network_feed_external_dtd_and_entities_are_not_fetched(server):
    server.feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server.base}/dtd">'
        '<rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
        "<description>Ministers met in Oslo on Monday to discuss fishing rights.</description>"
        "</item></channel></rss>").encode()
    articles = read_articles([f"{server.base}/feed"], warn=pytest.fail, timeout=2)
    assert len(articles) == 1 and server.hits == ["/feed"]
    server.hits.clear()
    server.feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "{server.base}/secret">]>'
        '<rss version="2.0"><channel><title>&e;</title><item><title>&e;</title>'
        "<description>x</description></item></channel></rss>").encode()
    warnings: list[str] = []
    assert read_articles([f"{server.base}/feed"], warn=warnings.append, timeout=2) == []
    assert "declares XML entities, which are refused" in warnings[0]
    assert server.hits == ["/feed"]
