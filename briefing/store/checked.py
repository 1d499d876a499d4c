"""Reading the output folder's own state files as untrusted input.

A state file (the manifest, the written record, the feed state) may have been edited or
damaged by hand. Every reader here returns None for anything unexpected, after one warning
that names the file and says it is rebuilt; it never raises. Decoding is bounded: JSON nested
deeper than MAX_DEPTH is refused before it is parsed (Python's parser would recurse).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_DEPTH = 64  # the deepest nesting a state file may have (ours need 4)
_BRACKETS = re.compile(rb"[\[\]{}]|\"(?:[^\"\\]|\\.)*\"")


class BadState(ValueError):
    """A state file does not have the shape its reader expects; the message says where."""


def too_deep(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """Return True when the JSON `data` nests brackets deeper than `limit` (strings skipped)."""
    depth = 0
    for match in _BRACKETS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def load_json(path: Path) -> Any:
    """Return the decoded JSON at `path`; raises OSError when it cannot be read, BadState
    when it is not JSON or nests too deep."""
    data = path.read_bytes()
    if too_deep(data):
        raise BadState(f"nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as err:
        raise BadState(f"not valid JSON ({err})") from err


def read_state(path: Path, check: Callable[[Any], Any], *, warn: Callable[[str], None],
               what: str) -> Any | None:
    """Return `check(json at path)`, or None: silently when the file does not exist, after one
    warning when it is unreadable, not JSON, or `check` raises BadState, TypeError, KeyError
    or AttributeError (a wrong shape). `what` names the state in the warning."""
    if not path.exists():
        return None
    try:
        return check(load_json(path))
    except OSError as err:
        why = err.strerror or str(err)
    except KeyError as err:
        why = f"no field {err}"
    except (BadState, TypeError, AttributeError, ValueError) as err:
        why = str(err) or type(err).__name__
    warn(f"{path}: the {what} is unreadable ({why}); it is rebuilt by this run")
    return None


def expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    """Return `value` when it is a `kind`; raises BadState naming `where` otherwise."""
    if not isinstance(value, kind):
        raise BadState(f"{where} must be {_name(kind)}, found {type(value).__name__}")
    return value


def strings(value: Any, where: str) -> list[str]:
    """Return `value` when it is a list of strings; raises BadState otherwise."""
    return [expect(v, str, f"{where}[{n}]") for n, v in enumerate(expect(value, list, where))]


def string_map(value: Any, where: str) -> dict[str, str]:
    """Return `value` when it maps strings to strings; raises BadState otherwise."""
    return {k: expect(v, str, f"{where}[{k!r}]") for k, v in expect(value, dict, where).items()}


def _name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({dict: "an object", list: "a list", str: "a string"}.get(k, k.__name__)
                       for k in kinds)
