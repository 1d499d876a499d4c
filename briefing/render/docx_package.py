"""The house document (`--reference-docx`): opened, checked and refused with one clear line.

A reference document is a zip of XML parts. One that is not a zip, unpacks to too much, has
XML lxml refuses (malformed, an entity-expansion bomb, an external entity, a text node over
lxml's 10 MB limit) or lacks a style the brief uses is refused as "FILE is not a usable Word
document: ..." or "FILE lacks styles: ...", never with a traceback.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

from briefing.render.problems import ReferenceDocError

_P, _C, _T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE

# Every style the renderer may use, with the kind Word must know it as.
STYLE_TYPES: dict[str, WD_STYLE_TYPE] = {
    "Normal": _P, "Title": _P, "Subtitle": _P,
    "Heading 1": _P, "Heading 2": _P, "Heading 3": _P,
    "List Bullet": _P, "List Bullet 2": _P, "List Number": _P, "List Number 2": _P,
    "List Continue": _P, "List Continue 2": _P,
    "Quote": _P, "Quote Attribution": _P, "Figure": _P, "Caption": _P, "Source Code": _P,
    "Footer": _P, "TOC Heading": _P, "TOC 1": _P, "TOC 2": _P, "TOC 3": _P,
    "Strong": _C, "Emphasis": _C, "Hyperlink": _C, "Verbatim Char": _C,
    "Brief Table": _T,
}  # fmt: skip
REQUIRED_STYLES: tuple[str, ...] = tuple(STYLE_TYPES)
MAX_UNPACKED = 50_000_000  # bytes a house document may unpack to (the shipped one: 60 KB)
_UNUSABLE = (PackageNotFoundError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError,
             ValueError, TypeError, AttributeError, NotImplementedError, etree.LxmlError)
_ADVICE = "save it from Word or LibreOffice as .docx, or start from templates/reference.docx"


def unusable(reference: Path, why: str) -> ReferenceDocError:
    """Return the one-line error refusing `reference` for `why`."""
    return ReferenceDocError(f"{reference} is not a usable Word document: {why}; {_ADVICE}")


def open_reference(reference: Path) -> Document:
    """Return the reference document opened with python-docx, its styles read once.

    Raises ReferenceDocError when the file is missing, is not a Word .docx package, unpacks
    to more than MAX_UNPACKED bytes or holds XML that cannot be read safely.
    """
    return _opened(reference, _read(reference))


@dataclass(frozen=True)
class HouseStyles:
    """What writing a brief needs to know of the house document's styles, read once."""

    missing: tuple[str, ...]  # the REQUIRED_STYLES it lacks (see `missing_in`)
    positions: dict[str, int]  # lower-case style name -> index among styles.xml's w:style
    # elements (the last one of a name, as a dict of python-docx's styles keeps it)
    default_paragraph: str | None  # the style id Word applies when none is named
    default_table: int | None  # the index of the default table style


def house_styles(document: Document) -> HouseStyles:
    """Return what `document`'s styles tell a brief (see HouseStyles)."""
    elements = document.styles.element.findall(qn("w:style"))
    positions = {}
    for i, element in enumerate(elements):
        name = element.find(qn("w:name"))
        value = None if name is None else name.get(qn("w:val"))
        if value:
            positions[BabelFish.internal2ui(value).lower()] = i
    paragraph = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    table = document.styles.element.default_for(WD_STYLE_TYPE.TABLE)
    return HouseStyles(tuple(missing_in(document)), positions,
                       paragraph.style_id if paragraph is not None else None,
                       elements.index(table) if table is not None else None)


def house_document(reference: Path) -> tuple[Document, HouseStyles]:
    """Return a fresh copy of the reference document to write a brief into, and its styles.

    The checks of `open_reference` and the reading of the styles run once per content of
    the file: every brief of a run starts from the same house document. Raises as
    `open_reference`.
    """
    blob = _read(reference)
    styles = _checked(reference, blob)
    return docx.Document(io.BytesIO(blob)), styles


def _read(reference: Path) -> bytes:
    """Return the reference document's bytes; raises ReferenceDocError when it is missing or
    cannot be read."""
    if not reference.is_file():
        raise ReferenceDocError(
            f"{reference} does not exist; pass an existing .docx or use templates/reference.docx"
        )
    try:
        return reference.read_bytes()
    except OSError as err:
        raise unusable(reference, f"not a zip archive ({err})") from err


@functools.lru_cache(maxsize=2)
def _checked(reference: Path, blob: bytes) -> HouseStyles:
    """Return the styles of the reference document of these bytes, once it opened."""
    return house_styles(_opened(reference, blob))


def _opened(reference: Path, blob: bytes) -> Document:
    _refuse_oversized(reference, blob)
    try:
        document = docx.Document(io.BytesIO(blob))
        _ = [s.name for s in document.styles]  # parses styles.xml now, not mid-render
    except _UNUSABLE as err:
        raise unusable(reference, _reason(err)) from err
    return document


def _refuse_oversized(reference: Path, blob: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise unusable(reference, f"not a zip archive ({err})") from err
    if size > MAX_UNPACKED:
        raise unusable(reference, f"it unpacks to {size:,} bytes, more than the "
                                  f"{MAX_UNPACKED:,}-byte limit")


def _reason(err: Exception) -> str:
    """Return what is wrong, on one line."""
    text = " ".join(str(err).split()) or type(err).__name__
    if isinstance(err, etree.LxmlError):
        return f"its XML cannot be read ({text})"
    return text


def missing_styles(reference: Path) -> list[str]:
    """Return the REQUIRED_STYLES that `reference` lacks or defines as the wrong kind.

    A wrongly typed style is listed as e.g. "Strong (must be a character style)".
    Raises ReferenceDocError when `reference` is not a readable .docx.
    """
    return missing_in(open_reference(reference))


def missing_in(document: Document) -> list[str]:
    """Return the REQUIRED_STYLES that `document` lacks (see `missing_styles`)."""
    found = {s.name.lower(): s.type for s in document.styles if s.name}
    missing = []
    for name, kind in STYLE_TYPES.items():
        if name.lower() not in found:
            missing.append(name)
        elif found[name.lower()] != kind:
            missing.append(f"{name} (must be a {kind.name.lower()} style)")
    return missing
