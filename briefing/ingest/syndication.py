"""Syndication: the same story printed by several outlets becomes one article."""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from dataclasses import replace

from rapidfuzz import fuzz

from briefing.types import Article

SAME_STORY = 90  # rapidfuzz ratio of the normalised texts at or above which two are one story
_FUZZY_MIN_CHARS = 200  # shorter texts merge only when identical: one word matters there
_LENGTH_RATIO = 0.8  # texts whose lengths differ more than this cannot reach SAME_STORY
_GRAM = 4  # words per shingle
_SKETCH = 32  # shingles kept per text (the smallest hashes): near-copies share some of them
CANDIDATES = 16  # earlier stories a text is compared with, those sharing most shingles
_COUNT_IN_NUMPY = 4096  # shared shingles from which they are counted in numpy (measured:
# Counter's loop grew with the square of a pile of near-identical items)


def merge_copies(articles: list[Article]) -> list[Article]:
    """Return `articles` with copies of an earlier story removed; `also_in` names the copies."""
    kept: list[Article] = []
    copies: list[list[Article]] = []
    flats: list[str] = []
    exact: dict[str, int] = {}
    by_shingle: dict[int, array[int]] = {}  # a sketch shingle -> the kept stories having it
    for article in articles:
        flat = _flat(article.text)
        marks = sketch(flat)
        index = exact.get(flat)
        if index is None:  # compare only with stories sharing a shingle: not every pair
            index = next((i for i in _nearest(marks, by_shingle) if same_story(flat, flats[i])),
                         None)
        if index is None:
            exact.setdefault(flat, len(kept))
            for m in marks:
                by_shingle.setdefault(m, array("q")).append(len(kept))
            kept.append(article)
            copies.append([])
            flats.append(flat)
        else:
            copies[index].append(article)
    return [_with_copies(a, c) for a, c in zip(kept, copies, strict=True)]


def _nearest(marks: set[int], by_shingle: dict[int, array[int]]) -> list[int]:
    """Return the kept stories sharing the most shingles of `marks` (at most CANDIDATES, in
    text order): a copy shares most of them, and a pile of items written from one
    vocabulary would otherwise compare every pair. Where the stories sharing them are many
    (items written from one vocabulary share every shingle), they are counted in numpy."""
    postings = [by_shingle[m] for m in marks if m in by_shingle]
    if not postings or sum(map(len, postings)) < _COUNT_IN_NUMPY:
        shared = Counter(i for p in postings for i in p)
        return sorted(i for i, _ in sorted(shared.items(),
                                           key=lambda s: (-s[1], s[0]))[:CANDIDATES])
    import numpy as np

    counts = np.bincount(np.concatenate([np.frombuffer(p, dtype=np.int64) for p in postings]))
    stories = np.flatnonzero(counts)
    most = stories[np.lexsort((stories, -counts[stories]))][:CANDIDATES]
    return sorted(most.tolist())


def sketch(flat: str) -> set[int]:
    """Return the smallest hashes of a text's word shingles (a bottom-k sketch).

    Two texts at SAME_STORY similarity share most shingles, so their sketches overlap all but
    surely; texts of different stories share almost none. Hashes are CRC32: the same in
    every process, so which stories are compared never varies between runs.
    """
    words = flat.split()
    grams = {zlib.crc32(" ".join(words[i:i + _GRAM]).encode())
             for i in range(max(1, len(words) - _GRAM + 1))}
    return set(sorted(grams)[:_SKETCH])


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
    return replace(article, also_in=labels, copies=article.copies + tuple(c.id for c in copies))


def _flat(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
