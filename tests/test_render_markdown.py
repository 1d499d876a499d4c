"""Markdown rendering: escaping article text, citations, template errors (no model)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from briefing.render.markdown import TemplateProblem, check, cite, environment, escape, render


def test_render_markdown_escape_keeps_article_text_as_text():
    hostile = "# Heading | pipe [link](http://x) <script>alert(1)</script> *bold* \\ back"
    html = MarkdownIt("commonmark").enable("table").render(f"| a |\n|---|\n| {escape(hostile)} |")
    assert "<h1>" not in html and "<script>" not in html and "<em>" not in html
    assert "<a href" not in html
    assert html.count("<td>") == 1  # the pipe did not split the cell


def test_render_markdown_escape_folds_newlines_and_keeps_spaces():
    assert escape("a\n\n# b") == "a # b"  # a "#" inside a line is plain text
    assert escape("# b") == "\\# b"
    assert escape("; ") == "; "


def test_render_markdown_cite_links_to_sources():
    assert cite((1, 3)) == "[[1]](#source-1)[[3]](#source-3)"


def test_render_markdown_user_template_overrides_and_errors_name_the_line(tmp_path):
    (tmp_path / "brief.md.j2").write_text("# {{ brief.title }}\n{% if %}\n")
    with pytest.raises(TemplateProblem, match=r"brief.md.j2, line 2"):
        check(environment(tmp_path), ["brief.md.j2"])


def test_render_markdown_missing_value_fails_loudly(tmp_path):
    (tmp_path / "brief.md.j2").write_text("{{ brief.nothing_here }}")
    with pytest.raises(TemplateProblem, match="nothing_here"):
        render(environment(tmp_path), "brief.md.j2", brief={})


def test_render_markdown_user_templates_are_sandboxed(tmp_path):
    (tmp_path / "brief.md.j2").write_text("{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateProblem):
        render(environment(tmp_path), "brief.md.j2")


def test_render_markdown_escape_numbers_without_stray_backslashes():
    assert escape("1.05 trillion yen") == "1.05 trillion yen"  # not a list item: no space
    assert escape("1. first") == "1\\. first"  # a digit cannot carry the backslash
    assert escape("- item") == "\\- item"
    assert escape("---") == "\\---"


def test_render_markdown_cited_puts_markers_in_place():
    from briefing.render.markdown import cited

    assert cited("Report {cites} is undated.", (3,)) == "Report [[3]](#source-3) is undated."
    assert cited("A | b", (1,)) == "A \\| b[[1]](#source-1)"


def test_render_markdown_link_with_text_and_contents_list():
    from briefing.render.markdown import contents, link

    assert link("Next [talks]", "2023-talks.md") == "[Next \\[talks\\]](2023-talks.md)"
    assert link("javascript:alert(1)") == "javascript:alert(1)"
    text = contents("# T\n\n<!-- toc -->\n\n## Bottom line\n\n## Key facts\n")
    assert "[Bottom line](#bottom-line) · [Key facts](#key-facts)" in text


def test_render_markdown_changes_since_the_previous_brief():
    import datetime as dt
    import json

    from briefing.render.changes import Previous, changes
    from briefing.render.facts import facts_json
    from briefing.types import Event, Item, Participant

    before = Event("e", "Talks", "talks", (), start=dt.date(2023, 1, 11), location="Geneva",
                   participants=(Participant("Ann Lee", (), "Minister", "FR", ()),),
                   agenda=(Item("trade", ()),))
    after = Event("e", "Talks", "talks", (), start=dt.date(2023, 1, 12), location="Geneva",
                  participants=(Participant("Bo Chan", (), None, None, ()),),
                  agenda=(Item("trade", ()), Item("climate", ())))
    previous = Previous(json.loads(facts_json([before], generated=dt.datetime(2026, 1, 1)))["events"])
    assert changes(previous, after) == (
        "Date changed from 2023-01-11 to 2023-01-12", "Participant added: Bo Chan",
        "Participant removed: Ann Lee", "Agenda item added: climate")
    assert changes(previous, before) == ()
    assert changes(Previous(), before) is None


def test_render_markdown_brief_says_what_changed(tmp_path):
    import datetime as dt

    from briefing.compose import compose
    from briefing.render import RenderOptions
    from briefing.runtime.writers import write_run
    from briefing.store.previous import previous_events
    from briefing.types import Article, Event

    def write_all(briefs, options):
        write_run(briefs, [b.event for b in briefs], options,
                  previous=previous_events(options.out / "facts.json"))

    event = Event("e", "Talks", "talks", (Article("a", "text", outlet="Wire"),),
                  start=dt.date(2023, 1, 11), status="scheduled")
    options = RenderOptions(out=tmp_path, formats=("md", "json"), mode="full", author="a",
                            generated=dt.datetime(2026, 1, 1))
    write_all([compose(event, generated=dt.datetime(2026, 1, 1))], options)
    assert "What changed" not in (tmp_path / "e.md").read_text()
    moved = Event("e", "Talks", "talks", event.articles, start=dt.date(2023, 1, 12))
    write_all([compose(moved, generated=dt.datetime(2026, 1, 2))], options)
    text = (tmp_path / "e.md").read_text()
    assert "## What changed since the previous brief" in text
    assert "Date changed from 2023-01-11 to 2023-01-12" in text


def test_render_markdown_text_ending_in_bang_before_a_citation_is_no_image():
    html = MarkdownIt("commonmark").render(escape("He's gone soft!") + cite((5,)))
    assert "<img" not in html and 'href="#source-5"' in html


@pytest.mark.parametrize("count", [0, 1, 3])
def test_render_markdown_facts_json_written_piece_by_piece_is_one_json_dumps(count):
    """facts.json is written an article and an event at a time; the text is exactly that of
    json.dumps over the whole document (no event, one, several)."""
    import datetime as dt
    import json

    from briefing.render import facts
    from briefing.types import Event, Item, Participant, Span
    from tests.conftest import article

    events = [Event(f"e{k}", f"Talks «{k}»", "talks",
                    (article(f"a{k}", "text"), article(f"b{k}", "more text", dt.date(2023, 1, 9))),
                    start=dt.date(2023, 1, 11), location="Genève",
                    participants=(Participant("Ann Lee", (), "Minister", "FR", (Span("a", 0, 3),)),),
                    agenda=(Item("trade\n\"quoted\"", (Span("a", 1, 2),)),))
              for k in range(count)]
    generated = dt.datetime(2026, 1, 1)
    whole = {"schema": facts.SCHEMA, "generator": f"briefing {facts.__version__}",
             "generated": "2026-01-01T00:00:00",
             "articles": [facts.article(a, e.id) for e in events for a in e.articles],
             "events": [facts.event(e) for e in events]}
    text = facts.facts_json(events, generated=generated)
    assert text == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    pieces = list(facts.facts_pieces(events, generated=generated))
    assert len(pieces) == 7 + 3 * count  # one per article and event


def test_render_markdown_facts_json_lists_syndicated_copies_under_their_event():
    """A copy merged at ingest is a report of its original's event: facts.json names it there."""
    import datetime as dt
    import json

    from briefing.render.facts import facts_json
    from briefing.types import Event
    from tests.conftest import article

    original = article("a", "Officials met in Geneva.", also_in=("Beta (b.md)",), copies=("b",))
    event = Event(id="talks", title="Talks", kind="talks", articles=(original, article("c", "x")))
    facts = json.loads(facts_json([event], generated=dt.datetime(2026, 1, 1)))
    assert facts["events"][0]["articles"] == ["a", "b", "c"]
    assert [(a["id"], a["event"], a.get("copy_of")) for a in facts["articles"]] == [
        ("a", "talks", None), ("b", "talks", "a"), ("c", "talks", None)]
