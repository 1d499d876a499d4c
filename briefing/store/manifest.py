"""Is the brief up to date? A manifest of everything the outputs were made from.

`out/.briefing-manifest.json` records the content hash of every input file, of the templates
and the reference document, the options, and a fingerprint of briefing's own code. A run whose
state matches, with every output still in place, has nothing to do. Standard library only, so
the check costs about as much as `briefing --version` (spaCy is never imported here).

Input expansion is deliberately broader than ingest's (every non-hidden file under a folder,
whatever its type): an extra file can only cause a needless rebuild, never a missed one.
Feed URLs and standard input cannot be checked without reading them: they always rebuild (the
extraction cache keeps that cheap).
"""

from __future__ import annotations

import functools
import glob
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.store.checked import BadState, expect, read_state, string_map, strings
from briefing.types import is_local

NAME = ".briefing-manifest.json"
PACKAGE = Path(__file__).resolve().parent.parent  # briefing/


def _quiet(message: str) -> None:
    """Say nothing (the default warning sink)."""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hash_files(paths: Iterable[Path]) -> dict[str, str]:
    """Return {path: sha256} for the given files (a vanished file hashes as "missing")."""
    out = {}
    for path in sorted(set(paths)):
        try:
            out[str(path)] = digest(path)
        except OSError:
            out[str(path)] = "missing"
    return out


def visible_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts)]


def input_files(inputs: Sequence[str]) -> list[Path] | None:
    """Return the files the inputs name, or None when one cannot be checked (URL, stdin)."""
    files: list[Path] = []
    for raw in inputs:
        if not is_local(raw):
            return None
        path = Path(raw)
        if path.is_dir():
            files += visible_files(path)
        elif path.exists():
            files.append(path)
        else:
            files += [Path(p) for p in glob.glob(raw, recursive=True) if Path(p).is_file()]
    return files


# What extraction results depend on: editing compose or render does not invalidate the cache,
# nor does runtime/parsing.py, which only chooses where the parse runs (every engine gives the
# same facts: test_runtime_parsing).
EXTRACTION = ("ingest", "extract", "temporal", "knowledge", "runtime/nlp.py", "types.py",
              "store/dataclass_json.py", "__init__.py")


@functools.cache
def tool_fingerprint(parts: tuple[str, ...] | None = None) -> str:
    """Return the version plus a hash of briefing's code and data (of `parts` of the package
    when given), so that any edit to the code invalidates what it produced."""
    roots = [PACKAGE / p for p in parts] if parts else [PACKAGE]
    files = sorted(p for r in roots for p in ([r] if r.is_file() else r.rglob("*"))
                   if p.suffix in (".py", ".json", ".toml", ".txt"))
    h = hashlib.sha256(__version__.encode())
    for path in files:
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def template_files(templates: Path | None, reference: Path | None) -> list[Path]:
    """Return the templates and reference document in use: the user's, then the built-in ones."""
    from importlib import resources

    builtin = Path(str(resources.files("briefing.templates")))
    files = visible_files(builtin) + (visible_files(templates) if templates else [])
    return files + ([reference] if reference else [])


def state(inputs: Sequence[str], options: Mapping[str, Any], templates: Path | None,
          reference: Path | None) -> dict[str, Any] | None:
    """Return what a run would be made from, or None when the inputs cannot be checked."""
    files = input_files(inputs)
    if files is None:
        return None
    return {"tool": tool_fingerprint(), "options": dict(options), "inputs": hash_files(files),
            "templates": hash_files(template_files(templates, reference))}


def read(out: Path, *, warn: Callable[[str], None] = _quiet) -> dict[str, Any] | None:
    """Return the manifest in `out`, or None when there is none or it is not one this tool
    wrote (after one warning through `warn`: the run rebuilds and rewrites it)."""
    return read_state(out / NAME, _checked, warn=warn, what="manifest")


def _checked(data: Any) -> dict[str, Any]:
    """Return the manifest `data` when every field has the shape `write` gives it; raises
    BadState otherwise."""
    expect(data, dict, "the manifest")
    for key in ("inputs", "templates"):
        string_map(data[key], key)
    expect(data["tool"], str, "tool")
    expect(data["options"], dict, "options")
    if any("\0" in p for p in strings(data["written"], "written")):
        raise BadState("written holds a NUL character")
    return data


def up_to_date(out: Path, current: Mapping[str, Any] | None, *,
               warn: Callable[[str], None] = _quiet) -> bool:
    """Return True when the last run used exactly `current` and its outputs are all there."""
    previous = read(out, warn=warn) if current is not None else None
    if current is None or previous is None:
        return False
    same = all(previous.get(k) == v for k, v in current.items())
    return same and all(Path(p).is_file() for p in previous["written"])


def write(out: Path, current: Mapping[str, Any], written: Sequence[str]) -> None:
    """Record a finished run (atomically)."""
    from briefing.store.atomic import write_atomic

    data = {**current, "written": list(written)}
    write_atomic(out / NAME, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))


def forget(out: Path) -> None:
    """Remove the manifest before writing, so a run killed half-way is redone next time."""
    (out / NAME).unlink(missing_ok=True)
