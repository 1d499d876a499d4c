"""What the commands print: one-line failures, warnings and progress, all on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable

import typer


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"briefing: {message}", err=True)
    return typer.Exit(code)


def warn(message: str) -> None:
    """Print a warning line to stderr (a skipped input, a state file rebuilt)."""
    typer.echo(f"briefing: {message}", err=True)


def progress(quiet: bool, verbose: bool = False) -> Callable[[str], None]:
    """Return a function printing progress to stderr: silent when asked, or when stderr is not
    a terminal unless `verbose`."""
    def say(message: str) -> None:
        if not quiet and (verbose or sys.stderr.isatty()):
            typer.echo(message, err=True)
    return say
