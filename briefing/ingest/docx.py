"""Word documents: the article is the paragraph text; a Title or Heading 1 first is the title."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from briefing.ingest.article import Meta, build_article
from briefing.ingest.errors import Skipped
from briefing.ingest.source import Context, Input
from briefing.types import Article

_TITLE_STYLES = ("Title", "Heading 1")
_UNPACKED_RATIO = 5  # a .docx may unpack to this many times the file-size limit, no more


def read_docx(item: Input, ctx: Context) -> list[Article]:
    """Return the article of a .docx input; raises Skipped when it is no Word document."""
    if not zipfile.is_zipfile(io.BytesIO(item.data)):
        raise Skipped("not a Word document (.docx files are zip archives; this is not one)")
    _refuse_bomb(item.data, _UNPACKED_RATIO * ctx.max_bytes)
    try:
        document = docx.Document(io.BytesIO(item.data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise Skipped(f"not a Word document (a zip archive without Word content: {err})") from err
    paras = [p for p in document.paragraphs if p.text.strip()]
    title = document.core_properties.title or None
    if paras and paras[0].style is not None and paras[0].style.name in _TITLE_STYLES:
        title, paras = paras[0].text, paras[1:]
    body = "\n\n".join(p.text for p in paras)
    return [build_article(item.stem, body, source=item.name, meta=Meta(title=title))]


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
