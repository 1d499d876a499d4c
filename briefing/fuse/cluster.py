"""Group articles into events.

Articles are compared by their content words (TF-IDF cosine) and linked by average linkage
above a threshold. What the articles state about the event vetoes a link however similar the
words: two different formats (virtual against in person), event dates more than a few days
apart, or publication dates far apart. That is what tells two meetings of the same ministers a
year apart from each other.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefing.temporal import value_to_range
from briefing.types import ArticleFacts

THRESHOLD = 0.095  # mid-way in the range that keeps Giveme5W1H and seed groups best
MAX_DATE_GAP_DAYS = 7
MAX_PUBLISHED_GAP_DAYS = 180
FLOOR = 0.1  # pairs below FLOOR x THRESHOLD similarity are not stored: they count as 0
BLOCK = 512  # rows of the similarity matrix computed at once


def tfidf(docs: Sequence[Sequence[str]]):
    """Return a sparse matrix with one unit-length TF-IDF row per document."""
    from scipy.sparse import csr_matrix

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
    return csr_matrix((values, (rows, cols)), shape=(n, len(column)), dtype=np.float64)


def similar_pairs(vectors, floor: float) -> dict[tuple[int, int], float]:
    """Return the cosine of every pair i < j at or above `floor`, computed in row blocks so a
    large corpus never needs the whole n x n matrix at once."""
    pairs: dict[tuple[int, int], float] = {}
    n = vectors.shape[0]
    for first in range(0, n, BLOCK):
        block = (vectors[first:first + BLOCK] @ vectors.T).tocoo()
        for i, j, v in zip(block.row + first, block.col, block.data, strict=True):
            if i < j and v >= floor:
                pairs[int(i), int(j)] = float(v)
    return pairs


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


def group(facts: Sequence[ArticleFacts], *, threshold: float = THRESHOLD) -> list[list[int]]:
    """Return groups of indices into `facts`, one group per event, in order of first article.

    Average linkage: the two groups with the highest mean pairwise similarity merge while that
    mean is above `threshold` and no pair between them is incompatible. Only pairs at least
    `FLOOR` x threshold similar are stored (the rest count as 0), and a heap keeps the best
    candidate, so thousands of articles group in seconds.
    """
    pairs = similar_pairs(tfidf([f.keywords for f in facts]), threshold * FLOOR)
    known = [traits(f) for f in facts]
    members = {i: [i] for i in range(len(facts))}
    sums: dict[int, dict[int, float]] = {i: {} for i in members}
    for (i, j), v in pairs.items():
        sums[i][j] = sums[j][i] = v
    vetoed: dict[int, set[int]] = {i: set() for i in members}
    heap = [(-v, i, j, 1, 1) for (i, j), v in pairs.items() if v > threshold]
    heapq.heapify(heap)
    while heap:
        _, a, b, size_a, size_b = heapq.heappop(heap)
        if a not in members or b not in members or (len(members[a]), len(members[b])) != (
                size_a, size_b) or b in vetoed[a]:
            continue  # a stale entry: one side has merged since
        if not all(compatible(known[i], known[j]) for i in members[a] for j in members[b]):
            vetoed[a].add(b)
            vetoed[b].add(a)
            continue
        members[a] += members.pop(b)
        for c, v in sums.pop(b).items():
            del sums[c][b]
            if c != a:
                sums[a][c] = sums[c][a] = sums[a].get(c, 0.0) + v
        for c in vetoed.pop(b):  # a pair ruled out stays ruled out for the merged group
            vetoed[c].discard(b)
            if c != a:
                vetoed[c].add(a)
                vetoed[a].add(c)
        for c, total in sums[a].items():
            x, y = min(a, c), max(a, c)
            mean = total / (len(members[a]) * len(members[c]))
            if mean > threshold and c not in vetoed[a]:
                heapq.heappush(heap, (-mean, x, y, len(members[x]), len(members[y])))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
