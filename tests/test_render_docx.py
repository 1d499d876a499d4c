"""The Word brief: read back with python-docx as (style, text) pairs, never compared as bytes."""

from __future__ import annotations

import datetime as dt
import io
import runpy
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefing.render.docx import DocProperties, docx_bytes
from briefing.render.docx_package import REQUIRED_STYLES, missing_styles
from briefing.render.docx_xml import bookmark_name
from briefing.render.problems import ReferenceDocError, StyleError

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "templates" / "reference.docx"
DATA = ROOT / "tests" / "data" / "docx"
PROPS = DocProperties(
    title="Ministers meet",
    subject="Geneva talks",
    keywords=("Schmidt", "Dupont"),
    created=dt.datetime(2023, 1, 12, 9, 30),
)


def render(tmp_path: Path, markdown: str, **kwargs) -> docx.document.Document:
    out = tmp_path / "brief.docx"
    options = {"reference": REFERENCE, "props": PROPS, "base_dir": DATA} | kwargs
    out.write_bytes(docx_bytes(markdown, **options))
    return docx.Document(str(out))


def pairs(document) -> list[tuple[str, str]]:
    """(style name, text) of each body paragraph, tables left out."""
    return [(p.style.name, p.text) for p in document.paragraphs]


def runs_xml(document, xpath: str) -> list:
    return document.element.body.xpath(xpath)


def test_render_docx_headings_title_and_subtitle(tmp_path):
    md = "# The title\n\nThe subtitle\n\n_As of today_\n\n## Part\n\nText.\n\n"
    md += "### Sub\n\n#### Deep\n"
    assert pairs(render(tmp_path, md)) == [
        ("Title", "The title"),
        ("Subtitle", "The subtitle"),
        ("Normal", "As of today"),
        ("Heading 1", "Part"),
        ("Normal", "Text."),
        ("Heading 2", "Sub"),
        ("Heading 3", "Deep"),
    ]


def test_render_docx_subtitle_only_right_after_title(tmp_path):
    md = "# Title\n\n## Part\n\nNot a subtitle.\n"
    assert pairs(render(tmp_path, md))[-1] == ("Normal", "Not a subtitle.")


def test_render_docx_list_styles(tmp_path):
    md = "- one\n  - inner\n- two\n\n1. first\n   1. sub\n2. second\n"
    assert pairs(render(tmp_path, md)) == [
        ("List Bullet", "one"),
        ("List Bullet 2", "inner"),
        ("List Bullet", "two"),
        ("List Number", "first"),
        ("List Number 2", "sub"),
        ("List Number", "second"),
    ]


def test_render_docx_each_ordered_list_restarts_at_one(tmp_path):
    document = render(tmp_path, "1. a\n2. b\n\nBreak.\n\n1. c\n2. d\n\n3. e\n")
    num_ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs if p.style.name != "Normal"]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = document.part.numbering_part.element
    starts = [
        numbering.num_having_numId(n).xpath("./w:lvlOverride/w:startOverride/@w:val")
        for n in dict.fromkeys(num_ids)
    ]
    assert starts == [["1"], ["1"]]


def test_render_docx_ordered_list_keeps_its_start(tmp_path):
    document = render(tmp_path, "4. four\n5. five\n")
    num_id = document.paragraphs[0]._p.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    assert numbering.num_having_numId(num_id).xpath(".//w:startOverride/@w:val") == ["4"]


def test_render_docx_table_cells_style_and_header(tmp_path):
    md = "| Item | Detail |\n|---|---|\n"
    md += "| Event | **Talks** [x](https://x.example) |\n| Place | Geneva |\n"
    document = render(tmp_path, md)
    (table,) = document.tables
    assert table.style.name == "Brief Table"
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Item", "Detail"],
        ["Event", "Talks x"],
        ["Place", "Geneva"],
    ]
    headers = [bool(row._tr.xpath("./w:trPr/w:tblHeader")) for row in table.rows]
    assert headers == [True, False, False]
    assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
    cell = table.cell(1, 1)._tc
    assert cell.xpath(".//w:r/w:rPr/w:rStyle/@w:val") == ["Strong", "Hyperlink"]
    assert len(cell.xpath(".//w:hyperlink")) == 1


def test_render_docx_quote_and_attribution(tmp_path):
    md = '> "We have bought time."\n>\n> — Anna Schmidt\n\n> "A pause."\n> — Maria Rossi\n'
    assert pairs(render(tmp_path, md)) == [
        ("Quote", '"We have bought time."'),
        ("Quote Attribution", "— Anna Schmidt"),
        ("Quote", '"A pause."'),
        ("Quote Attribution", "— Maria Rossi"),
    ]


def test_render_docx_external_hyperlink(tmp_path):
    document = render(tmp_path, "See [the report](https://x.example/a).\n")
    (link,) = runs_xml(document, ".//w:hyperlink")
    rel = document.part.rels[link.get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "https://x.example/a"
    assert link.xpath("./w:r/w:rPr/w:rStyle/@w:val") == ["Hyperlink"]
    assert document.paragraphs[0].text == "See the report."


def test_render_docx_internal_anchor_and_bookmark(tmp_path):
    md = 'Claim.[[1]](#source-1)\n\n## Sources\n\n1. <a id="source-1"></a>**Reuters**, "Title", 2023-01-11\n'
    document = render(tmp_path, md)
    (link,) = runs_xml(document, ".//w:hyperlink")
    assert link.get(qn("w:anchor")) == "source_1"
    item = document.paragraphs[-1]
    assert (item.style.name, item.text) == ("List Number", 'Reuters, "Title", 2023-01-11')
    assert item._p.xpath("./w:bookmarkStart/@w:name") == ["source_1"]
    assert len(item._p.xpath("./w:bookmarkEnd")) == 1


def test_render_docx_anchor_on_its_own_line_marks_next_paragraph(tmp_path):
    document = render(tmp_path, '<a id="annex"></a>\n\n## Annex\n\nText.\n')
    assert pairs(document) == [("Heading 1", "Annex"), ("Normal", "Text.")]
    names = document.paragraphs[0]._p.xpath("./w:bookmarkStart/@w:name")
    assert names == ["annex"]


def test_render_docx_headings_are_link_targets(tmp_path):
    document = render(tmp_path, "## Key facts\n\nSee [facts](#key-facts).\n")
    assert document.paragraphs[0]._p.xpath("./w:bookmarkStart/@w:name") == ["key_facts"]
    assert runs_xml(document, ".//w:hyperlink/@w:anchor") == ["key_facts"]


def test_render_docx_bookmark_names_are_word_safe():
    assert bookmark_name("source-3") == "source_3"
    assert bookmark_name("3-notes") == "b_3_notes"
    long_a, long_b = bookmark_name("x" * 60 + "a"), bookmark_name("x" * 60 + "b")
    assert len(long_a) <= 40 and long_a != long_b


def test_render_docx_character_styles_not_direct_formatting(tmp_path):
    document = render(tmp_path, "Plain **bold** and _italic_ and `code` and ***both***.\n")
    styled = [(r.style.name, r.text) for r in document.paragraphs[0].runs if r.text.strip()]
    assert styled == [
        ("Default Paragraph Font", "Plain "),
        ("Strong", "bold"),
        ("Default Paragraph Font", " and "),
        ("Emphasis", "italic"),
        ("Default Paragraph Font", " and "),
        ("Verbatim Char", "code"),
        ("Default Paragraph Font", " and "),
        ("Strong", "both"),  # one character style per run: the stronger mark wins
        ("Default Paragraph Font", "."),
    ]
    assert all(r.bold is None and r.italic is None for r in document.paragraphs[0].runs)
    assert not runs_xml(document, ".//w:r/w:rPr/*[not(self::w:rStyle)]")


def test_render_docx_toc_field(tmp_path):
    document = render(tmp_path, "# T\n\n<!-- toc -->\n\n## One\n\n### Two\n\n<!-- a note -->\n")
    assert runs_xml(document, ".//w:instrText/text()") == [r' TOC \o "1-3" \h \z \u ']
    assert pairs(document)[1:4] == [("TOC Heading", "Contents"), ("toc 1", "One"), ("toc 2", "Two")]
    settings = document.settings.element
    assert settings.xpath("./w:updateFields/@w:val") == ["true"]
    assert "a note" not in "".join(p.text for p in document.paragraphs)


def test_render_docx_footer_page_field(tmp_path):
    footer = render(tmp_path, "Text.\n").sections[0].footer
    assert not footer.is_linked_to_previous
    assert " PAGE " in footer._element.xpath(".//w:instrText/text()")


def test_render_docx_adds_footer_when_reference_has_none(tmp_path):
    bare = tmp_path / "bare.docx"
    shutil.copy(REFERENCE, bare)
    reference = docx.Document(str(bare))
    reference.sections[0].footer.is_linked_to_previous = True
    reference.save(str(bare))
    footer = render(tmp_path, "Text.\n", reference=bare).sections[0].footer
    assert footer.paragraphs[0].style.name == "Footer"
    assert " PAGE " in footer._element.xpath(".//w:instrText/text()")


def test_render_docx_core_properties(tmp_path):
    core = render(tmp_path, "Text.\n").core_properties
    assert (core.title, core.subject, core.keywords) == (
        "Ministers meet",
        "Geneva talks",
        "Schmidt; Dupont",
    )
    assert core.author == core.last_modified_by == "briefing"
    assert core.created == core.modified == dt.datetime(2023, 1, 12, 9, 30, tzinfo=dt.UTC)
    assert core.revision == 1 and core.comments == ""


def test_render_docx_timezone_aware_created_is_stored_as_utc(tmp_path):
    cet = dt.timezone(dt.timedelta(hours=1))
    props = DocProperties(title="T", created=dt.datetime(2023, 1, 12, 10, 30, tzinfo=cet))
    core = render(tmp_path, "Text.\n", props=props).core_properties
    assert core.created == dt.datetime(2023, 1, 12, 9, 30, tzinfo=dt.UTC)


def test_render_docx_is_deterministic(tmp_path):
    markdown = (DATA / "sample.md").read_text(encoding="utf-8")
    blobs = [docx_bytes(markdown, reference=REFERENCE, props=PROPS, base_dir=DATA) for _ in "ab"]
    assert blobs[0] == blobs[1]
    with zipfile.ZipFile(io.BytesIO(blobs[0])) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"


def test_render_docx_without_created_date_is_deterministic(tmp_path):
    props = DocProperties(title="T")
    first = render(tmp_path, "Text.\n", props=props)
    assert first.core_properties.created is None
    second_bytes = (tmp_path / "brief.docx").read_bytes()
    render(tmp_path, "Text.\n", props=props)
    assert (tmp_path / "brief.docx").read_bytes() == second_bytes


def test_render_docx_writes_atomically(tmp_path):
    (tmp_path / "brief.docx").write_bytes(b"old")
    render(tmp_path, "Text.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


def test_render_docx_control_characters_stripped(tmp_path):
    document = render(tmp_path, "Bad\x00 te\x0bxt\x1f here.\n", props=DocProperties(title="T\x07"))
    assert document.paragraphs[0].text == "Bad text here."
    assert document.core_properties.title == "T"


def test_render_docx_raw_html_is_text(tmp_path):
    md = 'Say <b>hi</b> <a href="x">there</a>.\n\n<div onclick="x()">block</div>\n'
    assert pairs(render(tmp_path, md)) == [
        ("Normal", 'Say <b>hi</b> <a href="x">there</a>.'),
        ("Normal", '<div onclick="x()">block</div>'),
    ]


def test_render_docx_image_with_caption(tmp_path):
    document = render(tmp_path, "![Timeline of the talks](timeline.png)\n")
    assert pairs(document) == [("Figure", ""), ("Caption", "Timeline of the talks")]
    (shape,) = document.inline_shapes
    section = document.sections[0]
    assert shape.width <= section.page_width - section.left_margin - section.right_margin
    assert runs_xml(document, ".//wp:docPr/@descr") == ["Timeline of the talks"]


def test_render_docx_missing_image_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.png"):
        render(tmp_path, "![x](nowhere.png)\n")


def test_render_docx_reference_lacking_styles_is_an_error(tmp_path):
    house = tmp_path / "house.docx"
    reference = docx.Document(str(REFERENCE))
    for name in ("Quote", "List Number"):
        element = reference.styles[name].element
        element.getparent().remove(element)
    reference.save(str(house))
    assert missing_styles(house) == ["List Number", "Quote"]
    with pytest.raises(StyleError, match="house.docx lacks styles: List Number, Quote"):
        render(tmp_path, "Text.\n", reference=house)


def test_render_docx_reference_must_be_a_docx(tmp_path):
    fake = tmp_path / "house.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ReferenceDocError, match="house.docx is not a usable Word document: not a zip"):
        render(tmp_path, "Text.\n", reference=fake)
    with pytest.raises(ReferenceDocError, match="does not exist"):
        missing_styles(tmp_path / "absent.docx")


def test_render_docx_shipped_reference_has_every_style():
    assert missing_styles(REFERENCE) == []
    assert len(REQUIRED_STYLES) == len(set(REQUIRED_STYLES))


def test_render_docx_reference_script_is_reproducible(tmp_path):
    build = runpy.run_path(str(ROOT / "scripts" / "make_reference_docx.py"))["build"]
    build(tmp_path / "a.docx")
    build(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as fresh, zipfile.ZipFile(REFERENCE) as shipped:
        # the committed file is what the script makes (rerun it after editing the script)
        assert fresh.read("word/styles.xml") == shipped.read("word/styles.xml")


def test_render_docx_sample_brief(tmp_path):
    document = render(tmp_path, (DATA / "sample.md").read_text(encoding="utf-8"))
    got = pairs(document)
    assert got[:3] == [
        ("Title", "Foreign ministers meet in Geneva on the ceasefire"),
        ("Subtitle", "Talks between the two governments, 10–11 January 2023"),
        ("Normal", "As of 12 January 2023, from 3 reports."),
    ]
    assert ("List Number", "Extension of the ceasefire[1]") in got
    assert ("Caption", "Timeline of the talks") in got
    assert got[-1][0] == "List Number" and got[-1][1].startswith("Le Monde")
    assert [len(t.rows) for t in document.tables] == [5, 4, 3]
    anchors = set(runs_xml(document, ".//w:hyperlink/@w:anchor"))
    bookmarks = set(runs_xml(document, ".//w:bookmarkStart/@w:name"))
    assert {"source_1", "source_2", "source_3"} <= anchors <= bookmarks


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not on PATH")
def test_render_docx_libreoffice_converts_to_pdf(tmp_path):
    render(tmp_path, (DATA / "sample.md").read_text(encoding="utf-8"))
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: no clash with a running one
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "brief.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "brief.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_render_docx_prose_column_gets_the_room_a_date_column_does_not_need():
    from briefing.render.docx_blocks import column_shares

    prose = "The ministers agreed to resume the regular dialogue that had been suspended " * 2
    rows = [["Date", "Development", "Sources"],
            ["Week of 2 Jan 2023 and 12 Jan 2023", prose, "[1][2]"],
            ["6 Jan 2023", prose, "[3]"]]
    date, development, sources = column_shares(rows, 96)
    assert development > 3 * date and date >= 14  # "16 Dec 2022" stays on one line
    assert sources >= 2 + int(len("Sources") * 1.25)  # the bold header is not broken
    assert column_shares([["Item", "Detail"], ["When", "11 Jan"]], 96) == [7, 9]  # all fits
