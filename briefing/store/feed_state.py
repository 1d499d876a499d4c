"""The feed poll state of the output folder, `out/.cache/feeds.json` (see briefing.ingest.poll).

One JSON file written atomically at the end of a run, holding what that run used. Reading it
checks every field: an unreadable, corrupt or hand-edited file is one warning and an empty
state (every feed and item is fetched again, and the file is rewritten). A change to ingest's
code drops the kept articles, since they would now be read differently.
"""

from __future__ import annotations

import base64
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.ingest.poll import PollState
from briefing.ingest.source import Input
from briefing.store import dataclass_json
from briefing.store.atomic import write_atomic
from briefing.store.checked import load_json
from briefing.store.manifest import tool_fingerprint
from briefing.types import Article

NAME = Path(".cache") / "feeds.json"  # under the output folder
FORMAT = 1
READERS = ("ingest", "knowledge", "types.py")  # the code a kept article was read with
KEPT_FIELDS = ("stem", "suffix", "url", "content_type", "etag", "last_modified")


def salt() -> str:
    """Return the fingerprint of the code kept articles were read with."""
    return tool_fingerprint(READERS)


def load(path: Path, *, warn: Callable[[str], None], code: str | None = None) -> PollState:
    """Return the state kept at `path` (empty when there is none or it is unreadable, with a
    warning for the latter); `code` is the fingerprint kept articles must carry (default:
    `salt()`)."""
    if not path.exists():
        return PollState()
    try:
        raw = load_json(path)  # refuses deep nesting (BadState, a ValueError)
        if raw.get("format") != FORMAT:
            raise ValueError(f"format {raw.get('format')!r}, expected {FORMAT}")
        urls = {url: _input(url, r) for url, r in raw["urls"].items()}
        items = {}
        if raw["tool"] == (code if code is not None else salt()):
            items = {link: (_str(r["feed"]), _typed(dataclass_json.build(Article, r["article"])))
                     for link, r in raw["items"].items()}
        return PollState(urls, items)
    except (OSError, AttributeError, KeyError, TypeError, ValueError) as err:
        warn(f"{path}: the feed state is unreadable ({type(err).__name__}: {err}); "
             "starting afresh (every feed and item is fetched again), it is rewritten "
             "at the end of this run")
        return PollState()


def save(state: PollState, path: Path, *, warn: Callable[[str], None],
         code: str | None = None) -> None:
    """Write what this run used, atomically; warns (never raises) when it cannot."""
    used_urls, used_items = state.used()
    urls = {u: _input_json(i) for u, i in used_urls.items()}
    items = {link: {"feed": feed, "article": json.loads(dataclass_json.dumps(article))}
             for link, (feed, article) in used_items.items()}
    if not urls and not items and not path.exists():
        return
    data = {"format": FORMAT, "tool": code if code is not None else salt(), "urls": urls,
            "items": items}
    try:
        write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False).encode())
    except OSError as err:
        warn(f"{path}: cannot save the feed state ({err.strerror or err}); the next run may "
             "fetch feed items again")


def _input_json(item: Input) -> dict[str, Any]:
    kept = {k: getattr(item, k) for k in KEPT_FIELDS}
    return {**kept, "body": base64.b64encode(item.data).decode("ascii")}


def _input(url: str, raw: dict[str, Any]) -> Input:
    """Return the kept Input of `url`; raises ValueError, KeyError or TypeError when malformed."""
    data = base64.b64decode(_str(raw["body"]), validate=True)
    return _typed(Input(name=url, data=data, **{k: raw[k] for k in KEPT_FIELDS}))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type(value).__name__}")
    return value


T = typing.TypeVar("T")


def _typed(value: T) -> T:
    """Return the dataclass `value` when every field has the type its hint says; raises TypeError
    (a hand-edited file must not put a number where the pipeline expects text)."""
    for name, hint in typing.get_type_hints(type(value)).items():
        if not _fits(getattr(value, name), hint):
            raise TypeError(f"{type(value).__name__}.{name} is not {hint}")
    return value


def _fits(value: Any, hint: Any) -> bool:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if origin is tuple:
        return isinstance(value, tuple) and all(_fits(v, args[0]) for v in value)
    return isinstance(value, hint)
