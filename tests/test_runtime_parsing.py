"""Parallel and distributed parsing give the same facts as one process.

Worker processes and a Dask cluster on 127.0.0.1 parse the seeds; their facts must equal an
in-process parse field for field.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest import read_articles
from briefing.runtime import parsing as extraction
from briefing.store import dataclass_json as codec
from tests.conftest import SEEDS

pytestmark = [pytest.mark.model, pytest.mark.slow]


def seeds():
    return read_articles([str(SEEDS)], warn=lambda m: None)


def facts_of(extractor):
    return [codec.dumps(f) for f in extractor.all(seeds())]


@pytest.fixture(scope="module")
def one_worker():
    return facts_of(extraction.Extractor(None, None, lambda m: None, workers=1))


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed", reason="the [test] extra installs it")
    with distributed.LocalCluster(host="127.0.0.1", n_workers=1, threads_per_worker=1,
                                  processes=True, dashboard_address=None) as local:
        yield local


def test_runtime_parsing_worker_processes_give_the_facts_of_one_worker(one_worker):
    said: list[str] = []
    pool = extraction.Extractor(None, None, said.append, workers=2, min_per_worker=1)
    assert facts_of(pool) == one_worker
    assert "parsing with 2 worker processes" in said  # the pool really ran


def test_runtime_parsing_few_articles_are_shared_with_forked_processes(one_worker, monkeypatch):
    split = []
    real_shares = extraction.shares
    monkeypatch.setattr(extraction, "shares", lambda *a: split.append(real_shares(*a)) or split[-1])
    said: list[str] = []
    extractor = extraction.Extractor(None, None, said.append, workers=2)  # 5 seeds < 2 x 24
    assert facts_of(extractor) == one_worker
    assert len(split) == 1 and len(split[0]) == 2  # this process and one forked process
    assert not any("worker processes" in s for s in said)  # not the pool of many articles
    assert extractor.parsed == len(one_worker)


def test_runtime_parsing_shares_balance_the_text_heaviest_first():
    from briefing.types import Article

    items = [Article(id=str(n), text="x" * n) for n in (10, 50, 20, 40, 30)]
    parts = extraction.shares(items, 2)  # type: ignore[arg-type]
    assert [[len(a.text) for a in p] for p in parts] == [[10, 50, 20], [40, 30]]  # 80 and 70 characters
    assert extraction.shares(items[:1], 3) == [items[:1]]  # no empty shares


def test_runtime_parsing_batches_cover_every_article_once_in_order_read_when_asked_for():
    from briefing.runtime.shelf import Computed

    items = [str(i) for i in range(70)]
    read: list[int] = []
    parts = extraction.batches(Computed(70, lambda i: read.append(i) or items[i]), 32)
    assert len(parts) == 3 and read == []  # no article is read before its batch is asked for
    assert parts[1] == items[32:64] and read == list(range(32, 64))
    assert [len(p) for p in parts] == [32, 32, 6]
    assert [x for p in parts for x in p] == items


def test_runtime_parsing_ahead_map_keeps_order_and_only_so_many_calls_waiting():
    from concurrent.futures import Future

    from briefing.runtime.parallel import ahead_map

    waiting: list[int] = []
    most = [0]

    def submit(fn, *args):
        future: Future = Future()
        future.set_result(fn(*args))
        waiting.append(1)
        most[0] = max(most[0], len(waiting))
        return future

    def made(n: int):
        for i in range(n):
            yield (i,)

    out = []
    for value in ahead_map(submit, lambda i: i * 10, made(9), ahead=3):
        waiting.pop()
        out.append(value)
    assert out == [i * 10 for i in range(9)] and most[0] == 3


def test_runtime_parsing_dask_cluster_gives_the_facts_of_one_worker(one_worker, cluster):
    extractor = extraction.Extractor(None, None, lambda m: None, dask=cluster.scheduler_address)
    assert facts_of(extractor) == one_worker
    assert extractor.parsed == 5


def test_runtime_parsing_on_dask_writes_the_same_facts_json(cluster, tmp_path):
    runs = {}
    for name, extra in (("here", ["--workers", "1"]), ("dask", ["--dask", cluster.scheduler_address])):
        out = tmp_path / name
        result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(out), "--today",
                                          "2026-01-01", "--format", "json", "--quiet", *extra])
        assert result.exit_code == 0, result.output
        runs[name] = json.loads((out / "facts.json").read_text())
    assert runs["dask"] == runs["here"]


def test_runtime_parsing_unreachable_scheduler_is_one_line_exit_2(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed", reason="the [test] extra installs it")
    from briefing.runtime import dask_cluster as distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(tmp_path / "o"),
                                      "--dask", "tcp://127.0.0.1:9", "--quiet"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the scheduler" in lines[0]


def outputs(tmp_path, workers: str) -> dict[str, bytes]:
    out = tmp_path / workers
    result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(out), "--today",
                                      "2026-01-01", "--quiet", "--workers", workers])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()
            and not p.name.startswith(".")}


def spy(monkeypatch, module, name: str) -> list:
    calls: list = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a: calls.append(a) or real(*a))
    return calls


def test_runtime_parsing_briefs_shared_with_forked_writers_are_byte_identical(tmp_path, monkeypatch):
    from briefing.runtime import parallel

    pools, helpers = spy(monkeypatch, parallel, "pool"), spy(monkeypatch, parallel, "helper")
    one = outputs(tmp_path, "1")
    assert pools == [] and helpers == []
    two = outputs(tmp_path, "2")
    assert [h[0].__name__ for h in helpers] == ["prepare_model"]  # the model process
    assert pools == [(1,)]  # here only the second brief's writer: spaCy ran in the model process
    assert two == one and any(n.endswith(".docx") for n in one) and any(n.endswith(".png") for n in one)


def test_runtime_parsing_without_fork_a_spawned_pool_writes_identical_briefs(tmp_path, monkeypatch):
    from briefing.runtime import parallel, writers

    one = outputs(tmp_path, "1")
    monkeypatch.setattr(parallel, "FORK", False)  # as on Windows and macOS
    monkeypatch.setattr(writers, "PARALLEL_FROM", 1)  # two seed briefs are enough for the pool
    pools = spy(monkeypatch, parallel, "pool")
    assert outputs(tmp_path, "2") == one
    assert pools == [(2,)]  # no model process, no shared parse: only the spawned writers


def test_runtime_parsing_model_process_reads_like_this_process(one_worker):
    from briefing.runtime import parallel

    changed = replace(seeds()[0], text=seeds()[0].text + " The talks ended.")
    alone = extraction.Extractor(None, None, lambda m: None, workers=1)
    with parallel.helper(extraction.prepare_model, None) as process:
        remote = extraction.Extractor(None, None, lambda m: None, workers=2,
                                      model_process=process)
        assert facts_of(remote) == one_worker
        assert codec.dumps(remote.facts(changed)) == codec.dumps(alone.facts(changed))
        assert remote.parsed == len(one_worker) + 1  # the one it had not read, in the process
        remote.close()  # the events are built: nothing will be read again
        with pytest.raises(RuntimeError):  # the model process was told to end
            process.submit(print)


def test_runtime_parsing_never_imports_spacy_here_with_a_model_process(tmp_path):
    import subprocess
    import sys

    code = ("import sys, json\n"
            "from typer.testing import CliRunner\n"
            "from briefing.cli import app\n"
            "r = CliRunner().invoke(app, ['generate', sys.argv[1], '--out', sys.argv[2],\n"
            "    '--today', '2026-01-01', '--quiet', '--workers', sys.argv[3]])\n"
            "print(json.dumps([r.exit_code, 'spacy' in sys.modules]))\n")
    seen = {}
    for workers in ("1", "2"):
        out = tmp_path / workers
        run = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(out), workers],
                             capture_output=True, text=True, check=True)
        seen[workers] = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"1": [0, True], "2": [0, False]}  # two workers: the model process parses
    assert (tmp_path / "1" / "facts.json").read_bytes() == (tmp_path / "2" / "facts.json").read_bytes()


def test_runtime_parsing_many_articles_stream_facts_through_the_cache_with_the_same_briefs(
        tmp_path, monkeypatch):
    """Beyond KEEP_FACTS articles, facts are not kept in memory: each event's are read back
    from the cache when it is built. The briefs are the same."""
    runs = {}
    real = extraction.Extractor.digests
    for name, keep in (("kept", extraction.KEEP_FACTS), ("streamed", 0)):
        monkeypatch.setattr(extraction, "KEEP_FACTS", keep)
        held: list[int] = []

        def digests(self, *args, real=real, held=held, **options):
            out = real(self, *args, **options)
            held.append(len(self.kept))
            return out

        monkeypatch.setattr(extraction.Extractor, "digests", digests)
        out = tmp_path / name
        result = CliRunner().invoke(app, ["generate", str(SEEDS), "--out", str(out), "--workers",
                                          "1", "--today", "2026-01-01", "--format", "md,json"])
        assert result.exit_code == 0, result.output
        runs[name] = (held, {p.name: p.read_bytes() for p in out.glob("*.*")
                              if p.is_file() and not p.name.startswith(".")})
    assert runs["kept"][0] == [len(seeds())] and runs["streamed"][0] == [0]
    assert runs["kept"][1] == runs["streamed"][1] and len(runs["kept"][1]) >= 4
