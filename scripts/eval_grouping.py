#!/usr/bin/env python3
"""Grouping quality by the size of the pile: pairwise F1 of the event groups against gold.

A user often feeds the tool the reports of one event only, so grouping is scored on:
  whole      the seeds and the Giveme5W1H articles, each set at once;
  alone      each gold event's articles on their own (recall: only pairs to keep together);
  pairs      every two gold events together;
  subsets    every subset of two or more seed articles.

Usage (from the project root; parses the 81 articles once, about 15 s):
    .venv/bin/python scripts/eval_grouping.py
    .venv/bin/python scripts/eval_grouping.py --background 0 --threshold 0.095   # other settings
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

from briefing import ingest
from briefing.fuse import cluster
from briefing.runtime.parsing import extract_batch
from briefing.types import ArticleFacts

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
G5 = SHARED / "data" / "giveme5w1h-dev"


def gold_events() -> dict[str, str]:
    """Return {article id: gold event label} for the seeds and the Giveme5W1H articles."""
    seeds = json.loads((SHARED / "eval" / "seeds.gold.json").read_text())
    labels = {a["id"]: "seed " + a["event"] for a in seeds["articles"]}
    for path in sorted(G5.glob("*.json")):
        category = json.loads(path.read_text()).get("category")
        if category:
            labels[path.stem] = category
    return labels


def pair_counts(facts: Sequence[ArticleFacts], gold: dict[str, str],
                threshold: float) -> tuple[int, int, int]:
    """Return (true, false, missed) same-event pairs of grouping `facts` alone."""
    label = {}
    digests = [cluster.digest(f) for f in facts]
    for number, members in enumerate(cluster.group(digests, threshold=threshold)):
        for i in members:
            label[facts[i].article.id] = number
    ids = [f.article.id for f in facts if f.article.id in gold]
    counts = [0, 0, 0]
    for x, y in itertools.combinations(ids, 2):
        same_gold, same_found = gold[x] == gold[y], label[x] == label[y]
        counts[0] += same_gold and same_found
        counts[1] += same_found and not same_gold
        counts[2] += same_gold and not same_found
    return counts[0], counts[1], counts[2]


def f1(counts: Sequence[int]) -> float:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def total(piles: list[list[ArticleFacts]], gold: dict[str, str], threshold: float) -> list[int]:
    return [sum(c) for c in zip(*(pair_counts(p, gold, threshold) for p in piles), strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--background", type=int, default=cluster.BACKGROUND)
    parser.add_argument("--threshold", type=float, default=cluster.THRESHOLD)
    args = parser.parse_args()
    cluster.BACKGROUND = args.background
    gold = gold_events()
    sets = {name: extract_batch(None, list(ingest.read_articles([str(folder)],
                                                                warn=lambda m: None)))
            for name, folder in (("seeds", ROOT / "seeds"), ("giveme5w1h", G5))}
    everything = [f for facts in sets.values() for f in facts]
    events = [[f for f in everything if gold.get(f.article.id) == e]
              for e in sorted(set(gold.values()))]
    threshold = args.threshold
    print(f"background {args.background}, threshold {threshold}")
    for name, facts in sets.items():
        print(f"whole {name}: F1 {f1(pair_counts(facts, gold, threshold)):.3f}")
    alone = total(events, gold, threshold)
    print(f"alone: recall {alone[0] / (alone[0] + alone[2]):.3f} ({len(events)} events)")
    two = [a + b for a, b in itertools.combinations(events, 2)]
    print(f"pairs: F1 {f1(total(two, gold, threshold)):.3f}")
    subsets = [list(s) for k in range(2, len(sets['seeds']) + 1)
               for s in itertools.combinations(sets["seeds"], k)]
    print(f"subsets of the seeds: F1 {f1(total(subsets, gold, threshold)):.3f} ({len(subsets)} subsets)")


if __name__ == "__main__":
    main()
