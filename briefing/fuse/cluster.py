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

from briefing.temporal import value_to_range
from briefing.types import ArticleFacts

THRESHOLD = 0.095  # mid-way in the range that keeps Giveme5W1H and seed groups best
MAX_DATE_GAP_DAYS = 7
MAX_PUBLISHED_GAP_DAYS = 180


def tfidf(docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Return a unit-length TF-IDF vector per document."""
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    vectors = []
    for d in docs:
        tf = Counter(d)
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


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


def compatible(a: ArticleFacts, b: ArticleFacts) -> bool:
    """Return False when what two articles state rules out one event."""
    if a.event_format and b.event_format and a.event_format != b.event_format:
        return False
    if ranges_apart(event_range(a), event_range(b), MAX_DATE_GAP_DAYS):
        return False
    return not far_apart(a.article.published, b.article.published, MAX_PUBLISHED_GAP_DAYS)


def group(facts: Sequence[ArticleFacts], *, threshold: float = THRESHOLD) -> list[list[int]]:
    """Return groups of indices into `facts`, one group per event, in order of first article."""
    vectors = tfidf([f.keywords for f in facts])
    n = len(facts)
    sim = [[cosine(vectors[i], vectors[j]) if compatible(facts[i], facts[j]) else -1.0
            for j in range(n)] for i in range(n)]
    clusters = [[i] for i in range(n)]
    while True:
        best, pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                score = linkage(clusters[x], clusters[y], sim)
                if score > best:
                    best, pair = score, (x, y)
        if pair is None:
            return sorted((sorted(c) for c in clusters), key=lambda c: c[0])
        x, y = pair
        clusters[x] += clusters.pop(y)


def linkage(a: list[int], b: list[int], sim: list[list[float]]) -> float:
    """Return the average similarity between two clusters, or -1 when any pair is incompatible."""
    pairs = [sim[i][j] for i in a for j in b]
    return -1.0 if min(pairs) < 0 else sum(pairs) / len(pairs)
