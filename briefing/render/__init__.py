"""The render stage: briefs in, the files of a run out (Markdown, DOCX, the timeline figure,
facts.json, index.md), each as an `Output` not yet written: where and how the files are
written (atomically, in forked processes, kept when unchanged) is the runtime's business
(briefing.runtime.writers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.compose.brief import Brief, Citer
from briefing.compose.words import reports, short_date
from briefing.render.facts import facts_pieces
from briefing.render.markdown import contents, environment, render
from briefing.types import Event


@dataclass(frozen=True)
class RenderOptions:
    """What the briefs are written as (the defaults are the settings', briefing.cli.settings):
    `generated` is the as-of time; None templates or house document: the built-in ones."""

    out: Path
    formats: tuple[str, ...]
    mode: str
    author: str
    generated: dt.datetime
    templates: Path | None = None
    reference_docx: Path | None = None


@dataclass(frozen=True)
class Output:
    """One file of a run, not yet made: its name in the output folder, how to make its bytes
    (or pieces of them), and for the costly ones `key`, which returns a hash of what it is made
    from: a file on disk made from the same key is kept as it is (briefing.store.stamps)."""

    name: str
    make: Callable[[], bytes | Iterable[bytes]]
    key: Callable[[], str | None] | None = None


def default_reference() -> Path:
    from importlib import resources

    return Path(str(resources.files("briefing.templates").joinpath("reference.docx")))


def docx_output(brief: Brief, markdown: str, options: RenderOptions) -> Output:
    """Return the brief's DOCX, made from its rendered Markdown. Its key covers the Markdown,
    the properties, the house document, the images and the code: a run that adds one article
    makes again only the documents of the events it changed."""
    from briefing.render.docx import DocProperties, docx_bytes, docx_key

    props = DocProperties(
        title=brief.title, subject=brief.subtitle, author=options.author,
        keywords=tuple(p.name for p in brief.participants[:6]), created=options.generated)
    reference = options.reference_docx or default_reference()
    return Output(f"{brief.slug}.docx",
                  lambda: docx_bytes(markdown, reference=reference, props=props,
                                     base_dir=options.out),
                  key=lambda: docx_key(markdown, props, reference, options.out))


def figure_output(brief: Brief, options: RenderOptions) -> Output | None:
    """Return the brief's timeline figure (full mode, with two dates or more), or None. A
    figure drawn from the same dates by the same code is kept, not drawn again."""
    if options.mode != "full" or not {"md", "docx"} & set(options.formats):
        return None
    from briefing.render.figure import figure_key, timeline_png

    key = figure_key(brief)
    if key is None:
        return None
    return Output(f"{brief.slug}-timeline.png", lambda: timeline_png(brief) or b"",
                  key=lambda: key)


def brief_outputs(brief: Brief, options: RenderOptions,
                  change: tuple[str, ...] | None) -> list[Output]:
    """Return one brief's files in the order they must be written (the figure first: the DOCX
    embeds it); `change` is what changed since the previous brief (None: no previous one)."""
    figure = figure_output(brief, options)
    markdown = render(environment(options.templates), "brief.md.j2", brief=brief,
                      mode=options.mode, changes=change, figure=figure.name if figure else None)
    outputs = [figure] if figure else []
    if "md" in options.formats:
        outputs.append(Output(f"{brief.slug}.md", lambda: contents(markdown).encode("utf-8")))
    if "docx" in options.formats:
        outputs.append(docx_output(brief, markdown, options))
    return outputs


def run_outputs(briefs: Sequence[Brief], events: Sequence[Event],
                options: RenderOptions) -> list[Output]:
    """Return the files about the whole run: facts.json (written an event at a time) and the
    index of the briefs. `events` are the briefs' events (cheaper to have than the briefs)."""
    outputs = []
    if "json" in options.formats:
        outputs.append(Output("facts.json", lambda: (
            p.encode("utf-8") for p in facts_pieces(events, generated=options.generated))))

    def index() -> bytes:
        count = sum(len(Citer(e.articles).every()) for e in events)  # the briefs' sources
        as_of = f"As of {short_date(options.generated.date())}, from {reports(count)}."
        return render(environment(options.templates), "index.md.j2", briefs=briefs,
                      as_of=as_of).encode("utf-8")
    return outputs + [Output("index.md", index)]


def warm_up(options: RenderOptions) -> None:
    """Import and exercise what writing a brief needs: the templates, python-docx, matplotlib
    and its fonts. The pipeline calls it while the model process parses (this process would
    otherwise wait); without one, writing the first brief does it."""
    environment(options.templates)
    if options.mode == "full" and {"md", "docx"} & set(options.formats):
        from briefing.render.figure import warm_up as warm_figure

        warm_figure()
    if "docx" in options.formats:
        from briefing.render.docx_package import open_reference

        open_reference(options.reference_docx or default_reference())
