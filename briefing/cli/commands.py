"""What the CLI commands do, once their options are parsed (imports the heavy stages lazily).

`run_generate` checks the manifest before anything heavy is imported: an up-to-date folder
costs about as much as `briefing --version`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import typer

from briefing.cli.console import fail, progress, warn
from briefing.cli.settings import ProjectError, Settings, write_starter
from briefing.cli.settings import settings as read_settings
from briefing.store import history, lock, manifest

CACHE = Path(".cache") / "extract.sqlite"


def check_start(templates: Path | None, reference: Path | None) -> None:
    """Fail fast, before any parsing, on a broken template or house document: the user's
    templates are compiled, then rendered with an invented sample brief."""
    from briefing.render.markdown import TemplateProblem, check, check_rendering, environment

    if templates is not None and not templates.is_dir():
        raise fail(f"--templates {templates}: no such folder")
    try:
        check(environment(templates), ["brief.md.j2", "index.md.j2"])
        if templates is not None:
            from briefing.compose import compose
            from briefing.compose.sample import sample_event

            event, others = sample_event()
            brief = compose(event, generated=dt.datetime(2000, 1, 4), others=others)
            check_rendering(environment(templates), brief)
    except TemplateProblem as exc:
        raise fail(str(exc)) from None
    if reference is not None:
        from briefing.render.docx_package import missing_styles

        if not reference.is_file():
            raise fail(f"--reference-docx {reference}: no such file")
        try:
            missing = missing_styles(reference)
        except ValueError as exc:
            raise fail(str(exc)) from None
        if missing:
            raise fail(f"{reference} lacks styles: {', '.join(missing)}; add them or start "
                       "from templates/reference.docx")


def settings(inputs: Sequence[str], project: Path | None, given: dict) -> Settings:
    """Return the run's settings (see briefing.cli.settings); raises typer.Exit(2) with one
    line on a bad project file."""
    try:
        return read_settings(inputs, project, given)
    except ProjectError as exc:
        raise fail(str(exc)) from None


def run_generate(s: Settings) -> None:
    """Rebuild the briefs in `s.out` unless they are up to date.

    Raises typer.Exit(2) with one line on bad input, typer.Exit(75) when another run holds
    the output folder.
    """
    if s.mode not in ("full", "note"):
        raise fail(f"--mode {s.mode!r}: choose full or note")
    try:
        with lock.locked(s.out, timeout=s.lock_timeout):
            current = manifest.state(s.inputs, s.option_key(), s.templates, s.reference_docx)
            if not s.force and manifest.up_to_date(s.out, current, warn=warn):
                if not s.quiet:
                    typer.echo(f"briefing: {s.out}/ is up to date")
                return
            rebuild(s, current)
    except lock.Busy as exc:
        raise fail(str(exc), code=lock.EX_TEMPFAIL) from None
    except OSError as exc:
        raise fail(f"cannot write to {s.out}: {exc.strerror or exc}") from None


def rebuild(s: Settings, current: dict | None) -> None:
    """Run the pipeline, keeping the previous briefs in history and the manifest current.

    With more than one worker, a model process is forked first, while this process is small:
    it imports spaCy and loads the model on another core while this process reads the inputs
    and the cache (see runtime.parsing.prepare_model).
    """
    from briefing.render import RenderOptions
    from briefing.runtime.parallel import default_workers, helper
    from briefing.runtime.parsing import prepare_model

    say = progress(s.quiet, s.verbose)
    check_start(s.templates, s.reference_docx)
    workers = s.workers or default_workers()
    with (helper(prepare_model, s.model) if workers > 1 and not (s.dask or s.keep_model)
          else contextlib.nullcontext() as model_process):
        now = dt.datetime.now().replace(microsecond=0)
        options = RenderOptions(
            out=s.out, formats=s.formats, templates=s.templates,
            reference_docx=s.reference_docx, mode=s.mode, author=s.author,
            generated=dt.datetime.combine(s.today, dt.time()) if s.today else now)
        manifest.forget(s.out)
        history.keep(s.out, now=dt.datetime.now(), limit=s.history)
        result = run_pipeline(s, options, workers, model_process, say)
    if current is not None:
        manifest.write(s.out, current, result.written)
    say(f"wrote {len(result.written)} files for {result.events} events to {s.out}/ "
        f"({result.articles - result.fresh} of {result.articles} articles from the cache; "
        f"spaCy parsed {result.parsed} documents)")
    say("seconds per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in result.seconds.items()))


def run_pipeline(s: Settings, options, workers: int, model_process, say):
    """Run the pipeline with the run's cache; raises typer.Exit(2) with one line on bad input."""
    from briefing.ingest import IngestError
    from briefing.pipeline import NoArticles, pipeline
    from briefing.render.problems import ReferenceDocError, TemplateProblem
    from briefing.runtime import nlp
    from briefing.runtime.dask_cluster import DaskError
    from briefing.runtime.run import Runtime
    from briefing.store.facts_cache import FactsCache

    try:
        salt = f"{manifest.tool_fingerprint(manifest.EXTRACTION)} {nlp.model_name(s.model)}"
        cache = FactsCache(s.out / CACHE, salt=salt, warn=warn)
        run = Runtime(folder=s.out, model=s.model, cache=cache, workers=workers, dask=s.dask,
                      model_process=model_process, say=say, warn=warn,
                      **({"detail": say} if s.verbose and not s.quiet else {}))
        try:
            return pipeline(s.inputs, options, run, warn=warn, limits=s.limits(),
                            one_event=s.one_event)
        finally:
            cache.close()
    except (NoArticles, IngestError, nlp.ModelError, TemplateProblem, ReferenceDocError,
            DaskError) as exc:
        raise fail(str(exc)) from None


def run_init(path: Path) -> None:
    """Write a commented starter briefing.toml; raises typer.Exit(2) when one exists."""
    try:
        write_starter(path)
    except ProjectError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"wrote {path}; edit it, then run `briefing generate`")


def run_dates(files: Sequence[Path], *, anchor: dt.date | None, as_json: bool) -> None:
    """Print every time expression of each article with its value and the reason for it."""
    import json

    from briefing.ingest import IngestError, read_articles
    from briefing.temporal import explain

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

