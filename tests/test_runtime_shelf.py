"""The shelf: a run's events wait on disk between being built and being written."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.runtime.shelf import Computed, Shelf
from briefing.types import Article, Event, Item, Participant, Span
from tests.conftest import SEEDS

SHELVED: Shelf | None = None  # read by a forked process


def event(n: int) -> Event:
    article = Article(f"a{n}", f"Report {n}. " * 50, title=f"Talks {n}",
                      published=dt.date(2024, 1, 1 + n))
    return Event(f"e{n}", f"Talks {n}", "talks", (article,), start=dt.date(2024, 1, 1 + n),
                 participants=(Participant(f"Person {n}", (), "Minister", None,
                                           (Span(f"a{n}", 0, 6),)),),
                 agenda=(Item(f"item {n}", (Span(f"a{n}", 0, 6),)),))


def read_shelved(index: int) -> Event:
    assert SHELVED is not None
    return SHELVED[index]


@pytest.mark.parametrize("positional", [True, False], ids=["pread", "seek"])
def test_runtime_shelf_gives_back_what_was_put_by_number_here_and_in_a_forked_process(positional,
                                                                               monkeypatch):
    global SHELVED
    from briefing.runtime import parallel
    from briefing.runtime import shelf as module

    monkeypatch.setattr(module, "POSITIONAL", positional and module.POSITIONAL)

    events = [event(n) for n in range(5)]
    with Shelf[Event]() as shelf:
        for e in events:
            shelf.append(e)
        assert len(shelf) == 5
        assert [shelf[i] for i in range(5)] == events and shelf[-1] == events[-1]
        with pytest.raises(IndexError):
            shelf[5]
        if parallel.FORK and module.POSITIONAL:  # seek and read: Windows, where nothing forks
            SHELVED = shelf
            try:
                with parallel.pool(1) as pool:
                    assert list(pool.map(read_shelved, [3, 0])) == [events[3], events[0]]
            finally:
                SHELVED = None
        shelf.append(events[0])  # appending after reading: nothing is lost or overwritten
        assert shelf[5] == events[0] and shelf[4] == events[4]


def test_runtime_shelf_computed_values_are_made_each_time_they_are_asked_for():
    made: list[int] = []
    squares = Computed(4, lambda i: made.append(i) or i * i)
    assert len(squares) == 4 and list(squares) == [0, 1, 4, 9]
    assert squares[-1] == 9 and squares[1:3] == [1, 4]
    with pytest.raises(IndexError):
        squares[4]
    assert made == [0, 1, 2, 3, 3, 1, 2]


def test_runtime_shelf_briefs_take_their_final_ids_and_series_links_from_the_headlines():
    from briefing.compose import compose
    from briefing.fuse import link_related, relinked
    from briefing.types import headline

    events = [event(1), event(2), Event("e1", "Talks 1", "talks", ())]
    with Shelf[Event]() as shelf:
        for e in events:
            shelf.append(e)
        heads = link_related([headline(e) for e in events])
        linked = Computed(len(heads), lambda i: relinked(shelf[i], heads[i]))
        others = {h.id: h for h in heads}
        briefs = Computed(len(heads), lambda i: compose(linked[i], generated=dt.datetime(2026, 1, 1),
                                                        others=others))
        assert [b.slug for b in briefs] == ["e1", "e2", "e1-2"]
        assert linked[2].id == "e1-2" and linked[0].related == ("e1-2",)
        assert [r.title for r in briefs[0].related] == ["Talks 1"]
        assert briefs[0].related[0].href == "e1-2.md"


@pytest.mark.slow
def test_runtime_shelf_a_run_holds_only_the_events_it_is_writing(tmp_path, monkeypatch):
    """While briefs are written, the run's events and articles are on the shelf, not in
    memory: only the event being written and its articles are alive (the seeds make two)."""
    from briefing.runtime import writers

    def count() -> tuple[int, int]:
        objects = gc.get_objects()
        return (sum(isinstance(o, Event) for o in objects),
                sum(isinstance(o, Article) for o in objects))

    gc.collect()
    before = count()  # what other tests left alive
    alive: list[tuple[int, int]] = []
    real = writers.write_brief

    def write_brief(brief, *args):
        events, articles = count()
        alive.append((events - before[0], articles - before[1] - len(brief.event.articles)))
        return real(brief, *args)

    monkeypatch.setattr(writers, "write_brief", write_brief)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(out), "--workers", "1",
                                      "--today", "2026-01-01", "--format", "md,json"])
    assert result.exit_code == 0, result.output
    assert len(alive) == 2 and all(e <= 1 and a <= 0 for e, a in alive), alive
    assert len(list(out.glob("*.md"))) == 3  # two briefs and the index
