"""Word documents: the article is the paragraph text; a Title or Heading 1 first is the title.

The document's XML is read as a stream (lxml's iterparse), each paragraph dropped once its
text is taken, so memory follows the text, not the markup: a small file that unpacks to
millions of empty paragraphs costs little. Entities are never resolved, nothing is fetched.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from typing import IO

from lxml import etree

from briefing.ingest.article import Meta, build_article
from briefing.ingest.errors import Skipped
from briefing.ingest.source import Context, Input
from briefing.types import Article

_TITLE_STYLES = ("title", "heading 1")
_UNPACKED_RATIO = 5  # a .docx may unpack to this many times the file-size limit, no more
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DROP_EVERY = 4096  # body elements read between two clean-ups of the tree
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx(item: Input, ctx: Context) -> list[Article]:
    """Return the article of a .docx input; raises Skipped when it is no Word document."""
    if not zipfile.is_zipfile(io.BytesIO(item.data)):
        raise Skipped("not a Word document (.docx files are zip archives; this is not one)")
    _refuse_bomb(item.data, _UNPACKED_RATIO * ctx.max_bytes)
    try:
        with zipfile.ZipFile(io.BytesIO(item.data)) as archive:
            main = _main_part(archive)
            styles = _style_names(archive, posixpath.join(posixpath.dirname(main), "styles.xml"))
            with archive.open(main) as xml:
                paras = [(s, t) for s, t in _paragraphs(xml) if t.strip()]
            title = _core_title(archive)
    except (KeyError, etree.LxmlError, zipfile.BadZipFile, ValueError) as err:
        raise Skipped(f"not a Word document (a zip archive without Word content: {err})") from err
    if paras and styles.get(paras[0][0], "").lower() in _TITLE_STYLES:
        title, paras = paras[0][1], paras[1:]
    body = "\n\n".join(t for _, t in paras)
    return [build_article(item.stem, body, source=item.name, meta=Meta(title=title or None))]


def _main_part(archive: zipfile.ZipFile) -> str:
    """Return the name of the main document part; raises KeyError when there is none."""
    if "[Content_Types].xml" not in archive.namelist():
        raise KeyError("There is no item named '[Content_Types].xml' in the archive")
    with archive.open("_rels/.rels") as rels:
        for rel in etree.parse(rels, _parser()).getroot().iter(_REL):
            if rel.get("Type") == _MAIN:
                return rel.get("Target", "").lstrip("/")
    raise KeyError("the package has no main document")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _events(xml: IO[bytes], tags: tuple[str, ...]) -> Iterator[etree._Element]:
    return (e for _, e in etree.iterparse(xml, events=("end",), tag=tags,
                                         resolve_entities=False, no_network=True,
                                         load_dtd=False))


def _paragraphs(xml: IO[bytes]) -> Iterator[tuple[str, str]]:
    """Yield (style id, text) of each body paragraph with content, dropping what was read
    every _DROP_EVERY elements (empty paragraphs cost no more than their parse)."""
    body, paragraph = f"{_W}body", f"{_W}p"
    for n, element in enumerate(_events(xml, (paragraph, f"{_W}tbl")), 1):
        parent = element.getparent()
        if parent is None or parent.tag != body:
            continue  # a table's paragraph: the table is dropped as a whole
        if element.tag == paragraph and len(element):
            style = element.find(f"{_W}pPr/{_W}pStyle")
            yield (style.get(f"{_W}val", "") if style is not None else "", _text(element))
        if n % _DROP_EVERY == 0:  # those before it are read (the parser may be ahead of us:
            del parent[:parent.index(element)]  # later ones can be in the tree already)


def _text(paragraph: etree._Element) -> str:
    """Return the text of a paragraph's runs (those inside hyperlinks too), as python-docx does."""
    out = []
    for run in paragraph.iterchildren(f"{_W}r", f"{_W}hyperlink"):
        for r in [run] if run.tag == f"{_W}r" else run.iterchildren(f"{_W}r"):
            for child in r:
                if child.tag == f"{_W}t":
                    out.append(child.text or "")
                elif child.tag == f"{_W}br" and child.get(f"{_W}type", "textWrapping") == "textWrapping":
                    out.append("\n")
                else:
                    out.append(_RUN_TEXT.get(child.tag, ""))
    return "".join(out)


def _style_names(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Return {style id: style name} of the styles part ({} when there is none)."""
    if name not in archive.namelist():
        return {}
    with archive.open(name) as xml:
        names = {}
        for style in _events(xml, (f"{_W}style",)):
            label = style.find(f"{_W}name")
            names[style.get(f"{_W}styleId", "")] = label.get(f"{_W}val", "") if label is not None else ""
            style.clear()
        return names


def _core_title(archive: zipfile.ZipFile) -> str | None:
    if "docProps/core.xml" not in archive.namelist():
        return None
    with archive.open("docProps/core.xml") as xml:
        found = next(_events(xml, (_DC_TITLE,)), None)
        return found.text if found is not None else None


def _refuse_bomb(data: bytes, limit: int) -> None:
    """Raise Skipped when the archive says it unpacks to more than `limit` bytes (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise Skipped(f"not a Word document (a damaged zip archive: {err})") from err
    if size > limit:
        raise Skipped(f"the Word document unpacks to {size:,} bytes, more than the {limit:,}-byte "
                      "limit (a possible zip bomb)")
