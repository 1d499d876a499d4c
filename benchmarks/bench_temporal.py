#!/usr/bin/env python3
"""How much time the temporal tagger adds, relative to parsing the same texts with spaCy.

Usage (from the project root):
    .venv/bin/python benchmarks/bench_temporal.py [DIR] [--repeat N] [--limit N]

DIR holds .tml (TimeML: the text inside <TEXT>, tags stripped) or .txt files; the default is
../shared/data/timeml. Prints the seconds spaCy's pipeline takes, the seconds `tag_dates`
takes without a Doc (the scorer's path) and with one, and the ratios tagger / spaCy; the
goal is a ratio of at most 0.08 (issue 22). Each figure is the best of N runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.temporal import tag_dates  # noqa: E402  (after the path set-up above)


def read_texts(folder: Path, limit: int) -> list[str]:
    """Return the plain texts of the .tml or .txt files in `folder` (at most `limit`)."""
    texts = []
    for path in sorted(folder.rglob("*"))[: limit * 4]:
        if path.name.startswith("._") or path.suffix not in (".tml", ".txt"):
            continue
        raw = path.read_text(encoding="utf8", errors="replace")
        if path.suffix == ".tml":
            body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            raw = html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else ""))
        texts.append(raw)
        if len(texts) >= limit:
            break
    return texts


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Return the shortest wall time of `repeat` runs of `work`, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared/data/timeml"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args(argv)
    texts = read_texts(Path(args.folder), args.limit)
    if not texts:
        print(f"no .tml or .txt files in {args.folder}", file=sys.stderr)
        return 1
    from briefing.runtime import nlp as nlp_module

    nlp = nlp_module.load()
    anchor = dt.date(2000, 1, 1)
    tag_dates(texts[0], anchor)  # load vocabulary and compile patterns outside the timing
    docs = list(nlp.pipe(texts))
    spacy_s = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    plain_s = best_of(args.repeat, lambda: [tag_dates(t, anchor) for t in texts])
    doc_s = best_of(args.repeat, lambda: [tag_dates(t, anchor, doc=d)
                                          for t, d in zip(texts, docs, strict=True)])
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {len(texts)}  words: {words}  model: {nlp.meta.get('name')}")
    print(f"spacy_seconds: {spacy_s:.3f}")
    print(f"tag_dates_seconds: {plain_s:.3f}")
    print(f"tag_dates_with_doc_seconds: {doc_s:.3f}")
    print(f"ratio: {plain_s / spacy_s:.3f}")
    print(f"ratio_with_doc: {doc_s / spacy_s:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
