"""Build templates/reference.docx: the house look of the Word brief.

    .venv/bin/python scripts/make_reference_docx.py [OUT]

Starts from python-docx's default template and defines every style the renderer uses
(briefing.render.docx_package.REQUIRED_STYLES). Rerunning it gives the same bytes. To restyle the
brief, edit this file (or copy reference.docx, change its styles in Word and pass that).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from briefing.render.docx import DocProperties, apply_properties, reproducible_bytes
from briefing.render.docx_package import missing_styles
from briefing.render.docx_xml import add_page_footer, drop_stale_parts

FONT = "Arial"  # Liberation Sans has the same metrics, so LibreOffice lays it out alike
INK, ACCENT, MUTED, RULE = "1F2933", "1F4E79", "52606D", "9AA5B1"
CREATED = dt.datetime(2024, 1, 1)

# Body text lives in the document defaults, not in Normal: a table style outranks the
# defaults but not a paragraph style, so only this way can the header row be white and bold
# and cells keep their tighter spacing. Space sits mostly *before* a paragraph, so that
# text after a table does not touch it. Body text keeps Word's automatic colour: LibreOffice
# copies a default colour onto the runs of a table cell as direct formatting, over the
# Hyperlink style of a lone citation link (a cell's only "[2]" came out ink, not link blue).
DEFAULTS = f"""<w:docDefaults {nsdecls("w")}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
    <w:sz w:val="21"/><w:szCs w:val="21"/>
    <w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:before="80" w:after="40" w:line="264" w:lineRule="auto"/></w:pPr>
  </w:pPrDefault>
</w:docDefaults>"""
# name: (based on, size pt, colour, bold, italic, space before pt, space after pt);
# None leaves the value to the defaults above.
PARAGRAPHS = {
    "Title": ("Normal", 24, ACCENT, True, False, 0, 4),
    "Subtitle": ("Normal", 13, MUTED, False, False, 0, 10),
    "Heading 1": ("Normal", 14, ACCENT, True, False, 16, 2),
    "Heading 2": ("Normal", 12, ACCENT, True, False, 12, 2),
    "Heading 3": ("Normal", None, INK, True, False, 10, 2),
    "Quote": ("Normal", None, INK, False, True, 4, 2),
    "Quote Attribution": ("Normal", 9.5, MUTED, False, False, 0, 8),
    "Figure": ("Normal", None, None, False, False, 6, 2),
    "Caption": ("Normal", 9, MUTED, False, True, 0, 10),
    "Source Code": ("Normal", 9, None, False, False, 0, 6),
    "Footer": ("Normal", 9, MUTED, False, False, 0, 0),
    "toc 1": ("Normal", None, None, False, False, 0, 2),
    "toc 2": ("Normal", 10, None, False, False, 0, 2),
    "toc 3": ("Normal", 9.5, MUTED, False, False, 0, 2),
}
BUILTIN = {"Hyperlink", "toc 1", "toc 2", "toc 3"}  # Word knows these names as its own
LISTS = ("List Bullet", "List Bullet 2", "List Number", "List Number 2",
         "List Continue", "List Continue 2")  # fmt: skip
# Runs: (colour, bold, italic, underline, font)
CHARACTERS = {
    "Strong": (None, True, False, False, None),
    "Emphasis": (None, False, True, False, None),
    "Hyperlink": ("1F5FA8", False, False, True, None),
    "Verbatim Char": (None, False, False, False, "Courier New"),
}
TABLE_STYLE = f"""<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefTable">
  <w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
    </w:tblBorders>
    <w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:pPr><w:keepNext/></w:pPr>
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""


def build(out: Path) -> None:
    """Write the reference document to `out`; raises if a required style is still missing."""
    document = docx.Document()
    _page(document)
    _plain_fonts_and_colours(document)
    for name, spec in PARAGRAPHS.items():
        _paragraph_style(document, name, *spec)
    for name in LISTS:
        _paragraph_style(document, name, "Normal", None, None, False, False, 0, 3)
    for name, spec in CHARACTERS.items():
        _character_style(document, name, *spec)
    _adjust(document)
    document.styles.element.append(parse_xml(TABLE_STYLE))
    add_page_footer(document)
    drop_stale_parts(document)
    apply_properties(document, DocProperties(title="Briefing reference", created=CREATED))
    out.write_bytes(reproducible_bytes(document))
    if missing := missing_styles(out):
        raise SystemExit(f"{out} still lacks styles: {', '.join(missing)}")


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(22), Mm(22)
    section.footer_distance = Mm(10)


def _plain_fonts_and_colours(document) -> None:
    """One explicit font and palette: theme fonts and colours would override ours in Word."""
    styles = document.styles.element
    styles.replace(styles.find(qn("w:docDefaults")), parse_xml(DEFAULTS))
    for tag in ("w:rFonts", "w:color"):
        for element in styles.iter(qn(tag)):
            for attr in [a for a in element.attrib if "theme" in a.lower()]:
                del element.attrib[attr]
    for rfonts in list(styles.iter(qn("w:rFonts"))):
        if not rfonts.attrib:
            rfonts.getparent().remove(rfonts)


def _get(document, name: str, kind: WD_STYLE_TYPE):
    if name in document.styles:
        return document.styles[name]
    return document.styles.add_style(name, kind, builtin=name in BUILTIN)


def _paragraph_style(document, name, base, size, colour, bold, italic, before, after) -> None:
    style = _get(document, name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = document.styles[base]
    if size:
        style.font.size = Pt(size)
    if colour:
        style.font.color.rgb = RGBColor.from_string(colour)
    style.font.bold, style.font.italic = bold or None, italic or None
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)


def _character_style(document, name, colour, bold, italic, underline, font) -> None:
    style = _get(document, name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = document.styles["Default Paragraph Font"]
    if colour:
        style.font.color.rgb = RGBColor.from_string(colour)
    style.font.bold, style.font.italic = bold or None, italic or None
    style.font.underline = underline or None
    if font:
        style.font.name = font


def _adjust(document) -> None:
    """The touches a size-and-colour table cannot say."""
    styles = document.styles
    title = styles["Title"].element.pPr
    title.remove(title.find(qn("w:pBdr")))  # a rule under the title reads as clutter here
    subtitle = styles["Subtitle"].element.pPr
    subtitle.remove(subtitle.find(qn("w:numPr")))  # Word 2010 left a stray list level here
    for name in ("Quote", "Quote Attribution"):
        styles[name].paragraph_format.left_indent = Mm(8)
        styles[name].paragraph_format.right_indent = Mm(8)
    styles["Quote"].paragraph_format.keep_with_next = True
    for name in ("Figure", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.keep_with_next = True
    styles["Source Code"].font.name = "Courier New"
    styles["Figure"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["toc 2"].paragraph_format.left_indent = Mm(5)
    styles["toc 3"].paragraph_format.left_indent = Mm(10)
    for name in ("Quote Attribution", "Caption", "Source Code", "Figure", "TOC Heading") + tuple(
        f"toc {n}" for n in (1, 2, 3)
    ):
        styles[name].quick_style = True
        styles[name].hidden = False


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "templates/reference.docx"))
