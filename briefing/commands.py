"""What the CLI commands do, once their options are parsed (imports the heavy stages lazily)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import typer

from briefing.cli import fail


def check_start(templates: Path | None, reference: Path | None, mode: str) -> None:
    """Fail fast, before any parsing, on a broken template, house document or option."""
    from briefing.render.markdown import TemplateProblem, check, environment

    if mode not in ("full", "note"):
        raise fail(f"--mode {mode!r}: choose full or note")
    if templates is not None and not templates.is_dir():
        raise fail(f"--templates {templates}: no such folder")
    try:
        check(environment(templates), ["brief.md.j2", "index.md.j2"])
    except TemplateProblem as exc:
        raise fail(str(exc)) from None
    if reference is not None:
        from briefing.render.docx import missing_styles

        if not reference.is_file():
            raise fail(f"--reference-docx {reference}: no such file")
        try:
            missing = missing_styles(reference)
        except ValueError as exc:
            raise fail(str(exc)) from None
        if missing:
            raise fail(f"{reference} lacks styles: {', '.join(missing)}; add them or start "
                       "from templates/reference.docx")


def run_generate(inputs: Sequence[str], *, out: Path, formats: tuple[str, ...],
                 templates: Path | None, reference_docx: Path | None, today: dt.date | None,
                 model: str | None, mode: str, author: str, say: Callable[[str], None]) -> None:
    """Run the pipeline with CLI options; raises typer.Exit(2) with one line on bad input."""
    from briefing.ingest import IngestError
    from briefing.nlp import ModelError
    from briefing.pipeline import NoArticles, pipeline
    from briefing.render import RenderOptions

    check_start(templates, reference_docx, mode)
    generated = dt.datetime.combine(today, dt.time()) if today else dt.datetime.now().replace(
        microsecond=0)
    options = RenderOptions(out=out, formats=formats, templates=templates,
                            reference_docx=reference_docx, mode=mode, author=author,
                            generated=generated)

    def warn(message: str) -> None:
        typer.echo(f"briefing: {message}", err=True)

    try:
        result = pipeline(inputs, options, model=model, say=say, warn=warn)
    except (NoArticles, IngestError, ModelError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write to {out}: {exc.strerror or exc}") from None
    say(f"wrote {len(result.written)} files for {result.events} events to {out}/")


def run_dates(files: Sequence[Path], *, anchor: dt.date | None, as_json: bool) -> None:
    """Print every time expression of each article with its value and the reason for it."""
    import json

    from briefing.ingest import IngestError, read_articles
    from briefing.temporal import explain

    def warn(message: str) -> None:
        typer.echo(f"briefing: {message}", err=True)

    try:
        articles = read_articles([str(f) for f in files], warn=warn)
    except IngestError as exc:
        raise fail(str(exc)) from None
    for article in articles:
        base = anchor or article.published
        rows = explain(article.text, base)
        if as_json:
            for row in rows:
                typer.echo(json.dumps({"article": article.id, "anchor": str(base), **row}))
            continue
        typer.echo(f"{article.id} (anchor {base or 'unknown: relative dates stay unresolved'})")
        for row in rows:
            typer.echo(f"  {row['text']!r:32} {row['type']:8} {row['value']:20} {row['reason']}")
