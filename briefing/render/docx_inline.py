"""Inline Markdown (emphasis, links, code, images, anchors) as runs of one Word paragraph.

Runs only ever get a character style; a run inside several marks takes the strongest one
(code > link > strong > emphasis) because Word allows a single character style per run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from docx.document import Document
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.tree import SyntaxTreeNode

from briefing.render.docx_xml import bookmark_name, new_hyperlink

_MARK_STYLES = (("code", "Verbatim Char"), ("link", "Hyperlink"),
                ("strong", "Strong"), ("em", "Emphasis"))  # fmt: skip
# `<a id="source-3"></a>`: the only raw HTML given a meaning (a bookmark); the rest is text.
_ANCHOR_TAG = re.compile(r"""^<a\s+(?:id|name)\s*=\s*(?:"([^"]+)"|'([^']+)')\s*/?>$""", re.I)
_CLOSE_A = re.compile(r"^</a\s*>$", re.I)
_ANCHORS_ONLY = re.compile(
    r"""^(?:\s*<a\s+(?:id|name)\s*=\s*["'][^"']+["']\s*/?>\s*(?:</a\s*>)?)+\s*$""", re.I
)
_ANCHOR_ID = re.compile(r"""(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
_COMMENT = re.compile(r"^<!--.*-->$", re.S)
_SPECIAL = re.compile(r"[\t\n\r]")  # characters python-docx writes as elements, not text


class StyleProxies(dict[str, BaseStyle]):
    """A document's styles by lower-case name, as `{s.name.lower(): s for s in
    document.styles if s.name}`, each proxy made when first asked for: python-docx reads a
    style's name and kind through several lookups, and a brief uses a few of the house
    template's hundred-odd styles (making every proxy was a fifth of writing a DOCX).
    `positions` gives each name's index among the w:style elements (HouseStyles)."""

    def __init__(self, document: Document, positions: dict[str, int]) -> None:
        super().__init__()
        self._elements = document.styles.element.findall(qn("w:style"))
        self._positions = positions

    def __missing__(self, name: str) -> BaseStyle:
        style = self[name] = StyleFactory(self._elements[self._positions[name]])
        return style

    def element_at(self, position: int):
        """Return the w:style element at `position` (HouseStyles' indices)."""
        return self._elements[position]


@dataclass(frozen=True)
class InlineEnv:
    """What inline rendering needs from the document: styles, image folder, column width."""

    styles: dict[str, BaseStyle]  # by lower-case style name
    base_dir: Path
    column_width: int  # EMU
    default_paragraph: str | None = None  # the style id Word applies when none is named

    def style(self, item: Paragraph | Run, name: str) -> None:
        """Give a paragraph or run the named style, by id.

        python-docx's own setter scans every style of the document to spot the default one
        on each call; with a house template that was most of the time spent writing a DOCX.
        """
        style_id = self.styles[name.lower()].style_id
        if not isinstance(item, Paragraph):
            item._r.get_or_add_rPr().style = style_id
        elif len(item._p):  # a paragraph with content: python-docx keeps its children in order
            item._p.get_or_add_pPr().style = None if style_id == self.default_paragraph else style_id
        else:  # a new paragraph: the same XML, built directly
            ppr = OxmlElement("w:pPr")
            if style_id != self.default_paragraph:
                ppr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
            item._p.append(ppr)


@dataclass
class InlineResult:
    """Bookmark ids met in `<a id>` tags, and the alt text of each image, in order."""

    anchors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def write_inline(env: InlineEnv, paragraph: Paragraph, nodes: list[SyntaxTreeNode]) -> InlineResult:
    """Append `nodes` (children of an inline token) to `paragraph`; return anchors and captions."""
    writer = _InlineWriter(env, paragraph)
    writer.walk(nodes, frozenset(), None)
    return writer.result


def anchor_ids(html: str) -> list[str] | None:
    """Return the ids of an HTML block made only of `<a id="...">` anchors, else None."""
    return _ANCHOR_ID.findall(html) if _ANCHORS_ONLY.match(html) else None


def only_anchors(nodes: list[SyntaxTreeNode]) -> list[str] | None:
    """Return the ids when `nodes` are nothing but `<a id>` anchors (and blanks), else None."""
    html = "".join(n.content for n in nodes if n.type in ("html_inline", "text", "softbreak"))
    if len(html) != sum(len(n.content) for n in nodes) or not html.strip():
        return None
    return anchor_ids(html)


def plain_text(nodes: list[SyntaxTreeNode]) -> str:
    """Return the visible text of inline `nodes`, without markup (for the contents list)."""
    parts = []
    for node in nodes:
        if node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif node.children:
            parts.append(plain_text(node.children))
    return "".join(parts)


def only_images(nodes: list[SyntaxTreeNode]) -> bool:
    """Return True when `nodes` hold at least one image and nothing visible besides."""
    kinds = {n.type for n in nodes if not (n.type == "text" and not n.content.strip())}
    return "image" in kinds and kinds <= {"image", "softbreak", "hardbreak"}


class _InlineWriter:
    def __init__(self, env: InlineEnv, paragraph: Paragraph) -> None:
        self.env, self.paragraph = env, paragraph
        self.result = InlineResult()
        self.open_anchor = False

    def walk(self, nodes: list[SyntaxTreeNode], marks: frozenset[str], link) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                self.text(node.content, marks, link)
            elif kind in ("strong", "em"):
                self.walk(node.children, marks | {kind}, link)
            elif kind == "link":
                self.link(node, marks, link)
            elif kind == "code_inline":
                self.text(node.content, marks | {"code"}, link)
            elif kind == "softbreak":
                self.text(" ", marks, link)
            elif kind == "hardbreak":
                self.run(marks, link)._r.append(OxmlElement("w:br"))
            elif kind == "image":
                self.image(node)
            elif kind == "html_inline":
                self.html(node.content, marks, link)

    def run(self, marks: frozenset[str], link, text: str = "") -> Run:
        """Append a run of `text` to the paragraph (or to `link`), styled for `marks`.

        The XML is built directly, as python-docx's add_run, style and text setters build it:
        their child-ordering lookups were most of the time spent writing a long brief.
        """
        r = OxmlElement("w:r")
        style = next((name for mark, name in _MARK_STYLES if mark in marks), None)
        if style:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:rStyle",
                                   attrs={qn("w:val"): self.env.styles[style.lower()].style_id}))
            r.append(rpr)
        (self.paragraph._p if link is None else link).append(r)
        run = Run(r, self.paragraph)
        if _SPECIAL.search(text):
            run.text = text  # tabs and line breaks become w:tab and w:br elements
        elif text:
            t = OxmlElement("w:t")
            t.text = text
            if len(text.strip()) < len(text):
                t.set(qn("xml:space"), "preserve")
            r.append(t)
        return run

    def text(self, text: str, marks: frozenset[str], link) -> None:
        if text:
            self.run(marks, link, text)

    def link(self, node: SyntaxTreeNode, marks: frozenset[str], link) -> None:
        href = str(node.attrGet("href") or "")
        if link is not None or not href:  # Word cannot nest links: keep the outer one
            self.walk(node.children, marks, link)
            return
        if href.startswith("#"):
            target = new_hyperlink(self.paragraph, anchor=bookmark_name(unquote(href[1:])))
        else:
            target = new_hyperlink(self.paragraph, url=href)
        self.walk(node.children, marks | {"link"}, target)

    def html(self, html: str, marks: frozenset[str], link) -> None:
        anchor = _ANCHOR_TAG.match(html)
        if anchor:
            self.result.anchors.append(anchor.group(1) or anchor.group(2))
            self.open_anchor = True
        elif self.open_anchor and _CLOSE_A.match(html):
            self.open_anchor = False
        elif not _COMMENT.match(html):
            self.text(html, marks, link)  # shown as typed, never interpreted

    def image(self, node: SyntaxTreeNode) -> None:
        src, alt = str(node.attrGet("src") or ""), plain_text(node.children or [])
        if urlparse(src).scheme:  # never fetch from the network while rendering
            target = new_hyperlink(self.paragraph, url=src)
            self.text(alt or src, frozenset({"link"}), target)
            return
        path = self.env.base_dir / unquote(src)
        if not path.is_file():
            raise FileNotFoundError(f"image {src!r} not found at {path}; write it there or pass base_dir")
        try:
            width = min(Image.from_file(str(path)).width, self.env.column_width)
        except UnrecognizedImageError as err:
            raise ValueError(f"image {path} is not a format Word embeds; use PNG or JPEG") from err
        run = self.paragraph.add_run()
        run.add_picture(str(path), width=width)
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        doc_pr.set("descr", alt)  # the alt text, for screen readers
        self.result.captions.append(alt)
