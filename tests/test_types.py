"""The values stages hand each other: the event's kinds, formats and statuses are closed sets."""

from __future__ import annotations

from briefing.knowledge import load
from briefing.types import KINDS


def test_types_kinds_are_the_knowledge_event_kinds_and_other():
    """The Kind literal names exactly the kinds the extractor's cue data can give."""
    assert set(load("cues")["event_kinds"]) | {"other"} == set(KINDS)
