"""History snapshots, the extraction cache and the lock, without the model."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest

from briefing.store import dataclass_json as codec
from briefing.store import history, lock
from briefing.store.facts_cache import FactsCache
from briefing.types import ArticleFacts, PersonMention, Span, Statement, Timex
from tests.conftest import article


def facts(text: str = "Ministers met.") -> ArticleFacts:
    a = article("a", text, dt.date(2023, 1, 11), published_partial="XXXX-01-11")
    span = Span("a", 0, 9)
    return ArticleFacts(article=a, people=(PersonMention("Kishida", span, country="JP"),),
                        timexes=(Timex(0, 4, "Jan.", "DATE", "2023-01"),),
                        agenda=(Statement("talks", span, kind="agenda"),), event_date="2023-01-11",
                        keywords=("minister",))


def test_store_codec_round_trips_article_facts():
    value = facts()
    assert codec.loads(ArticleFacts, codec.dumps(value)) == value


def test_store_cache_hits_after_a_store_and_misses_on_other_content(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = FactsCache(path, salt="v1", warn=print)
    cache.put(facts())
    cache.close()
    cache = FactsCache(path, salt="v1", warn=print)
    assert cache.get(facts().article) == facts()
    assert cache.get(facts("Other text.").article) is None
    assert (cache.hits, cache.misses) == (1, 1)
    assert FactsCache(path, salt="v2", warn=print).get(facts().article) is None


def test_store_cache_corrupt_database_is_rebuilt_with_a_warning(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    cache = FactsCache(path, salt="v1", warn=warnings.append)
    cache.put(facts())
    assert cache.get(facts().article) == facts()
    assert len(warnings) == 1 and str(path) in warnings[0] and "rebuilding" in warnings[0]


def brief_files(out, n: int) -> None:
    (out / "a.md").write_text(f"brief {n}")
    (out / "facts.json").write_text(json.dumps({"n": n}))


def test_store_history_keeps_at_most_n_and_finds_the_previous_facts(tmp_path):
    assert history.previous_facts(tmp_path) is None
    for n in range(5):
        brief_files(tmp_path, n)
        history.keep(tmp_path, now=dt.datetime(2026, 1, 1, n), limit=3)
    kept = history.snapshots(tmp_path)
    assert [(p / "a.md").read_text() for p in kept] == ["brief 2", "brief 3", "brief 4"]
    assert history.previous_facts(tmp_path) == {"n": 4}


def test_store_history_does_not_repeat_an_identical_snapshot(tmp_path):
    brief_files(tmp_path, 1)
    assert history.keep(tmp_path, now=dt.datetime(2026, 1, 1, 1), limit=30) is not None
    assert history.keep(tmp_path, now=dt.datetime(2026, 1, 1, 2), limit=30) is None
    assert len(history.snapshots(tmp_path)) == 1


def test_store_lock_second_holder_gives_up_after_the_timeout(tmp_path):
    with lock.locked(tmp_path, timeout=0):
        with pytest.raises(lock.Busy, match="another briefing run is writing"):
            with lock.locked(tmp_path, timeout=0.2):
                pass
    with lock.locked(tmp_path, timeout=0):  # released: free again
        pass


def test_store_lock_dies_with_its_run_though_a_forked_child_lives_on(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from briefing.runtime import parallel

    if not parallel.FORK:
        pytest.skip("fork only")
    code = ("import multiprocessing, sys, time\n"
            "from pathlib import Path\n"
            "from briefing.store import lock\n"
            "with lock.locked(Path(sys.argv[1]), timeout=0):\n"
            "    child = multiprocessing.get_context('fork').Process(target=time.sleep, args=(60,))\n"
            "    child.start()\n"
            "    print(child.pid, flush=True)\n"
            "    time.sleep(60)\n")
    run = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE,
                           text=True)
    child = int(run.stdout.readline())
    try:
        with pytest.raises(lock.Busy):
            with lock.locked(tmp_path, timeout=0):
                pass
        run.kill()  # the run dies without unlocking; its forked child goes on
        run.wait()
        os.kill(child, 0)  # still alive
        with lock.locked(tmp_path, timeout=2):  # the lock died with the run
            pass
    finally:
        run.kill()
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def test_store_retire_removes_only_what_the_last_run_wrote(tmp_path):
    from briefing.store.stamps import KEYS, WRITTEN, retire

    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.md", "b.md", "mine.md"):
        (out / name).write_text(name)
    (tmp_path / "outside.md").write_text("x")
    assert retire(out, [out / "a.md", out / "b.md"]) == []  # no record yet: nothing goes
    (out / KEYS).mkdir(parents=True)
    (out / KEYS / "b.md.key").write_text("k")
    record = (out / WRITTEN).read_text()
    (out / WRITTEN).write_text(record + "../outside.md\n")  # a damaged record removes nothing
    warnings: list[str] = []
    assert retire(out, [out / "a.md", out / "b.md"], warn=warnings.append) == []
    assert len(warnings) == 1 and "'../outside.md', not a file of this folder" in warnings[0]
    assert retire(out, [out / "a.md"]) == [out / "b.md"]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["a.md", "mine.md"]
    assert not (out / KEYS / "b.md.key").exists() and (tmp_path / "outside.md").exists()
    assert (out / WRITTEN).read_text() == "a.md\n"
