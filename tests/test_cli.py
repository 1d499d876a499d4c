"""The command line, invoked as a user would."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app
from tests.conftest import ROOT

runner = CliRunner()


def test_cli_version_prints_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"briefing {__version__}\n"


def test_cli_help_and_version_do_not_import_spacy():
    code = ("import sys; from briefing.cli import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def test_cli_unknown_format_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["generate", "--format", "pdf", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown format pdf" in result.output


def test_cli_bad_today_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["generate", "--today", "yesterday", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--today 'yesterday' is not a date" in result.output


def test_cli_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = next(line.strip() for line in ci.splitlines() if "pytest" in line)
    assert command in readme


def test_cli_dates_shows_values_and_reasons(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The ministers will meet on Wednesday. The plan was approved on December 16.\n")
    result = runner.invoke(app, ["dates", str(article), "--anchor", "2023-01-11"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "a (anchor 2023-01-11)"
    assert "'Wednesday'" in lines[1] and "2023-01-11" in lines[1]
    assert "'December 16'" in lines[2] and "2022-12-16" in lines[2]


def test_cli_reference_docx_lacking_styles_is_refused_before_any_work(tmp_path):
    import docx

    house = tmp_path / "house.docx"
    docx.Document().save(str(house))  # python-docx's blank template: no "Brief Table" style
    result = runner.invoke(app, ["generate", "--out", str(tmp_path / "out"), "--reference-docx",
                                 str(house), "--today", "2026-01-01"])
    assert result.exit_code == 2
    assert result.output.startswith(f"briefing: {house} lacks styles: ")
    assert "Brief Table" in result.output and len(result.output.splitlines()) == 1
    assert not (tmp_path / "out" / "facts.json").exists()


@pytest.mark.slow
def test_cli_limits_skip_big_files_and_stop_after_n_articles(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    story = "Ministers from two countries will meet in Geneva on Tuesday to discuss trade.\n"
    (inputs / "a.txt").write_text(story)
    (inputs / "b.txt").write_text(story.replace("trade", "fishing") * 50)
    (inputs / "c.txt").write_text(story.replace("trade", "energy"))
    result = runner.invoke(app, ["generate", str(inputs), "--out", str(tmp_path / "out"),
                                 "--format", "json", "--max-bytes", "1000", "--max-articles", "1",
                                 "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "b.txt" in result.output  # skipped: too large
    import json

    facts = json.loads((tmp_path / "out" / "facts.json").read_text())
    assert [a["id"] for a in facts["articles"]] == ["a"]


def test_cli_dates_bad_anchor_names_the_anchor_option(tmp_path):
    (tmp_path / "a.txt").write_text("Talks open on Monday.\n")
    result = runner.invoke(app, ["dates", str(tmp_path / "a.txt"), "--anchor", "soon"])
    assert result.exit_code == 2
    assert result.output == "briefing: --anchor 'soon' is not a date like 2021-03-03\n"


def test_cli_generate_help_shows_defaults_and_bracketed_text_verbatim():
    from typer.testing import CliRunner

    from briefing.cli import app

    text = " ".join(CliRunner().invoke(app, ["generate", "--help"]).output.split())
    for shown in ("[default: 5000]", "[default: the number of cores]", "briefing[dask]",
                  "--workers", "--dask", "--verbose"):
        assert shown in text, shown


@pytest.mark.slow
def test_cli_command_exits_with_the_apps_status_and_flushed_output(tmp_path):
    """`briefing` ends without interpreter teardown (cli.run): its output and status survive."""
    command = [sys.executable, "-m", "briefing"]
    version = subprocess.run([*command, "--version"], capture_output=True, text=True)
    assert (version.returncode, version.stdout) == (0, f"briefing {__version__}\n")
    missing = tmp_path / "nowhere"
    bad = subprocess.run([*command, "generate", str(missing), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr == f"briefing: input not found: {missing} (no such file or folder)\n"
    init = subprocess.run([*command, "init", str(tmp_path / "briefing.toml")],
                          capture_output=True, text=True)
    assert init.returncode == 0 and (tmp_path / "briefing.toml").read_text().startswith("#")


@pytest.mark.model
@pytest.mark.slow
def test_cli_one_event_writes_one_brief_of_every_input(tmp_path):
    """The seeds report two events; with --one-event the curated pile is one event."""
    import json

    def events(*options: str) -> list[list[str]]:
        out = tmp_path / ("one" if options else "many")
        result = runner.invoke(app, ["generate", str(ROOT / "seeds"), "--out", str(out),
                                     "--format", "json", "--today", "2026-01-01", "--quiet",
                                     "--workers", "1", *options])
        assert result.exit_code == 0, result.output
        facts = json.loads((out / "facts.json").read_text())
        return [sorted(e["articles"]) for e in facts["events"]]

    assert len(events()) == 2
    one = events("--one-event")
    assert len(one) == 1 and len(one[0]) == 5
