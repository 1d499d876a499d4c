"""Shared fixtures: a blank English pipeline for stage tests, the real model for model tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def blank_nlp():
    """spacy.blank("en") with a sentencizer: tokens and sentences, no statistical model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def model_nlp():
    """The installed English pipeline (tests using it are marked `model`)."""
    from briefing.runtime import nlp

    return nlp.load()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory):
    """The seeds' briefs, generated once per test session through the CLI (json, md, docx)."""
    from typer.testing import CliRunner

    from briefing.cli import app

    out = tmp_path_factory.mktemp("seeds-out")
    result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(out),
                                      "--today", "2026-01-01", "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def article(id: str, text: str, published: dt.date | None = None, **kw):
    """A hand-built Article for stage tests."""
    from briefing.types import Article

    return Article(id=id, text=text, published=published, **kw)
