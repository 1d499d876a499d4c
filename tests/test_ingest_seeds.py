"""The seed articles and the Giveme5W1H set read completely and cleanly."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefing.ingest import read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GIVEME5W1H = Path(__file__).resolve().parent.parent.parent / "shared/data/giveme5w1h-dev"
NEVER = ["Bacon aficionado", "Hardcore twitter enthusiast", "Certified beer buff", "leave a reply",
         "Read Also", "[ab/uh]"]
# Seed-specific boilerplate and datelines, named here only (the package knows none of them).
SEED_BOILERPLATE = ["Read Also: China expresses concerns", "leave a reply", "Bacon aficionado",
                    "Hardcore twitter enthusiast", "Hipster-friendly pop culture expert",
                    "Student.", "Certified beer buff"]
SEED_DATELINES = ["WASHINGTON (UrduPoint News / Sputnik - 11th January, 2023) ",
                  "Washington DC, 11 January 2023 (TDI): ", "Tokyo, 7 January, /AJMEDIA/"]


@pytest.fixture(scope="module")
def seeds():
    return {a.id[:3]: a for a in read_articles([str(SEEDS)], warn=pytest.fail)}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _sentences(raw: str) -> list[str]:
    """Split a raw seed into sentences, the way a reader would check them."""
    for prefix in SEED_DATELINES:
        raw = raw.replace(prefix, "\n")
    raw = raw.replace("[ab/uh]", "")
    parts = re.split(r"(?<=[.!?”\"])\s+|\n+", raw)
    return [_flat(p) for p in parts if _flat(p)]


def test_ingest_seeds_lose_no_story_sentence(seeds):
    for path in sorted(SEEDS.glob("*.txt")):
        article = seeds[path.name[:3]]
        body = _flat(f"{article.title or ''} {article.text}")
        for sentence in _sentences(path.read_text(encoding="utf-8")):
            if any(marker in sentence for marker in SEED_BOILERPLATE):
                continue
            sentence = re.sub(r"^PREVIEW - ", "", sentence)
            assert sentence in body, f"{path.name}: lost {sentence!r}"


def test_ingest_seeds_carry_no_boilerplate(seeds):
    for article in seeds.values():
        for marker in NEVER:
            assert marker.lower() not in article.text.lower(), (article.id, marker)


def test_ingest_seeds_metadata_from_datelines_and_headlines(seeds):
    assert seeds["000"].published == dt.date(2023, 1, 11)
    assert seeds["000"].title.startswith("US, Japan Set to Hold 2+2")
    assert (seeds["000"].dateline_place, seeds["000"].outlet) == ("Washington",
                                                                  "UrduPoint News / Sputnik")
    assert seeds["000"].text.startswith("Japanese Foreign Minister Yoshimasa Hayashi")
    assert seeds["002"].published == dt.date(2023, 1, 11)
    assert (seeds["002"].dateline_place, seeds["002"].outlet) == ("Washington DC", "TDI")
    assert seeds["003"].title == "US, Japan to Hold Virtual Talks on Security, Indo-Pacific Region"
    four = seeds["004"]
    assert (four.published, four.published_partial, four.published_text) == (
        None, "XXXX-01-07", "7 January")
    assert (four.dateline_place, four.outlet) == ("Tokyo", "AJMEDIA")
    assert four.text.startswith("Japanese and U.S. foreign and defense ministers")
    one = seeds["001"]
    assert (one.title, one.published, one.published_partial) == (None, None, None)
    assert one.text.startswith("Japan and the United States will hold security talks")


def test_ingest_seeds_ids_are_file_names_in_order(seeds):
    assert [a.id for a in read_articles([str(SEEDS)])] == sorted(p.stem for p in
                                                                 SEEDS.glob("*.txt"))


def test_ingest_seeds_white_space_normalised(seeds):
    for article in seeds.values():
        assert "\u00a0" not in article.text and "  " not in article.text
        assert "\n\n\n" not in article.text and not re.search(r" \n|\n ", article.text)


@pytest.mark.skipif(not GIVEME5W1H.is_dir(), reason="the shared Giveme5W1H data is not here")
def test_ingest_seeds_giveme5w1h_reads_all_with_title_outlet_and_date():
    warnings: list[str] = []
    articles = read_articles([str(GIVEME5W1H)], warn=warnings.append)
    assert len(articles) == 76, warnings
    assert all(a.title and a.outlet and a.published for a in articles)
    assert all(a.text.strip() for a in articles)
    assert not [a for a in articles if a.also_in]  # 76 different reports, no copies
