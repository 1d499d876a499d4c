"""The bad-files corpus (tests/data/bad/): each file gives exactly its expected one-line warnings.

`expected.json` lists, per file, the warning lines (`{path}` stands for the file), how many
articles survive (default none) and, when one does, its text. Every file in the folder must
be listed, so a new bad file cannot be added without saying what it should produce.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from briefing.ingest import read_articles

BAD = Path(__file__).resolve().parent / "data" / "bad"
EXPECTED = {k: v for k, v in json.loads((BAD / "expected.json").read_text("utf-8")).items()
            if not k.startswith("_")}


def test_hardening_corpus_lists_every_file():
    files = {p.name for p in BAD.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hardening_corpus_bad_file(name):
    case, path = EXPECTED[name], BAD / name
    warnings: list[str] = []
    started = time.monotonic()
    articles = read_articles([str(path)], warn=warnings.append, **case.get("options", {}))
    assert time.monotonic() - started < 10  # no bomb goes off
    assert warnings == [m.format(path=path) for m in case["messages"]]
    assert all("\n" not in w for w in warnings)
    assert len(articles) == case.get("articles", 0)
    if "text" in case:
        assert articles[0].text == case["text"]


@pytest.mark.slow
def test_hardening_corpus_whole_folder_through_the_cli(tmp_path):
    """The whole corpus at once: the good files make a brief, each bad one gets its line."""
    from typer.testing import CliRunner

    from briefing.cli import app

    folder = tmp_path / "bad"
    folder.mkdir()
    for name in EXPECTED:
        if name not in ("oversized.txt",):  # it is only too big under a smaller limit
            (folder / name).write_bytes((BAD / name).read_bytes())
    result = CliRunner().invoke(app, ["generate", str(folder), "--out", str(tmp_path / "out"),
                                      "--today", "2026-01-01", "--quiet"])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("briefing: skipped")]
    expected = sum(1 for n, c in EXPECTED.items()
                   if n != "oversized.txt" and any(m.startswith("skipped") for m in c["messages"]))
    assert len(skipped) == expected
    assert all(line.startswith("briefing: ") for line in result.stderr.splitlines())
