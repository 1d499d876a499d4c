"""Hostile inputs at full size (issue 23), as ratios and peak memory, each in a fresh process.

Run (from the project root):

    .venv/bin/python benchmarks/bench_hostile.py giant [--words 200000]
    .venv/bin/python benchmarks/bench_hostile.py docx [--megabytes 95]
    .venv/bin/python benchmarks/bench_hostile.py near-identical [--items 5000]

- giant: one article of WORDS words (generated sentences with names, places and dates) read
  through spaCy and extraction, once as one paragraph and once in paragraphs of four
  sentences: the seconds of each, their ratio (target <= 1.5) and each peak RSS (< 1 GB).
  The article is above the default max_chars, which read_articles would refuse: this
  measures the parse and extraction of a long text, which any limit only bounds.
- docx: a DOCX of empty paragraphs unpacking to MEGABYTES MB, read by read_articles: the
  seconds and peak RSS (target < 1 GB).
- near-identical: a feed file of ITEMS near-identical items through read_articles and the
  grouping of fuse: the seconds and peak RSS (target < 1 GB, a few minutes).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ["Anna", "Luis", "Mei", "Omar", "Sara", "Jonas", "Priya", "Kenji", "Elena", "Tariq"]
LAST = ["Berg", "Ortega", "Chen", "Haddad", "Novak", "Lind", "Rao", "Sato", "Rossi", "Aziz"]
PLACES = ["Geneva", "Oslo", "Lima", "Nairobi", "Hanoi", "Vienna", "Ottawa", "Dakar", "Seoul"]
COUNTRIES = ["Norway", "Peru", "Kenya", "Vietnam", "Austria", "Canada", "Senegal", "Chile"]
TITLES = ["Foreign Minister", "President", "Trade Minister", "Prime Minister"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "{t} {f} {l} of {c} met {t2} {f2} {l2} in {p} on {d} to discuss trade and security.",
    "Officials in {p} said the talks between {c} and {c2} would resume on {d}, {f} {l} said.",
    "{f} {l}, the {t} of {c}, told reporters in {p} that the agreement was close.",
    "The delegation from {c2} arrived in {p} on {d} with a proposal on tariffs.",
]


def sentences(words: int, seed: int = 1) -> list[str]:
    rng, out, count = random.Random(seed), [], 0
    while count < words:
        pick = {k: rng.choice(v) for k, v in (("t", TITLES), ("t2", TITLES), ("f", FIRST),
                                               ("f2", FIRST), ("l", LAST), ("l2", LAST),
                                               ("c", COUNTRIES), ("c2", COUNTRIES),
                                               ("p", PLACES), ("d", DAYS))}
        out.append(rng.choice(SENTENCES).format(**pick))
        count += len(out[-1].split())
    return out


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def giant_once(words: int, layout: str) -> None:
    """Parse and extract one article (in this process); print seconds and peak RSS as JSON."""
    import datetime as dt

    from briefing.extract import article_facts
    from briefing.runtime import nlp
    from briefing.types import Article

    parts = sentences(words)
    text = " ".join(parts) if layout == "one" else "\n\n".join(
        " ".join(parts[i:i + 4]) for i in range(0, len(parts), 4))
    language = nlp.load()
    language.max_length = len(text) + 1
    article = Article(id="giant", text=text, published=dt.date(2023, 1, 11))
    start = time.perf_counter()
    facts = article_facts(nlp.parse(language, text), article)
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
                      "chars": len(text), "people": len(facts.people)}))


def fresh(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def giant(words: int) -> None:
    one = fresh("giant-once", str(words), "one")
    many = fresh("giant-once", str(words), "paragraphs")
    print(f"giant article, {words:,} words ({one['chars']:,} characters): one paragraph "
          f"{one['seconds']:.1f} s, peak {one['peak_mb']} MB; paragraphs {many['seconds']:.1f} s, "
          f"peak {many['peak_mb']} MB; time ratio {one['seconds'] / many['seconds']:.2f} "
          "(target <= 1.5)")


def docx_bytes(megabytes: int) -> bytes:
    body = b'<w:p/>' * (megabytes * 1_000_000 // 6)
    document = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                b"<w:p><w:r><w:t>Ministers met in Oslo on Monday to discuss trade.</w:t></w:r>"
                b"</w:p>" + body + b"</w:body></w:document>")
    types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
             b'.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
             b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType'
             b'="application/xml"/><Override PartName="/word/document.xml" ContentType="application'
             b'/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
            b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas'
            b'.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/'
            b'document.xml"/></Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def docx_once(megabytes: int) -> None:
    from briefing.ingest import read_articles

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "empty.docx"
        path.write_bytes(docx_bytes(megabytes))
        start = time.perf_counter()
        articles = read_articles([str(path)], warn=lambda m: None)
        print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
                          "size": path.stat().st_size, "articles": len(articles)}))


def docx(megabytes: int) -> None:
    got = fresh("docx-once", str(megabytes))
    print(f"DOCX of empty paragraphs, {got['size']:,} bytes unpacking to about {megabytes} MB: "
          f"{got['articles']} article in {got['seconds']:.1f} s, peak {got['peak_mb']} MB "
          "(target < 1 GB)")


def near_once(items: int) -> None:
    """Items of the same vocabulary (each a different draw of the same sentences, so none is a
    copy of another): read, then grouped from digests of their capitalised and long words
    (what extraction's keywords are made of; parsing 5,000 items is not what is measured)."""
    import re
    from dataclasses import replace

    from briefing import fuse
    from briefing.fuse.cluster import digest
    from briefing.ingest import read_articles
    from briefing.types import ArticleFacts

    pool = sentences(400)
    rng = random.Random(2)
    entries = "".join(
        f"<item><title>Talks in Oslo, update {n}</title><link>urn:x:{n}</link>"
        f"<pubDate>Mon, 09 Jan 2023 {rng.randrange(24):02d}:00:00 GMT</pubDate>"
        f"<description>{' '.join(rng.sample(pool, 8))}</description></item>"
        for n in range(items))
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}'
            "</channel></rss>")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wire.rss"
        path.write_text(feed)
        start = time.perf_counter()
        articles = read_articles([str(path)], warn=lambda m: None)
        read = time.perf_counter() - start
        empty = ArticleFacts(article=articles[0])
        digests = [digest(replace(empty, article=a, keywords=tuple(
            w.lower() for w in re.findall(r"[A-Z][a-z]+|[a-z]{6,}", a.text))))
            for a in articles]
        start = time.perf_counter()
        groups = fuse.group(digests)
        print(json.dumps({"read": read, "group": time.perf_counter() - start,
                          "peak_mb": peak_mb(), "articles": len(articles),
                          "groups": len(groups)}))


def near_identical(items: int) -> None:
    got = fresh("near-once", str(items))
    print(f"feed of {items:,} near-identical items: {got['articles']:,} articles read in "
          f"{got['read']:.1f} s, grouped into {got['groups']} events in {got['group']:.1f} s, "
          f"peak {got['peak_mb']} MB (target < 1 GB, a few minutes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", choices=["giant", "docx", "near-identical", "giant-once",
                                         "docx-once", "near-once"])
    parser.add_argument("args", nargs="*")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--megabytes", type=int, default=95)
    parser.add_argument("--items", type=int, default=5000)
    a = parser.parse_args()
    if a.case == "giant-once":
        giant_once(int(a.args[0]), a.args[1])
    elif a.case == "docx-once":
        docx_once(int(a.args[0]))
    elif a.case == "near-once":
        near_once(int(a.args[0]))
    elif a.case == "giant":
        giant(a.words)
    elif a.case == "docx":
        docx(a.megabytes)
    else:
        near_identical(a.items)


if __name__ == "__main__":
    main()
