#!/usr/bin/env python3
"""How much of a set of clean texts the page-furniture cleaner removes (ingest.furniture).

Reads the inputs with the product's own ingest (read_articles), collects every removal it
tells through `say`, and prints the share of the words removed, by reason, with the articles
that lost the most. On texts that are clean to begin with (the BBC set), every removed word is
a word of a story lost.

Usage (from the project root):
    .venv/bin/python scripts/measure_furniture.py                     # ../shared/data/bbc
    .venv/bin/python scripts/measure_furniture.py DIR [DIR ...] --show 20
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.ingest import read_articles  # noqa: E402  (after the path is set)

BBC = ROOT.parent / "shared" / "data" / "bbc"


def measure(inputs: list[str]) -> tuple[int, int, Counter[str], list[tuple[str, str, str]]]:
    """Return (words kept, words removed, removed words by reason, the removals)."""
    told: list[str] = []
    articles = read_articles(inputs, warn=lambda _: None, say=told.append)
    removals = [tuple(line.split(": ", 2)) for line in told]  # id, "dropped <reason>", text
    by_reason: Counter[str] = Counter()
    for _, reason, text in removals:
        by_reason[reason.removeprefix("dropped ")] += len(text.split())
    kept = sum(len(a.text.split()) for a in articles)
    return kept, sum(by_reason.values()), by_reason, removals


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(BBC)])
    ap.add_argument("--show", type=int, default=10, help="removals to print")
    args = ap.parse_args(argv)
    kept, removed, by_reason, removals = measure(args.inputs)
    total = kept + removed
    print(f"removed {removed:,} of {total:,} words ({100 * removed / total:.3f}%) "
          f"in {len(removals)} pieces")
    for reason, words in by_reason.most_common():
        print(f"  {reason:45} {words:7,} words")
    for article, reason, text in removals[: args.show]:
        print(f"  {article}: {reason}: {text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
