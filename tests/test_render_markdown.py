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
