"""The render stage: briefs in, files out (Markdown, DOCX, facts.json, index.md).

Every file is written to a temporary file beside its target and moved into place, so a crash
never leaves a half-written brief.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing import parallel
from briefing.compose_types import Brief
from briefing.compose_words import reports, short_date
from briefing.files import OUTPUT_FORMATS, write_atomic
from briefing.render.changes import changes, load_previous
from briefing.render.facts import facts_json
from briefing.render.markdown import contents, environment, render

FORMATS = OUTPUT_FORMATS


@dataclass(frozen=True)
class RenderOptions:
    out: Path
    formats: tuple[str, ...] = FORMATS
    templates: Path | None = None
    reference_docx: Path | None = None
    mode: str = "full"
    author: str = "briefing"
    generated: dt.datetime = dt.datetime(2000, 1, 1)
    workers: int = 1  # processes writing briefs, used from PARALLEL_FROM briefs on


KEYS = Path(".cache") / "keys"  # what each kept figure and DOCX was made from
PARALLEL_FROM = 16  # without fork, fewer briefs are written in this process: a spawned pool
# costs more than it saves


def default_reference() -> Path:
    from importlib import resources

    return Path(str(resources.files("briefing.templates").joinpath("reference.docx")))


def write_docx(brief: Brief, markdown: str, options: RenderOptions) -> Path:
    """Write the brief's DOCX from its rendered Markdown; returns the path written.

    A DOCX made from the same Markdown, properties, house document and code is kept, not
    made again (its key is in out/.cache/keys/): a run that adds one article rewrites only
    the documents of the events it changed.
    """
    from briefing.render.docx import DocProperties, docx_key, markdown_to_docx

    path = options.out / f"{brief.slug}.docx"
    props = DocProperties(
        title=brief.title, subject=brief.subtitle, author=options.author,
        keywords=tuple(p.name for p in brief.participants[:6]), created=options.generated)
    reference = options.reference_docx or default_reference()
    key = docx_key(markdown, props, reference, options.out)
    if not kept(options.out, path, key):
        markdown_to_docx(markdown, path, reference=reference, props=props, base_dir=options.out)
        stamp(options.out, path, key)
    return path


def kept(out: Path, path: Path, key: str) -> bool:
    """Return True when `path` exists and was made from what `key` hashes."""
    try:
        return path.is_file() and (out / KEYS / f"{path.name}.key").read_text("utf-8") == key
    except OSError:
        return False


def stamp(out: Path, path: Path, key: str) -> None:
    """Record that `path` was made from what `key` hashes (see `kept`)."""
    where = out / KEYS / f"{path.name}.key"
    where.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(where, key.encode())


def write_figure(brief: Brief, options: RenderOptions) -> Path | None:
    """Write the brief's timeline figure beside it (full mode); returns its path, or None.

    A figure drawn from the same dates by the same code is kept, not drawn again (see
    `kept`): a run that adds one article redraws only that event's figure.
    """
    if options.mode != "full" or not {"md", "docx"} & set(options.formats):
        return None
    from briefing.render.figure import figure_key, timeline_png

    key = figure_key(brief)
    if key is None:
        return None
    path = options.out / f"{brief.slug}-timeline.png"
    if not kept(options.out, path, key):
        write_atomic(path, timeline_png(brief) or b"")
        stamp(options.out, path, key)
    return path


def write_brief(brief: Brief, options: RenderOptions,
                change: tuple[str, ...] | None) -> list[Path]:
    """Write one brief's figure, Markdown and DOCX; returns the paths written."""
    written = []
    figure = write_figure(brief, options)
    written += [figure] if figure else []
    markdown = render(environment(options.templates), "brief.md.j2", brief=brief,
                      mode=options.mode, changes=change, figure=figure.name if figure else None)
    if "md" in options.formats:
        path = options.out / f"{brief.slug}.md"
        write_atomic(path, contents(markdown).encode("utf-8"))
        written.append(path)
    if "docx" in options.formats:
        written.append(write_docx(brief, markdown, options))
    return written


def warm_up(options: RenderOptions) -> None:
    """Import and exercise what writing a brief needs: the templates, python-docx, matplotlib
    and its fonts. The pipeline calls it while the model process parses (this process would
    otherwise wait); without one, writing the first brief does it."""
    environment(options.templates)
    if options.mode == "full" and {"md", "docx"} & set(options.formats):
        from briefing.render.figure import warm_up as warm_figure

        warm_figure()
    if "docx" in options.formats:
        from briefing.render.docx import open_reference

        open_reference(options.reference_docx or default_reference())


Job = tuple[Brief, RenderOptions, "tuple[str, ...] | None"]  # write_brief's arguments
_JOBS: Sequence[Job] = ()  # the jobs of write_shared, inherited by the processes it forks


def _write_job(index: int) -> list[Path]:
    return write_brief(*_JOBS[index])


def write_shared(jobs: Sequence[Job], workers: int) -> list[list[Path]]:
    """Write the briefs of `jobs` in this process and `workers - 1` processes forked from it;
    returns each job's paths, in order. The forks inherit the jobs and whatever this process
    has loaded (matplotlib, python-docx): only job numbers and paths cross between them."""
    global _JOBS
    share = min(workers, len(jobs))
    if share < 2:
        return [write_brief(*job) for job in jobs]
    _JOBS = jobs
    try:
        with parallel.pool(share - 1) as pool:
            theirs = {i: pool.submit(_write_job, i) for i in range(len(jobs)) if i % share}
            mine = {i: write_brief(*jobs[i]) for i in range(0, len(jobs), share)}
            return [mine[i] if i in mine else theirs[i].result() for i in range(len(jobs))]
    finally:
        _JOBS = ()


def write_all(briefs: Sequence[Brief], options: RenderOptions) -> list[Path]:
    """Write every brief in the asked formats, then facts.json and index.md; returns the paths.

    The previous run's facts.json is read first, so each brief can say what changed. With
    more than one worker the briefs are shared with forked processes (`write_shared`; where
    processes cannot be forked, a pool writes many briefs). The files are the same either way.
    """
    env = environment(options.templates)
    previous = load_previous(options.out / "facts.json")
    jobs = [(b, options, changes(previous, b.event)) for b in briefs]
    if options.workers > 1 and parallel.FORK:
        done = write_shared(jobs, options.workers)
    elif options.workers > 1 and len(briefs) >= PARALLEL_FROM:
        with parallel.pool(options.workers) as workers:
            done = list(workers.map(write_brief, *zip(*jobs, strict=True), chunksize=4))
    else:
        done = [write_brief(*job) for job in jobs]
    written = [path for paths in done for path in paths]
    if "json" in options.formats:
        text = facts_json([b.event for b in briefs], generated=options.generated)
        write_atomic(options.out / "facts.json", text.encode("utf-8"))
        written.append(options.out / "facts.json")
    count = sum(len(b.sources) for b in briefs)
    as_of = f"As of {short_date(options.generated.date())}, from {reports(count)}."
    index = render(env, "index.md.j2", briefs=briefs, as_of=as_of)
    write_atomic(options.out / "index.md", index.encode("utf-8"))
    return written + [options.out / "index.md"]
