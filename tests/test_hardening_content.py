"""Article text never becomes structure, code or a path: Markdown, HTML, templates, file names."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefing.cli import app

pytestmark = pytest.mark.model

INJECTION = ('<script>alert(1)</script> **bold** [click](javascript:alert(1)) '
             '![x](file:///etc/passwd) | pipe | {{ 7*7 }} {% if 1 %}IF{% endif %}')
ARTICLE = """---
title: '{title}'
{date}---
President Biden met Chancellor Scholz in Berlin on Tuesday to discuss trade. "We agree on \
{injection}", Biden said.
"""
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                    *(f"lpt{i}" for i in range(1, 10))}


def generate(tmp_path: Path, files: dict[str, str], *extra: str):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["generate", str(folder), "--out", str(out),
                                      "--today", "2026-01-01", "--quiet", *extra])
    return result, out


def story(title: str = "Berlin talks", date: str | None = "2023-02-01",
          injection: str = INJECTION) -> str:
    return ARTICLE.format(title=title, date=f"date: {date}\n" if date else "", injection=injection)


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inject")
    result, out = generate(tmp, {"a.md": story(title="<b>Berlin</b> # talks | [x](javascript:y)")})
    assert result.exit_code == 0, result.output
    return out


def test_hardening_content_markdown_injection_is_escaped(injected):
    (md,) = [p for p in injected.glob("*.md") if p.name != "index.md"]
    text = md.read_text("utf-8")
    assert "{{ 7\\*7 }}" in text  # the quote is there, escaped
    tokens = [t for block in MarkdownIt("commonmark").enable("table").parse(text)
              for t in ([block, *(block.children or [])])]
    html = [t.content for t in tokens if t.type in ("html_inline", "html_block")]
    assert all(re.fullmatch(r'<a id="[\w-]+"></a>|</?a[^>]*>|<!-- toc -->\n?', h) for h in html), html
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert all(re.match(r"#[\w-]+$|https?://|[\w.-]+$", str(h)) for h in hrefs), hrefs
    assert not [t for t in tokens if t.type == "image"]
    assert not re.search(r"(?<!\\)<script|(?<!\\)\]\(javascript:", text)


def test_hardening_content_docx_shows_injection_as_text(injected):
    (path,) = injected.glob("*.docx")
    document = docx.Document(str(path))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script> **bold** [click](javascript:alert(1))" in body
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert not [t for t in targets if not t.startswith(("http://", "https://"))], targets


def test_hardening_content_template_code_in_text_is_never_evaluated(injected):
    source = str(injected.parent / "in")  # the sources list names the input file, whose path may hold "49"
    for path in injected.glob("*.md"):
        text = path.read_text("utf-8").replace(source, "")
        assert "49" not in text and "IF" not in text.replace("{% if 1 %}IF", "")
    (docx_path,) = injected.glob("*.docx")
    body = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs).replace(source, "")
    assert "{{ 7*7 }} {% if 1 %}IF{% endif %}" in body and "49" not in body


@pytest.mark.slow
@pytest.mark.parametrize("title", ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\x",
                                   "..", "~", "a/b/../../../c", "x" * 400])
def test_hardening_content_titles_never_escape_the_output_folder(tmp_path, title):
    result, out = generate(tmp_path, {"a.md": story(title=title, date=None)})
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(tmp_path / "in")]
    assert written and all(p.resolve().is_relative_to(out.resolve()) for p in written), written
    visible = [p for p in written if not p.relative_to(out).parts[0].startswith(".")]
    assert all(p.parent == out and re.fullmatch(r"[\w.-]{1,120}", p.name) for p in visible), visible


@pytest.mark.slow
@pytest.mark.parametrize("title", ["CON", "nul", "Aux"])
def test_hardening_content_windows_device_names_are_not_slugs(tmp_path, title):
    result, out = generate(tmp_path, {"a.md": story(title=title, date=None)})
    assert result.exit_code == 0, result.output
    assert not [p for p in out.iterdir() if p.stem.split(".")[0].lower() in WINDOWS_RESERVED]


@pytest.mark.slow
def test_hardening_content_event_called_index_keeps_its_brief(tmp_path):
    result, out = generate(tmp_path, {"a.md": story(title="Index", date=None)}, "--format", "md")
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.md"))) == 2  # the brief and the index


def test_hardening_content_user_templates_run_in_the_sandbox(tmp_path):
    from briefing.render.markdown import TemplateProblem, environment, render

    (tmp_path / "brief.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateProblem, match="unsafe"):
        render(environment(tmp_path), "brief.md.j2")
    (tmp_path / "brief.md.j2").write_text("{{ items.append(1) }}")
    with pytest.raises(TemplateProblem, match="unsafe|not safely"):
        render(environment(tmp_path), "brief.md.j2", items=[])


@pytest.mark.slow
def test_hardening_content_unsafe_user_template_exits_2_with_one_line(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "brief.md.j2").write_text("{{ ''.__class__.__mro__ }}")
    result, out = generate(tmp_path, {"a.md": story()}, "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 2 and "unsafe" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
