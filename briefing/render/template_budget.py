"""A time and size budget for user templates (`--templates`), on top of Jinja's sandbox.

The sandbox keeps a template from reaching Python's internals, but not from running long or
building a huge string. Here:
- a deadline (SECONDS) is checked on every line the template's code runs (a trace function
  that looks only at the template's own frames), so loops, nested loops and recursive macros
  stop, whatever they do;
- sizes are checked where a template can make something big in one step: `*`, `**` and `+`
  on strings, lists and numbers, the size arguments of filters and string methods, what a
  call returns, what a `namespace` holds, and the whole output (CHARS).
A template over budget raises BudgetExceeded, which `markdown.render` reports with the
template's name and line.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.runtime import Namespace
from jinja2.sandbox import ImmutableSandboxedEnvironment

SECONDS = 10.0  # one brief renders in milliseconds; a template still running after this stops
CHARS = 20_000_000  # the most characters a rendered brief, or any value in it, may have
_POWER_BITS = 100_000  # the largest number `**` may make, in bits


class BudgetExceeded(RuntimeError):
    """A template ran past its time budget or built something past its size budget."""


def _sized(value: Any) -> Any:
    """Return `value`; raises BudgetExceeded when it is a string or list over CHARS."""
    if isinstance(value, str | bytes | list | tuple) and len(value) > CHARS:
        raise BudgetExceeded(f"it built a value of {len(value):,} items, more than the "
                             f"{CHARS:,} allowed")
    return value


def _no_huge_sizes(args: tuple, kwargs: dict) -> None:
    """Raise BudgetExceeded when a size argument (an int) is over CHARS."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and abs(value) > CHARS:
            raise BudgetExceeded(f"a size of {value:,} was asked for, more than {CHARS:,}")


def _binop_size(operator: str, left: Any, right: Any) -> None:
    """Raise BudgetExceeded when `left operator right` would be too big to build."""
    sequences = (str, bytes, list, tuple)
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, sequences) and isinstance(times, int):
                _sized_count(len(seq) * max(times, 0))
    elif operator == "+" and isinstance(left, sequences) and isinstance(right, sequences):
        _sized_count(len(left) + len(right))
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        if abs(left) > 1 and right > 0 and right * abs(left).bit_length() > _POWER_BITS:
            raise BudgetExceeded(f"{left} ** {right} is larger than a template may compute")


def _sized_count(count: int) -> None:
    if count > CHARS:
        raise BudgetExceeded(f"it would build a value of {count:,} items, more than the "
                             f"{CHARS:,} allowed")


class BoundedNamespace(Namespace):
    """Jinja's `namespace()`, refusing values over the size budget."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, _sized(value))


def _filter(function: Callable) -> Callable:
    """Return `function` (a filter) refusing size arguments over budget and results over it."""
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _no_huge_sizes(args[2 if getattr(function, "jinja_pass_arg", None) else 1:], kwargs)
        return _sized(function(*args, **kwargs))
    return guarded


class BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with size checks on operators, calls, filters and namespaces."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _filter(f) for name, f in self.filters.items()}
        self.globals["namespace"] = BoundedNamespace

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _binop_size(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        if isinstance(getattr(__obj, "__self__", None), str | bytes | list | tuple):
            _no_huge_sizes(args, kwargs)  # "x".center(10**9), "x".zfill(...)
        return _sized(super().call(__context, __obj, *args, **kwargs))


@contextlib.contextmanager
def deadline(env: BudgetedEnvironment, seconds: float | None = None) -> Iterator[None]:
    """Run the block with a deadline (default SECONDS) on the code of `env`'s templates: past
    it, the line the template is on raises BudgetExceeded. Only this thread is traced; the
    tracer in place before is put back afterwards."""
    seconds = SECONDS if seconds is None else seconds
    end = time.monotonic() + seconds

    def line(frame: Any, event: str, arg: Any) -> Any:
        if time.monotonic() > end:
            raise BudgetExceeded(f"it ran for more than {seconds:g} seconds")
        return line

    def calls(frame: Any, event: str, arg: Any) -> Any:
        return line if frame.f_globals.get("environment") is env else None

    before = sys.gettrace()
    sys.settrace(calls)
    try:
        yield
    finally:
        sys.settrace(before)


def render_within(env: BudgetedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Return template `name` rendered with `context`, within the time and output budget;
    raises BudgetExceeded past either (TemplateError and the rest as Jinja raises them)."""
    parts, size = [], 0
    with deadline(env):
        for part in env.get_template(name).generate(**context):
            size += len(part)
            if size > CHARS:
                raise BudgetExceeded(f"its output passed {CHARS:,} characters")
            parts.append(part)
    return "".join(parts)
