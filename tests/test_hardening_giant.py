"""Giant inputs at bounded cost: long articles parsed in pieces, entity lookups that do not
read the whole document, Word documents read as a stream. The costs themselves are measured
by benchmarks/bench_hostile.py (ratios, peak memory); these tests pin the behaviour."""

from __future__ import annotations

import zipfile

import docx
import pytest
import spacy
from spacy.tokens import Doc, Span

from briefing.extract.entities import entity_at, ents_in
from briefing.ingest import read_articles
from briefing.runtime import nlp


def _doc_with_ents() -> Doc:
    words = ("Foreign Minister Anna Berg of Norway met Luis Ortega in Geneva on Monday . "
             "New York Times reporters saw them .").split()
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 5, 6, "GPE"), Span(doc, 7, 9, "PERSON"),
                Span(doc, 10, 11, "GPE"), Span(doc, 12, 13, "DATE"), Span(doc, 14, 17, "ORG")]
    return doc


def test_hardening_giant_entity_at_matches_doc_ents():
    doc = _doc_with_ents()
    for tok in doc:
        assert entity_at(tok) == next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    assert entity_at(doc[3]).label_ == "PERSON" and entity_at(doc[3]).text == "Anna Berg"


@pytest.mark.parametrize("bounds", [(0, 20), (0, 3), (3, 9), (2, 4), (8, 15), (15, 20), (5, 5)])
def test_hardening_giant_ents_in_matches_span_ents(bounds):
    doc = _doc_with_ents()
    span = doc[bounds[0]:bounds[1]]
    assert ents_in(span) == list(span.ents)


@pytest.mark.parametrize("text", [
    "One. Two three.\n\nFour five six. " * 400,
    ("Ministers met in Oslo. " * 3000),
    "x" * 12_345,
    "word " * 4_000,
    "",
], ids=["paragraphs", "one-paragraph", "no-spaces", "no-sentences", "empty"])
def test_hardening_giant_pieces_join_back_and_stay_small(text):
    parts = nlp.pieces(text, 1000)
    assert "".join(parts) == text
    assert all(len(p) <= 1000 for p in parts)
    if "\n\n" in text:
        assert all(p.endswith("\n\n") for p in parts[:-1])
    elif ". " in text:
        assert all(p.endswith(". ") for p in parts[:-1])


def test_hardening_giant_long_text_parsed_in_pieces_is_one_doc(monkeypatch):
    language = spacy.blank("en")
    language.add_pipe("sentencizer")
    monkeypatch.setattr(nlp, "PIECE_CHARS", 500)
    texts = ["Short one.", "Ministers met in Oslo on Monday. " * 200, "Another short one."]
    docs = list(nlp.pipe(language, texts, batch_size=2))
    assert [d.text for d in docs] == texts
    whole = language(texts[1])
    assert [t.text for t in docs[1]] == [t.text for t in whole]
    assert [s.text for s in docs[1].sents] == [s.text for s in whole.sents]
    assert nlp.parse(language, texts[1]).text == texts[1]


STORY = ("Ministers met in Oslo on Monday to discuss fishing rights, officials said. The talks "
         "will resume in Geneva next week, the ministry said in a statement on Friday.")


def _word_document(path, paragraphs: list[tuple[str, str]]) -> None:
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "a cell, not a paragraph of the story"
    document.add_paragraph("After the table.\tTabbed.")
    document.save(path)


def _as_python_docx_reads(path):
    """The article the python-docx reader made (before the streaming one), for comparison."""
    from briefing.ingest.article import Meta, build_article

    document = docx.Document(str(path))
    paras = [p for p in document.paragraphs if p.text.strip()]
    title = document.core_properties.title or None
    if paras and paras[0].style.name in ("Title", "Heading 1"):
        title, paras = paras[0].text, paras[1:]
    return build_article(path.stem, "\n\n".join(p.text for p in paras), source=str(path),
                         meta=Meta(title=title))


@pytest.mark.parametrize("first", ["Title", "Heading 1", "Normal"])
def test_hardening_giant_docx_stream_reads_what_python_docx_reads(tmp_path, first):
    path = tmp_path / "story.docx"
    _word_document(path, [(first, "Talks in Oslo"), ("Normal", ""),
                          ("Normal", "Ministers met in Oslo on Monday to discuss trade."),
                          ("List Bullet", "Fishing rights were on the agenda.")])
    (article,) = read_articles([str(path)], warn=pytest.fail)
    assert article == _as_python_docx_reads(path)


def test_hardening_giant_docx_of_empty_paragraphs_is_one_small_article(tmp_path):
    """A 200,000-paragraph document (1.2 MB of XML in a few KB of zip) reads as its one line
    of text; benchmarks/bench_hostile.py docx measures the 95 MB case."""
    source = tmp_path / "base.docx"
    _word_document(source, [("Normal", STORY)])
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 200_000, 1)
            dst.writestr(name, data)
    assert path.stat().st_size < 60_000
    (article,) = read_articles([str(path)], warn=pytest.fail)
    assert article.text.startswith(STORY)


def test_hardening_giant_docx_entities_are_not_expanded(tmp_path):
    path = tmp_path / "laughs.docx"
    source = tmp_path / "base.docx"
    _word_document(source, [("Normal", "Ministers met in Oslo on Monday to discuss trade.")])
    laughs = (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
              b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                head, _, rest = data.partition(b"?>")
                data = head + b"?>" + laughs + rest.replace(b"Ministers met", b"&c; met", 1)
            dst.writestr(name, data)
    articles = read_articles([str(path)], warn=lambda m: None)
    assert all("aaaaaaaaaaaaaaaaaaaa" not in a.text for a in articles)


def _near_identical(n: int, seed: int = 3) -> list[str]:
    """`n` different texts drawn from one small vocabulary (none a copy of another)."""
    import random

    rng = random.Random(seed)
    words = ("ministers talks oslo geneva trade fishing quotas security officials agreement "
             "delegation norway peru kenya tariffs proposal monday friday reporters").split()
    return [" ".join(rng.choice(words) for _ in range(60)) for _ in range(n)]


def test_hardening_giant_near_identical_items_link_a_bounded_number_of_pairs(monkeypatch):
    """Every pair of 300 near-identical items is similar enough to link; each keeps only its
    NEIGHBOURS nearest, and they still make one event."""
    from briefing.fuse import cluster
    from briefing.fuse.cluster import Digest, group, links, tfidf, veto_columns

    monkeypatch.setattr(cluster, "NEIGHBOURS", 5)
    digests = [Digest(tuple(t.split()), (None,) * 6 + (False,))
               for t in _near_identical(300)]
    vectors = tfidf([d.keywords for d in digests])
    rows, columns, _ = links(vectors, veto_columns([d.traits for d in digests]), 0.11)
    assert 300 <= len(rows) <= 300 * 5
    assert len(set(zip(rows.tolist(), columns.tolist(), strict=True))) == len(rows)
    assert group(digests) == [list(range(300))]


def test_hardening_giant_syndication_compares_each_text_with_few_earlier_ones(monkeypatch):
    from briefing.ingest import syndication
    from tests.conftest import article

    calls = []
    same = syndication.same_story
    monkeypatch.setattr(syndication, "same_story", lambda a, b: calls.append(1) or same(a, b))
    texts = _near_identical(400)
    texts.append(texts[123] + " indeed")  # a copy of one of them, near the end
    merged = syndication.merge_copies([article(f"a{i}", t) for i, t in enumerate(texts)])
    assert len(merged) == 400 and merged[123].also_in == ("a400",)
    assert len(calls) <= 401 * syndication.CANDIDATES


def test_hardening_giant_syndication_counts_many_shared_shingles_as_few(monkeypatch):
    """The stories sharing many shingles are counted in numpy: the same candidates, in the
    same order, as counting them one by one (ties: the earlier story)."""
    import random
    from array import array

    from briefing.ingest import syndication

    rng = random.Random(3)
    by_shingle = {m: array("q", sorted(rng.sample(range(600), rng.randrange(1, 400))))
                  for m in range(40)}
    marks = set(rng.sample(range(50), 32))
    counted = syndication._nearest(marks, by_shingle)
    monkeypatch.setattr(syndication, "_COUNT_IN_NUMPY", 10**9)
    assert counted == syndication._nearest(marks, by_shingle)
    assert len(counted) == syndication.CANDIDATES
    monkeypatch.setattr(syndication, "_COUNT_IN_NUMPY", 0)
    assert syndication._nearest({99}, by_shingle) == []
