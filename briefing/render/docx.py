"""Render the Markdown brief as a Word document, styled only by the reference document.

The Word file is built from the same Markdown as the `.md` brief, so one Jinja template drives
both. Every paragraph, run and table gets a *named* style of the reference document (never
direct bold, colours or sizes), so a user's house template restyles the whole brief.
The output is reproducible: identical inputs and properties give identical bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from docx.document import Document
from docx.opc.pkgwriter import PackageWriter
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from briefing.render.docx_blocks import BlockRenderer
from briefing.render.docx_package import house_document
from briefing.render.docx_xml import (
    add_page_footer,
    clear_body,
    drop_stale_parts,
    set_update_fields,
)
from briefing.render.problems import StyleError

# Characters XML 1.0 forbids; one of them in a w:t makes Word refuse the whole file.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PROPERTY_MAX = 255  # python-docx refuses longer core properties (a title from a long headline)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


@dataclass(frozen=True)
class DocProperties:
    """Core properties written into the document (File > Info in Word).

    `created` is also the modified time; None leaves both out, which keeps output reproducible.
    """

    title: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    author: str = "briefing"
    created: dt.datetime | None = None


def docx_bytes(markdown: str, *, reference: Path, props: DocProperties, base_dir: Path) -> bytes:
    """Return `markdown` as the bytes of a Word document styled by `reference`, the same bytes
    for the same inputs.

    Images are resolved against `base_dir`. Raises StyleError when the reference lacks a
    style, ReferenceDocError when it is not a .docx, FileNotFoundError for a missing local image.
    """
    document, styles = house_document(reference)
    if missing := styles.missing:
        raise StyleError(
            f"{reference} lacks styles: {', '.join(missing)}; add them or start from templates/reference.docx"
        )
    tree = SyntaxTreeNode(_parser().parse(strip_forbidden(markdown)))
    clear_body(document)
    drop_stale_parts(document)
    BlockRenderer(document, base_dir, styles).render(tree)
    add_page_footer(document)
    set_update_fields(document)
    apply_properties(document, props)
    return reproducible_bytes(document)


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def strip_forbidden(text: str) -> str:
    """Return `text` without the control characters XML 1.0 cannot carry."""
    return _XML_FORBIDDEN.sub("", text)


def apply_properties(document: Document, props: DocProperties) -> None:
    """Set the core properties from `props`, clearing whatever the reference carried."""
    core = document.core_properties
    core.title = _property(props.title)
    core.subject = _property(props.subject)
    core.keywords = _property("; ".join(props.keywords))
    core.author = core.last_modified_by = _property(props.author)
    core.comments = core.category = core.content_status = ""
    core.revision = 1
    if props.created is None:
        _drop_dates(core)
        return
    created = props.created
    if created.tzinfo is not None:  # python-docx writes the clock time as UTC ("Z")
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    core.created = core.modified = created


def _property(text: str) -> str:
    """Return `text` fit for a core property: XML-safe, at most the 255 characters Word allows."""
    text = strip_forbidden(text)
    return text if len(text) <= _PROPERTY_MAX else text[: _PROPERTY_MAX - 1] + "…"


def _drop_dates(core) -> None:
    element = core._element  # python-docx offers no way to unset a date
    for tag in ("created", "modified", "lastPrinted"):
        for child in element.findall(f"{{*}}{tag}"):
            element.remove(child)


IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


def docx_key(markdown: str, props: DocProperties, reference: Path, base_dir: Path) -> str:
    """Return a hash of everything the DOCX of `markdown` is made from: the Markdown, its
    properties, the house document, the local images it shows and the code that writes it."""
    digest = hashlib.sha256()
    for part in (markdown, repr(props), _code_hash()):
        digest.update(part.encode() + b"\0")
    for path in [reference] + [base_dir / src for src in IMAGE.findall(markdown)]:
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing " + str(path).encode())
    return digest.hexdigest()


@functools.cache
def _code_hash() -> str:
    """Return the hash of the modules that write a DOCX and python-docx's version, read once."""
    here = Path(__file__).parent
    names = ("docx.py", "docx_blocks.py", "docx_inline.py", "docx_xml.py")
    blob = b"".join((here / n).read_bytes() for n in names) + version("python-docx").encode()
    return hashlib.sha256(blob).hexdigest()


def reproducible_bytes(document: Document) -> bytes:
    """Return `document` saved with fixed zip timestamps and member order."""
    return _normalise_zip(_members(document))


class _Members:
    """Stands in for python-docx's zip writer, keeping each member's bytes by name: the
    package is zipped once, with fixed timestamps, not zipped, unzipped and zipped again."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def _members(document: Document) -> dict[str, bytes]:
    """Return the zip members `document.save` would write, by name (as OpcPackage.save and
    PackageWriter.write make them)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, package.parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, package.parts)
    return members.blobs


def _normalise_zip(members: dict[str, bytes]) -> bytes:
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    order = first + sorted(n for n in members if n not in first)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, members[name])
    return buffer.getvalue()
