"""Property-based tests: whatever text comes in, ingest never crashes and every run ends cleanly.

Profiles: "ci" (the default) keeps the suite fast; "long" runs 2000 whole-pipeline examples:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/test_properties.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest import read_articles

settings.register_profile("ci", max_examples=10, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
CHEAP = settings(max_examples=settings.default.max_examples * 5)  # ingest only: no spaCy

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
SENTENCES = ["President Biden met Chancellor Scholz in Berlin on Tuesday to discuss trade.",
             "Prime Minister Kishida will visit Washington next week, officials said.",
             "وقال وزير الخارجية إن المحادثات ستستمر يوم الاثنين في القاهرة.",
             "ראש הממשלה נפגש עם השר בירושלים ביום שני.",
             "The summit 🤝🇯🇵🇺🇸 ended with a joint statement 👍 on Friday.",
             "‮Reversed‬ text and ​zero‑width marks‌ in the lead."]
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=300)
LONG_LINE = st.builds(lambda word, n: word * n, st.sampled_from(["trade ", "x", "🤝", "ش "]),
                      st.integers(500, 4_000))
PIECE = st.one_of(ANY_TEXT, st.sampled_from(SENTENCES), LONG_LINE,
                  st.sampled_from(["", " ", "\n\n", "\t \u3000\u00a0", "\x00", "\x0b\x0c"]))
BODY = st.lists(PIECE, max_size=6).map("\n\n".join)
SUFFIX = st.sampled_from([".txt", ".md", ".json", ".html"])


def as_file(text: str, suffix: str) -> bytes:
    """Return `text` as a file of kind `suffix`; lone surrogates become invalid UTF-8 bytes."""
    if suffix == ".json":
        return json.dumps({"title": text[:80], "maintext": text}).encode()
    if suffix == ".html":
        text = f"<html><body><article><p>{text}</p></article></body></html>"
    return text.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".html"])
@CHEAP
@given(body=BODY)
def test_properties_ingest_never_crashes_and_cleans_text(suffix, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(as_file(body, suffix))
        warnings: list[str] = []
        articles = read_articles([str(path)], warn=warnings.append)
    assert all("\n" not in w and "could not be read" not in w for w in warnings), warnings
    for article in articles:
        for value in (article.text, article.title or "", article.outlet or "", article.id):
            assert not FORBIDDEN.search(value)
        assert article.text.strip()


@CHEAP
@given(data=st.binary(max_size=2000))
def test_properties_ingest_arbitrary_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_bytes(data)
        (Path(folder) / "b.bin.docx").write_bytes(b"PK\x03\x04" + data)
        warnings: list[str] = []
        articles = read_articles([folder], warn=warnings.append)
    assert all("could not be read" not in w for w in warnings), warnings
    assert all(not FORBIDDEN.search(a.text) for a in articles)


@pytest.mark.slow
@pytest.mark.model
@given(bodies=st.lists(st.tuples(BODY, SUFFIX), min_size=1, max_size=3))
def test_properties_pipeline_ingest_to_docx(bodies):
    """Every run exits 0 or 2, says why in lines starting "briefing: ", writes only into --out,
    leaves no temporary files, and every DOCX opens."""
    with tempfile.TemporaryDirectory() as root:
        folder, out = Path(root) / "in", Path(root) / "out"
        folder.mkdir()
        for n, (body, suffix) in enumerate(bodies):
            (folder / f"{n}{suffix}").write_bytes(as_file(body, suffix))
        result = CliRunner().invoke(app, ["generate", str(folder), "--out", str(out),
                                          "--today", "2026-01-01", "--quiet"])
        assert result.exit_code in (0, 2), (result.exception, result.output)
        assert all(line.startswith("briefing: ") for line in result.stderr.splitlines())
        if result.exit_code == 2:
            assert result.stderr.strip()
            return
        written = [p for p in Path(root).rglob("*") if p.is_file()
                   and not p.is_relative_to(folder)]
        assert all(p.is_relative_to(out) for p in written)
        assert not [p for p in written if p.suffix == ".tmp"]
        for path in out.glob("*.docx"):
            assert docx.Document(str(path)).paragraphs
        for path in out.glob("*.md"):
            assert not FORBIDDEN.search(path.read_text("utf-8"))
        json.loads((out / "facts.json").read_text("utf-8"))
