"""Safe writes: one writer for every output file."""

from __future__ import annotations

import pytest

from briefing.store.atomic import write_atomic


def test_store_atomic_write_atomic_replaces_whole_and_readable(tmp_path):
    target = tmp_path / "sub" / "brief.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]


def test_store_atomic_write_atomic_failure_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "facts.json"
    target.write_bytes(b"previous")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing.store.atomic.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]
