"""Performance on one machine, as ratios measured in one run (issue: fast on one machine).

Run (from the project root; about 10 minutes on 2 cores):

    .venv/bin/python benchmarks/bench_corpus.py [--corpus ../shared/data/bbc] [--limit N]

Reports, each measurement a fresh process writing into an empty folder (no cache):
  1. cold `briefing generate` on the seeds against bare `spacy.load` + `nlp.pipe` (target <= 1.3);
  2. `briefing generate CORPUS --workers 1` against bare `nlp.pipe` over the same texts with
     the same model: throughput ratio (target >= 0.8), and the seconds of each stage;
  3. `--workers 2` against `--workers 1` (target >= 1.6 on two cores);
  4. peak memory of each run: the proportional set size (PSS) of the process and its workers,
     summed, so pages forked workers share with their parent count once (target < 1 GB).

With --synthetic N it instead builds N distinct articles by recombining the corpus's
paragraphs (seeded, so the same each time) and reports the time and peak memory of one
`--workers 2` run over them and one over N/4 of them: memory must stay bounded as the corpus
grows, so the ratio of the two peaks should be near 1.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_seeds import BARE, best_of  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def pss(pid: int) -> int:
    """Return a process's proportional set size in bytes (its resident set size where the
    kernel has no smaps_rollup)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_memory(root: int) -> int:
    """Return the summed PSS of process `root` and its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, grew = {root}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(pss(p) for p in family)


def measured(command: list[str]) -> tuple[float, int, str]:
    """Run `command`; return its wall seconds, peak tree memory in bytes and its stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_memory(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return seconds, peak[0], err


def stages(stderr: str) -> str:
    match = re.search(r"seconds per stage: (.*)", stderr)
    return match.group(1) if match else "(not reported)"


def generate(corpus: str, workers: int) -> tuple[float, int, str]:
    exe = Path(sys.executable).parent / "briefing"
    with tempfile.TemporaryDirectory() as out:
        return measured([str(exe), "generate", corpus, "--out", out, "--today", "2026-01-01",
                         "--workers", str(workers), "--verbose", "--max-articles", "100000"])


def synthesize(corpus: str, count: int, folder: str) -> None:
    """Write `count` articles into `folder`, each a headline and four paragraphs drawn from
    the corpus's articles (random.Random(0): the same corpus every time)."""
    texts = [p.read_text(encoding="utf-8", errors="replace").strip().split("\n\n")
             for p in sorted(Path(corpus).rglob("*.txt")) if p.name != "README.TXT"]
    rng = random.Random(0)
    for i in range(count):
        head = rng.choice(texts)[0]
        body = [rng.choice(rng.choice(texts)[1:] or [head]) for _ in range(4)]
        Path(folder, f"{i:05d}.txt").write_text("\n\n".join([f"{head} ({i})", *body]) + "\n")


def synthetic(corpus: str, count: int) -> None:
    """Time one `--workers 2` run over `count` recombined articles and one over a quarter of
    them; report both peaks: bounded memory means the larger corpus peaks about as high."""
    peaks = {}
    for n in (count // 4, count):
        folder = tempfile.mkdtemp()
        try:
            synthesize(corpus, n, folder)
            exe = Path(sys.executable).parent / "briefing"
            with tempfile.TemporaryDirectory() as out:
                seconds, peaks[n], err = measured([
                    str(exe), "generate", folder, "--out", out, "--today", "2026-01-01",
                    "--workers", "2", "--verbose", "--max-articles", str(n)])
            print(f"{n} synthetic articles, --workers 2: {seconds:.0f} s, peak memory "
                  f"{peaks[n] / 1024 / 1024:.0f} MB (target < 1024 MB)")
            print(f"   stages: {stages(err)}")
        finally:
            shutil.rmtree(folder)
    small, large = peaks[count // 4], peaks[count]
    print(f"peak at {count} articles / peak at {count // 4}: {large / small:.2f} "
          "(bounded: about 1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "bbc"))
    parser.add_argument("--limit", type=int, help="use only the first N files of the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the seeds measurement")
    parser.add_argument("--synthetic", type=int, metavar="N",
                        help="only measure N recombined articles (bounded memory)")
    args = parser.parse_args()
    if args.synthetic:
        synthetic(args.corpus, args.synthetic)
        return
    corpus, scratch = args.corpus, None
    if args.limit:
        scratch = tempfile.mkdtemp()
        files = sorted(p for p in Path(corpus).rglob("*.txt") if p.name != "README.TXT")
        for i, path in enumerate(files[:args.limit]):
            shutil.copy(path, Path(scratch) / f"{i:05d}.txt")
        corpus = scratch
    try:
        exe = Path(sys.executable)
        seeds = str(ROOT / "seeds")
        brief = best_of([str(exe.parent / "briefing"), "generate", seeds, "--today", "2026-01-01",
                         "--quiet"], args.repeat, fresh_out=True)
        bare_seeds = best_of([str(exe), "-c", BARE, seeds], args.repeat)
        print(f"1. seeds, cold: briefing {brief:.2f} s, bare spaCy {bare_seeds:.2f} s, "
              f"ratio {brief / bare_seeds:.2f} (target <= 1.3)")
        bare, bare_peak, _ = measured([str(exe), "-c", BARE, corpus])
        one, one_peak, one_err = generate(corpus, 1)
        two, two_peak, two_err = generate(corpus, 2)
        print(f"2. corpus {args.corpus}{f' (first {args.limit})' if args.limit else ''}: "
              f"briefing --workers 1 {one:.1f} s, bare nlp.pipe {bare:.1f} s, "
              f"throughput ratio {bare / one:.2f} (target >= 0.8)")
        print(f"   stages, --workers 1: {stages(one_err)}")
        print(f"   stages, --workers 2: {stages(two_err)}")
        print(f"3. --workers 2 {two:.1f} s: speed-up {one / two:.2f} over one worker "
              f"(target >= 1.6 on two cores)")
        mb = 1024 * 1024
        print(f"4. peak memory (PSS): --workers 1 {one_peak / mb:.0f} MB, --workers 2 "
              f"{two_peak / mb:.0f} MB, bare nlp.pipe {bare_peak / mb:.0f} MB (target < 1024 MB)")
    finally:
        if scratch:
            shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
