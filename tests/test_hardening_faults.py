"""Limits with one clear line each, and faults while writing: read-only folder, Ctrl-C."""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest import read_articles

STORY = ("President Biden met Chancellor Scholz in Berlin on Tuesday to discuss trade, "
         "officials said.\n")


def generate(inputs: Path, out: Path, *extra: str):
    return CliRunner().invoke(app, ["generate", str(inputs), "--out", str(out),
                                    "--today", "2026-01-01", "--quiet", *extra])


def test_hardening_faults_max_articles_cuts_a_file_short_with_one_line(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"Story number {n} about talks in Oslo."}) + "\n"
                            for n in range(5)))
    warnings: list[str] = []
    articles = read_articles([str(path)], warn=warnings.append, max_articles=2)
    assert len(articles) == 2
    assert warnings == [f"stopped after 2 articles (max_articles); 3 more in {path}#3 not read"]


def test_hardening_faults_max_articles_across_files_one_line(tmp_path):
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(f"Story {n}: the talks in Oslo went on for a day.\n")
    warnings: list[str] = []
    assert len(read_articles([str(tmp_path)], warn=warnings.append, max_articles=2)) == 2
    assert warnings == [f"stopped after 2 articles (max_articles); {tmp_path / '2.txt'} and "
                        "later inputs not read"]


def test_hardening_faults_max_chars_skips_with_one_line(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(STORY * 20)
    warnings: list[str] = []
    assert read_articles([str(path)], warn=warnings.append, max_chars=1000) == []
    size = len(read_articles([str(path)], warn=pytest.fail)[0].text)
    assert warnings == [f"skipped {path}: the text is {size:,} characters, more than the "
                        "1,000-character limit (max_chars); split it into smaller files"]


@pytest.mark.slow
@pytest.mark.model
def test_hardening_faults_single_5mb_paragraph_exits_2_with_clear_lines(tmp_path):
    (tmp_path / "in").mkdir()
    text = (STORY.strip() + " ") * (5_000_000 // len(STORY) + 1)
    (tmp_path / "in" / "huge.txt").write_text(text[:5_000_000])
    result = generate(tmp_path / "in", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"briefing: skipped {tmp_path / 'in' / 'huge.txt'}: the text is 4,999,999 characters, "
        "more than the 1,000,000-character limit (max_chars); split it into smaller files",
        f"briefing: no articles could be read from {tmp_path / 'in'}"]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """A folder of articles and the outputs of a first good run, with their bytes."""
    root = tmp_path_factory.mktemp("faults")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(STORY)
    (root / "in" / "b.txt").write_text("Prime Minister Kishida visited Washington on Friday "
                                       "for talks with President Biden on security.\n")
    result = generate(root / "in", root / "out")
    assert result.exit_code == 0, result.output
    return root


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
            and not p.name.startswith(".")}


def copy_outputs(first_run: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in snapshot(first_run / "out").items():
        (out / name).write_bytes(data)
    return out


@pytest.mark.slow
def test_hardening_faults_read_only_output_folder_exits_2_and_keeps_outputs(first_run, tmp_path,
                                                                      monkeypatch):
    out = copy_outputs(first_run, tmp_path)
    before = snapshot(out)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # what a read-only folder does to a write
    result = generate(first_run / "in", out)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"briefing: cannot write to {out}: Permission denied\n"
    assert snapshot(out) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_hardening_faults_really_read_only_folder(first_run, tmp_path):
    out = copy_outputs(first_run, tmp_path)
    before = snapshot(out)
    out.chmod(0o555)
    try:
        result = generate(first_run / "in", out)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2 and result.stderr.startswith(f"briefing: cannot write to {out}")
    assert snapshot(out) == before


@pytest.mark.parametrize("workers", ["1", "2"])  # 2: the briefs are written by a helper process
@pytest.mark.parametrize("when", ["replace", "write"])
def test_hardening_faults_ctrl_c_while_writing_leaves_no_partial_files(first_run, tmp_path, monkeypatch,
                                                                 when, workers):
    out = copy_outputs(first_run, tmp_path)
    before = snapshot(out)
    calls = multiprocessing.get_context("fork").Value("i", 0)  # counts in forked helpers too
    real_replace, real_fdopen = os.replace, os.fdopen

    def interrupt_second(*args):
        with calls.get_lock():
            calls.value += 1
            second = calls.value == 2
        if second:
            raise KeyboardInterrupt
        return args

    def replace(src, dst):
        interrupt_second()
        return real_replace(src, dst)

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            interrupt_second()
            return self.handle.write(data[len(data) // 2 :])

    if when == "replace":
        monkeypatch.setattr(os, "replace", replace)
    else:
        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    result = generate(first_run / "in", out, "--workers", workers)
    assert calls.value >= 2 and isinstance(result.exception, (KeyboardInterrupt, SystemExit))
    assert result.exit_code != 0
    assert not list(out.rglob("*.tmp"))
    after = snapshot(out)
    assert set(after) == set(before)
    assert all(after[name] == before[name] or complete(out / name) for name in after)


def complete(path: Path) -> bool:
    """True when `path` is a whole file of its kind (a new version, not a torn one)."""
    import docx

    if path.suffix == ".docx":
        return bool(docx.Document(str(path)).paragraphs)
    if path.suffix == ".json":
        return bool(json.loads(path.read_text("utf-8")))
    return path.read_text("utf-8").endswith("\n")
