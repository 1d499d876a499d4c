"""`briefing watch`: rebuilds on changes, survives a failing build (no model needed)."""

from __future__ import annotations

import threading
import time

import pytest

from briefing.cli.watch import outside, watch_loop


def test_cli_watch_rebuilds_on_change_and_survives_a_bad_build(tmp_path):
    (tmp_path / "in").mkdir()
    calls: list[int] = []
    logged: list[str] = []

    def rebuild():
        calls.append(len(calls))
        if len(calls) == 1:
            raise ValueError("bad input in.txt")

    done = threading.Event()

    def touch():  # keep changing the input until the watch has rebuilt
        n = 0
        while not done.wait(0.2):
            n += 1
            (tmp_path / "in" / "a.txt").write_text(f"version {n}")

    writer = threading.Thread(target=touch)
    writer.start()
    try:
        runs = watch_loop([tmp_path / "in"], rebuild, out=tmp_path / "out", debounce=50,
                          max_runs=2, log=logged.append)
    finally:
        done.set()
        writer.join()
    assert runs == 2 and calls == [0, 1]
    assert logged[0] == "build failed (ValueError: bad input in.txt); still watching"


def test_cli_watch_ignores_the_output_folder_and_hidden_files(tmp_path):
    keep = outside(tmp_path / "out")
    assert keep(None, str(tmp_path / "in" / "a.txt"))
    assert not keep(None, str(tmp_path / "out" / "brief.md"))
    assert not keep(None, str(tmp_path / "in" / ".a.txt.swp"))


def test_cli_watch_stops_when_asked(tmp_path):
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    start = time.monotonic()
    assert watch_loop([tmp_path], lambda: None, out=tmp_path / "out", stop=stop) == 1
    assert time.monotonic() - start < 5


@pytest.mark.model
def test_cli_watch_loads_the_model_once_in_its_own_process(tmp_path, monkeypatch):
    import datetime as dt

    from briefing.cli import watch
    from briefing.cli.settings import Settings
    from briefing.runtime import nlp, parallel
    from tests.conftest import SEEDS

    forked: list[str] = []
    real = parallel.helper
    monkeypatch.setattr(parallel, "helper", lambda *a: forked.append(a[0].__name__) or real(*a))
    monkeypatch.setattr(watch, "watch_loop", lambda paths, rebuild, **kw: [rebuild(), rebuild()])
    loads = nlp.load.cache_info().misses
    s = Settings(inputs=(str(SEEDS),), out=tmp_path / "out", formats=("md",),
                 today=dt.date(2026, 1, 1), quiet=True, force=True, workers=2)
    watch.run_watch(s, debounce=50, max_runs=2)
    assert forked == []  # no model process per rebuild: the watch keeps the model
    assert nlp.load.cache_info().misses - loads <= 1 and (tmp_path / "out" / "index.md").is_file()
