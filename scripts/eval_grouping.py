#!/usr/bin/env python3
"""Grouping quality on every dev set: pairwise precision, recall and F1 of the event groups
against gold, each set also in its two halves (the same halves as scripts/evaluate.py).

Sets: seeds, allsides (allsides-dev/events), allsides+ (the whole allsides-dev folder: the
same-day articles around the reports are grouped too, only gold articles are scored), g5
(giveme5w1h-dev) and clusters (news-cluster-dev). A syndicated copy merged at ingest is
scored in its original's event (facts.json lists it there).

Also, since a user often feeds the tool the reports of one event only:
  alone      each gold event's articles on their own (recall: only pairs to keep together);
  subsets    every subset of two or more seed articles.

With --subsample, each set is also scored on seeded samples of it, since unseen sets may be
smaller: each gold story cut to k reports (k = 1, 2, 3; the articles outside gold, in
allsides+, kept in the same share) and random halves and quarters of the articles. The counts
of SAMPLES samples are pooled; "false" is the wrongly joined pairs per sample. --sampling NAME
draws another series of samples (an unseen check of a setting tuned on the default one).

The facts of each set are kept in ../scratch/grouping-facts (keyed by the code that makes
them: ingest, extract, temporal), so a change to grouping costs seconds. Parses come from
the cache of scripts/evaluate.py.

Usage (from the project root):
    .venv/bin/python scripts/eval_grouping.py                    # the table
    .venv/bin/python scripts/eval_grouping.py --detail clusters  # each gold event's groups
    .venv/bin/python scripts/eval_grouping.py --threshold 0.1    # another setting
    .venv/bin/python scripts/eval_grouping.py --subsample        # also on smaller samples
    .venv/bin/python scripts/eval_grouping.py --subsample --sampling unseen  # other samples
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import itertools
import json
import pickle
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from briefing.fuse import cluster
from briefing.types import ArticleFacts

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
EVAL = SHARED / "eval"
CACHE = ROOT.parent / "scratch" / "grouping-facts"
SETS = {"seeds": ROOT / "seeds", "allsides": DATA / "allsides-dev" / "events",
        "allsides+": DATA / "allsides-dev", "g5": DATA / "giveme5w1h-dev",
        "clusters": DATA / "news-cluster-dev"}
SAMPLES = 20  # seeded samples of each kind (see --subsample)
GOLD = {"seeds": EVAL / "seeds.gold.json", "allsides": EVAL / "allsides-dev.gold.json",
        "allsides+": EVAL / "allsides-dev.gold.json"}


@functools.cache
def evaluate_module():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def gold_of(name: str) -> dict[str, str]:
    """Return {article id: gold event} of a set."""
    if name in GOLD:
        return {a["id"]: a["event"] for a in json.loads(GOLD[name].read_text())["articles"]}
    labels = {}
    for path in sorted(SETS[name].glob("*.json")):
        category = json.loads(path.read_text()).get("category")
        if category:
            labels[path.stem] = category
    return labels


def code_key() -> str:
    h = hashlib.sha256()
    for package in ("ingest", "extract", "temporal", "knowledge"):
        for path in sorted((ROOT / "briefing" / package).rglob("*")):
            if path.suffix in (".py", ".json"):
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def facts_of(name: str) -> list[ArticleFacts]:
    """Return the facts of a set's articles (cached, see the module docstring)."""
    path = CACHE / f"{name}-{code_key()}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from briefing import ingest
    from briefing.runtime import nlp
    from briefing.runtime.parsing import extract_batch

    ev = evaluate_module()
    articles = list(ingest.read_articles([str(SETS[name])], warn=lambda m: None))
    with ev.cached_parses(ROOT.parent / "scratch" / "parsed-docs", nlp.model_name(None)):
        facts = extract_batch(None, articles)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(facts))
    return facts


def copies(f: ArticleFacts) -> list[str]:
    """The ids of an article's syndicated copies (facts.json lists them in its event)."""
    return [label.rsplit("(", 1)[-1].rstrip(")").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            for label in f.article.also_in]


def within(gold: dict[str, str], facts: Sequence[ArticleFacts]) -> dict[str, str]:
    """The gold of the articles in `facts` (and their copies)."""
    ids = {a for f in facts for a in [f.article.id, *copies(f)]}
    return {a: e for a, e in gold.items() if a in ids}


def found_of(facts: Sequence[ArticleFacts], **options) -> dict[str, int]:
    """Return {article id: group number} of grouping `facts`, copies with their original."""
    label = {}
    for number, members in enumerate(cluster.group([cluster.digest(f) for f in facts],
                                                   **options)):
        for i in members:
            for aid in [facts[i].article.id, *copies(facts[i])]:
                label[aid] = number
    return label


def counts(gold: dict[str, str], found: dict[str, int]) -> tuple[int, int, int]:
    """Return (true, false, missed) same-event pairs among the gold articles (as evaluate.py
    counts them)."""
    return evaluate_module().pair_tallies(gold, found)


def prf(c: Sequence[int]) -> tuple[float, float, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def halves(gold: dict[str, str]) -> list[dict[str, str]]:
    events = sorted(set(gold.values()))
    first = set(events[:(len(events) + 1) // 2])
    return [{a: e for a, e in gold.items() if (e in first) == keep} for keep in (True, False)]


def per_story(facts: Sequence[ArticleFacts], gold: dict[str, str], k: int,
              rng: random.Random) -> list[ArticleFacts]:
    """Return at most k reports of each gold story (an article and its copies count once),
    and the articles outside gold in the share of the gold ones kept."""
    stories: dict[str, list[ArticleFacts]] = {}
    outside = []
    for f in facts:
        event = gold.get(f.article.id) or next(
            (gold[c] for c in copies(f) if c in gold), None)
        if event is None:
            outside.append(f)
        else:
            stories.setdefault(event, []).append(f)
    kept = [f for event in sorted(stories) for f in rng.sample(stories[event],
                                                                  min(k, len(stories[event])))]
    share = len(kept) / max(1, sum(len(v) for v in stories.values()))
    kept += rng.sample(outside, round(share * len(outside)))
    return [f for f in facts if any(f is g for g in kept)]


def share_of(facts: Sequence[ArticleFacts], share: float,
             rng: random.Random) -> list[ArticleFacts]:
    """Return a random `share` of the articles, in their order."""
    chosen = set(rng.sample(range(len(facts)), max(1, round(share * len(facts)))))
    return [f for i, f in enumerate(facts) if i in chosen]


SAMPLINGS = {"k=1": lambda f, g, rng: per_story(f, g, 1, rng),
             "k=2": lambda f, g, rng: per_story(f, g, 2, rng),
             "k=3": lambda f, g, rng: per_story(f, g, 3, rng),
             "1/2": lambda f, g, rng: share_of(f, 0.5, rng),
             "1/4": lambda f, g, rng: share_of(f, 0.25, rng)}


def subsampled(name: str, facts: Sequence[ArticleFacts], gold: dict[str, str],
               sampling: str = "", **options) -> None:
    """Print the pooled P, R, F1 of each kind of sample of a set (see --subsample)."""
    for kind, sample in SAMPLINGS.items():
        total = [0, 0, 0]
        sizes = 0
        for seed in range(SAMPLES):
            rng = random.Random(f"{name} {kind} {seed}{' ' + sampling if sampling else ''}")
            part = sample(facts, gold, rng)
            sizes += len(part)
            c = counts(within(gold, part), found_of(part, **options))
            total = [t + x for t, x in zip(total, c, strict=True)]
        p, r, f = prf(total)
        print(f"{name:10} {kind:7} {p:6.3f} {r:6.3f} {f:6.3f}  "
              f"{sizes / SAMPLES:5.0f} articles, {total[1] / SAMPLES:5.1f} false pairs")


def detail(facts: Sequence[ArticleFacts], gold: dict[str, str], found: dict[str, int]) -> None:
    """Print each gold event's articles by found group, with what grouping reads of them."""
    by_id = {f.article.id: f for f in facts}
    for event in sorted(set(gold.values())):
        ids = sorted((a for a, e in gold.items() if e == event), key=lambda a: found.get(a, -1))
        groups = Counter(found.get(a, -1) for a in ids)
        print(f"\n== {event}: {len(ids)} reports in {len(groups)} groups")
        for a in ids:
            f = by_id.get(a)
            if f is None:
                print(f"  [{found.get(a)}] {a[:10]} (a copy)")
                continue
            d = cluster.digest(f)
            others = sorted({gold.get(b, "-") for b, n in found.items() if n == found.get(a)} - {event})
            print(f"  [{found.get(a)}] {a[:10]} {f.article.published} {d.traits} "
                  f"frame={f.frame_date},{f.frame_format} kind={f.event_kind} "
                  f"place={f.event_place} {(f.article.title or '')[:60]!r} "
                  f"{'+' + ','.join(others) if others else ''}")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--threshold", type=float, default=cluster.THRESHOLD)
    parser.add_argument("--detail", default="", help="a set whose gold events to print")
    parser.add_argument("--subsample", action="store_true",
                        help="also score seeded smaller samples of each set (see above)")
    parser.add_argument("--sampling", default="",
                        help="name of another series of samples (the default series has none)")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n]
    print(f"{'set':10} {'part':7} {'P':>6} {'R':>6} {'F1':>6}")
    for name in names:
        facts, gold = facts_of(name), gold_of(name)
        found = found_of(facts, threshold=args.threshold)
        for part, sub in zip(("all", "half 1", "half 2"), [gold, *halves(gold)], strict=True):
            p, r, f = prf(counts(sub, found))
            print(f"{name:10} {part:7} {p:6.3f} {r:6.3f} {f:6.3f}")
        if args.subsample and name != "seeds":
            subsampled(name, facts, gold, args.sampling, threshold=args.threshold)
        if name == args.detail:
            detail(facts, gold, found)
    if "seeds" in names:
        seeds, gold = facts_of("seeds"), gold_of("seeds")
        subsets = [list(s) for k in range(2, len(seeds) + 1)
                   for s in itertools.combinations(seeds, k)]
        total = [sum(c) for c in zip(*(counts(within(gold, s), found_of(s, threshold=args.threshold))
                                       for s in subsets), strict=True)]
        print(f"seed subsets: P {prf(total)[0]:.3f} R {prf(total)[1]:.3f} F1 {prf(total)[2]:.3f}"
              f" ({len(subsets)} subsets)")
        events = {}
        for name in ("g5", "seeds"):
            g = gold_of(name)
            for f in facts_of(name):
                if f.article.id in g:
                    events.setdefault(name + g[f.article.id], []).append(f)
        everyone = gold_of("g5") | gold
        alone = [sum(c) for c in zip(*(counts(within(everyone, e), found_of(e, threshold=args.threshold))
                                       for e in events.values()), strict=True)]
        print(f"alone (g5 and seed events each on its own): R {prf(alone)[1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
