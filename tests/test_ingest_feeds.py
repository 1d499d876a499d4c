"""Feeds are polled: conditional requests for the feed, each item's page fetched only once.

A real http.server on 127.0.0.1 (never the internet) counts the requests made for each path.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from briefing.ingest import read_articles
from briefing.store import feed_state
from briefing.store.feed_state import NAME as FEED_STATE
from tests.localserver import serve

STORIES = {
    "a": ("Ministers agree on fishing quotas", "Ministers from four coastal states agreed on "
          "new fishing quotas in Oslo on Monday after two days of talks, officials said."),
    "b": ("Port strike ends", "Dock workers in Lima ended a week-long strike on Tuesday after "
          "the port authority accepted a new pay offer, the union said."),
    "c": ("Rail link approved", "The two governments approved a cross-border rail link on "
          "Wednesday, with construction due to start next spring, ministers said."),
}


def page(key: str) -> bytes:
    title, text = STORIES[key]
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p><p>{text.replace('said', 'added')}</p></article></body></html>").encode()


def feed(base: str, keys: str) -> bytes:
    items = "".join(f"<item><title>{STORIES[k][0]}</title><link>{base}/{k}</link>"
                    f"<description>Summary of {k}.</description></item>" for k in keys)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
            f"{items}</channel></rss>").encode()


class Site:
    """What the server serves, and what it was asked: `hits` per path, request headers."""

    def __init__(self) -> None:
        self.base = ""
        self.hits: Counter[str] = Counter()
        self.asked: dict[str, list[dict[str, str]]] = {}
        self.answered: list[tuple[str, int]] = []
        self.status: dict[str, int] = {}  # path -> forced error status
        self.validators = True  # send ETag / Last-Modified and answer 304
        self.items = "ab"

    def handle(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Count the request, then answer it."""
        self.hits[path] += 1
        self.asked.setdefault(path, []).append(headers)
        status, sent, body = self.answer(path, headers)
        self.answered.append((path, status))
        return status, sent, body

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path in self.status:
            return self.status[path], {}, b"unavailable"
        if path == "/feed":
            kind, body = "application/rss+xml", feed(self.base, self.items)
            tags = {"ETag": f'"v-{self.items}"', "Last-Modified": "Mon, 06 Jan 2025 07:00:00 GMT"}
        else:
            kind, body, tags = "text/html", page(path.strip("/")), {"ETag": f'"{path}"'}
        if not self.validators:
            return 200, {"Content-Type": kind}, body
        if headers.get("If-None-Match") == tags["ETag"]:
            return 304, tags, b""
        return 200, {"Content-Type": kind, **tags}, body


@pytest.fixture()
def site():
    """Serve the feed and its item pages on 127.0.0.1; yields the Site to steer and inspect."""
    current = Site()
    with serve(current.handle) as base:
        current.base = base
        yield current


def read_polled(inputs, state, warn=pytest.fail, **options):
    """Read `inputs` as a run does: with the poll state kept at `state` (None: none), loaded
    before and saved after; returns the articles."""
    if state is None:
        return read_articles(inputs, warn=warn, **options)
    polls = feed_state.load(state, warn=warn)
    articles = read_articles(inputs, warn=warn, polls=polls, **options)
    feed_state.save(polls, state, warn=warn)
    return articles


def poll(site: Site, state, warn=pytest.fail):
    """Read the site's feed once, with the poll state at `state`; returns the articles."""
    return read_polled([f"{site.base}/feed"], state, warn, timeout=5)


def test_ingest_feeds_second_poll_is_conditional_and_fetches_nothing_new(site, tmp_path):
    state = tmp_path / FEED_STATE
    first = poll(site, state)
    assert site.hits == Counter({"/feed": 1, "/a": 1, "/b": 1})
    assert [a.title for a in first] == [STORIES["a"][0], STORIES["b"][0]]
    assert first[0].text.startswith("Ministers from four coastal states")
    second = poll(site, state)
    assert site.hits == Counter({"/feed": 2, "/a": 1, "/b": 1})
    asked = site.asked["/feed"][1]
    assert asked["If-None-Match"] == '"v-ab"'
    assert asked["If-Modified-Since"] == "Mon, 06 Jan 2025 07:00:00 GMT"
    assert site.answered[-1] == ("/feed", 304)
    assert second == first


def test_ingest_feeds_server_without_validators_still_fetches_no_item_twice(site, tmp_path):
    site.validators = False
    state = tmp_path / FEED_STATE
    first = poll(site, state)
    second = poll(site, state)
    assert "If-None-Match" not in site.asked["/feed"][1]
    assert site.answered[-1] == ("/feed", 200)
    assert site.hits == Counter({"/feed": 2, "/a": 1, "/b": 1})
    assert second == first


def test_ingest_feeds_new_item_costs_exactly_one_fetch(site, tmp_path):
    state = tmp_path / FEED_STATE
    first = poll(site, state)
    site.items = "abc"
    second = poll(site, state)
    assert site.hits == Counter({"/feed": 2, "/a": 1, "/b": 1, "/c": 1})
    assert second[:2] == first and second[2].title == STORIES["c"][0]


def test_ingest_feeds_state_keeps_only_current_items(site, tmp_path):
    state = tmp_path / FEED_STATE
    poll(site, state)
    site.items = "b"
    assert [a.title for a in poll(site, state)] == [STORIES["b"][0]]
    kept = json.loads(state.read_text())
    assert list(kept["items"]) == [f"{site.base}/b"]
    assert list(kept["urls"]) == [f"{site.base}/feed"]


def test_ingest_feeds_page_that_failed_is_tried_again(site, tmp_path):
    state = tmp_path / FEED_STATE
    site.status["/b"] = 503
    warnings: list[str] = []
    first = poll(site, state, warnings.append)
    assert first[1].text == "Summary of b."
    assert warnings == [f"{site.base}/b: HTTP 503 Service Unavailable; using the feed's "
                        "summary instead"]
    del site.status["/b"]
    second = poll(site, state)
    assert site.hits == Counter({"/feed": 2, "/a": 1, "/b": 2})
    assert second[1].text.startswith("Dock workers in Lima")


def test_ingest_feeds_unreachable_feed_keeps_its_items_for_next_time(site, tmp_path):
    state = tmp_path / FEED_STATE
    first = poll(site, state)
    site.status["/feed"] = 500
    warnings: list[str] = []
    assert poll(site, state, warnings.append) == []
    assert warnings == [f"skipped {site.base}/feed: HTTP 500 Internal Server Error"]
    del site.status["/feed"]
    assert poll(site, state) == first
    assert site.hits == Counter({"/feed": 3, "/a": 1, "/b": 1})


def test_ingest_feeds_unasked_304_skips_the_feed(site, tmp_path):
    site.status["/feed"] = 304
    warnings: list[str] = []
    assert poll(site, tmp_path / FEED_STATE, warnings.append) == []
    assert warnings == [f"skipped {site.base}/feed: HTTP 304 Not Modified"]


def test_ingest_feeds_page_url_input_is_polled_too(site, tmp_path):
    state = tmp_path / FEED_STATE
    first = read_polled([f"{site.base}/c"], state)
    second = read_polled([f"{site.base}/c"], state)
    assert site.answered == [("/c", 200), ("/c", 304)] and second == first


def test_ingest_feeds_file_feed_items_fetched_once(site, tmp_path):
    (tmp_path / "wire.rss").write_bytes(feed(site.base, "ab"))
    state = tmp_path / FEED_STATE
    first = read_polled([str(tmp_path / "wire.rss")], state)
    second = read_polled([str(tmp_path / "wire.rss")], state)
    assert site.hits == Counter({"/a": 1, "/b": 1}) and second == first


def test_ingest_feeds_without_state_every_run_fetches_everything(site):
    assert poll(site, None) == poll(site, None)
    assert site.hits == Counter({"/feed": 2, "/a": 2, "/b": 2})


def _wrong_types(path):
    salt = feed_state.salt()
    article = {"id": 1, "text": ["not", "text"]}
    return json.dumps({"format": 1, "tool": salt, "urls": {},
                       "items": {"x": {"feed": "f", "article": article}}}).encode()


@pytest.mark.parametrize("damage", [
    lambda path: b"\x00\xff not json",
    lambda path: b'{"format": 1, "tool": "x", "urls": {"u": {"body": "%%%"}}',
    lambda path: b"[1, 2, 3]",
    lambda path: b'{"format": 99}',
    lambda path: b'{"format": 1, "tool": "x", "urls": {"u": {"body": 5}}, "items": {}}',
    _wrong_types,
], ids=["binary", "truncated", "list", "future-format", "wrong-body", "wrong-article"])
def test_ingest_feeds_corrupt_state_is_rebuilt_with_a_warning(site, tmp_path, damage):
    state = tmp_path / FEED_STATE
    first = poll(site, state)
    state.write_bytes(damage(state))
    warnings: list[str] = []
    assert poll(site, state, warnings.append) == first
    assert len(warnings) == 1 and warnings[0].startswith(f"{state}: the feed state is unreadable")
    assert site.hits == Counter({"/feed": 2, "/a": 2, "/b": 2})
    assert poll(site, state) == first  # rewritten whole: the third poll fetches nothing new
    assert site.hits == Counter({"/feed": 3, "/a": 2, "/b": 2})


def test_ingest_feeds_state_that_cannot_be_read_or_written_warns(site, tmp_path):
    state = tmp_path / FEED_STATE
    state.mkdir(parents=True)  # a folder where the file should be
    warnings: list[str] = []
    articles = poll(site, state, warnings.append)
    assert len(articles) == 2 and len(warnings) == 2
    assert warnings[0].startswith(f"{state}: the feed state is unreadable")
    assert warnings[1].startswith(f"{state}: cannot save the feed state")


@pytest.mark.slow
def test_ingest_feeds_generate_twice_polls_conditionally_through_the_cli(site, tmp_path):
    from typer.testing import CliRunner

    from briefing.cli import app

    args = ["generate", f"{site.base}/feed", "--out", str(tmp_path / "out"), "--format", "json",
            "--quiet", "--force"]
    runs = []
    for _ in range(2):
        site.answered.clear()
        result = CliRunner().invoke(app, args)
        runs.append((result.exit_code, sorted(site.answered)))
    assert runs[0][0] == 0 and runs[1] == (0, [("/feed", 304)])  # then one conditional request
    assert ("/a", 200) in runs[0][1] and ("/b", 200) in runs[0][1]
