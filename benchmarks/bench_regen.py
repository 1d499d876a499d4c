"""Regeneration costs, as a user sees them (each run a fresh process).

1. An up-to-date run over the seeds vs `briefing --version` (target: ratio <= 1.5).
2. Adding one article to the 76 of ../shared/data/giveme5w1h-dev vs a full rebuild from an
   empty output folder (target: ratio <= 0.2), for Markdown and JSON and for every format
   (DOCX and timeline figures too: every brief is rewritten in both runs, so this ratio is
   higher). Both runs use the default --workers.

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


def add_one(work: Path, formats: str) -> float:
    files = sorted(G5.glob("*.json"))
    (work / "in").mkdir()
    for f in files[:-1]:
        shutil.copy(f, work / "in")
    args = [*GENERATE, "in", "--format", formats]
    timed([*args, "--out", "inc"], work)
    shutil.copy(files[-1], work / "in")
    added = timed([*args, "--out", "inc"], work)
    full = timed([*args, "--out", "full"], work)
    print(f"--format {formats}: adding 1 article to {len(files) - 1}: {added:.2f}s vs full "
          f"rebuild of {len(files)}: {full:.2f}s: ratio {added / full:.2f} (target <= 0.2)")
    return added / full


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
