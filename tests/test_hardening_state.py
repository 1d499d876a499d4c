"""The output folder's own state, damaged or edited by hand: one warning, then a rebuild.

Manifest, written record, key stamps, feed state, extraction cache and the previous
facts.json: nothing unexpected in them raises, and no user file is ever removed.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from briefing.store import checked, feed_state, history, manifest, stamps
from briefing.store.facts_cache import FactsCache
from briefing.store.previous import previous_events
from tests.test_store import facts

DEEP = b"[" * 100_000 + b"]" * 100_000


def _manifest(**fields) -> bytes:
    good = {"tool": "t", "options": {}, "inputs": {}, "templates": {}, "written": []}
    return json.dumps({**good, **fields}).encode()


@pytest.mark.parametrize("data", [
    _manifest(written=5), _manifest(written=None), _manifest(written=[["a"]]),
    _manifest(written=["a\0b"]), _manifest(inputs=["x"]), _manifest(tool=3),
    b'{"written": []}', b"[]", b"\xff\xfe not json", b'{"tool": ' + DEEP + b"}",
    b'{"tool": "t", "options": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001,
], ids=["written-number", "written-null", "written-nested", "written-nul", "inputs-list",
        "tool-number", "missing-fields", "a-list", "binary", "deep-list", "deep-object"])
def test_hardening_state_bad_manifest_is_one_warning_and_a_rebuild(tmp_path, data):
    (tmp_path / manifest.NAME).write_bytes(data)
    warnings: list[str] = []
    current = {"tool": "t", "options": {}, "inputs": {}, "templates": {}}
    assert manifest.up_to_date(tmp_path, current, warn=warnings.append) is False
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{tmp_path / manifest.NAME}: the manifest is unreadable (")
    assert warnings[0].endswith("it is rebuilt by this run")


def test_hardening_state_good_manifest_is_read_without_warning(tmp_path):
    out = tmp_path
    (out / "a.md").write_text("brief")
    current = {"tool": "t", "options": {"mode": "full"}, "inputs": {"x": "h"}, "templates": {}}
    manifest.write(out, current, [str(out / "a.md")])
    assert manifest.up_to_date(out, current, warn=pytest.fail) is True


def test_hardening_state_depth_check_skips_brackets_inside_strings():
    assert not checked.too_deep(json.dumps({"a": "[" * 1000}).encode())
    assert checked.too_deep(b"[" * 65 + b"]" * 65)
    assert not checked.too_deep(b"[" * 64 + b"]" * 64)


@pytest.mark.parametrize("record", [
    b"\xff\xfe\x00", b"../outside.md\n", b"sub/a.md\n", b"a\0.md\n", b"\n\n", b"/etc/passwd\n",
], ids=["binary", "parent", "subfolder", "nul", "blank-lines", "absolute"])
def test_hardening_state_bad_written_record_removes_nothing(tmp_path, record):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.md").write_text("a user's own file")
    (tmp_path / "outside.md").write_text("outside")
    (out / stamps.WRITTEN).parent.mkdir(parents=True)
    (out / stamps.WRITTEN).write_bytes(record + b"mine.md\n")
    warnings: list[str] = []
    assert stamps.retire(out, [], warn=warnings.append) == []
    assert len(warnings) == 1 and "the record of written files" in warnings[0]
    assert (out / "mine.md").exists() and (tmp_path / "outside.md").exists()
    assert (out / stamps.WRITTEN).read_bytes() == b""  # rewritten: the next run is clean
    assert stamps.retire(out, [], warn=pytest.fail) == []


def test_hardening_state_damaged_key_stamp_only_remakes_the_file(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"docx")
    stamps.stamp(tmp_path, path, "k1")
    assert stamps.kept(tmp_path, path, "k1")
    (tmp_path / stamps.KEYS / "a.docx.key").write_bytes(b"\xff\xfe\x00garbage")
    assert not stamps.kept(tmp_path, path, "k1")
    (tmp_path / stamps.KEYS / "a.docx.key").unlink()
    (tmp_path / stamps.KEYS / "a.docx.key").mkdir()  # a folder where the stamp should be
    assert not stamps.kept(tmp_path, path, "k1")


@pytest.mark.parametrize("data", [DEEP, b'{"format": 1, "urls": ' + DEEP + b"}",
                                  b'{"format": 1, "tool": "x", "urls": [], "items": {}}'],
                         ids=["deep", "deep-urls", "urls-list"])
def test_hardening_state_feed_state_nested_deep_is_one_warning(tmp_path, data):
    path = tmp_path / feed_state.NAME
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    warnings: list[str] = []
    state = feed_state.load(path, warn=warnings.append)
    assert state.urls == {} and state.items == {}
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}: the feed state is unreadable")


def _filled_cache(path, n: int = 400) -> None:
    cache = FactsCache(path, salt="v1", warn=pytest.fail)
    for i in range(n):
        cache.put(facts(f"Ministers met on day {i}. " * 20))
    cache.close()


def test_hardening_state_cache_damaged_inside_its_pages_is_rebuilt_once(tmp_path):
    path = tmp_path / "c.sqlite"
    _filled_cache(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # header intact, pages garbled
        data[start:start + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    warnings: list[str] = []
    cache = FactsCache(path, salt="v1", warn=warnings.append)
    for i in range(400):
        cache.get(facts(f"Ministers met on day {i}. " * 20).article)
    cache.put(facts("Ministers met."))
    cache.close()
    assert len(warnings) == 1 and "cache is corrupt" in warnings[0] and "rebuilding" in warnings[0]
    again = FactsCache(path, salt="v1", warn=pytest.fail)  # saved: the next run reads it
    assert again.get(facts("Ministers met.").article) == facts("Ministers met.")
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_hardening_state_cache_unreadable_entries_are_one_warning(tmp_path):
    path = tmp_path / "c.sqlite"
    _filled_cache(path, 5)
    db = sqlite3.connect(path)
    db.execute("UPDATE facts SET facts = ?", ('{"article": [1, 2]}',))
    db.commit()
    db.close()
    warnings: list[str] = []
    cache = FactsCache(path, salt="v1", warn=warnings.append)
    assert all(cache.get(facts(f"Ministers met on day {i}. " * 20).article) is None
               for i in range(5))
    cache.close()
    assert len(warnings) == 1 and "unreadable cache entry" in warnings[0]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM facts").fetchone() == (0,)


@pytest.mark.parametrize("data", [
    DEEP, b'{"events": [{"id": "e", "participants": [{"name": ["a"]}]}]}',
    b'{"events": [{"id": "e", "agenda": [{"text": {"a": 1}}]}]}', b"\x00\x01",
], ids=["deep", "name-list", "agenda-object", "binary"])
def test_hardening_state_previous_facts_of_a_wrong_shape_is_no_history(tmp_path, data):
    (tmp_path / "facts.json").write_bytes(data)
    assert previous_events(tmp_path / "facts.json").by_id == {}
    folder = tmp_path / history.FOLDER / "20260101T000000.000000"
    folder.mkdir(parents=True)
    (folder / "facts.json").write_bytes(data)
    previous = history.previous_facts(tmp_path)
    assert previous is None or isinstance(previous, dict)
