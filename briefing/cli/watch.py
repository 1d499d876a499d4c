"""`briefing watch`: build, then rebuild whenever an input or template changes.

Changes are debounced (an editor's save burst is one rebuild). A failing build is reported in
one line and the watch goes on; the output folder itself is never watched.
"""

from __future__ import annotations

import glob
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import typer

from briefing.cli.commands import run_generate
from briefing.cli.console import warn
from briefing.cli.settings import Settings
from briefing.types import is_local


def watched(s: Settings) -> list[Path]:
    """Return the existing folders and files to watch: inputs (a glob: its fixed prefix's
    folder), templates and the reference document. Feed URLs and stdin are not watched."""
    paths = []
    for raw in s.inputs:
        if not is_local(raw):
            continue
        fixed = raw.split("*")[0].split("?")[0].split("[")[0] if glob.has_magic(raw) else raw
        path = Path(fixed or ".")
        paths.append(path if path.exists() else path.parent)
    paths += [p for p in (s.templates, s.reference_docx) if p is not None]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def outside(out: Path) -> Callable[[object, str], bool]:
    """Return a watchfiles filter ignoring the output folder and hidden files."""
    root = out.resolve()

    def keep(_change: object, path: str) -> bool:
        p = Path(path).resolve()
        return not (p == root or root in p.parents or p.name.startswith("."))
    return keep


def attempt(rebuild: Callable[[], None], log: Callable[[str], None]) -> bool:
    """Run one build; return whether it succeeded (a failure is logged, never raised)."""
    try:
        rebuild()
        return True
    except typer.Exit as exc:
        if exc.exit_code == 0:
            return True
        log(f"build failed (status {exc.exit_code}); still watching")
    except Exception as exc:  # noqa: BLE001 (a bad input must not end the watch)
        log(f"build failed ({type(exc).__name__}: {exc}); still watching")
    return False


def watch_loop(paths: Sequence[Path], rebuild: Callable[[], None], *, out: Path,
               debounce: int = 1600, max_runs: int | None = None,
               stop: threading.Event | None = None,
               log: Callable[[str], None] = warn) -> int:
    """Build once, then once per debounced burst of changes; returns the number of builds.

    Stops after `max_runs` builds, when `stop` is set, or on Ctrl-C.
    """
    import watchfiles

    runs = 1
    attempt(rebuild, log)
    if max_runs is not None and runs >= max_runs:
        return runs
    for changes in watchfiles.watch(*paths, watch_filter=outside(out), debounce=debounce,
                                    stop_event=stop, raise_interrupt=False):
        log(f"{len(changes)} change(s): {sorted(p for _, p in changes)[0]} ...; rebuilding")
        runs += 1
        attempt(rebuild, log)
        if max_runs is not None and runs >= max_runs:
            break
    return runs


def run_watch(s: Settings, *, debounce: int, max_runs: int | None) -> None:
    """Watch the inputs of `s`; raises typer.Exit(2) when there is nothing to watch."""
    from briefing.cli.console import fail

    paths = watched(s)
    if not paths:
        raise fail("nothing to watch: no local input exists (" + ", ".join(s.inputs) + ")")
    warn(f"watching {', '.join(map(str, paths))}; writing to {s.out}/ (Ctrl-C stops)")
    s = replace(s, keep_model=True)  # loaded once, here, for every rebuild
    watch_loop(paths, lambda: run_generate(s), out=s.out, debounce=debounce, max_runs=max_runs)
