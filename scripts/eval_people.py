"""Score the who's-who stage alone on the seeds, grouped by the gold events.

    .venv/bin/python scripts/eval_people.py [SEEDS_DIR] [--verbose]

Reads the seed articles, extracts people with the installed spaCy pipeline, merges them per
gold event and prints score.py's participants_f1, role_acc and country_acc.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(path: Path) -> str:
    """The story body: the first line dropped when it is a short headline."""
    first, _, rest = path.read_text(encoding="utf-8").partition("\n")
    headline = len(first) < 120 and not first.rstrip().endswith((".", '"', "”")) and rest
    return rest.lstrip("\n") if headline else first + "\n" + rest


def _articles(folder: Path):
    from briefing.types import Article

    try:
        from briefing.ingest import read_articles  # written concurrently; optional here
    except ImportError:
        read_articles = None
    if read_articles is not None:
        try:
            return list(read_articles(folder))
        except Exception as exc:  # noqa: BLE001 - fall back to the plain reader, say why
            print(f"read_articles failed ({exc}); using the plain reader", file=sys.stderr)
    return [Article(p.stem, _text(p)) for p in sorted(folder.glob("*.txt"))]


def _bare_packages() -> None:
    """Import the stage packages without their __init__ when a sibling stage is mid-rewrite:
    this script only needs the people modules."""
    import types

    for name in ("extract", "fuse"):
        try:
            importlib.import_module(f"briefing.{name}")
        except ImportError as exc:
            print(f"briefing.{name} does not import ({exc}); loading its modules bare",
                  file=sys.stderr)
            bare = types.ModuleType(f"briefing.{name}")
            bare.__path__ = [str(ROOT / "briefing" / name)]
            sys.modules[f"briefing.{name}"] = bare


def _as_json(p) -> dict:
    return {"name": p.name, "aliases": list(p.aliases), "role": p.role, "country": p.country,
            "sources": sorted({s.article for s in p.sources})}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seeds", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--giveme5w1h", metavar="DIR",
                    help="instead score who@1 / who_recall on Giveme5W1H gold JSON files, "
                         "grouping articles by the annotators' category")
    args = ap.parse_args(argv)
    if args.giveme5w1h:
        return giveme5w1h(Path(args.giveme5w1h), verbose=args.verbose)
    _bare_packages()
    from briefing.extract.people import extract_people
    from briefing.fuse.people import merge_people
    from briefing.runtime import nlp
    from briefing.types import ArticleFacts

    gold = json.loads((EVAL / "seeds.gold.json").read_text())
    pipeline = nlp.load()
    facts = {a.id: ArticleFacts(article=a, people=extract_people(pipeline(a.text), a))
             for a in _articles(Path(args.seeds))}
    members: dict[str, list[str]] = {}
    for g in gold["articles"]:
        members.setdefault(g["event"], []).append(g["id"])
    events = []
    for key, ids in sorted(members.items()):
        result = merge_people([facts[i] for i in ids if i in facts])
        events.append({"id": key, "articles": ids,
                       "participants": [_as_json(p) for p in result.participants],
                       "mentioned": [_as_json(p) for p in result.mentioned]})
        if args.verbose:
            print(f"event {key}")
            for p in result.participants:
                print(f"  + {p.name} | {p.role} | {p.country} | aliases {list(p.aliases)}")
            for p in result.mentioned:
                print(f"  - {p.name} | {p.role} | {p.country}")
            for d in result.discrepancies:
                print(f"  ! {d.about}: " + "; ".join(
                    f"{v.value} ({', '.join(sorted({s.article[:3] for s in v.sources}))})"
                    for v in d.values))
    res = _scorer().score({"articles": [], "events": events}, gold, None)
    for k in ("participants_p", "participants_r", "participants_f1", "role_acc", "country_acc"):
        print(f"{k}: {res[k]:.3f}")
    return 0


def giveme5w1h(folder: Path, *, verbose: bool) -> int:
    """Print who@1 and who_recall of the people stage alone on Giveme5W1H files."""
    _bare_packages()
    from briefing.extract.people import extract_people
    from briefing.fuse.people import merge_people
    from briefing.runtime import nlp
    from briefing.types import Article, ArticleFacts

    spec = importlib.util.spec_from_file_location("g5", EVAL / "giveme5w1h_score.py")
    g5 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(g5)
    gold = g5.load_gold(folder)
    pipeline = nlp.load()
    groups: dict[str, list] = {}
    for aid, doc in gold.items():
        body = doc.get("text") or ""
        lead = doc.get("description") or ""
        text = body if not lead or body.startswith(lead[:40]) else lead + "\n\n" + body
        article = Article(aid, text, title=doc.get("title"))
        people = extract_people(pipeline(text), article)
        groups.setdefault(doc.get("category") or aid, []).append(ArticleFacts(article, people))
    events = []
    for key, members in groups.items():
        result = merge_people(members)
        events.append({"id": key, "articles": [f.article.id for f in members],
                       "participants": [_as_json(p) for p in result.participants]})
        if verbose:
            print(key, [p.name for p in result.participants][:6])
    answers = g5.answers_from_facts({"events": events})
    res = g5.score(gold, answers)
    if verbose:
        for aid, doc in gold.items():
            who = [g["text"] for g in g5.gold_of(doc, "who")]
            top = (answers.get(aid, {}).get("who") or [""])[0]
            if who and not g5.hits(top, who):
                print(f"miss {aid[:8]} top={top[:40]!r} gold={who}")
    for k in ("who@1", "who_recall"):
        print(f"{k}: {res[k]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
