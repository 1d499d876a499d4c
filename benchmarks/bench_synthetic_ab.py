"""The same synthetic pile through several checkouts in turn, on one machine (issue 21's cost).

A figure from another day or machine is no baseline: the bare parse alone varied 1.32x between
two sessions. This builds one pile of N recombined corpus articles (bench_corpus.synthesize:
seeded, the same every time) and runs `briefing generate --workers 2` of each checkout's own
venv over it, in the order given (give a checkout twice to see the noise).

Run (from the project root; each checkout needs its own .venv with `pip install -e .`):

    .venv/bin/python benchmarks/bench_synthetic_ab.py 2500 ../old-checkout . ../old-checkout .
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_corpus import measured, stages, synthesize  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="articles in the pile")
    parser.add_argument("checkouts", nargs="+", help="checkout folders, each with its .venv")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "bbc"))
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    try:
        synthesize(args.corpus, args.count, folder)
        for checkout in args.checkouts:
            exe = Path(checkout, ".venv", "bin", "briefing")
            with tempfile.TemporaryDirectory() as out:
                seconds, peak, err = measured([
                    str(exe), "generate", folder, "--out", out, "--today", "2026-01-01",
                    "--workers", "2", "--verbose", "--max-articles", str(args.count)])
            print(f"{checkout}: {seconds:.1f} s, peak {peak / 2**20:.0f} MB; {stages(err)}",
                  flush=True)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
