"""Markdown blocks (headings, paragraphs, lists, quotes, tables, contents) as Word paragraphs.

The style of each paragraph follows from where it sits: a heading's level, the first
paragraph after the title, a list item's depth, a block quote. Inline content is delegated to
`docx_inline`, raw XML to `docx_xml`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from docx.document import Document
from docx.oxml import OxmlElement
from docx.shared import Emu
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from markdown_it.tree import SyntaxTreeNode

from briefing.render.docx_inline import (
    InlineEnv,
    StyleProxies,
    anchor_ids,
    only_anchors,
    only_images,
    plain_text,
    write_inline,
)
from briefing.render.docx_package import HouseStyles, house_styles
from briefing.render.docx_xml import (
    bookmark_name,
    field_char,
    instruction_run,
    new_hyperlink,
    restart_numbering,
    set_num_pr,
    wrap_in_bookmark,
)
from briefing.render.markdown import ATTRIBUTION

_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}  # deeper: "Heading 3"
_TOC_STYLES = {2: "TOC 1", 3: "TOC 2", 4: "TOC 3"}  # the levels TOC \o "1-3" lists
_TOC_FIELD = r'TOC \o "1-3" \h \z \u'
_TOC_TITLE = "Contents"  # the house template's TOC Heading style gives it its look
_TOC_MARKER = re.compile(r"^\s*<!--\s*toc\s*-->\s*$", re.I)
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.S)
_CHAR_EMU = 63500  # an average character of the 9.5 pt table text, with its spacing (5 pt)
_LABEL = 12  # a column's text up to this length (a date, a country) is not broken
_SLUG_DROP = re.compile(r"[^\w\- ]")


@dataclass(frozen=True)
class _Where:
    """Where a block sits: list depth and kind, inside a quote or not."""

    list_depth: int = 0
    ordered: bool = False
    in_quote: bool = False


class BlockRenderer:
    """Appends the blocks of one Markdown syntax tree to the body of `document`."""

    def __init__(self, document: Document, base_dir: Path,
                 styles: HouseStyles | None = None) -> None:
        self.doc = document
        self.house = styles or house_styles(document)  # read once per house document
        section = document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        self.env = InlineEnv(styles=StyleProxies(document, self.house.positions),
                             base_dir=base_dir, column_width=int(width),
                             default_paragraph=self.house.default_paragraph)
        self.bookmark_ids = itertools.count(1)
        self.bookmarks: set[str] = set()
        self.heading_anchors: dict[int, str] = {}  # id(heading node) -> bookmark name
        self.after_title = False
        self.pending_anchors: list[str] = []  # from an anchor on a line of its own

    def render(self, tree: SyntaxTreeNode) -> None:
        """Append every block of `tree` (the document root) to the document body."""
        self._name_headings(tree)
        for node in tree.children:
            self.block(node, _Where())

    def block(self, node: SyntaxTreeNode, where: _Where) -> None:
        handler = getattr(self, f"_{node.type}", None)
        if handler is not None:  # hr and unknown blocks are left out
            handler(node, where)
        if node.type != "heading":
            self.after_title = False

    def paragraph(self, style: str) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        self.env.style(paragraph, style)
        return paragraph

    def inline(self, paragraph: Paragraph, node: SyntaxTreeNode | None) -> None:
        """Fill `paragraph` from an inline node, then add its bookmarks and image captions."""
        children = node.children if node is not None else []
        if only_images(children):
            self.env.style(paragraph, "figure")
        result = write_inline(self.env, paragraph, children)
        anchors, self.pending_anchors = self.pending_anchors + result.anchors, []
        for anchor in anchors:
            self.bookmark(paragraph, bookmark_name(anchor))
        for caption in result.captions:
            if caption:
                self.paragraph("Caption").add_run(caption)

    def bookmark(self, paragraph: Paragraph, name: str) -> None:
        if name not in self.bookmarks:  # Word keeps only the first of two same-named ones
            self.bookmarks.add(name)
            wrap_in_bookmark(paragraph, name, next(self.bookmark_ids))

    def _heading(self, node: SyntaxTreeNode, where: _Where) -> None:
        level = int(node.tag[1])
        paragraph = self.paragraph(_HEADING_STYLES.get(level, "Heading 3"))
        self.inline(paragraph, _inline_child(node))
        self.bookmark(paragraph, self.heading_anchors[id(node)])
        self.after_title = level == 1

    def _paragraph(self, node: SyntaxTreeNode, where: _Where) -> None:
        children = _inline_child(node).children
        if (ids := only_anchors(children)) is not None:
            self.pending_anchors.extend(ids)  # an anchor on a line of its own
        elif where.in_quote:
            self._quote_paragraph(node, children)
        elif self.after_title and where == _Where():
            self.inline(self.paragraph("Subtitle"), _inline_child(node))
        else:
            self.inline(self.paragraph(_body_style(where)), _inline_child(node))

    def _quote_paragraph(self, node: SyntaxTreeNode, children: list[SyntaxTreeNode]) -> None:
        quote, attribution = _split_attribution(children)
        if quote:
            self._inline_nodes(self.paragraph("Quote"), quote)
        if attribution:
            self._inline_nodes(self.paragraph("Quote Attribution"), attribution)

    def _inline_nodes(self, paragraph: Paragraph, nodes: list[SyntaxTreeNode]) -> None:
        holder = SyntaxTreeNode()  # a stand-in inline node around a slice of children
        holder.children = nodes
        self.inline(paragraph, holder)

    def _blockquote(self, node: SyntaxTreeNode, where: _Where) -> None:
        for child in node.children:
            self.block(child, replace(where, in_quote=True))

    def _bullet_list(self, node: SyntaxTreeNode, where: _Where) -> None:
        self._list(node, replace(where, list_depth=where.list_depth + 1, ordered=False))

    def _ordered_list(self, node: SyntaxTreeNode, where: _Where) -> None:
        self._list(node, replace(where, list_depth=where.list_depth + 1, ordered=True))

    def _list(self, node: SyntaxTreeNode, where: _Where) -> None:
        kind = "List Number" if where.ordered else "List Bullet"
        style = kind if where.list_depth == 1 else f"{kind} 2"
        numbering = None
        if where.ordered:
            start = int(node.attrGet("start") or 1)
            numbering = restart_numbering(self.doc, self.env.styles[style.lower()], start)
        for item in node.children:
            first, *rest = item.children or [None]
            if first is not None and first.type == "paragraph":
                paragraph = self.paragraph(style)
                if numbering:
                    set_num_pr(paragraph, *numbering)
                self.inline(paragraph, _inline_child(first))
            elif first is not None:
                rest = [first, *rest]
            for child in rest:
                self.block(child, where)

    def _table(self, node: SyntaxTreeNode, where: _Where) -> None:
        rows = [row for section in node.children for row in section.children]
        n_cols = max(len(row.children) for row in rows)
        table = self.doc.add_table(rows=len(rows), cols=n_cols)
        # by id, as python-docx's setter does it, without its search for the default style
        default = self.house.default_table
        style = self.env.styles["brief table"]
        table._tbl.tblStyle_val = (None if default is not None and style.element
                                   is self.env.styles.element_at(default) else style.style_id)
        for tr, row in zip(table._tbl.tr_lst, rows, strict=True):
            for tc, cell in zip(tr.tc_lst, row.children, strict=False):
                # by element: python-docx's table.cell() rebuilds the whole grid on each call
                paragraph = _Cell(tc, table).paragraphs[0]
                self.env.style(paragraph, "normal")
                self.inline(paragraph, _inline_child(cell))
        _mark_rows(table, header=node.children[0].type == "thead")
        _fit_columns(table, rows, self.env.column_width)

    def _html_block(self, node: SyntaxTreeNode, where: _Where) -> None:
        if _TOC_MARKER.match(node.content):
            self._toc()
        elif (ids := anchor_ids(node.content)) is not None:
            self.pending_anchors.extend(ids)  # they mark the next paragraph
        elif not _COMMENT.match(node.content):  # other raw HTML is shown as typed
            self._literal(node.content.rstrip("\n"), _body_style(where))

    def _fence(self, node: SyntaxTreeNode, where: _Where) -> None:
        self._literal(node.content.rstrip("\n"), "Source Code")

    _code_block = _fence

    def _literal(self, text: str, style: str) -> None:
        paragraph = self.paragraph(style)
        for i, line in enumerate(text.split("\n")):
            run = paragraph.add_run()
            if i:
                run.add_break()
            run.add_text(line)

    def _toc(self) -> None:
        """A TOC field whose cached result already lists the headings (Word refreshes it)."""
        entries = self.toc_entries
        self.paragraph("TOC Heading").add_run(_TOC_TITLE)
        first = self.paragraph(_TOC_STYLES[entries[0][0]] if entries else "Normal")
        field_char(first, "begin")
        instruction_run(first, _TOC_FIELD)
        field_char(first, "separate")
        last = first
        for i, (level, text, name) in enumerate(entries):
            last = first if i == 0 else self.paragraph(_TOC_STYLES[level])
            link = new_hyperlink(last, anchor=name)
            link.append(last.add_run(text)._r)
        field_char(last, "end")

    def _name_headings(self, tree: SyntaxTreeNode) -> None:
        """Give every heading a GitHub-style anchor and note the contents entries."""
        self.toc_entries: list[tuple[int, str, str]] = []
        seen: dict[str, int] = {}
        for node in tree.walk():
            if node.type != "heading":
                continue
            text = plain_text(_inline_child(node).children)
            slug = _SLUG_DROP.sub("", text.strip().lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            name = bookmark_name(f"{slug}-{count}" if count else slug or "heading")
            self.heading_anchors[id(node)] = name
            level = int(node.tag[1])
            if level in _TOC_STYLES:
                self.toc_entries.append((level, text, name))


def _inline_child(node: SyntaxTreeNode) -> SyntaxTreeNode:
    return node.children[0] if node.children else SyntaxTreeNode()


def _body_style(where: _Where) -> str:
    if where.in_quote:
        return "Quote"
    if where.list_depth:
        return "List Continue" if where.list_depth == 1 else "List Continue 2"
    return "Normal"


def _mark_rows(table, *, header: bool) -> None:
    """Keep each row on one page, and flag the first as a header Word repeats on every page.

    cantSplit is set on the rows because LibreOffice ignores it in a table style.
    """
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header and i == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _fit_columns(table, rows: list[SyntaxTreeNode], width: int) -> None:
    """Set each column's width from the text it holds (see `column_shares`)."""
    texts = [[plain_text(_inline_child(cell).children) for cell in row.children] for row in rows]
    shares = column_shares(texts, width // _CHAR_EMU)
    widths = [Emu(width * share // sum(shares)) for share in shares]
    for column, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = w
    for tr in table._tbl.tr_lst:  # by element: python-docx's column.cells rebuilds the grid
        for tc, w in zip(tr.tc_lst, widths, strict=True):
            tc.width = w


def column_shares(rows: list[list[str]], room: int) -> list[int]:
    """Return each column's width in characters, laid out as a browser lays out an auto table.

    A column gets at least its longest word (bold headers are wider: no "Sour-ces") or its
    longest text up to a short label's length; what room is left goes to the columns by how
    much more text they hold, so a column of dates does not take room the prose needs.
    """
    n_cols = max(len(row) for row in rows)
    cells = [[row[c] if c < len(row) else "" for row in rows] for c in range(n_cols)]
    least = [2 + max(max(int(len(w) * 1.25) for t in col for w in [*t.split(), ""]),
                     max(min(len(t), _LABEL) for t in col)) for col in cells]
    most = [max(need, 2 + max(len(t) for t in col)) for need, col in zip(least, cells, strict=True)]
    spare, wants = room - sum(least), [m - n for m, n in zip(most, least, strict=True)]
    if sum(most) <= room:
        return most
    if spare <= 0 or not sum(wants):
        return least
    return [n + spare * w // sum(wants) for n, w in zip(least, wants, strict=True)]


def _split_attribution(nodes: list[SyntaxTreeNode]):
    """Split a quote paragraph before a final "— Speaker" line (or whole-line attribution)."""
    if nodes and _is_attribution(nodes[0]):
        return [], nodes
    for i in range(len(nodes) - 2, 0, -1):
        if nodes[i].type in ("softbreak", "hardbreak") and _is_attribution(nodes[i + 1]):
            return nodes[:i], nodes[i + 1 :]
    return nodes, []


def _is_attribution(node: SyntaxTreeNode) -> bool:
    """Whether a text node opens with the dash a template wrote: an escaped or entity dash
    (how `escape` writes a value's own) keeps its escape in the merged node's info."""
    return (node.type == "text" and node.info not in ("escape", "entity")
            and bool(ATTRIBUTION.match(node.content)))
