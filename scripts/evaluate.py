#!/usr/bin/env python3
"""The quality gate's table: every shared scorer on every dev set, each set also in two halves.

Sets (the data lives in ../shared, never in the project):
  seeds       the five seed articles                        halves: their two gold events
  allsides    allsides-dev/events (24 meetings, 77 reports)  halves: D01-D12, D13-D24
  allsides+   the whole allsides-dev folder (the same-day articles around the reports, never
              scored themselves)                              halves: D01-D12, D13-D24
  g5          giveme5w1h-dev (76 articles, 12 events)        halves: the events, sorted, in two
  clusters    news-cluster-dev (140 reports, 27 stories)     halves: the stories, sorted, in two
  timeml      TimeBank + AQUAINT (256 documents)             halves: the files, sorted, alternately

Each set runs through the product's own pipeline (ingest -> extract -> fuse -> compose ->
render, with the scorers' --today), written under --out, then scored by ../shared/eval. Only the
spaCy parse is taken from a cache of parsed documents (--docs, keyed by model and text), so a
change to the rules costs seconds, not a re-parse; a text not parsed before is parsed here, in
--workers processes. Boilerplate leaks of a half count the strings found in the facts of the
events matched to that half's gold events (the whole set scans every output file, as the
scorer does).

Usage (from the project root):
    .venv/bin/python scripts/evaluate.py                        # every set, the table
    .venv/bin/python scripts/evaluate.py --sets allsides,seeds  # some sets
    .venv/bin/python scripts/evaluate.py --json figures.json    # and the figures as JSON
    .venv/bin/python scripts/evaluate.py --raise-floors         # raise tests/quality_floors.toml
    .venv/bin/python scripts/evaluate.py --figures F.json --raise-floors  # from a run's --json

The gate (tests/test_quality_gate.py) fails when a figure falls below its floor in
tests/quality_floors.toml (or a leak count rises above its ceiling). --raise-floors moves every
floor up to the figure measured now, never down: run it in the commit that earns the rise.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib.util
import itertools
import json
import math
import multiprocessing
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
DATA = SHARED / "data"
TODAY = "2026-01-01"
Figures = dict[str, float]


@dataclass(frozen=True)
class Set:
    name: str
    inputs: str  # what `briefing generate` reads
    scorer: str  # "score" (facts against a gold file), "g5" (a gold folder) or "timeml"
    formats: str = "json,md"


SETS = {
    "seeds": Set("seeds", str(ROOT / "seeds"), "score", "json,md,docx"),
    "allsides": Set("allsides", str(DATA / "allsides-dev" / "events"), "score", "json,md,docx"),
    "allsides+": Set("allsides+", str(DATA / "allsides-dev"), "score"),
    "g5": Set("g5", str(DATA / "giveme5w1h-dev"), "g5"),
    "clusters": Set("clusters", str(DATA / "news-cluster-dev"), "g5"),
    "timeml": Set("timeml", str(DATA / "timeml"), "timeml"),
}
GOLD = {"seeds": EVAL / "seeds.gold.json", "allsides": EVAL / "allsides-dev.gold.json",
        "allsides+": EVAL / "allsides-dev.gold.json"}


def scorer(name: str) -> ModuleType:
    """Return the shared scorer `name`.py, imported from ../shared/eval."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL / f"{name}.py")
    assert spec and spec.loader, f"no scorer {name} in {EVAL}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- parsed documents, cached by model and text -------------------------------------------

def doc_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _parse_into(args: tuple[str, Path, list[str]]) -> int:
    """Parse `texts` with `model` and store each Doc under `folder` (runs in a pool)."""
    from briefing.runtime import nlp

    model, folder, texts = args
    language = nlp.load(model)
    for text, doc in zip(texts, language.pipe(texts, batch_size=16), strict=True):
        store(folder, doc_key(model, text), doc.to_bytes(exclude=["tensor", "user_data"]))
    return len(texts)


def store(folder: Path, key: str, data: bytes) -> None:
    """Write one Doc's bytes atomically (several evaluations may share the folder)."""
    path = folder / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        tmp.write(data)
    Path(tmp.name).replace(path)


def parse_missing(folder: Path, model: str, texts: Sequence[str], workers: int,
                  say: Callable[[str], None]) -> None:
    """Parse the texts the folder has no Doc of, in `workers` processes."""
    todo = sorted({t for t in texts if not (folder / doc_key(model, t)[:2] / doc_key(model, t)).exists()})
    if not todo:
        return
    say(f"parsing {len(todo)} texts not parsed before (model {model}, {workers} processes)")
    started = time.perf_counter()
    chunks = [todo[i::max(1, workers * 4)] for i in range(max(1, workers * 4))]
    jobs = [(model, folder, chunk) for chunk in chunks if chunk]
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            list(pool.imap_unordered(_parse_into, jobs))
    else:
        list(map(_parse_into, jobs))
    say(f"  parsed in {time.perf_counter() - started:.0f} s")


class CachedLanguage:
    """Stands in for the loaded spaCy pipeline: a text parsed before is read back from the
    folder, any other is parsed by the real pipeline (and stored)."""

    def __init__(self, real: Any, model: str, folder: Path) -> None:
        self.real, self.model, self.folder = real, model, folder
        self.vocab = real.vocab

    def __call__(self, text: str) -> Any:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterator[Any], batch_size: int = 16, as_tuples: bool = False,
             **_: Any) -> Iterator[Any]:
        """As Language.pipe: each text's Doc, or with `as_tuples` each (text, context) pair's
        (Doc, context)."""
        for item in texts:
            if as_tuples:
                text, context = item
                yield self._doc(text), context
            else:
                yield self._doc(item)

    def _doc(self, text: str) -> Any:
        from spacy.tokens import Doc

        key = doc_key(self.model, text)
        path = self.folder / key[:2] / key
        if path.exists():
            return Doc(self.vocab).from_bytes(path.read_bytes())
        doc = self.real(text)
        store(self.folder, key, doc.to_bytes(exclude=["tensor", "user_data"]))
        return doc

    def memory_zone(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@contextlib.contextmanager
def cached_parses(folder: Path, model: str) -> Iterator[None]:
    """Make the product's model loader hand out a CachedLanguage while the block runs."""
    from briefing.runtime import nlp

    real_load = nlp.load
    language = CachedLanguage(real_load(model), model, folder)
    nlp.load = lambda requested=None: language  # type: ignore[assignment]
    try:
        yield
    finally:
        nlp.load = real_load  # type: ignore[assignment]


# --- running a set through the product -----------------------------------------------------

def generate(s: Set, out: Path) -> Path:
    """Run the product's pipeline over the set's inputs into `out`; returns facts.json."""
    from briefing.pipeline import pipeline
    from briefing.render import RenderOptions
    from briefing.runtime.run import Runtime

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    options = RenderOptions(out=out, formats=tuple(s.formats.split(",")), mode="full",
                            author="briefing", generated=dt.datetime.fromisoformat(TODAY))
    pipeline([s.inputs], options, Runtime(say=lambda m: None, warn=lambda m: None),
             warn=lambda m: None)
    return out / "facts.json"


def texts_of(s: Set) -> list[str]:
    from briefing import ingest

    return [a.text for a in ingest.read_articles([s.inputs], warn=lambda m: None)]


# --- halves and scores -----------------------------------------------------------------------

def halves(keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """The first and second half of the sorted keys."""
    ordered = sorted(keys)
    middle = (len(ordered) + 1) // 2
    return ordered[:middle], ordered[middle:]


def gold_part(gold: dict, events: Sequence[str]) -> dict:
    keep = set(events)
    return {**gold, "events": {k: v for k, v in gold["events"].items() if k in keep},
            "articles": [a for a in gold["articles"] if a["event"] in keep]}


def half_leaks(facts: dict, gold: dict, score: ModuleType) -> float:
    """Boilerplate strings found in the facts of the events matched to the gold events."""
    matched = [e for e in score.match_events(facts, gold).values() if e]
    blob = score.fold(json.dumps(matched, ensure_ascii=False))
    return float(sum(score.fold(s) in blob for s in gold.get("boilerplate_never_in_output", [])))


def score_facts(s: Set, facts_path: Path) -> dict[str, Figures]:
    score = scorer("score")
    facts = json.loads(facts_path.read_text())
    gold = json.loads(GOLD[s.name].read_text())
    first, second = halves(gold["events"])
    out = {"all": figures(score.score(facts, gold, facts_path.parent))}
    out["all"].update(pair_counts(events_of(gold), found_events(facts)))
    for label, part in (("half 1", first), ("half 2", second)):
        sub = gold_part(gold, part)
        got = figures(score.score(facts, sub, None))
        got["boilerplate_leaks"] = half_leaks(facts, sub, score)
        out[label] = {**got, **pair_counts(events_of(sub), found_events(facts))}
    return out


def events_of(gold: dict) -> dict[str, str]:
    return {a["id"]: a["event"] for a in gold["articles"]}


def figures(result: dict) -> Figures:
    return {k: float(v) for k, v in result.items() if not k.startswith("_") and not isinstance(v, list)}


def pair_tallies(gold_of: dict[str, Any], found_of: dict[str, Any]) -> tuple[int, int, int]:
    """Return (true, false, missed) same-event pairs among the gold articles."""
    tp = fp = fn = 0
    for x, y in itertools.combinations(sorted(gold_of), 2):
        same_gold = gold_of[x] == gold_of[y]
        same_found = x in found_of and found_of.get(x) == found_of.get(y)
        tp, fp, fn = tp + (same_gold and same_found), fp + (same_found and not same_gold), \
            fn + (same_gold and not same_found)
    return tp, fp, fn


def pair_counts(gold_of: dict[str, str], found_of: dict[str, str]) -> Figures:
    """Grouping precision and recall over pairs of the gold articles (the scorers give F1)."""
    tp, fp, fn = pair_tallies(gold_of, found_of)
    return {"grouping_p": tp / (tp + fp) if tp + fp else 1.0,
            "grouping_r": tp / (tp + fn) if tp + fn else 1.0}


def found_events(facts: dict) -> dict[str, str]:
    return {a["id"]: a["event"] for a in facts.get("articles", [])}


def score_g5(s: Set, facts_path: Path) -> dict[str, Figures]:
    g5 = scorer("giveme5w1h_score")
    gold = g5.load_gold(Path(s.inputs))
    facts = json.loads(facts_path.read_text())
    answers = g5.answers_from_facts(facts)
    stories = sorted({d.get("category") or "" for d in gold.values()})
    first, _ = halves(stories)
    asked = {q for d in gold.values() for q in ("who", "when", "where") if g5.gold_of(d, q)}
    parts = {"all": gold}
    for label, keep in (("half 1", True), ("half 2", False)):
        parts[label] = {k: d for k, d in gold.items() if ((d.get("category") or "") in first) == keep}
    out = {}
    for label, part in parts.items():
        result = figures(g5.score(part, answers))
        result = {k: v for k, v in result.items()
                  if k.split("@")[0].split("_")[0] in asked or k == "grouping_f1" or (k == "mean" and asked)}
        labels = {k: d["category"] for k, d in part.items() if d.get("category")}
        out[label] = {**result, **pair_counts(labels, found_events(facts))}
    return out


def score_timeml(s: Set) -> dict[str, Figures]:
    timeml = scorer("timeml_score")
    files = sorted(f for f in Path(s.inputs).rglob("*.tml") if not f.name.startswith("._"))
    tag = timeml.briefing_tagger()
    keep = ("relaxed_f1", "strict_f1", "type_acc", "value_acc", "value_f1")

    def run(part: list[Path]) -> Figures:
        result = timeml.score(part, tag, 0)
        return {k: float(result[k]) for k in keep}
    return {"all": run(files), "half 1": run(files[0::2]), "half 2": run(files[1::2])}


def evaluate(names: Sequence[str], out: Path, docs: Path, model: str, workers: int,
             say: Callable[[str], None]) -> dict[str, dict[str, Figures]]:
    """Return {set: {"all" | "half 1" | "half 2": {figure: value}}} for the named sets."""
    chosen = [SETS[n] for n in names]
    runs = [s for s in chosen if s.scorer != "timeml"]
    if runs:
        parse_missing(docs, model, [t for s in runs for t in texts_of(s)], workers, say)
    results: dict[str, dict[str, Figures]] = {}
    with cached_parses(docs, model):
        for s in chosen:
            started = time.perf_counter()
            if s.scorer == "timeml":
                results[s.name] = score_timeml(s)
            else:
                facts = generate(s, out / s.name)
                scored = score_facts if s.scorer == "score" else score_g5
                results[s.name] = scored(s, facts)
            say(f"{s.name}: {time.perf_counter() - started:.0f} s")
    return results


def table(results: dict[str, dict[str, Figures]]) -> str:
    """One table: a row per set and figure, columns all / half 1 / half 2."""
    lines = [f"{'set':10} {'figure':22} {'all':>7} {'half 1':>7} {'half 2':>7}", "-" * 57]
    for name, parts in results.items():
        for figure in parts["all"]:
            cells = [parts[p].get(figure) for p in ("all", "half 1", "half 2")]
            text = ["      -" if c is None else f"{c:7.3f}" for c in cells]
            lines.append(f"{name:10} {figure:22} {' '.join(text)}")
        lines.append("")
    return "\n".join(lines)


FLOORS = ROOT / "tests" / "quality_floors.toml"
CEILINGS = frozenset({"boilerplate_leaks"})  # figures where lower is better


def below_floor(results: dict[str, dict[str, Figures]], floors: dict) -> list[str]:
    """Return a line for each figure that fell below its floor (or rose above its ceiling)."""
    bad = []
    for name, parts in floors.items():
        if name not in results:
            continue  # not measured in this run
        for part, pinned in parts.items():
            got = results[name].get(part, {})
            for figure, floor in pinned.items():
                value = got.get(figure)
                worse = value is None or (value > floor + 1e-9 if figure in CEILINGS
                                          else value < floor - 1e-9)
                if worse:
                    bad.append(f"{name} {part} {figure}: {value} against the pinned {floor}")
    return bad


def raised(results: dict[str, dict[str, Figures]], floors: dict) -> dict:
    """Return the floors moved up to `results` where a figure beat them (never down); the
    floors of sets not measured stay as they are."""
    out: dict = {name: {part: dict(pinned) for part, pinned in parts.items()}
                 for name, parts in floors.items()}
    for name, parts in results.items():
        for part, got in parts.items():
            pinned = floors.get(name, {}).get(part, {})
            for figure, value in got.items():
                now = math.floor(value * 1000) / 1000 if figure not in CEILINGS else value
                old = pinned.get(figure)
                best = now if old is None else (min(old, now) if figure in CEILINGS else max(old, now))
                out.setdefault(name, {}).setdefault(part, {})[figure] = best
    return out


def floors_text(floors: dict) -> str:
    lines = ["# Floors of scripts/evaluate.py's figures; tests/test_quality_gate.py fails below any",
             "# (boilerplate_leaks is a ceiling). Raise them with `scripts/evaluate.py --raise-floors`",
             "# in the commit that earns the rise; never lower one.", ""]
    for name, parts in floors.items():
        for part, pinned in parts.items():
            lines.append(f'[{json.dumps(name)}.{json.dumps(part)}]')
            lines += [f"{json.dumps(figure)} = {value:g}" for figure, value in pinned.items()]
            lines.append("")
    return "\n".join(lines)


def read_floors(path: Path = FLOORS) -> dict:
    return tomllib.loads(path.read_text()) if path.exists() else {}


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated: {', '.join(SETS)}")
    ap.add_argument("--out", type=Path, default=ROOT.parent / "scratch" / f"evaluate-{ROOT.name}",
                    help="folder for each set's outputs (default: ../scratch/evaluate-<checkout>)")
    ap.add_argument("--docs", type=Path, default=ROOT.parent / "scratch" / "parsed-docs",
                    help="cache of parsed documents, shared by checkouts (default: ../scratch/parsed-docs)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: the product's)")
    ap.add_argument("--workers", type=int, default=2, help="processes parsing new texts")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--figures", type=Path, metavar="JSON",
                    help="read the figures of an earlier run (its --json) instead of measuring")
    ap.add_argument("--raise-floors", action="store_true",
                    help=f"raise the floors in {FLOORS.relative_to(ROOT)} to the figures measured")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        ap.error(f"unknown set {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if not EVAL.is_dir():
        ap.error(f"{EVAL} is not here: the scorers and gold live in ../shared/eval")
    if args.figures:
        results = json.loads(args.figures.read_text())
    else:
        from briefing.runtime import nlp

        model = nlp.model_name(args.model)
        results = evaluate(names, args.out, args.docs, model, args.workers,
                           lambda m: print(m, file=sys.stderr, flush=True))
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    floors = read_floors()
    if args.raise_floors:
        FLOORS.write_text(floors_text(raised(results, floors)))
        print(f"floors raised where figures beat them: {FLOORS}")
    bad = below_floor(results, floors)
    print("\n".join(["below the floors:", *bad]) if bad else "every figure is at or above its floor")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
