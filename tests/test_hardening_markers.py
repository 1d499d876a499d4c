"""Article text never becomes structure: every Markdown block marker, in every place a
template puts a value, stays text in the Markdown and in the DOCX built from it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from briefing.render.docx import DocProperties, docx_bytes
from briefing.render.markdown import escape

ROOT = Path(__file__).resolve().parents[1]
PLAIN = "trade talks"
# Every way CommonMark (with tables) starts a block: headings of any length, quotes, bullet
# and ordered lists, fences, indented code, the seven kinds of HTML block, link reference
# definitions, thematic breaks, setext underlines, table rows and delimiter rows.
MARKERS = [
    "#", "##", "###", "####", "#####", "######", "#######", "#" * 12, "#\t", ">", ">>", "> >",
    "-", "+", "*", "- [ ]", "1.", "1)", "123456789.", "2)", "```", "```python", "~~~",
    "~~~ x", "    ", "\t", "        ", "<div>", "<pre>", "<script>", "<style>", "<!--", "<?php",
    "<!DOCTYPE html>", "<![CDATA[", "</p>", "<custom-tag>", "[ref]: http://example.com",
    "[ref]:", "---", "***", "___", "- - -", "* * *", "_ _ _", "===", "= = =", "| a | b |",
    "|---|---|", "a | b", ":---:", "\\", "<http://example.com>", "![x](y.png)",
    "--", "—", "–", "―",  # the dash of a quote's closing "— Speaker" line
]
CONTEXTS = {
    "paragraph": "{v}\n",
    "after-a-line": "Some line of text\n{v}\n",
    "list-item": "- {v}\n",
    "ordered-item": "1. {v}\n",
    "quote": "> {v}\n",
    "mid-line": "Said {v}\n",
    "table-cell": "| a | b |\n|---|---|\n| x | {v} |\n",
}


def _values(marker: str) -> list[str]:
    """The marker alone (unless it is only whitespace: an empty value), before text, glued to
    it, and after it."""
    alone = [marker] if marker.strip() else []
    return alone + [f"{marker} {PLAIN}", f"{marker}{PLAIN}", f"{PLAIN} {marker}"]


def _shape(markdown: str) -> list[str]:
    """The block tokens of `markdown` and the inline tokens other than text."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    shape = []
    for token in tokens:
        if token.type != "inline":
            shape.append(token.type)
        shape += [c.type for c in token.children or () if c.type not in ("text", "softbreak")]
    return shape


def _text(markdown: str) -> str:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline = [t for t in tokens if t.type == "inline"]
    return " ".join(c.content for t in inline for c in t.children or () if c.type == "text")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("marker", MARKERS)
def test_hardening_markers_stay_text_in_markdown(marker, context):
    frame = CONTEXTS[context]
    baseline = _shape(frame.format(v=PLAIN))
    for value in _values(marker):
        markdown = frame.format(v=escape(value))
        assert _shape(markdown) == baseline, (value, markdown)
        assert _flat(value) in _flat(_text(markdown)), (value, markdown)


def _docx_paragraphs(markdown: str) -> list[tuple[str, str]]:
    blob = docx_bytes(markdown, reference=ROOT / "templates" / "reference.docx",
                      props=DocProperties(title="t"), base_dir=ROOT)
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(blob)).paragraphs]


DOCX_CONTEXTS = ("paragraph", "list-item", "quote", "after-a-line")


@pytest.mark.parametrize("context", DOCX_CONTEXTS)
def test_hardening_markers_stay_text_in_docx(context):
    """Every marker at once, a paragraph each: the styles are those of plain words and the
    text is the value as written (one document per context: a DOCX takes a while)."""
    frame = CONTEXTS[context]
    values = [v for m in MARKERS for v in _values(m)]
    markdown = "\n".join(frame.format(v=escape(v)) for v in values)
    baseline = "\n".join(frame.format(v=PLAIN) for _ in values)
    got, want = _docx_paragraphs(markdown), _docx_paragraphs(baseline)
    assert [s for s, _ in got] == [s for s, _ in want]
    assert not any(s.startswith(("Heading", "Title", "TOC", "Source")) for s, _ in got)
    text = _flat(" ".join(t for _, t in got))
    for value in values:
        assert _flat(value) in text, value


def test_hardening_markers_heading_runs_are_escaped():
    assert escape("## Sources and trade") == "\\## Sources and trade"
    assert escape("    indented") == " indented"
