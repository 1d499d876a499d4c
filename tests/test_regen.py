"""Incremental regeneration end to end: what rebuilds, what does not, and what survives."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.store import history, manifest
from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.model, pytest.mark.slow]
runner = CliRunner()
ARGS = ["generate", "in", "--out", "out", "--today", "2026-01-01"]
LATE = "002_3440a27cfb3bedc1.txt"  # a dated article, added later in one test


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project folder (in/ = four seed articles) built once; tests work on copies."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(SEEDS, root / "in", ignore=shutil.ignore_patterns(LATE))
    old = os.getcwd()
    os.chdir(root)
    try:
        result = runner.invoke(app, ARGS)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(built, tmp_path, monkeypatch):
    shutil.copytree(built, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def generate(*extra: str):
    return runner.invoke(app, [*ARGS, *extra])


def test_regen_unchanged_inputs_do_not_rebuild_nor_import_spacy(project):
    code = ("import sys\nfrom briefing.cli import app\ntry:\n"
            f"    app({ARGS!r})\nexcept SystemExit as e:\n    print('exit', e.code)\n"
            "print('spacy' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=project, check=True)
    assert run.stdout == "briefing: out/ is up to date\nexit 0\nFalse\n", run.stderr


def test_regen_a_changed_article_rebuilds(project):
    first = next((project / "in").glob("*.txt"))
    first.write_text(first.read_text() + "\nThe talks ended on Friday.\n")
    result = generate()
    assert result.exit_code == 0, result.output
    assert "up to date" not in result.output
    assert generate().output == "briefing: out/ is up to date\n"


def test_regen_a_changed_option_or_template_rebuilds(project):
    assert "up to date" not in generate("--mode", "note").output
    templates = project / "mine"
    templates.mkdir()
    text = (ROOT / "templates" / "brief.md.j2").read_text()
    (templates / "brief.md.j2").write_text(text + "\nEDITED TEMPLATE\n")
    result = generate("--mode", "note", "--templates", "mine")
    assert result.exit_code == 0, result.output
    assert "up to date" not in result.output
    assert all("EDITED TEMPLATE" in p.read_text() for p in (project / "out").glob("20*.md"))


def test_regen_force_rebuilds_and_history_keeps_the_previous_brief(project):
    previous = json.loads((project / "out" / "facts.json").read_text())
    assert "up to date" not in generate("--force").output
    assert len(history.snapshots(project / "out")) == 1
    assert history.previous_facts(project / "out") == previous


def test_regen_adding_one_article_parses_only_that_one(project):
    from briefing.pipeline import pipeline
    from briefing.render import RenderOptions
    from briefing.runtime import nlp
    from briefing.runtime.run import Runtime
    from briefing.store.facts_cache import FactsCache

    shutil.copy(SEEDS / LATE, project / "in" / LATE)
    salt = f"{manifest.tool_fingerprint(manifest.EXTRACTION)} {nlp.model_name(None)}"
    cache = FactsCache(project / "out" / ".cache" / "extract.sqlite", salt=salt, warn=print)
    run = Runtime(folder=project / "out", cache=cache, say=lambda m: None, warn=print)
    options = RenderOptions(out=project / "out", formats=("md",), mode="full", author="a",
                            generated=dt.datetime(2026, 1, 1))
    result = pipeline(["in"], options, run,
                      warn=print)
    assert result.parsed == 1
    assert cache.misses == 1 and cache.hits >= 4


def test_regen_run_killed_mid_write_leaves_previous_outputs(project, monkeypatch):
    import briefing.store.atomic

    before = {p.name: p.read_bytes() for p in (project / "out").glob("*.*") if p.is_file()}
    real = os.replace

    def crash(src, dst):  # the temporary file is written; the move into place "dies"
        if str(dst).endswith("facts.json"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(briefing.store.atomic.os, "replace", crash)
    result = generate("--mode", "note")
    assert result.exit_code == 2
    assert result.output.startswith("briefing: cannot write to out: No space left on device")
    assert (project / "out" / "facts.json").read_bytes() == before["facts.json"]
    assert not list((project / "out").glob(".*.tmp"))
    monkeypatch.setattr(briefing.store.atomic.os, "replace", real)
    assert "up to date" not in generate().output  # the half-done run is redone


def test_regen_second_run_exits_75_while_the_first_holds_the_lock(project):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time\nf = open('out/.briefing.lock', 'a')\n"
         "fcntl.flock(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(30)"],
        stdout=subprocess.PIPE, text=True, cwd=project)
    try:
        assert holder.stdout.readline() == "locked\n"
        result = generate("--force", "--lock-timeout", "0.3")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 75
    assert result.output == ("briefing: another briefing run is writing to out (lock "
                             "out/.briefing.lock held for 0.3s); try again later\n")


def test_regen_generate_without_arguments_reads_briefing_toml(project):
    (project / "briefing.toml").write_text('inputs = ["in"]\nout = "out"\nformats = ["md"]\n')
    result = runner.invoke(app, ["generate", "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "up to date" not in result.output  # formats differ from the first build
    again = runner.invoke(app, ["generate", "--today", "2026-01-01"])
    assert again.output == "briefing: out/ is up to date\n"


def test_regen_figures_of_unchanged_events_are_not_drawn_again(project, monkeypatch):
    from briefing.render import figure

    drawn = []
    real = figure.timeline_png
    monkeypatch.setattr(figure, "timeline_png", lambda brief: drawn.append(brief.slug) or real(brief))
    before = {p.name: p.read_bytes() for p in (project / "out").glob("*.png")}
    assert before
    one = ["--workers", "1"]  # draw in this process, where `drawn` is seen
    assert runner.invoke(app, [*ARGS, "--force", *one]).exit_code == 0
    assert drawn == []  # same dates, same code: the figures on disk are kept
    assert {p.name: p.read_bytes() for p in (project / "out").glob("*.png")} == before
    shutil.copy(SEEDS / LATE, project / "in")  # a new report of the 2023 meeting
    assert runner.invoke(app, [*ARGS, *one]).exit_code == 0
    assert drawn and all(slug.startswith("2023") for slug in drawn)


def test_regen_docx_of_unchanged_briefs_are_not_written_again(project, monkeypatch):
    from briefing.render import docx

    made = []
    real = docx.docx_bytes
    monkeypatch.setattr(docx, "docx_bytes",
                        lambda markdown, **kw: made.append(markdown[:300]) or real(markdown, **kw))
    one = ["--workers", "1"]  # write in this process, where `made` is seen
    assert runner.invoke(app, [*ARGS, "--force", *one]).exit_code == 0
    assert len(made) == 2  # the first regeneration adds "What changed" to both briefs
    made.clear()
    before = {p.name: p.read_bytes() for p in (project / "out").glob("*.docx")}
    assert runner.invoke(app, [*ARGS, "--force", *one]).exit_code == 0
    assert made == []  # same Markdown, house document and code: the documents are kept
    assert {p.name: p.read_bytes() for p in (project / "out").glob("*.docx")} == before
    shutil.copy(SEEDS / LATE, project / "in")  # a new report of the 2023 meeting
    assert runner.invoke(app, [*ARGS, *one]).exit_code == 0
    assert len(made) == 1 and "January 2023" in made[0]


def test_regen_briefs_of_events_no_longer_made_are_removed_and_kept_in_history(project):
    out = project / "out"
    before = {p.name for p in out.glob("20*")}
    (out / "notes.md").write_text("my own notes\n")  # a user's file: never the tool's to remove
    for name in ("003_4f29a806f41d0aaa.txt", "004_9c6cc9a4abd8fbcc.txt"):  # the 2022 meeting
        (project / "in" / name).unlink()
    result = generate("--verbose")
    assert result.exit_code == 0, result.output
    after = {p.name for p in out.glob("20*")}
    gone = before - after
    assert gone and all(name.startswith("2022-") for name in gone), (before, after)
    assert f"removed {len(gone)} files of an earlier run" in result.output
    assert (out / "notes.md").read_text() == "my own notes\n"
    stamps = {p.name for p in (out / ".cache" / "keys").iterdir()}
    assert not [s for s in stamps if s.startswith("2022-")], stamps
    (snapshot,) = history.snapshots(out)
    assert gone <= {p.name for p in snapshot.iterdir()}
    assert "2022" not in (out / "index.md").read_text().split("| Event |")[1]
