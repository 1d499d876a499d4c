"""Markdown from Jinja2 templates: one sandboxed Environment, StrictUndefined, escaping by default.

Every value a template prints is escaped for Markdown unless it is `Markup` (what the `cite`,
`anchor` and `link` filters return), so text from articles never becomes structure: a pipe,
a leading `#`, brackets or HTML in an article stay text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from briefing.render.problems import TemplateProblem
from briefing.render.template_budget import BudgetedEnvironment, BudgetExceeded, render_within

# Every CommonMark block marker stays text. Brackets, "<", ">", "|", "*", "`" and "~" are
# escaped wherever they are (links, HTML blocks, quotes, tables, fences, emphasis); "_" only
# matters at word edges; a heading's run of "#" (any length), "+", "-" and "1." only at the
# start of a line and before a space (a digit cannot carry a backslash escape, so "1." becomes
# "1\."); a value of only "=" or "-" would underline the line before it, and four leading
# spaces or a tab would make an indented code block, so leading whitespace becomes one space.
SPECIAL = re.compile(r"([\\`*\[\]<>|~]|(?<!\w)_|_(?!\w))")
LINE_START = re.compile(r"^( ?)(?:(#+|[-+])|(\d+)([.)]))(?=\s|$)")
UNDERLINE = re.compile(r"^\s*([=-])")
# A quote's closing line opens with a dash ("— Speaker"); a value opening with one is written
# with an escape or an entity, which the DOCX writer can tell from a dash the template wrote.
ATTRIBUTION = re.compile(r"^\s*(?:—|–|―|--)")
_DASH_OPENING = re.compile(r"^( ?)(—|–|―|-(?=-))")
_DASH_ESCAPES = {"—": "&mdash;", "–": "&ndash;", "―": "&#8213;", "-": "\\-"}
TOC_MARKER = "<!-- toc -->"
HEADING = re.compile(r"^## (.+)$", re.M)


def escape(value: Any) -> str:
    """Return `value` as Markdown text that renders as itself (one line, specials escaped)."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = re.sub(r"\s*\n\s*", " ", str(value))
    text = SPECIAL.sub(r"\\\1", text)
    if text.endswith("!"):  # a citation "[1](#source-1)" may follow: "![" would open an image
        text = text[:-1] + "\\!"
    if re.fullmatch(r"\s*(=+|-+)\s*", text):
        return UNDERLINE.sub(r"\\\1", text)
    text = re.sub(r"^\s+", " ", text)  # one space: still apart from what precedes it
    text = _DASH_OPENING.sub(lambda m: m.group(1) + _DASH_ESCAPES[m.group(2)], text)
    return LINE_START.sub(lambda m: m.group(1) + (
        "\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), text)


def cite(numbers: Sequence[int]) -> Markup:
    """Return citation markers "[1][3]" linking to the Sources list."""
    return Markup("".join(f"[[{n}]](#source-{n})" for n in numbers))


def anchor(name: str) -> Markup:
    """Return an HTML anchor the Sources entry carries, so citations can link to it."""
    return Markup(f'<a id="{re.sub(r"[^A-Za-z0-9_-]", "", name)}"></a>')


def link(text: str, url: str | None = None) -> Markup:
    """Return a Markdown link showing `text` to `url` (default: `text` itself); only http(s)
    URLs and plain relative file names become links, anything else stays text."""
    url = text if url is None else url
    safe = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    if not re.match(r"^(https?://|[\w.-]+$)", safe):
        return Markup(escape(text))
    return Markup(f"[{escape(text)}]({safe})")


def cited(text: str, numbers: Sequence[int]) -> Markup:
    """Return `text` escaped, its "{cites}" replaced by citation markers (appended without one)."""
    before, found, after = str(text).partition("{cites}")
    if not found:
        return Markup(escape(text) + cite(numbers))
    return Markup(escape(before) + cite(numbers) + escape(after))


def contents(markdown: str) -> str:
    """Return the Markdown with its `<!-- toc -->` marker replaced by a list of links to its
    second-level headings (GitHub anchors), for readers of the .md file; the DOCX converter
    reads the marker itself and builds a Word contents field."""
    if TOC_MARKER not in markdown:
        return markdown
    entries = []
    for title in HEADING.findall(markdown):
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        entries.append(f"[{title}](#{slug})")
    return markdown.replace(TOC_MARKER, "**Contents:** " + " · ".join(entries), 1)


@functools.cache  # one Environment per template folder: start-up checks and rendering share
def environment(user_dir: Path | None = None) -> BudgetedEnvironment:  # compiled templates
    """Return the template Environment: the user's folder first, then the built-in templates;
    sandboxed, with a time and size budget (see briefing.render.template_budget)."""
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(resources.files("briefing.templates"))))
    env = BudgetedEnvironment(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True, autoescape=False, finalize=escape)
    env.filters.update(cite=cite, cited=cited, anchor=anchor, link=link)
    return env


# What a template can raise besides TemplateError: a recursion too deep, a number too large,
# a value of the wrong type, memory, its budget. Each is reported as the template's problem.
_FAILURES = (TemplateError, BudgetExceeded, RecursionError, MemoryError, OverflowError,
             ArithmeticError, LookupError, TypeError, ValueError, AttributeError)


def render(env: BudgetedEnvironment, name: str, **context: Any) -> str:
    """Return the rendered template; raises TemplateProblem naming the template and line
    (a template error, a runaway template past its time or output budget, a crash)."""
    try:
        text = render_within(env, name, context)
    except _FAILURES as exc:
        raise TemplateProblem(f"template {_where(exc, _filename(env, name))}: {_what(exc)}"
                              ) from None
    return re.sub(r"\n{3,}", "\n\n", text)


def _filename(env: BudgetedEnvironment, name: str) -> str:
    """Return the file template `name` is read from (its name when it cannot be loaded)."""
    try:
        return env.get_template(name).filename or name
    except TemplateError:
        return name


def _where(exc: BaseException, name: str) -> str:
    """Return "FILE, line N" of the template line that raised `exc` (the innermost one of
    Jinja's rewritten traceback), else the template's name."""
    if isinstance(exc, TemplateError) and getattr(exc, "lineno", None):
        return f"{getattr(exc, 'filename', None) or name}, line {exc.lineno}"
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # a template line (jinja.debug)
            found = f"{tb.tb_frame.f_code.co_filename}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return found or name


def _what(exc: BaseException) -> str:
    if isinstance(exc, TemplateError):
        return exc.message or str(exc)
    if isinstance(exc, RecursionError):
        return "it calls itself without end (recursion too deep)"
    if isinstance(exc, MemoryError):
        return "it ran out of memory"
    text = " ".join(str(exc).split())[:200]
    return text if isinstance(exc, BudgetExceeded) else f"{type(exc).__name__}: {text}"


def check(env: BudgetedEnvironment, names: Sequence[str]) -> None:
    """Compile the templates at start-up; raises TemplateProblem for the first broken one."""
    for name in names:
        try:
            env.get_template(name)
        except TemplateError as exc:
            line = getattr(exc, "lineno", None)
            raise TemplateProblem(f"template {name}" + (f", line {line}" if line else "")
                                  + f": {exc.message or exc}") from exc


def check_rendering(env: BudgetedEnvironment, brief: Any) -> None:
    """Render the brief and index templates with `brief` (the invented sample of
    briefing.compose.sample), in each mode, with and without changes and a figure; raises
    TemplateProblem naming the template and line, as rendering a real brief would."""
    for mode in ("full", "note"):
        for changes, figure in ((None, None), (("The date moved.",), "sample-timeline.png")):
            render(env, "brief.md.j2", brief=brief, mode=mode, changes=changes, figure=figure)
    render(env, "index.md.j2", briefs=[brief], as_of="As of 4 January 2000, from 2 reports.")
