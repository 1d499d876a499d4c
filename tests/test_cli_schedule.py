"""`briefing schedule` and `briefing init`, invoked as a user would (no model needed)."""

from __future__ import annotations

import shlex

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.cli.schedule import ScheduleError, cron_to_calendar, every_to_cron

runner = CliRunner()


def test_cli_schedule_every_becomes_cron():
    assert every_to_cron("6h") == "0 */6 * * *"
    assert every_to_cron("30m") == "*/30 * * * *"
    assert every_to_cron("1d") == "0 0 * * *"
    with pytest.raises(ScheduleError, match="divide 24"):
        every_to_cron("7h")


def test_cli_schedule_cron_becomes_calendar():
    assert cron_to_calendar("0 7 * * *") == "*-*-* 07:00:00"
    assert cron_to_calendar("30 7 * * 1-5") == "Mon..Fri *-*-* 07:30:00"
    assert cron_to_calendar("0 */6 * * *") == "*-*-* 00/6:00:00"
    with pytest.raises(ScheduleError, match="5 fields"):
        cron_to_calendar("0 7 * *")


def test_cli_schedule_prints_crontab_and_persistent_timer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schedule", "--every", "6h"])
    assert result.exit_code == 0, result.output
    assert f"0 */6 * * * cd {shlex.quote(str(tmp_path))} && " in result.output
    assert "OnCalendar=*-*-* 00/6:00:00\nPersistent=true" in result.output
    assert f"WorkingDirectory={tmp_path}" in result.output


def test_cli_schedule_install_writes_user_units_under_xdg(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = runner.invoke(app, ["schedule", "--cron", "0 7 * * *", "--install"])
    assert result.exit_code == 0, result.output
    units = tmp_path / "config" / "systemd" / "user"
    assert "OnCalendar=*-*-* 07:00:00" in (units / "briefing.timer").read_text()
    assert "ExecStart=" in (units / "briefing.service").read_text()


def test_cli_schedule_bad_expression_fails_in_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schedule", "--cron", "61 7 * * *"])
    assert result.exit_code == 2
    assert result.output == "briefing: cron minute '61': out of range 0-59\n"
    assert runner.invoke(app, ["schedule"]).exit_code == 2  # neither given, no briefing.toml


def test_cli_schedule_reads_the_project_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init"]).exit_code == 0
    result = runner.invoke(app, ["schedule"])
    assert result.exit_code == 0 and "0 */6 * * *" in result.output


def test_cli_schedule_init_writes_a_starter_and_refuses_to_overwrite(tmp_path, monkeypatch):
    from briefing.cli import settings

    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init"]).exit_code == 0
    loaded = settings.load(tmp_path / "briefing.toml")
    assert loaded["formats"] == ("md", "docx", "json") and loaded["out"] == tmp_path / "out"
    assert settings.settings([], tmp_path / "briefing.toml", {}) == settings.replace(
        settings.DEFAULTS, inputs=(str(tmp_path / "seeds"),), out=tmp_path / "out",
        schedule={"every": "6h"})  # the starter states the defaults
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2
    assert "briefing.toml already exists" in again.output


def test_cli_schedule_project_bad_key_names_the_file(tmp_path):
    from briefing.cli import settings

    path = tmp_path / "briefing.toml"
    path.write_text('inputs = ["a"]\nouts = "x"\n')
    with pytest.raises(settings.ProjectError, match=r"briefing.toml: unknown key 'outs'"):
        settings.load(path)
