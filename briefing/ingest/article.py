"""From a raw body and what its container says to one cleaned `Article`.

Order matters: boilerplate goes first (so a "Share this" line is never taken for a headline),
then the headline, then the dateline at the start of what is left.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefing.ingest import clean
from briefing.ingest.dateline import Dateline, find_dateline
from briefing.ingest.errors import Skipped
from briefing.knowledge import load
from briefing.types import Article

_HEADLINE_MAX_WORDS = 25
_HEADLINE_MAX_CHARS = 200
_DATELINE_WITHIN = 2  # paragraphs: a dateline may follow a standfirst
_SAME_TITLE = 90  # rapidfuzz ratio above which a first line repeats the known title


@dataclass(frozen=True)
class Meta:
    """What the container (front matter, JSON fields, HTML metadata, feed item) states."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_text: str | None = None


def build_article(article_id: str, raw: str, *, source: str, meta: Meta | None = None) -> Article:
    """Return the cleaned Article for body `raw`; raises Skipped when no story text remains."""
    meta = meta or Meta()
    paras = clean.remove_boilerplate(clean.paragraphs(raw))
    paras[:_DATELINE_WITHIN] = [clean.strip_leading(p) for p in paras[:_DATELINE_WITHIN]]
    title, paras = take_title(paras, meta.title)
    line, paras = take_dateline(paras)
    text = "\n\n".join(paras)
    if not text.strip():
        raise Skipped("no story text found")
    return Article(id=safe_id(article_id), text=text, title=title or None, url=clean.one_line(meta.url),
                   source=clean.one_line(source) or "?", **_stated(meta, line))


def safe_id(article_id: str) -> str:
    """Return `article_id` without control characters or lone surrogates (from odd file names)."""
    return clean.one_line(article_id) or "article"


def take_title(paras: list[str], known: str | None) -> tuple[str | None, list[str]]:
    """Return (headline, remaining paragraphs); a first line repeating `known` is dropped."""
    if paras and known and fuzz.ratio(clean_title(paras[0]), clean_title(known)) >= _SAME_TITLE:
        return clean_title(known), paras[1:]
    if known:
        return clean_title(known), paras
    if len(paras) > 1 and looks_like_headline(paras[0]):
        return clean_title(paras[0]), paras[1:]
    return None, paras


def take_dateline(paras: list[str]) -> tuple[Dateline | None, list[str]]:
    """Return (dateline, paragraphs without it); a dateline on its own line is dropped whole.

    The dateline opens the first paragraph, or the second after a standfirst (a lead).
    """
    for i, para in enumerate(paras[:_DATELINE_WITHIN]):
        line = find_dateline(para)
        if line:
            rest = para[line.length :].strip()
            return line, paras[:i] + ([rest] if rest else []) + paras[i + 1 :]
    return None, paras


def looks_like_headline(line: str) -> bool:
    """True for a short line without closing punctuation that is not a bare dateline."""
    words = line.split()
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    if re.search(r"[.!,;:]$", line):
        return False
    dateline = find_dateline(line)
    return dateline is None or dateline.length < len(line)


def clean_title(title: str) -> str:
    """Return `title` without a label such as "PREVIEW -", "UPDATE 2-" or "EXCLUSIVE:"."""
    lines = clean.paragraphs(title)
    title = lines[0] if lines else ""
    return _label().sub("", title.lstrip("# ")).strip()


@functools.cache
def _label() -> re.Pattern[str]:
    labels = sorted(load("boilerplate")["headline_prefixes"], key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(labels)})(?:\s+\d+)?\s*(?:-+|–|—|:)\s*", re.IGNORECASE)


def _stated(meta: Meta, line: Dateline | None) -> dict:
    """Return the outlet, place and date fields: the container first, then the dateline."""
    date = line.date if line else None
    published = meta.published or (date.date if date else None)
    return {
        "outlet": clean.one_line(meta.outlet) or (line.outlet if line else None),
        "dateline_place": line.place if line else None,
        "published": published,
        "published_text": date.text if date else clean.one_line(meta.published_text),
        "published_partial": date.partial if date and not published else None,
    }
