"""parallel.helper: one process forked early that prepares, then runs what it is given."""

from __future__ import annotations

import os
import time

import pytest

from briefing.runtime import parallel

pytestmark = pytest.mark.skipif(not parallel.FORK, reason="the helper needs fork")


def prepared(marker: str) -> None:
    with open(marker, "w") as handle:
        handle.write(str(os.getpid()))


def slow(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_runtime_parallel_helper_prepares_then_runs_tasks_in_another_process(tmp_path):
    marker = tmp_path / "prepared"
    with parallel.helper(prepared, str(marker)) as helper:
        assert helper is not None
        pids = list(helper.map(slow, [0, 0]))
    assert len(set(pids)) == 1 and pids[0] != os.getpid()
    assert marker.read_text() == str(pids[0])  # prepared by the process that ran the tasks


def test_runtime_parallel_helper_drops_work_not_started_when_the_block_ends():
    with parallel.helper(slow, 0.2) as helper:
        futures = [helper.submit(slow, 0.5) for _ in range(4)]
        time.sleep(0.05)
    assert sum(f.cancelled() for f in futures) >= 2  # the rest had not reached the process


def ended(pid: int) -> bool:
    """True when `pid` is gone or a zombie (dead, not yet reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc (Linux)")
def test_runtime_parallel_helper_ends_when_its_run_is_killed():
    import signal
    import subprocess
    import sys

    code = ("import os, time\n"
            "from briefing.runtime import parallel\n"
            "with parallel.helper(time.sleep, 0) as helper:\n"
            "    print(helper.submit(os.getpid).result(), flush=True)\n"
            "    time.sleep(60)\n")
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(run.stdout.readline())
    assert not ended(worker)
    run.kill()  # as a scheduler's timeout would
    run.wait()
    for _ in range(100):  # the kernel signals it at once; allow it a moment to die
        if ended(worker):
            break
        time.sleep(0.05)
    try:
        assert ended(worker)
    finally:
        if not ended(worker):
            os.kill(worker, signal.SIGKILL)
