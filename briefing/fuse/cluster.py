"""Group articles into events.

Articles are compared by their content words (TF-IDF cosine) and linked by average linkage
above a threshold. What the articles state about the event vetoes a link however similar the
words: two different formats (virtual against in person), event dates more than a few days
apart, or publication dates far apart. That is what tells two meetings of the same ministers a
year apart from each other.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from briefing.temporal import value_to_range
from briefing.types import ArticleFacts

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

THRESHOLD = 0.095  # mid-way in the range that keeps Giveme5W1H and seed groups best
MAX_DATE_GAP_DAYS = 7
MAX_PUBLISHED_GAP_DAYS = 180
BLOCK = 512  # rows of the similarity matrix computed at once
DENSE_CELLS = 4_000_000  # TF-IDF matrices up to this size (32 MB) are dense arrays


def tfidf(docs: Sequence[Sequence[str]]) -> np.ndarray | csr_matrix:
    """Return one unit-length TF-IDF row per document: a dense array when it is small (up to
    DENSE_CELLS cells), else a scipy sparse matrix (imported only then: 0.1 s of start-up)."""
    df = Counter(w for d in docs for w in set(d))
    column = {w: i for i, w in enumerate(df)}
    n = len(docs)
    rows, cols, values = [], [], []
    for r, d in enumerate(docs):
        tf = Counter(d)
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        for w, v in vec.items():
            rows.append(r)
            cols.append(column[w])
            values.append(v / norm)
    if n * len(column) <= DENSE_CELLS:
        dense = np.zeros((n, len(column)))
        dense[rows, cols] = values
        return dense
    from scipy.sparse import csr_matrix

    return csr_matrix((values, (rows, cols)), shape=(n, len(column)), dtype=np.float64)


def event_day(facts: ArticleFacts) -> dt.date | None:
    """Return the first day of the article's event date when it is known to the week or better."""
    span = event_range(facts)
    return span[0] if span else None


def event_range(facts: ArticleFacts) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of the article's event date when known to the week or better."""
    span = value_to_range(facts.event_date) if facts.event_date else None
    return span if span and (span[1] - span[0]).days <= 7 else None


def far_apart(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) > days


def ranges_apart(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None,
                 days: int) -> bool:
    """Return True when two date ranges are more than `days` apart ("last week" covers Friday)."""
    if a is None or b is None:
        return False
    return max((b[0] - a[1]).days, (a[0] - b[1]).days) > days


Traits = tuple  # (format, event date range, publication date): what can veto a link


def traits(f: ArticleFacts) -> Traits:
    return f.event_format, event_range(f), f.article.published


def compatible(a: ArticleFacts | Traits, b: ArticleFacts | Traits) -> bool:
    """Return False when what two articles state rules out one event."""
    (format_a, range_a, day_a), (format_b, range_b, day_b) = (
        x if isinstance(x, tuple) else traits(x) for x in (a, b))
    if format_a and format_b and format_a != format_b:
        return False
    if ranges_apart(range_a, range_b, MAX_DATE_GAP_DAYS):
        return False
    return not far_apart(day_a, day_b, MAX_PUBLISHED_GAP_DAYS)


def veto_columns(known: Sequence[Traits]) -> tuple[np.ndarray, ...]:
    """Return the traits as arrays: format code (-1 unknown), event first and last day and
    publication day (ordinals, NaN unknown)."""
    def column(values: list, missing: float = np.nan) -> np.ndarray:
        return np.array([missing if v is None else v for v in values], dtype=np.float64)

    codes = {f: i for i, f in enumerate(sorted({t[0] for t in known if t[0]}))}
    return (column([codes.get(t[0]) for t in known], -1.0),
            column([t[1][0].toordinal() if t[1] else None for t in known]),
            column([t[1][1].toordinal() if t[1] else None for t in known]),
            column([t[2].toordinal() if t[2] else None for t in known]))


def vetoes(columns: tuple[np.ndarray, ...], rows: slice) -> np.ndarray:
    """Return, for the articles in `rows` against every article, where `compatible` is False
    (the same rules, on the arrays of `veto_columns`)."""
    fmt, first, last, day = columns
    with np.errstate(invalid="ignore"):  # NaN (unknown) compares False: no veto
        out = (fmt[rows, None] >= 0) & (fmt[None, :] >= 0) & (fmt[rows, None] != fmt[None, :])
        gap = np.maximum(first[None, :] - last[rows, None], first[rows, None] - last[None, :])
        out |= gap > MAX_DATE_GAP_DAYS
        out |= np.abs(day[rows, None] - day[None, :]) > MAX_PUBLISHED_GAP_DAYS
    return out


def group(facts: Sequence[ArticleFacts], *, threshold: float = THRESHOLD) -> list[list[int]]:
    """Return groups of indices into `facts`, one group per event, in order of first article.

    Average linkage: the two groups with the highest mean pairwise similarity merge while that
    mean is above `threshold` and no pair between them is incompatible (an incompatible pair
    is -inf, which every mean holding it keeps). A mean above the threshold needs a pair above
    it, so no group spans two `linked_parts` of the corpus: each part is grouped on its own,
    with a matrix the size of the part, not of the corpus, and the groups are the same.
    """
    vectors = tfidf([f.keywords for f in facts])
    columns = veto_columns([traits(f) for f in facts])
    groups = []
    for part in linked_parts(vectors, columns, threshold):
        if len(part) == 1:
            groups.append(part)
            continue
        index = np.array(part)
        sim = similarities(vectors[index], tuple(c[index] for c in columns))
        groups += [[part[i] for i in g] for g in average_linkage(sim, threshold)]
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def similarities(vectors, columns: tuple[np.ndarray, ...]) -> np.ndarray:
    """Return the float32 matrix of pairwise similarities, -inf for incompatible pairs and on
    the diagonal (computed BLOCK rows at a time)."""
    n = vectors.shape[0]
    sim = np.empty((n, n), dtype=np.float32)
    for rows, block in _blocks(vectors, columns):
        sim[rows] = block
    np.fill_diagonal(sim, -np.inf)
    return sim


def _blocks(vectors, columns: tuple[np.ndarray, ...]):
    """Yield (rows, similarities of those rows to every row, -inf where incompatible)."""
    n = vectors.shape[0]
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        block = vectors[rows] @ vectors.T
        block = block if isinstance(block, np.ndarray) else block.toarray()
        block[vetoes(columns, rows)] = -np.inf
        yield rows, block


def linked_parts(vectors, columns: tuple[np.ndarray, ...], threshold: float) -> list[list[int]]:
    """Return the connected parts of the graph linking compatible pairs more similar than
    `threshold`, each a sorted list of indices, in order of first index (union-find)."""
    n = vectors.shape[0]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for rows, block in _blocks(vectors, columns):
        linked_rows, linked_cols = np.nonzero(block > threshold)
        for r, c in zip((linked_rows + rows.start).tolist(), linked_cols.tolist(), strict=True):
            if r < c:
                a, b = root(r), root(c)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(root(i), []).append(i)
    return list(parts.values())


def average_linkage(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Return the groups of average linkage over `sim` (modified in place), in any order.

    The matrix is updated on each merge (Lance-Williams), with each row's best partner
    cached: n rows take O(n^2) array work and no pair-by-pair Python loop.
    """
    n = len(sim)
    size = np.ones(n)
    members = {i: [i] for i in range(n)}
    best = sim.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)
    top = sim[np.arange(n), best] if n else np.zeros(0, dtype=np.float32)
    while n and top.max() > threshold:
        i = int(top.argmax())
        a, b = sorted((i, int(best[i])))
        merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
        sim[a], sim[:, a] = merged, merged
        sim[b], sim[:, b] = -np.inf, -np.inf
        sim[a, a] = -np.inf
        size[a] += size[b]
        members[a] += members.pop(b)
        top[b] = -np.inf
        for r in np.flatnonzero((best == a) | (best == b)).tolist() + [a]:
            if r != b:  # rows whose best partner changed: look again
                best[r] = sim[r].argmax()
                top[r] = sim[r, best[r]]
        gained = sim[:, a] > top  # rows for which the merged group is now the best
        best[gained], top[gained] = a, sim[gained, a]
    return list(members.values())
