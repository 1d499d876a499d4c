"""Bad inputs give one clear warning naming the file and why, and the rest is still read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefing.ingest import read_articles

GOOD = "Officials said the ministers would meet in Geneva on Monday to discuss trade.\n"


def _read(path: Path, **kwargs) -> tuple[list, list[str]]:
    """Read `path` next to a good file; return (articles, warnings)."""
    good = path.parent / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    warnings: list[str] = []
    articles = read_articles([str(path), str(good)], warn=warnings.append, **kwargs)
    assert [a.id for a in articles][-1] == "zz_good"  # the rest is still read
    return articles[:-1], warnings


def _skipped(path: Path, reason: str, **kwargs) -> None:
    articles, warnings = _read(path, **kwargs)
    assert articles == []
    assert warnings == [f"skipped {path}: {reason}"]


def test_ingest_bad_inputs_empty(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n\n")
    _skipped(tmp_path / "empty.txt", "empty file")


def test_ingest_bad_inputs_binary(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    _skipped(tmp_path / "image.txt", "binary data, not text (it contains NUL bytes)")


def test_ingest_bad_inputs_truncated_utf8_keeps_the_text(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(GOOD.strip().encode() + " Café".encode()[:-1])
    articles, warnings = _read(path)
    assert articles[0].text == GOOD.strip() + " Caf"
    assert warnings == [f"{path}: truncated UTF-8 (dropped the incomplete last character at byte "
                        f"{len(GOOD.strip()) + 4})"]


def test_ingest_bad_inputs_utf16_without_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(("Tokyo’s ministers met in Genève. " + GOOD).encode("utf-16-le"))
    articles, warnings = _read(path)
    assert warnings == [] and articles[0].text.startswith("Tokyo’s ministers met in Genève.")


def test_ingest_bad_inputs_utf16_and_utf8_with_bom(tmp_path):
    for name, data in (("a.txt", ("Genève talks. " + GOOD).encode("utf-16")),
                       ("b.txt", ("Genève talks. " + GOOD).encode("utf-8-sig"))):
        (tmp_path / name).write_bytes(data)
        articles, warnings = _read(tmp_path / name)
        assert warnings == [] and articles[0].text.startswith("Genève talks. Officials")


def test_ingest_bad_inputs_latin1_and_cp1252(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Café crème à Paris, l'été dernier, dit-il.".encode("latin-1"))
    (tmp_path / "win.txt").write_bytes("Naïve “quotes” – 10 € paid, he said.".encode("cp1252"))
    assert _read(tmp_path / "latin.txt")[0][0].text == "Café crème à Paris, l'été dernier, dit-il."
    assert _read(tmp_path / "win.txt")[0][0].text == "Naïve “quotes” – 10 € paid, he said."


def test_ingest_bad_inputs_mojibake_repaired(tmp_path):
    (tmp_path / "moji.txt").write_text("Kishidaâ€™s final stop is Washington.", encoding="utf-8")
    assert _read(tmp_path / "moji.txt")[0][0].text == "Kishida’s final stop is Washington."


def test_ingest_bad_inputs_oversized(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 10, encoding="utf-8")
    size = len(GOOD) * 10
    _skipped(tmp_path / "big.txt", f"larger than the 200-byte limit ({size:,} bytes)",
             max_bytes=200)


def test_ingest_bad_inputs_zip_renamed_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    (tmp_path / "fake.docx").write_bytes(buffer.getvalue())
    articles, warnings = _read(tmp_path / "fake.docx")
    assert articles == [] and len(warnings) == 1
    assert warnings[0].startswith(f"skipped {tmp_path / 'fake.docx'}: not a Word document (a zip")


def test_ingest_bad_inputs_text_renamed_docx(tmp_path):
    (tmp_path / "plain.docx").write_text(GOOD)
    _skipped(tmp_path / "plain.docx",
             "not a Word document (.docx files are zip archives; this is not one)")


def test_ingest_bad_inputs_invalid_json(tmp_path):
    (tmp_path / "x.json").write_text('{\n  "title": "T",\n  "text": \n}')
    _skipped(tmp_path / "x.json", "not valid JSON (line 4: Expecting value)")


def test_ingest_bad_inputs_json_wrong_types(tmp_path):
    (tmp_path / "number.json").write_text("42")
    _skipped(tmp_path / "number.json", "expected a JSON object or array of objects, found a number")
    (tmp_path / "field.json").write_text('{"title": "T", "maintext": ["a", "b"]}')
    _skipped(tmp_path / "field.json", "field 'maintext' must be a string, found an array")
    (tmp_path / "notext.json").write_text('{"title": "T"}')
    _skipped(tmp_path / "notext.json", "no story text (no 'maintext' or 'text' field)")


def test_ingest_bad_inputs_jsonl_line_skipped_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "A", "text": "The talks ended."}\n{oops\n[1]\n')
    articles, warnings = _read(path)
    assert [a.id for a in articles] == ["mixed-001"]
    assert warnings == [
        f"skipped {path} line 2: not valid JSON (line 1: Expecting property name enclosed in "
        "double quotes)",
        f"skipped {path} line 3: expected a JSON object, found an array"]


def test_ingest_bad_inputs_html_only_scripts(tmp_path):
    (tmp_path / "app.html").write_text(
        "<html><head><script>var a = 'x'.repeat(100);</script></head>"
        "<body><script>document.write('hello')</script></body></html>")
    _skipped(tmp_path / "app.html",
             "no article text found in the page (only scripts, menus or markup)")


def test_ingest_bad_inputs_feed_entity_bomb_not_expanded(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
            '<rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title>'
            "<description>x</description></item></channel></rss>")
    (tmp_path / "bomb.xml").write_text(bomb)
    articles, warnings = _read(tmp_path / "bomb.xml")
    assert articles == [] and len(warnings) == 1
    assert warnings[0].startswith(f"skipped {tmp_path / 'bomb.xml'}: the feed declares XML "
                                  "entities, which are refused")


def test_ingest_bad_inputs_xml_not_a_feed(tmp_path):
    (tmp_path / "data.xml").write_text('<?xml version="1.0"?><catalog><book/></catalog>')
    articles, warnings = _read(tmp_path / "data.xml")
    assert articles == [] and len(warnings) == 1
    assert warnings[0].startswith(f"skipped {tmp_path / 'data.xml'}: not a readable RSS/Atom feed")


def test_ingest_bad_inputs_front_matter(tmp_path):
    (tmp_path / "fm.md").write_text("---\ntitle: [unclosed\n---\n" + GOOD)
    articles, warnings = _read(tmp_path / "fm.md")
    assert articles == [] and len(warnings) == 1
    assert warnings[0].startswith(f"skipped {tmp_path / 'fm.md'}: front matter is not valid YAML")


def test_ingest_bad_inputs_only_boilerplate(tmp_path):
    (tmp_path / "junk.txt").write_text("Share this article\n\nClick here to subscribe\n")
    _skipped(tmp_path / "junk.txt", "no story text found")
