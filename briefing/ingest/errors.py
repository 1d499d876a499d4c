"""The two ways reading can fail: a usage error (stop) or one bad input (warn and skip)."""

from __future__ import annotations


class IngestError(Exception):
    """An input cannot be used at all (a path that does not exist); the run should stop."""


class Skipped(Exception):
    """One input could not be read as an article; the message says why, the run goes on."""
