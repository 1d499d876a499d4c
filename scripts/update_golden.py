"""Regenerate the golden briefs of the seeds: tests/golden/<slug>.md.

    .venv/bin/python scripts/update_golden.py

Runs `briefing generate seeds --today 2026-01-01 --format md` into a temporary folder and
copies each brief's Markdown (not index.md) into tests/golden/, removing stale ones.
Read the diff (`git diff tests/golden`) before committing: it is the change a reader sees.
tests/test_golden.py compares a fresh run with these files as text.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-01-01"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "briefing", "generate", "seeds",
                        "--out", tmp, "--today", TODAY, "--format", "md", "--quiet"],
                       check=True, cwd=ROOT)
        briefs = sorted(p for p in Path(tmp).glob("*.md") if p.name != "index.md")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for stale in GOLDEN.glob("*.md"):
            stale.unlink()
        for path in briefs:
            (GOLDEN / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            print(f"wrote tests/golden/{path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
