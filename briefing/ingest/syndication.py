"""Syndication: the same story printed by several outlets becomes one article."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from briefing.types import Article

SAME_STORY = 90  # rapidfuzz ratio of the normalised texts at or above which two are one story
_FUZZY_MIN_CHARS = 200  # shorter texts merge only when identical: one word matters there
_LENGTH_RATIO = 0.8  # texts whose lengths differ more than this cannot reach SAME_STORY


def merge_copies(articles: list[Article]) -> list[Article]:
    """Return `articles` with copies of an earlier story removed; `also_in` names the copies."""
    kept: list[Article] = []
    copies: list[list[Article]] = []
    flats: list[str] = []
    for article in articles:
        flat = _flat(article.text)
        index = next((i for i, other in enumerate(flats) if same_story(flat, other)), None)
        if index is None:
            kept.append(article)
            copies.append([])
            flats.append(flat)
        else:
            copies[index].append(article)
    return [_with_copies(a, c) for a, c in zip(kept, copies, strict=True)]


def same_story(a: str, b: str) -> bool:
    """True when the normalised texts `a` and `b` are identical or nearly so."""
    if a == b:
        return True
    if min(len(a), len(b)) < _FUZZY_MIN_CHARS:
        return False
    if min(len(a), len(b)) < _LENGTH_RATIO * max(len(a), len(b)):
        return False
    return fuzz.ratio(a, b, score_cutoff=SAME_STORY) >= SAME_STORY


def copy_label(article: Article) -> str:
    """Return how a copy is named in `also_in`: "Outlet (source)" or just the source."""
    where = article.source or article.url or article.id
    return f"{article.outlet} ({where})" if article.outlet else where


def _with_copies(article: Article, copies: list[Article]) -> Article:
    if not copies:
        return article
    labels = article.also_in + tuple(copy_label(c) for c in copies)
    return replace(article, also_in=labels)


def _flat(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
