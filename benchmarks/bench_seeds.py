"""Cold start on the seeds: `briefing generate` against bare spaCy over the same texts.

Run: .venv/bin/python benchmarks/bench_seeds.py [--repeat 3]
Each measurement is a fresh process (model load included), best of --repeat. Prints both times
and their ratio (the issue's target: at most 1.3).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from briefing.ingest import read_articles
from briefing.runtime.nlp import model_name
import spacy
texts = [a.text for a in read_articles([sys.argv[1]], warn=lambda m: None)]
nlp = spacy.load(model_name())
docs = list(nlp.pipe(texts))
"""


def best_of(command: list[str], repeat: int, *, fresh_out: bool = False) -> float:
    """Return the shortest wall time of `repeat` runs of `command` (each must succeed); with
    `fresh_out`, each run writes into a new empty folder (no manifest, no cache: a cold run)."""
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            args = command + (["--out", out] if fresh_out else [])
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--input", default=str(ROOT / "seeds"))
    args = parser.parse_args()
    exe = Path(sys.executable)
    brief = best_of([str(exe.parent / "briefing"), "generate", args.input, "--today", "2026-01-01",
                     "--quiet"], args.repeat, fresh_out=True)
    bare = best_of([str(exe), "-c", BARE, args.input], args.repeat)
    print(f"briefing generate (cold): {brief:.2f} s")
    print(f"bare spacy.load + nlp.pipe (cold): {bare:.2f} s")
    print(f"ratio: {brief / bare:.2f}")


if __name__ == "__main__":
    main()
