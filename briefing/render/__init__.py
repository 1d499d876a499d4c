"""The render stage: briefs in, files out (Markdown, DOCX, facts.json, index.md).

Every file is written to a temporary file beside its target and moved into place, so a crash
never leaves a half-written brief.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.compose.brief import Brief, Citer
from briefing.compose.words import reports, short_date
from briefing.render.changes import changes, load_previous
from briefing.render.facts import facts_pieces
from briefing.render.markdown import contents, environment, render
from briefing.runtime import parallel
from briefing.runtime.shelf import Computed
from briefing.store.atomic import OUTPUT_FORMATS, write_atomic
from briefing.types import Event

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
WRITTEN = Path(".cache") / "written"  # the files the last finished run wrote, a name a line
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


def retire(out: Path, written: Sequence[Path]) -> list[Path]:
    """Remove the files the last finished run wrote and this one did not, with their key
    stamps, and record this run's; returns the paths removed.

    Those are briefs of events the inputs no longer make (an event whose title or date
    changed has a new file name) and formats no longer asked for: left in place they would
    look current. Only files this tool wrote go (a user's own file in `out` stays); the
    run's history snapshot holds their last version (see briefing.store.history).
    """
    names = {p.name for p in written if p.parent == out}
    try:
        before = set((out / WRITTEN).read_text("utf-8").splitlines())
    except OSError:
        before = set()
    gone = [out / name for name in sorted(before - names)
            if name and name == Path(name).name and (out / name).is_file()]
    for path in gone:
        path.unlink(missing_ok=True)
        (out / KEYS / f"{path.name}.key").unlink(missing_ok=True)
    write_atomic(out / WRITTEN, "".join(f"{n}\n" for n in sorted(names)).encode("utf-8"))
    return gone


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


Write = Callable[[int], "list[Path]"]  # writes brief number i; returns the paths written
_SHARED: tuple[Write | None, int, Any] = (None, 0, None)  # write_shared's work and its counter


def _write_taken() -> dict[int, list[Path]]:
    """Write briefs until none is left, each number taken from the shared counter; returns
    their paths by number (run by write_shared's processes: each takes the next when free)."""
    write, count, counter = _SHARED
    done = {}
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= count or write is None:
            return done
        done[index] = write(index)


def write_shared(count: int, write: Write, workers: int,
                 first: Callable[[], object] | None = None) -> list[list[Path]]:
    """Run `write` on the numbers 0 to `count - 1` in this process and `workers - 1` processes
    forked from it, each taking the next number when it is free; returns each one's paths, in
    order. This process runs `first` while the forks start, then takes numbers too. The
    forks inherit `write` and whatever this process has loaded (matplotlib, python-docx):
    only paths cross between processes."""
    global _SHARED
    share = min(workers, count)
    if share < 2:
        if first is not None:
            first()
        return [write(i) for i in range(count)]
    _SHARED = (write, count, multiprocessing.get_context("fork").Value("i", 0))
    try:
        with parallel.pool(share - 1) as pool:
            theirs = [pool.submit(_write_taken) for _ in range(share - 1)]
            if first is not None:
                first()
            done = _write_taken()
            for future in theirs:
                done.update(future.result())
        return [done[i] for i in range(count)]
    finally:
        _SHARED = (None, 0, None)


def write_all(briefs: Sequence[Brief], options: RenderOptions,
              events: Sequence[Event] | None = None) -> list[Path]:
    """Write every brief in the asked formats, then facts.json and index.md; returns the paths.

    `briefs` may make each brief when it is asked for (see compose.Briefs): each is asked for
    once to be written and once for the index. `events` are the briefs' events, when they
    are cheaper to have than the briefs (facts.json and the index's count read them).
    The previous run's facts.json is read first, so each brief can say what changed. With
    more than one worker the briefs are shared with forked processes (`write_shared`; where
    processes cannot be forked, a pool writes many briefs). The files are the same either way.
    """
    env = environment(options.templates)
    previous = load_previous(options.out / "facts.json")
    if events is None:
        events = Computed(len(briefs), lambda i: briefs[i].event)
    others: list[Path] = []

    def job(brief: Brief) -> tuple[Brief, RenderOptions, tuple[str, ...] | None]:
        return brief, options, changes(previous, brief.event)  # write_brief's arguments

    def write(index: int) -> list[Path]:
        return write_brief(*job(briefs[index]))

    def facts_and_index() -> None:
        if "json" in options.formats:
            pieces = facts_pieces(events, generated=options.generated)
            write_atomic(options.out / "facts.json", (p.encode("utf-8") for p in pieces))
            others.append(options.out / "facts.json")
        count = sum(len(Citer(e.articles).every()) for e in events)  # the briefs' sources
        as_of = f"As of {short_date(options.generated.date())}, from {reports(count)}."
        index = render(env, "index.md.j2", briefs=briefs, as_of=as_of)
        write_atomic(options.out / "index.md", index.encode("utf-8"))
        others.append(options.out / "index.md")

    if options.workers > 1 and parallel.FORK:
        done = write_shared(len(briefs), write, options.workers, first=facts_and_index)
    else:
        if options.workers > 1 and len(briefs) >= PARALLEL_FROM:
            calls = (job(b) for b in briefs)
            with parallel.pool(options.workers) as pool:
                done = list(parallel.ahead_map(pool.submit, write_brief, calls,
                                               2 * options.workers))
        else:
            done = [write(i) for i in range(len(briefs))]
        facts_and_index()
    return [path for paths in done for path in paths] + others
