"""Each input kind reads into cleaned articles: text, Markdown, HTML, JSON, JSONL, DOCX, feeds."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest

from briefing.ingest import IngestError, read_articles
from tests.localserver import serve

DATA = Path(__file__).resolve().parent / "data" / "ingest"
PAGE = (DATA / "page.html").read_bytes()
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>{base}/</link>
<description>News</description>
<item><title>Allies sign a maritime accord</title><link>{base}/story</link>
<pubDate>Tue, 14 Feb 2023 09:30:00 GMT</pubDate><description>Short summary.</description></item>
<item><title>Summit delayed by storm</title><link>{base}/missing</link>
<pubDate>Wed, 15 Feb 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The summit in Manila was delayed by a day
because of a storm, organisers said.&lt;/p&gt;</description></item>
</channel></rss>"""


def _one(path, **kwargs):
    articles = read_articles([str(path)], warn=pytest.fail, **kwargs)
    assert len(articles) == 1
    return articles[0]


def test_ingest_formats_text_headline_dateline_and_cleaning():
    article = _one(DATA / "plain.txt")
    assert article.title == "Talks set for next week"
    assert (article.dateline_place, article.outlet, article.published_partial) == (
        "Beijing", "Xinhua", "XXXX-03-03")
    assert article.published is None
    assert article.text == ("China and Japan will hold maritime talks next week, the foreign "
                            "ministry said on Friday.\n\nThe talks will cover fishing rights and "
                            "coast guard contacts.")


def test_ingest_formats_markdown_front_matter_wins_and_lines_rejoin():
    article = _one(DATA / "frontmatter.md")
    assert article.title == "Ministers agree on a new research pact"
    assert (article.outlet, article.published) == ("Example Wire", dt.date(2023, 1, 12))
    assert article.url == "https://example.org/news/research-pact"
    assert article.dateline_place == "Tokyo"
    assert article.text == ("The two ministers agreed on Thursday to launch a joint research "
                            "programme on hypersonic defence, officials said.\n\nThe programme "
                            "starts in April and runs for five years.")


def test_ingest_formats_html_main_text_and_metadata_without_scripts():
    article = _one(DATA / "page.html")
    assert (article.title, article.outlet) == ("Allies sign a maritime accord", "Example Herald")
    assert article.published == dt.date(2023, 2, 14)
    assert article.dateline_place == "Paris"
    assert article.text.startswith("France and Japan signed a maritime security accord")
    assert "SCRIPT" not in article.text and "color: red" not in article.text
    assert "Copyright" not in article.text and "Home" not in article.text


def test_ingest_formats_newsplease_json_prepends_the_lead():
    article = _one(DATA / "newsplease.json")
    assert article.id == "newsplease"
    assert (article.outlet, article.published) == ("www.example-news.com", dt.date(2023, 3, 6))
    assert article.text == ("The two governments agreed to expand coast guard exchanges.\n\n"
                            "Officials from both countries met in Manila on Monday. They agreed "
                            "to hold a joint drill in June.")


def test_ingest_formats_newsplease_lead_not_repeated(tmp_path):
    lead = "Officials from both countries met in Manila on Monday."
    (tmp_path / "x.json").write_text(
        f'{{"title": "T", "description": "{lead}", "text": "{lead}  They agreed."}}')
    assert _one(tmp_path / "x.json").text == f"{lead} They agreed."


def test_ingest_formats_jsonl_ids_and_url_dates():
    articles = read_articles([str(DATA / "records.jsonl")], warn=pytest.fail)
    assert [a.id for a in articles] == ["records-001", "records-003"]
    assert [a.outlet for a in articles] == ["Alpha", "beta.example"]
    assert [a.published for a in articles] == [dt.date(2023, 5, 1), dt.date(2023, 5, 2)]


def test_ingest_formats_docx_paragraphs_and_title(tmp_path):
    document = docx.Document()
    document.add_heading("Leaders meet in Seoul", level=1)
    document.add_paragraph("SEOUL (Example Wire) - The leaders met on Monday.")
    document.add_paragraph("They agreed to meet again in autumn.")
    document.save(tmp_path / "meeting.docx")
    article = _one(tmp_path / "meeting.docx")
    assert (article.id, article.title, article.outlet) == (
        "meeting", "Leaders meet in Seoul", "Example Wire")
    assert article.text == "The leaders met on Monday.\n\nThey agreed to meet again in autumn."


def test_ingest_formats_folder_recursive_sorted_and_glob(tmp_path):
    warnings: list[str] = []
    articles = read_articles([str(DATA / "folder")], warn=warnings.append)
    assert [a.id for a in articles] == ["a", "b", "c"]
    assert warnings == [f"{DATA / 'folder'}: ignored 1 file(s) of unsupported types (notes.csv)"]
    globbed = read_articles([str(DATA / "folder" / "*.txt")], warn=pytest.fail)
    assert [a.id for a in globbed] == ["a", "b"]


def test_ingest_formats_stdin_sniffs_the_content():
    text = io.StringIO("Officials said the talks would resume on Monday in Geneva.\n")
    article = read_articles(["-"], stdin=text, warn=pytest.fail)[0]
    assert (article.id, article.source) == ("stdin", "<stdin>")
    assert article.text == "Officials said the talks would resume on Monday in Geneva."


def test_ingest_formats_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(IngestError, match="input not found: .*nothing.txt"):
        read_articles([str(tmp_path / "nothing.txt")])
    with pytest.raises(IngestError, match="no files match"):
        read_articles([str(tmp_path / "*.nothing")])


def test_ingest_formats_syndicated_copies_merge(tmp_path):
    story = ("Officials said the two countries would hold talks on Monday in Geneva. The "
             "talks will cover trade and security, and a joint statement is expected. Both "
             "delegations arrive on Sunday, and the ministers will meet the press on Tuesday.\n")
    (tmp_path / "a.md").write_text(f"---\noutlet: Alpha\n---\n{story}")
    (tmp_path / "b.md").write_text(f"---\noutlet: Beta\n---\n{story.replace('Monday', 'Monday,')}")
    (tmp_path / "c.txt").write_text("A different story about the weather in Oslo today.\n")
    articles = read_articles([str(tmp_path)], warn=pytest.fail)
    assert [a.id for a in articles] == ["a", "c"]
    assert articles[0].also_in == (f"Beta ({tmp_path / 'b.md'})",)
    assert articles[0].copies == ("b",)


def test_ingest_formats_duplicate_file_names_get_unique_ids(tmp_path):
    for folder, city in (("x", "Oslo"), ("y", "Lima")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"It rained in {city} all week long.\n")
    assert [a.id for a in read_articles([str(tmp_path)])] == ["story", "story-2"]


def test_ingest_formats_max_articles_stops_with_a_warning():
    warnings: list[str] = []
    articles = read_articles([str(DATA / "folder")], warn=warnings.append, max_articles=2)
    assert [a.id for a in articles] == ["a", "b"]
    assert warnings[-1].startswith("stopped after 2 articles")


@pytest.fixture()
def server():
    """Serve a feed, a page, a redirect and a missing page on 127.0.0.1 (never the internet)."""
    routes: dict[str, tuple[int, str, bytes]] = {}

    def answer(path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        status, kind, body = routes.get(path, (404, "text/plain", b"not found"))
        return status, {"Location" if status in (301, 302) else "Content-Type": kind}, body

    with serve(answer) as base:
        routes["/story"] = (200, "text/html; charset=utf-8", PAGE)
        routes["/feed"] = (200, "application/rss+xml", FEED.format(base=base).encode())
        routes["/moved"] = (302, "/story", b"")
        routes["/loop"] = (302, "/loop", b"")
        routes["/ftp"] = (302, "ftp://example.org/x", b"")
        yield base


def test_ingest_formats_feed_url_fetches_pages_and_falls_back_to_summary(server):
    warnings: list[str] = []
    articles = read_articles([f"{server}/feed"], warn=warnings.append, timeout=5)
    assert [a.title for a in articles] == ["Allies sign a maritime accord", "Summit delayed by storm"]
    page, summary = articles
    assert page.text.startswith("France and Japan signed") and page.url == f"{server}/story"
    assert page.outlet == "Example Herald" and page.published == dt.date(2023, 2, 14)
    assert summary.text == ("The summit in Manila was delayed by a day because of a storm, "
                            "organisers said.")
    assert (summary.outlet, summary.published) == ("Example Wire", dt.date(2023, 2, 15))
    assert warnings == [f"{server}/missing: HTTP 404 Not Found; using the feed's summary instead"]
    assert len({a.id for a in articles}) == 2


def test_ingest_formats_feed_file_uses_summaries_when_links_fail(tmp_path):
    (tmp_path / "wire.rss").write_text(FEED.format(base="http://127.0.0.1:9"))
    articles = read_articles([str(tmp_path / "wire.rss")], warn=lambda m: None, timeout=2)
    assert [a.id for a in articles] == ["wire-allies-sign-a-maritime-accord",
                                        "wire-summit-delayed-by-storm"]
    assert articles[0].text == "Short summary."


def test_ingest_formats_page_url_redirects_and_slug_id(server):
    article = read_articles([f"{server}/moved"], warn=pytest.fail)[0]
    assert article.title == "Allies sign a maritime accord"
    assert article.id.startswith("moved-") and len(article.id) == len("moved-") + 8


def test_ingest_formats_url_failures_warn_once_each(server):
    warnings: list[str] = []
    urls = [f"{server}/loop", f"{server}/ftp", f"{server}/story"]
    articles = read_articles(urls, warn=warnings.append, max_bytes=len(PAGE) + 10)
    assert len(articles) == 1 and len(warnings) == 2
    assert warnings[0].startswith(f"skipped {server}/loop: ")
    assert "not http(s)" in warnings[1]
    read_articles([f"{server}/story"], warn=warnings.append, max_bytes=100)
    assert warnings[-1] == f"skipped {server}/story: larger than the 100-byte limit"


def test_ingest_formats_copies_fixture_folder_unchanged(tmp_path):
    shutil.copytree(DATA / "folder", tmp_path / "f")
    assert len(read_articles([str(tmp_path / "f")], warn=lambda m: None)) == 3
