"""`briefing schedule`: a crontab line and a systemd user service + timer for `generate`.

The timer uses OnCalendar with Persistent=true, so a run missed while the machine was off
happens at the next boot (cron would skip it). `generate` exits non-zero on failure, so cron
mails it and systemd marks the unit failed.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import typer

UNITS = {"m": (60, "minute"), "h": (24, "hour"), "d": (31, "day")}
DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class ScheduleError(ValueError):
    """The interval or cron expression cannot be turned into a schedule."""


def every_to_cron(every: str) -> str:
    """Return the cron expression of an interval (30m, 6h, 1d); raises ScheduleError."""
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", every.lower())
    if not match or int(match.group(1)) == 0:
        raise ScheduleError(f"--every {every!r}: give a number and a unit, like 30m, 6h or 1d")
    n, unit = int(match.group(1)), match.group(2)
    size, name = UNITS[unit]
    if unit == "d" and n == 1:
        return "0 0 * * *"
    if unit == "d" or size % n:
        raise ScheduleError(f"--every {every}: {name}s must divide {size} evenly (cron cannot "
                            "repeat otherwise); use --cron for anything else")
    return f"*/{n} * * * *" if unit == "m" else f"0 */{n} * * *"


def _field(text: str, low: int, high: int, what: str) -> str:
    """Return one cron field in systemd's syntax (numbers, lists, ranges, */n steps)."""
    if text == "*":
        return "*"
    parts = []
    for part in text.split(","):
        match = re.fullmatch(r"(\*|\d+)(?:-(\d+))?(?:/(\d+))?", part)
        if not match:
            raise ScheduleError(f"cron {what} {text!r}: use numbers, lists, ranges or */n")
        start, end, step = match.groups()
        first = low if start == "*" else int(start)
        if not low <= first <= high or (end and not first <= int(end) <= high):
            raise ScheduleError(f"cron {what} {text!r}: out of range {low}-{high}")
        value = f"{first:02d}" + (f"..{int(end):02d}" if end else "")
        parts.append(value + (f"/{step}" if step else ""))
    return ",".join(parts)


def _weekdays(text: str) -> str:
    if text == "*":
        return ""
    match = re.fullmatch(r"(\d)(?:-(\d))?", text)
    if not match or int(match.group(1)) > 7 or (match.group(2) and int(match.group(2)) > 7):
        raise ScheduleError(f"cron day of week {text!r}: use 0-7 or a range like 1-5")
    first, last = match.groups()
    return DAYS[int(first)] + (f"..{DAYS[int(last)]}" if last else "") + " "


def cron_to_calendar(cron: str) -> str:
    """Return the systemd OnCalendar= value of a 5-field cron expression; raises ScheduleError."""
    fields = cron.split()
    if len(fields) != 5:
        raise ScheduleError(f"--cron {cron!r}: needs 5 fields (minute hour day month weekday)")
    minute, hour, day, month, weekday = fields
    return (_weekdays(weekday) + f"*-{_field(month, 1, 12, 'month')}-{_field(day, 1, 31, 'day')} "
            f"{_field(hour, 0, 23, 'hour')}:{_field(minute, 0, 59, 'minute')}:00")


def command() -> str:
    """Return the shell command a scheduler runs: this Python, this folder's briefing.toml."""
    return f"{shlex.quote(sys.executable)} -m briefing generate --quiet"


def units(name: str, cron: str, folder: Path) -> dict[str, str]:
    """Return {file name: text} of the systemd user service and timer."""
    service = (f"[Unit]\nDescription=Regenerate the briefs in {folder}\n\n"
               f"[Service]\nType=oneshot\nWorkingDirectory={folder}\n"
               f"ExecStart={command()}\n")
    timer = (f"[Unit]\nDescription=Regenerate the briefs in {folder} ({cron})\n\n"
             f"[Timer]\nOnCalendar={cron_to_calendar(cron)}\nPersistent=true\n\n"
             "[Install]\nWantedBy=timers.target\n")
    return {f"{name}.service": service, f"{name}.timer": timer}


def unit_folder() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def install(files: dict[str, str]) -> Path:
    """Write the units into the user's systemd folder; returns it. Raises OSError."""
    folder = unit_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def project_schedule() -> tuple[str | None, str | None]:
    """Return (every, cron) from ./briefing.toml's [schedule], or (None, None)."""
    from briefing.cli import settings

    path = settings.find(Path.cwd())
    if path is None:
        return None, None
    table = settings.load(path).get("schedule", {})
    return table.get("every"), table.get("cron")


def run_schedule(*, every: str | None, cron: str | None, install: bool, name: str) -> None:
    """Print (and with `install`, write) the schedule; raises typer.Exit(2) on a bad one."""
    from briefing.cli.console import fail
    from briefing.cli.settings import ProjectError

    try:
        if every is None and cron is None:
            every, cron = project_schedule()
        if (every is None) == (cron is None):
            raise ScheduleError("give exactly one of --every 6h or --cron '0 7 * * *'")
        expression = cron or every_to_cron(every or "")
        folder = Path.cwd()
        files = units(name, expression, folder)
    except (ScheduleError, ProjectError) as exc:
        raise fail(str(exc)) from None
    typer.echo(f"# crontab -e:\n{expression} cd {shlex.quote(str(folder))} && {command()}\n")
    for file, text in files.items():
        typer.echo(f"# {unit_folder() / file}\n{text}")
    if install:
        _install(files, name)


def _install(files: dict[str, str], name: str) -> None:
    from briefing.cli.console import fail

    try:
        folder = install(files)
    except OSError as exc:
        raise fail(f"cannot write the units to {unit_folder()}: {exc.strerror or exc}",
                   code=1) from None
    typer.echo(f"# installed in {folder}; now run:\n"
               f"systemctl --user daemon-reload && systemctl --user enable --now {name}.timer")
