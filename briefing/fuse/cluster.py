"""Group articles into events.

Articles are compared by their content words (TF-IDF cosine) and linked by average linkage
above a threshold. A word's rarity is counted as if the corpus also held BACKGROUND articles
about other things: in a pile of reports of one event, the words they all share (the
ministers, the place) are what makes them one event, and a plain IDF would weigh them zero.

What the reports state about the event itself vetoes a link however similar the words. Each
report is read as an event: its kind, the format and the date its own predicate gives ("met on
Monday", "spoke by phone"), and when it appeared. Two reports whose predicates give different
formats, or days more than a week apart, are two events. An occasion (a meeting, call, visit,
talks, summit) a report does not date took place in the days before the report appeared (news
is days old), so undated reports are placed by their content among the occasions of those
days, and reports of an occasion published more than five days apart are of two: two meetings
of the same ministers a week apart stay apart. An occasion that only one report in many
names is the setting it tells other news in ("said during a visit"): it does not part the
reports of that news (`consistent`). Other happenings (a crash, a launch, a verdict) have
follow-ups weeks later: those join their event when they share more of its words
(`needed`); publications half a year apart are two events. Groups of reports of an occasion
whose own predicate brings the same two people together merge on fewer shared words
(`join_pairs`): a preview that leads with one side's warning is of that meeting. The
sentence cue of the article's date and format (`event_range`, `event_format`) is not read:
it often dates a cause or a background fact.

Grouping reads only a `Digest` of each article (its content words and what can veto a link),
and keeps no matrix of every pair: its memory grows with the pairs similar enough to link
(13 per article in the BBC corpus), not with the square of the articles.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from briefing.temporal import all_outside, value_to_range
from briefing.types import ArticleFacts

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

THRESHOLD = 0.11  # mid-way in the range that keeps Giveme5W1H and seed groups best
BACKGROUND = 20  # articles that contain none of the words, added to every corpus's IDF: with
# none, three reports of one meeting were three events (seed and Giveme5W1H events grouped
# alone kept 29% of their pairs; 88% with 20, from 10 to 40 alike)
MAX_DATE_GAP_DAYS = 7  # between two reports' event dates (a misread day is often a week off)
MAX_PUBLISHED_GAP_DAYS = 180
FOLLOW_UP_DAYS = 7  # reports spanning more days than this are news and its follow-ups, which
FOLLOW_UP = 0.13  # must be this similar (mean similarity of two groups)
SETTING_SHARE = 0.25  # an occasion named by fewer of a group's reports is a setting (`consistent`)
MAX_OCCASION_GAP_DAYS = 5  # between the publications of two reports of an occasion: two
# meetings of the same people a week apart, each reported on its day, are two
NEWS_DAYS = 3  # an occasion a report does not date took place in the days before it appeared
OCCASIONS = frozenset(("summit", "call", "visit", "talks", "meeting"))
BLOCK = 512  # rows of the similarity matrix computed at once
NEIGHBOURS = 50  # links kept per article, its most similar (the BBC corpus has 13 on average;
# an event of up to 51 reports keeps every pair)
DENSE_CELLS = 4_000_000  # TF-IDF matrices up to this size (32 MB) are dense arrays
PAIRED = 0.5  # of THRESHOLD: the mean similarity two groups naming one pair of principals need


def tfidf(docs: Sequence[Sequence[str]]) -> np.ndarray | csr_matrix:
    """Return one unit-length TF-IDF row per document: a dense array when it is small (up to
    DENSE_CELLS cells), else a scipy sparse matrix (imported only then: 0.1 s of start-up).
    IDF counts BACKGROUND more documents, none of which has the word."""
    df = Counter(w for d in docs for w in set(d))
    column = {w: i for i, w in enumerate(df)}
    n = len(docs)
    rows, cols, values = [], [], []
    for r, d in enumerate(docs):
        tf = Counter(d)
        vec = {w: (1 + math.log(c)) * math.log((1 + n + BACKGROUND) / (1 + df[w]))
               for w, c in tf.items()}
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
    return week_or_better(facts.event_date)


def own_range(facts: ArticleFacts) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of the date hung on the event's own predicate ("met on
    Monday", "the call on Saturday") when known to the week or better: what grouping compares.
    The sentence cue (`event_range`) often dates a cause or a background fact instead."""
    return week_or_better(facts.frame_date)


def week_or_better(value: str | None) -> tuple[dt.date, dt.date] | None:
    span = value_to_range(value) if value else None
    return span if span and (span[1] - span[0]).days <= 7 else None


def far_apart(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) > days


def ranges_apart(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None,
                 days: int) -> bool:
    """Return True when two date ranges are more than `days` apart ("last week" covers Friday)."""
    if a is None or b is None:
        return False
    return max((b[0] - a[1]).days, (a[0] - b[1]).days) > days


# What can veto a link: (format its event's predicate gives, event date range, publication day,
# occasion's publication day, occasion's own day, publication day of a report naming no
# occasion, whether it names an occasion). Only a report of an occasion (a meeting, call,
# visit, talks or summit) has the fourth and fifth; its event date range, when its predicate
# gives no date, is the NEWS_DAYS before it appeared. Any other happening (a crash, a launch, a
# verdict) has follow-ups weeks later: only the date its own predicate gives and a publication
# half a year apart tell its events apart (and follow-ups must be more similar: `needed`).
Traits = tuple


def traits(f: ArticleFacts) -> Traits:
    occasion = f.event_kind in OCCASIONS
    published = f.article.published
    own = span = own_range(f)
    if span is None and occasion and published is not None:
        span = (published - dt.timedelta(days=NEWS_DAYS), published)
    return (f.frame_format, span, published,
            published if occasion else None,
            own[0] if occasion and own else None,
            None if occasion else published,
            occasion)


def compatible(a: ArticleFacts | Traits, b: ArticleFacts | Traits) -> bool:
    """Return False when what two articles state rules out one event."""
    (format_a, range_a, day_a, held_a, told_a, plain_a, _), \
        (format_b, range_b, day_b, held_b, told_b, plain_b, _) = (
            x if isinstance(x, tuple) else traits(x) for x in (a, b))
    if format_a and format_b and format_a != format_b:
        return False
    if ranges_apart(range_a, range_b, MAX_DATE_GAP_DAYS):
        return False
    if far_apart(held_a, held_b, MAX_OCCASION_GAP_DAYS):
        return False
    if before(plain_a, told_b) or before(plain_b, told_a):
        return False
    return not far_apart(day_a, day_b, MAX_PUBLISHED_GAP_DAYS)


def before(plain: dt.date | None, told: dt.date | None) -> bool:
    """Return True when a report naming no occasion appeared more than MAX_OCCASION_GAP_DAYS
    before the day an occasion's own predicate gives: it cannot tell of that occasion (a
    preview names it)."""
    return plain is not None and told is not None and (told - plain).days > MAX_OCCASION_GAP_DAYS


def needed(threshold: float, span: float) -> float:
    """Return the mean similarity two groups need to merge when their reports span `span`
    days: a follow-up weeks after the news (an aftermath, a record released later) must share
    more of its words than the reports of the same days."""
    return max(threshold, FOLLOW_UP) if span > FOLLOW_UP_DAYS else threshold


def needed_all(threshold: float, spans: np.ndarray) -> np.ndarray:
    """Return `needed` of each span (an array)."""
    with np.errstate(invalid="ignore"):  # NaN (no dates) is no follow-up
        return np.where(spans > FOLLOW_UP_DAYS, max(threshold, FOLLOW_UP), threshold)


def veto_columns(known: Sequence[Traits]) -> tuple[np.ndarray, ...]:
    """Return the traits as arrays: format code (-1 unknown); event first and last day,
    publication day, occasion's publication day, occasion's own day, publication day of a
    report naming no occasion (ordinals, NaN unknown); 1 for a report of an occasion, else 0."""
    def column(values: list, missing: float = np.nan) -> np.ndarray:
        return np.array([missing if v is None else v for v in values], dtype=np.float64)

    def ordinals(values: list) -> np.ndarray:
        return column([v.toordinal() if v else None for v in values])

    codes = {f: i for i, f in enumerate(sorted({t[0] for t in known if t[0]}))}
    return (column([codes.get(t[0]) for t in known], -1.0),
            ordinals([t[1][0] if t[1] else None for t in known]),
            ordinals([t[1][1] if t[1] else None for t in known]),
            ordinals([t[2] for t in known]), ordinals([t[3] for t in known]),
            ordinals([t[4] for t in known]), ordinals([t[5] for t in known]),
            column([1.0 if t[6] else 0.0 for t in known]))


@dataclass(frozen=True, slots=True)
class Digest:
    """What grouping reads of an article."""

    keywords: tuple[str, ...]
    traits: Traits
    pairs: tuple[Pair, ...] = ()  # who the occasion's own predicate brings together (`pairs`)


# Two people an occasion's own predicate brings together ("Trump will meet Putin"), each as
# the lowercased words of their name: "Xi" and "Xi Jinping" are one person.
Pair = tuple[frozenset[str], frozenset[str]]


def pairs(facts: ArticleFacts) -> tuple[Pair, ...]:
    """Return the pairs of participants that share an event predicate in a report of an
    occasion (a meeting, call, visit, talks, summit); none for other news, and none of a
    predicate whose own dates all fall outside the report's event date (another meeting the
    story tells: `all_outside`)."""
    if facts.event_kind not in OCCASIONS:
        return ()
    day = week_or_better(facts.frame_date or facts.event_date)
    values = {t.start: t.value for t in facts.timexes}
    frames: dict[int, set[frozenset[str]]] = {}
    for m in facts.people:
        if m.participant and m.frame is not None and m.tag == "PERSON" and not (
                day and all_outside([values.get(at, "") for at in m.frame_dates], *day)):
            frames.setdefault(m.frame, set()).add(frozenset(m.name.lower().split()))
    found = {tuple(sorted((a, b), key=sorted)) for names in frames.values()
             for a in names for b in names if a != b and not a & b}
    return tuple(sorted(found, key=lambda p: (sorted(p[0]), sorted(p[1]))))


def same_pair(a: Pair, b: Pair) -> bool:
    """Return True when two pairs name the same two people (each sharing a word of a name)."""
    return bool((a[0] & b[0] and a[1] & b[1]) or (a[0] & b[1] and a[1] & b[0]))


def digest(facts: ArticleFacts) -> Digest:
    """Return the digest of an article's facts, its words shared with every other digest's."""
    return Digest(tuple(sys.intern(w) for w in facts.keywords), traits(facts), pairs(facts))


def group(digests: Sequence[Digest], *, threshold: float = THRESHOLD,
          one_event: bool = False) -> list[list[int]]:
    """Return groups of indices into `digests`, one group per event, in order of first article.

    Average linkage: the two groups with the highest mean pairwise similarity merge while that
    mean is above `threshold` and no pair between them is incompatible (see `linkage`). With
    `one_event` (a pile the user curated: every article reports one event), one group of all.
    """
    if one_event:
        return [list(range(len(digests)))] if digests else []
    vectors = tfidf([d.keywords for d in digests])
    columns = veto_columns([d.traits for d in digests])
    groups = linkage(vectors, columns, threshold)
    groups = join_pairs(groups, [d.pairs for d in digests], vectors, columns,
                        threshold * PAIRED)
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def join_pairs(groups: list[list[int]], found: Sequence[tuple[Pair, ...]],
               vectors: np.ndarray | csr_matrix, columns: tuple[np.ndarray, ...],
               bar: float) -> list[list[int]]:
    """Return `groups` with those that report an occasion of the same two people merged,
    most similar first, when the vetoes allow and their mean similarity is above `bar` (a
    follow-up's bar: `needed`).

    A preview that leads with one side's warning ("X urges Y ... ahead of the A-B meeting")
    shares fewer words with the reports of that meeting than they share with each other; the
    same two people brought together by the occasion's own predicate, within the days the
    vetoes allow, are one occasion. Only groups naming one pair are compared, and after a
    merge only the merged group's means are computed again (a heap, as in `linkage`)."""
    members = {g[0]: list(g) for g in groups}  # by the row that holds the group's extremes
    own = {h: [p for i in g for p in found[i]] for h, g in members.items()}
    if sum(1 for ps in own.values() if ps) < 2:
        return [list(g) for g in groups]  # no two groups name a pair: nothing to compare
    traits = _Traits(columns)
    for h, g in members.items():
        for i in g[1:]:
            traits.merge(h, i)
    by_word: dict[str, set[int]] = {}
    for h, ps in own.items():
        for w in (w for a, b in ps for w in a | b):
            by_word.setdefault(w, set()).add(h)
    near = {h: {j for a, b in ps for w in a | b for j in by_word[w] if j != h
                and any(same_pair(p, q) for p in ps for q in own[j])} for h, ps in own.items()}
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []
    for h in members:
        _push_merges(heap, h, near[h], members, version, traits, vectors, bar)
    return _agglomerate(heap, members, near, version, traits, vectors, bar)


def _push_merges(heap: list, a: int, near: set[int], members: dict[int, list[int]],
                 version: dict[int, int], traits: _Traits, vectors: np.ndarray | csr_matrix,
                 bar: float) -> None:
    """Push on `heap` each group of `near` that the vetoes let merge with group `a` and whose
    mean similarity with it is above its bar (`needed`), with both groups' versions: an entry
    goes stale when either group grows."""
    others = sorted(near)
    others = [c for c, ok in zip(others, traits.allowed(a, others).tolist(), strict=True)
              if ok] if others else []
    if not others:
        return
    bars = needed_all(bar, traits.spans(a, np.array(others))).tolist()
    for c, mean, b in zip(others, means(vectors, members[a], [members[c] for c in others]),
                          bars, strict=True):
        if mean > b:
            x, y = min(a, c), max(a, c)
            heapq.heappush(heap, (-mean, x, y, version[x], version[y]))


def means(vectors: np.ndarray | csr_matrix, group: Sequence[int],
          others: Sequence[Sequence[int]]) -> list[float]:
    """Return the mean pairwise similarity of `group` with each group of `others` (rows of
    unit vectors): the dot product of their summed rows over the product of their sizes."""
    total = np.asarray(vectors[list(group)].sum(axis=0)).ravel()
    rows = [m for g in others for m in g]
    starts = np.cumsum([0] + [len(g) for g in others[:-1]])
    sums = np.add.reduceat(np.asarray(vectors[rows] @ total).ravel(), starts)
    return [s / (len(group) * len(g)) for s, g in zip(sums.tolist(), others, strict=True)]


def _blocks(vectors, columns: tuple[np.ndarray, ...], threshold: float):
    """Yield (rows, similarities of those rows to every row, -inf where above `threshold` but
    incompatible): only the pairs above it are checked, a few per row."""
    n, singles = vectors.shape[0], _Traits(columns)  # each report a group of its own
    for start in range(0, n, BLOCK):
        rows = slice(start, min(start + BLOCK, n))
        block = vectors[rows] @ vectors.T
        block = block if isinstance(block, np.ndarray) else block.toarray()
        r, c = np.nonzero(block > threshold)
        bad = ~singles.allowed_pairs(r + start, c)
        block[r[bad], c[bad]] = -np.inf
        yield rows, block


def links(vectors, columns: tuple[np.ndarray, ...],
          threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the compatible pairs more similar than `threshold`, each once (row < column), as
    arrays of rows, columns and similarities (computed BLOCK rows at a time)."""
    found = []
    for rows, block in _blocks(vectors, columns, threshold):
        _nearest_only(block, threshold)
        r, c = np.nonzero(block > threshold)
        sims = block[r, c]
        r += rows.start
        keep = r != c  # a pair kept by either of its two rows (see _nearest_only)
        found.append((np.minimum(r, c)[keep], np.maximum(r, c)[keep], sims[keep]))
    if not found:
        return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0)
    r, c, sims = (np.concatenate(parts) for parts in zip(*found, strict=True))
    _, first = np.unique(r * vectors.shape[0] + c, return_index=True)
    return r[first], c[first], sims[first]


def _nearest_only(block: np.ndarray, threshold: float) -> None:
    """Keep, in each row of `block`, only its NEIGHBOURS most similar columns above
    `threshold` (the others set to -inf): a pile of near-identical items would otherwise link
    every pair, and the pairs would fill memory."""
    crowded = np.flatnonzero((block > threshold).sum(axis=1) > NEIGHBOURS)
    for row in crowded:
        cut = np.partition(block[row], -NEIGHBOURS)[-NEIGHBOURS]
        block[row, block[row] < cut] = -np.inf


def linkage(vectors, columns: tuple[np.ndarray, ...], threshold: float) -> list[list[int]]:
    """Return the groups of average linkage over the unit rows `vectors`, in any order, with
    memory that grows with the linked pairs, not with the square of the articles.

    Two groups' mean similarity is the dot product of their summed rows over the product of
    their sizes, so no matrix of every pair is needed. Only groups joined by a linked pair can
    have a mean above the threshold (a mean is at most the largest pair), so only those are
    candidates; a heap holds their means, an entry going stale when either group grows. The
    vetoes of a pair of groups follow from the extremes of their traits (`_Traits`).
    """
    first_r, first_c, first_sim = links(vectors, columns, threshold)
    members = {i: [i] for i in range(vectors.shape[0])}
    near: dict[int, set[int]] = {i: set() for i in members}
    for r, c in zip(first_r.tolist(), first_c.tolist(), strict=True):
        near[r].add(c)
        near[c].add(r)
    traits = _Traits(columns)
    version = dict.fromkeys(members, 0)
    bar = needed_all(threshold, traits.spans(first_r, first_c)).tolist()
    heap = [(-s, r, c, 0, 0) for r, c, s, b in
            zip(first_r.tolist(), first_c.tolist(), first_sim.tolist(), bar, strict=True)
            if s > b]
    heapq.heapify(heap)
    return _agglomerate(heap, members, near, version, traits, vectors, threshold)


def _agglomerate(heap: list, members: dict[int, list[int]], near: dict[int, set[int]],
                 version: dict[int, int], traits: _Traits, vectors: np.ndarray | csr_matrix,
                 bar: float) -> list[list[int]]:
    """Merge the most similar candidate pair of groups on `heap` until none is left, and
    return the groups: after each merge, only the merged group's means with the groups
    `near` it are computed again (`_push_merges`)."""
    while heap:
        _, a, b, seen_a, seen_b = heapq.heappop(heap)
        if version.get(a) != seen_a or version.get(b) != seen_b:
            continue  # one of them has grown (or was merged away) since
        members[a] += members.pop(b)
        del version[b]
        version[a] += 1
        traits.merge(a, b)
        near[a] |= near.pop(b)
        near[a] -= {a, b}
        for c in near[a]:
            near[c].discard(b)
            near[c].add(a)
        _push_merges(heap, a, near[a], members, version, traits, vectors, bar)
    return list(members.values())


# The extremes of a group's traits, each kept as its members' lowest (<), highest (>) or total
# (+); the event date range of a report of an occasion whose predicate gives no date (the
# NEWS_DAYS before it appeared) apart from the ranges the reports state.
EXTREMES = (("format low", "<"), ("format high", ">"), ("stated first", ">"),
            ("stated last", "<"), ("news first", ">"), ("news last", "<"), ("held low", "<"),
            ("held high", ">"), ("told", ">"), ("plain", "<"), ("day low", "<"),
            ("day high", ">"), ("size", "+"), ("occasions", "+"))
COLUMN = {name: i for i, (name, _) in enumerate(EXTREMES)}


def consistent(rows: np.ndarray) -> np.ndarray:
    """Return, for each row of group extremes (see EXTREMES), whether its reports may be one
    event: every pair of them compatible (`compatible`), but for what a setting implies.

    Reports of one event tell its kind alike, so an occasion that fewer than SETTING_SHARE of
    a group's reports name is the setting one report tells other news in ("said during a
    visit to ...", "on the last day of the summit"): the days before that report appeared
    are not the event's, so its news range and publication window veto nothing; what a
    report states (a format, a date on the occasion's own predicate) still does."""
    def col(name: str) -> np.ndarray:
        return rows[:, COLUMN[name]]

    setting = col("occasions") < SETTING_SHARE * col("size")
    nan = np.full(len(rows), np.nan)
    first = np.fmax(col("stated first"), np.where(setting, nan, col("news first")))
    last = np.fmin(col("stated last"), np.where(setting, nan, col("news last")))
    with np.errstate(invalid="ignore"):  # NaN (unknown) compares False: no veto
        bad = col("format high") > col("format low")
        bad |= first - last > MAX_DATE_GAP_DAYS
        bad |= col("day high") - col("day low") > MAX_PUBLISHED_GAP_DAYS
        bad |= np.where(setting, nan, col("held high") - col("held low")) > MAX_OCCASION_GAP_DAYS
        bad |= col("told") - col("plain") > MAX_OCCASION_GAP_DAYS
    return ~bad


class _Traits:
    """The extremes of each group's traits (one row per group, see EXTREMES), from which the
    vetoes of merging two groups follow (`consistent`)."""

    def __init__(self, columns: tuple[np.ndarray, ...]) -> None:
        fmt, first, last, day, held, told, plain, occasion = columns
        fmt = np.where(fmt >= 0, fmt, np.nan)
        news = np.where((occasion == 1.0) & np.isnan(told), 0.0, np.nan)  # NaN: stated
        stated = np.where(np.isnan(news), 0.0, np.nan)
        values = {"format low": fmt, "format high": fmt, "stated first": first + stated,
                  "stated last": last + stated, "news first": first + news,
                  "news last": last + news, "held low": held, "held high": held,
                  "told": told, "plain": plain, "day low": day, "day high": day,
                  "size": np.ones_like(day), "occasions": occasion}
        self.table = np.column_stack([values[name] for name, _ in EXTREMES])
        how = np.array([h for _, h in EXTREMES])
        self.low, self.high = how == "<", how == ">"

    def merge(self, a: int, b: int) -> None:
        self.table[a] = self._union(self.table[a], self.table[b])

    def _union(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the extremes of groups together (rows broadcast)."""
        return np.where(self.low, np.fmin(a, b), np.where(self.high, np.fmax(a, b), a + b))

    def compatible(self, a: int, b: int) -> bool:
        return bool(self.allowed(a, [b])[0])

    def allowed(self, a: int, others: Sequence[int]) -> np.ndarray:
        """Return, for each group in `others`, whether it may merge with group `a`."""
        return consistent(self._union(self.table[[a]], self.table[list(others)]))

    def allowed_pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return whether each group of `a` may merge with the group of `b` beside it (index
        arrays of one length)."""
        return consistent(self._union(self.table[a], self.table[b]))

    def spans(self, a, b) -> np.ndarray:
        """Return the days between the first and last publication of groups `a` and `b`
        together (indices or arrays of them; NaN when no article of either has a date)."""
        low, high = COLUMN["day low"], COLUMN["day high"]
        return np.fmax(self.table[a, high], self.table[b, high]) - \
            np.fmin(self.table[a, low], self.table[b, low])
