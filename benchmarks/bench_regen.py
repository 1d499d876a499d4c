"""Regeneration costs, as a user sees them (each run a fresh process).

1. An up-to-date run over the seeds vs `briefing --version` (target: ratio <= 1.5).
2. Adding one article to a build of 75 of the 76 articles of ../shared/data/giveme5w1h-dev
   vs a full rebuild of the 76 from an empty output folder (target: ratio <= 0.2), for
   Markdown and JSON and for every format (DOCX and timeline figures too: every brief gains
   its "What changed" section, so every DOCX is rewritten). Medians of 3 trials, each adding
   to its own copy of the 75-article build. Both runs use the default --workers.

Run: .venv/bin/python benchmarks/bench_regen.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
G5 = ROOT.parent / "shared" / "data" / "giveme5w1h-dev"
BRIEFING = [sys.executable, "-m", "briefing"]
GENERATE = [*BRIEFING, "generate", "--today", "2026-01-01", "--quiet"]


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def median(args: list[str], cwd: Path, runs: int = 7) -> float:
    return statistics.median(timed(args, cwd) for _ in range(runs))


def up_to_date(work: Path) -> float:
    timed([*GENERATE, str(SEEDS), "--out", "out"], work)
    version = median([*BRIEFING, "--version"], work)
    current = median([*GENERATE, str(SEEDS), "--out", "out"], work)
    print(f"up-to-date run {current:.3f}s vs --version {version:.3f}s: "
          f"ratio {current / version:.2f} (target <= 1.5)")
    return current / version


def add_one(work: Path, formats: str, runs: int = 3) -> float:
    """Median of `runs` trials, each from its own copy of the 75-article build: copy, add the
    76th article, regenerate; against the median of `runs` full rebuilds into empty folders."""
    files = sorted(G5.glob("*.json"))
    (work / "in").mkdir()
    for f in files[:-1]:
        shutil.copy(f, work / "in")
    args = [*GENERATE, "in", "--format", formats]
    timed([*args, "--out", "base"], work)
    added, full = [], []
    for n in range(runs):
        shutil.copy(files[-1], work / "in")
        shutil.copytree(work / "base", work / f"inc{n}")
        added.append(timed([*args, "--out", f"inc{n}"], work))
        full.append(timed([*args, "--out", f"full{n}"], work))
        (work / "in" / files[-1].name).unlink()
    inc, rebuild = statistics.median(added), statistics.median(full)
    print(f"--format {formats}: adding 1 article to {len(files) - 1}: {inc:.2f}s vs full "
          f"rebuild of {len(files)}: {rebuild:.2f}s: ratio {inc / rebuild:.2f} (target <= 0.2; "
          f"medians of {runs}: added {', '.join(f'{t:.2f}' for t in added)}; "
          f"full {', '.join(f'{t:.2f}' for t in full)})")
    return inc / rebuild


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for name in "abc":
            (Path(tmp) / name).mkdir()
        ok = up_to_date(Path(tmp) / "a") <= 1.5
        ok = add_one(Path(tmp) / "b", "md,json") <= 0.2 and ok
        ok = add_one(Path(tmp) / "c", "md,docx,json") <= 0.2 and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
