#!/usr/bin/env python3
"""Event-level quality per article: gold against predicted when, where and event group.

Runs ingest -> extract -> fuse (no compose or render), writes OUT/facts.json, scores it with
the shared scorers and, with --misses, prints every Giveme5W1H article whose event date,
place or group is wrong, beside the annotators' answers.

Usage (from the project root):
    .venv/bin/python scripts/eval_events.py                 # both data sets, figures only
    .venv/bin/python scripts/eval_events.py --misses        # and the articles that miss
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from briefing import fuse, ingest
from briefing.render.facts import facts_json
from briefing.runtime.parsing import Extractor
from briefing.types import headline

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
G5 = ROOT.parent / "shared" / "data" / "giveme5w1h-dev"
GENERATED = dt.datetime(2026, 1, 1)


def run(inputs: str, out: Path) -> Path:
    """Return the facts file of a run over `inputs`, written under `out` (with articles.tsv:
    each article's own event date, dates and place, before the fuse vote)."""
    articles = ingest.read_articles([inputs], warn=lambda m: None)
    extractor = Extractor(None, None, lambda m: None)
    facts = extractor.all(articles)
    groups = [fuse.complete([facts[i] for i in g])
              for g in fuse.group([fuse.digest(f) for f in facts])]
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles.tsv").write_text("".join(
        f"{f.article.id}\t{f.event_date}\t{','.join(f.event_dates)}\t{f.event_place}\t"
        f"{f.article.published}\n" for g in groups for f in g))
    built = [fuse.build_event(g) for g in groups]
    heads = fuse.link_related([headline(e) for e in built])
    events = [fuse.relinked(e, h) for e, h in zip(built, heads, strict=True)]
    out.mkdir(parents=True, exist_ok=True)
    path = out / "facts.json"
    path.write_text(facts_json(events, generated=GENERATED))
    return path


def score(*args: str) -> str:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout


def gold(doc: dict, question: str) -> list[dict]:
    items = doc.get("fiveWoneH", {}).get(question, {}).get("annotated", [])
    return [g for g in items if g.get("text") and g.get("coderPhraseCount", 0) >= 2]


def misses(facts_path: Path) -> None:
    """Print per article the gold and predicted when/where, and the event's gold categories."""
    facts = json.loads(facts_path.read_text())
    event_of = {a["id"]: a["event"] for a in facts["articles"]}
    events = {e["id"]: e for e in facts["events"]}
    own = {line.split("\t")[0]: line.split("\t")[1:4]
           for line in (facts_path.parent / "articles.tsv").read_text().splitlines()}
    docs = {p.stem: json.loads(p.read_text()) for p in sorted(G5.glob("*.json"))}
    members: dict[str, Counter[str]] = {}
    for aid, doc in docs.items():
        members.setdefault(event_of.get(aid, "?"), Counter())[doc.get("category") or "-"] += 1
    for aid, doc in sorted(docs.items(), key=lambda kv: kv[1].get("category") or ""):
        ev = events.get(event_of.get(aid, ""), {})
        when = sorted({g["parsed"][:10] for g in gold(doc, "when") if g.get("parsed")})
        where = [g["text"] for g in gold(doc, "where")]
        start = (ev.get("start") or "")[:10]
        flags = ("W" if when and start not in when else "-") + (
            "P" if where and not any(set(str(ev.get("location")).lower().split())
                                     & set(w.lower().split()) for w in where) else "-")
        print(f"{flags} {aid[:8]} cat={doc.get('category')} pub={(doc.get('date_publish') or '')[:10]}"
              f" when={when} pred={start} where={where[:3]} pred={ev.get('location')}"
              f" group={dict(members.get(event_of.get(aid, '?'), {}))}")
        print(f"     own={own.get(aid)} {doc.get('title')!r}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/eval_events")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--only", choices=("g5", "seeds"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    if args.only != "seeds":
        g5 = run(str(G5), out / "g5")
        print(score(str(EVAL / "giveme5w1h_score.py"), str(G5), "--facts", str(g5)))
        if args.misses:
            misses(g5)
    if args.only != "g5":
        seeds = run(str(ROOT / "seeds"), out / "seeds")
        print(score(str(EVAL / "score.py"), str(seeds), "--outputs", str(out / "seeds")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
