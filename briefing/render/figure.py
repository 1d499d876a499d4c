"""The timeline figure: one row per dated development, a dot for a day, a bar for a week or
month, a dashed line at the event's date. PNG bytes, the same for the same brief.

matplotlib is imported lazily and draws with its Agg canvas, without pyplot (no display); PNG
metadata is fixed (no Software or date entries) so identical briefs give identical bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from pathlib import Path

from briefing.compose.brief import Brief
from briefing.compose.words import date_key, date_label

WIDTH = 7.0  # inches: the text width of an A4 page with house margins


def rows(brief: Brief) -> list[tuple[tuple[dt.date, dt.date], str, int]]:
    """Return one row per distinct date: its first and last day, label and number of entries
    (an entry naming two dates counts at both)."""
    counts: dict[str, int] = {}
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for value in (v for t in brief.timeline for v in t.dates):
        label, span = date_label(value), date_key(value)
        if span[0] != dt.date.max:
            counts[label] = counts.get(label, 0) + 1
            spans[label] = span
    return sorted(((spans[k], k, n) for k, n in counts.items()), key=lambda r: (r[0], r[1]))


def figure_key(brief: Brief) -> str | None:
    """Return what the figure is drawn from, hashed with this module's code (None when there
    is no figure): a figure whose key has not changed need not be drawn again."""
    found = rows(brief)
    if len(found) < 2:
        return None
    text = repr((found, brief.event.start, brief.event.kind, _code_hash()))
    return hashlib.sha256(text.encode()).hexdigest()


@functools.cache
def _code_hash() -> str:
    """Return the hash of this module's source, read once per process."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def warm_up() -> None:
    """Import matplotlib and draw a tiny figure once, so its fonts and renderer are loaded."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1), dpi=10)
    fig.subplots().set_title("warm", fontsize=8)
    fig.savefig(io.BytesIO(), format="png")


def timeline_png(brief: Brief) -> bytes | None:
    """Return the timeline figure as PNG bytes, or None when fewer than two dates are known."""
    found = rows(brief)
    if len(found) < 2:
        return None
    import matplotlib
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure  # not pyplot: no figure manager, a quicker import

    matplotlib.rcParams.update({"svg.hashsalt": "briefing", "font.size": 8,
                                "font.family": "DejaVu Sans"})
    fig = Figure(figsize=(WIDTH, 0.22 * len(found) + 1.1), dpi=110)
    ax = fig.subplots()
    for y, ((first, last), _, n) in enumerate(found):
        if first == last:
            ax.plot([first], [y], "o", color="#1f4e79", markersize=4 + 1.5 * min(n, 4))
        else:
            ax.barh(y, (last - first).days + 1, left=first, height=0.5, color="#9dc3e6")
    if brief.event.start:
        ax.axvline(brief.event.start, color="#c00000", linestyle="--", linewidth=1)
        ax.text(brief.event.start, -0.8, f" {brief.event.kind}", color="#c00000", fontsize=7)
    ax.set_yticks(range(len(found)),
                  [f"{label} ({n})" if n > 1 else label for _, label, n in found])
    ax.set_ylim(len(found) - 0.5, -1.2)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Reported developments by date (number of entries in brackets)", fontsize=8,
                 loc="left")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
