"""The `briefing` command: the typer app (app.py), what each command does (commands.py), the
console helpers, the settings, watch and schedule."""

from briefing.cli.app import app, run

__all__ = ["app", "run"]
