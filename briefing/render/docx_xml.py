"""WordprocessingML pieces python-docx has no API for: fields, bookmarks, hyperlinks, numbering.

Each function is a thin wrapper around a few lxml elements, kept here so the renderer reads as
"what goes where" and the raw XML stays in one place.
"""

from __future__ import annotations

import hashlib
import re

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

# settings.xml children that must come after w:updateFields (CT_Settings is a sequence).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
# Parts describing the template rather than the brief: its page thumbnail, Word 2010's
# duplicate of the styles (stale once styles change), customXml leftovers.
_STALE_RELS = ("/metadata/thumbnail", "/stylesWithEffects", "/customXml")
_BOOKMARK_UNSAFE = re.compile(r"[^A-Za-z0-9_]")
_BOOKMARK_MAX = 40  # Word silently drops longer bookmark names


def clear_body(document: Document) -> None:
    """Remove the reference document's sample content, keeping its page setup (sectPr)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def drop_stale_parts(document: Document) -> None:
    """Remove the template's thumbnail, stylesWithEffects and customXml parts."""
    for rels in (document.part.package.rels, document.part.rels):
        for r_id in [r for r, rel in rels.items() if rel.reltype.endswith(_STALE_RELS)]:
            del rels[r_id]


def set_update_fields(document: Document) -> None:
    """Ask Word to update fields (the table of contents) when it opens the document."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        later = [settings.find(qn(f"w:{tag}")) for tag in _AFTER_UPDATE_FIELDS]
        later = [el for el in later if el is not None]
        if later:
            min(later, key=settings.index).addprevious(flag)
        else:
            settings.append(flag)
    flag.set(qn("w:val"), "true")


def add_page_footer(document: Document) -> None:
    """Give every section without a footer one holding the page number (a PAGE field)."""
    for section in document.sections:
        if not section.footer.is_linked_to_previous:
            continue  # the reference document's own footer wins
        section.footer.is_linked_to_previous = False
        paragraph = section.footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        add_field(paragraph, "PAGE", "1")


def add_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """Append a complete field (begin, instruction, cached result, end) to `paragraph`."""
    field_char(paragraph, "begin")
    instruction_run(paragraph, instruction)
    field_char(paragraph, "separate")
    paragraph.add_run(result)
    field_char(paragraph, "end")


def field_char(paragraph: Paragraph, kind: str) -> None:
    """Append a w:fldChar run of `kind` ("begin", "separate" or "end")."""
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def instruction_run(paragraph: Paragraph, instruction: str) -> None:
    """Append the field code run, e.g. `TOC \\o "1-3"`."""
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)


def bookmark_name(anchor: str) -> str:
    """Return the Word bookmark name for an HTML id: "source-3" -> "source_3".

    Word wants a letter first, at most 40 characters, only letters, digits and underscores;
    over-long ids keep a hash suffix so that two of them cannot collide.
    """
    name = _BOOKMARK_UNSAFE.sub("_", anchor)
    if not name[:1].isalpha():
        name = "b_" + name
    if len(name) > _BOOKMARK_MAX:
        digest = hashlib.sha1(anchor.encode()).hexdigest()[:8]
        name = f"{name[: _BOOKMARK_MAX - 9]}_{digest}"
    return name


def wrap_in_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Put a bookmark called `name` around the whole content of `paragraph`."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(end)


def new_hyperlink(paragraph: Paragraph, *, url: str = "", anchor: str = ""):
    """Append and return an empty w:hyperlink: to `url` (external) or to bookmark `anchor`."""
    link = OxmlElement("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), anchor)
    else:
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
        link.set(qn("r:id"), paragraph.part.relate_to(url, rel, is_external=True))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def restart_numbering(document: Document, style: BaseStyle, start: int) -> tuple[str, str] | None:
    """Return (numId, ilvl) of a new numbering instance of `style`'s list, counting from `start`.

    Word continues a list across every paragraph sharing one w:num, so each Markdown list gets
    its own w:num with a startOverride. Returns None when the style is not numbered.
    """
    num_pr = _style_num_pr(style)
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = document.part.numbering_part.element
    try:
        source = numbering.num_having_numId(num_pr.numId.val)
    except KeyError:  # a house template whose style points at a list it does not define
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    num = numbering.add_num(source.abstractNumId.val)
    num.add_lvlOverride(ilvl).add_startOverride(start)
    return str(num.numId), str(ilvl)


def _style_num_pr(style: BaseStyle | None):
    while style is not None:  # numbering may be inherited from a base style
        p_pr = style.element.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style = style.base_style
    return None


def set_num_pr(paragraph: Paragraph, num_id: str, ilvl: str) -> None:
    """Attach `paragraph` to the numbering instance `num_id` at level `ilvl`."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = int(ilvl)
    num_pr.get_or_add_numId().val = int(num_id)
