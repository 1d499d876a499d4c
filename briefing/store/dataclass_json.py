"""Frozen dataclasses to JSON and back, for the extraction cache.

JSON rather than pickle: a cache file can be read and checked by hand, loading it never runs
code (a tampered `out/.cache` cannot execute anything), and it does not depend on the Python
version. The rebuild follows the dataclasses' type hints, so it needs no per-class code; a
changed schema is caught by the cache key (it includes the tool's code fingerprint).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from typing import Any


def dumps(value: Any) -> str:
    """Return `value` (a dataclass) as compact JSON; dates become ISO strings."""
    return json.dumps(dataclasses.asdict(value), default=_default, separators=(",", ":"))


def loads(cls: type, text: str) -> Any:
    """Return an instance of dataclass `cls` from `dumps` output; raises ValueError if malformed."""
    try:
        return build(cls, json.loads(text))
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"cannot rebuild {cls.__name__}: {exc}") from exc


def _default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def build(hint: Any, data: Any) -> Any:
    """Return `data` (decoded JSON) converted to the type `hint` describes."""
    if data is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = _hints(hint)
        return hint(**{k: build(hints[k], v) for k, v in data.items()})
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in typing.get_args(hint) if a is not type(None)]
        return build(real[0], data)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(build(item, v) for v in data)
    if hint is dt.date:
        return dt.date.fromisoformat(data)
    return data
