"""The seed DOCX briefs outside python-docx: LibreOffice turns them into PDF without errors,
and pandoc reads them back with the headings, lists and tables of the Markdown brief.

pandoc comes from PyPI (pypandoc_binary, in the [test] extra); LibreOffice does not, so the
PDF test skips only where `soffice` is not installed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import docx
import pypandoc
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

SOFFICE = shutil.which("soffice")


def plain(node) -> str:
    """Return the text of a pandoc AST node: its words with single spaces."""
    if isinstance(node, list):
        return "".join(plain(n) for n in node)
    if not isinstance(node, dict):
        return ""
    if node.get("t") == "Str":
        return node["c"]
    if node.get("t") in ("Space", "SoftBreak", "LineBreak"):
        return " "
    return plain(node.get("c", []))


def outline(path, reader: str) -> dict:
    """Return what pandoc reads from a file: title, headings (level, text), each list's kind and
    number of items (nested lists too, in document order), and each table's header cells and
    number of body rows."""
    ast = json.loads(pypandoc.convert_file(str(path), "json", format=reader))
    found: dict = {"title": plain(ast["meta"].get("title", [])), "headings": [], "lists": [],
                   "tables": []}

    def walk(blocks) -> None:
        for block in blocks:
            kind, content = block["t"], block.get("c")
            if kind == "Header":
                found["headings"].append((content[0], plain(content[2])))
            elif kind in ("BulletList", "OrderedList"):
                items = content if kind == "BulletList" else content[1]
                found["lists"].append((kind, len(items)))
                for item in items:
                    walk(item)
            elif kind == "Table":
                head, bodies = content[3], content[4]
                header = [plain(cell[4]) for row in head[1] for cell in row[1]]
                found["tables"].append((header, sum(len(body[3]) for body in bodies)))
            elif kind in ("BlockQuote", "Div", "Figure"):
                walk(content if kind == "BlockQuote" else content[-1])

    walk(ast["blocks"])
    return found


def docx_as_markdown(path) -> dict:
    """Return the DOCX outline in the Markdown brief's terms: the Title is the `#` heading and
    Heading 1 is `##`; the table of contents' own "Contents" heading (a line of links in
    Markdown) is left out."""
    found = outline(path, "docx")
    headings = [(level + 1, text) for level, text in found["headings"] if text != "Contents"]
    return {**found, "headings": [(1, found["title"]), *headings], "title": ""}


def markdown_outline(path) -> dict:
    return {**outline(path, "gfm"), "title": ""}


def made_plain(word, style: str, out):
    """Save a copy of `word` whose first `style` paragraph is plain Normal text; returns `out`."""
    document = docx.Document(str(word))
    paragraph = next(p for p in document.paragraphs if p.style.name == style)
    paragraph.style = document.styles["Normal"]  # still there, no longer a heading or item
    for numbering in paragraph._p.xpath("./w:pPr/w:numPr"):  # a list item's own numbering
        numbering.getparent().remove(numbering)
    document.save(str(out))
    return out


def seed_pairs(seeds_out):
    pairs = [(md, md.with_suffix(".docx")) for md in sorted(seeds_out.glob("2*.md"))]
    assert len(pairs) == 2
    return pairs


def test_render_docx_roundtrip_pandoc_reads_the_docx_with_the_markdown_structure(seeds_out):
    for md, word in seed_pairs(seeds_out):
        expected = markdown_outline(md)
        assert expected["headings"][1] == (2, "Bottom line") and expected["tables"]
        assert expected["lists"]
        got = docx_as_markdown(word)
        assert got["headings"] == expected["headings"], md.name
        assert got["lists"] == expected["lists"], md.name
        assert got["tables"] == expected["tables"], md.name
        assert outline(word, "docx")["headings"][0] == (1, "Contents")  # the TOC's heading


def test_render_docx_roundtrip_comparison_catches_a_heading_or_list_item_turned_plain(seeds_out, tmp_path):
    md, word = seed_pairs(seeds_out)[-1]
    expected = markdown_outline(md)
    for style, lost in (("Heading 1", "headings"), ("List Number", "lists")):
        got = docx_as_markdown(made_plain(word, style, tmp_path / f"broken-{lost}.docx"))
        assert got[lost] != expected[lost], style
        assert got["tables"] == expected["tables"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; it is not "
                    "on PyPI (Debian: apt-get install libreoffice-writer)")
def test_render_docx_roundtrip_libreoffice_converts_the_docx_to_pdf_without_errors(seeds_out, tmp_path):
    pairs = seed_pairs(seeds_out)
    control = made_plain(pairs[-1][1], "Heading 1", tmp_path / "control.docx")
    words = [word for _, word in pairs] + [control]
    profile = (tmp_path / "profile").as_uri()  # its own profile: no clash with a running office
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, words)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert not re.search(r"(?i)\berror\b", done.stderr), done.stderr
    for md, word in pairs:
        pdf = (tmp_path / word.name).with_suffix(".pdf")
        assert pdf.is_file(), f"no PDF for {word.name}: {done.stdout} {done.stderr}"
        data = pdf.read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page\b", data))
        assert data.startswith(b"%PDF-") and 2 <= pages <= 8, (word.name, pages)
        # the PDF's bookmarks are the headings LibreOffice saw, and its /Title the title
        (title, *headings) = [text for _, text in markdown_outline(md)["headings"]]
        assert pdf_titles(data) == [*headings, title], word.name
    # the check can fail: a heading turned plain text is no bookmark
    assert pdf_titles((tmp_path / "control.pdf").read_bytes()) == [*headings[1:], title]


def pdf_titles(data: bytes) -> list[str]:
    """Return the /Title strings of a PDF in file order: bookmarks, then the document's."""
    return [bytes.fromhex(h.decode()).decode("utf-16")
            for h in re.findall(rb"/Title\s*<([0-9A-Fa-f]+)>", data)]
