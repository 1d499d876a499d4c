"""Grouping alone: time and peak memory of `fuse.group` as the pile grows (issue 21: cost).

Run (from the project root; seconds):

    .venv/bin/python benchmarks/bench_grouping.py [--sizes 2500,10000,40000] [--seed 7]

Builds synthetic digests (no model): stories of 2-12 reports, each report drawing its words
from its story's words and a shared background vocabulary (Zipf-like), published over a year,
a third of them reports of an occasion with a format and a date of their own. Prints, for
each size, the seconds and the peak memory Python allocated during `group` (tracemalloc),
and the ratio of each to the smallest size's, per article: near 1 means near-linear cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
import tracemalloc

from briefing.fuse import cluster
from briefing.types import Article, ArticleFacts

BACKGROUND_WORDS = [f"common{i}" for i in range(3000)]
DAY = dt.date(2024, 1, 1)


def story_reports(rng: random.Random, story: int) -> list[ArticleFacts]:
    """Return the reports of one synthetic story."""
    own = [f"s{story}w{i}" for i in range(30)]
    day = DAY + dt.timedelta(days=rng.randrange(365))
    occasion = rng.random() < 0.33
    kind = "meeting" if occasion else None
    fmt = rng.choice(["in-person", "virtual"]) if occasion else None
    reports = []
    for k in range(rng.randint(2, 12)):
        words = rng.sample(own, 12) + [BACKGROUND_WORDS[int(rng.paretovariate(1.2)) % 3000]
                                       for _ in range(40)]
        published = day + dt.timedelta(days=rng.randint(0, 3))
        reports.append(ArticleFacts(
            article=Article(id=f"{story}-{k}", text="", published=published),
            keywords=tuple(words), event_kind=kind,
            frame_format=fmt if rng.random() < 0.5 else None,
            frame_date=day.isoformat() if occasion and rng.random() < 0.5 else None))
    return reports


def digests(n: int, seed: int) -> list[cluster.Digest]:
    rng = random.Random(seed)
    facts: list[ArticleFacts] = []
    story = 0
    while len(facts) < n:
        facts += story_reports(rng, story)
        story += 1
    return [cluster.digest(f) for f in facts[:n]]


def measure(n: int, seed: int) -> tuple[float, float, int]:
    """Return (seconds, peak MB, groups) of grouping n synthetic digests."""
    pile = digests(n, seed)
    tracemalloc.start()
    started = time.perf_counter()
    groups = cluster.group(pile)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, len(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2500,10000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = None
    for n in sizes:
        seconds, peak, groups = measure(n, args.seed)
        base = base or (seconds / n, peak / n)
        print(f"{n:>7} digests: {seconds:6.2f} s, peak {peak:7.1f} MB, {groups} groups; "
              f"per article vs {sizes[0]}: time x{seconds / n / base[0]:.2f}, "
              f"memory x{peak / n / base[1]:.2f}")


if __name__ == "__main__":
    main()
