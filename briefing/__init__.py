"""briefing: news articles in, a cited policy brief out (Markdown, Word, JSON)."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "tag_dates"]


def tag_dates(text: str, anchor: Any) -> list[Any]:
    """Find the time expressions in `text` and resolve them against `anchor` (a date).

    Returns a list of `briefing.types.Timex` (start, end, text, type, value). Imported lazily
    so that `import briefing` stays cheap.
    """
    from briefing.temporal import tag_dates as _tag

    return _tag(text, anchor)
