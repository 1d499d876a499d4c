"""Cleaning a story body: white space, paragraphs and boilerplate.

White space is normalised without changing the words: line endings unified, no-break and other
Unicode spaces become plain spaces, runs of spaces collapse, paragraphs are separated by one
blank line. Curly quotes stay as written (the later stages read both kinds). What counts as
boilerplate is listed in `briefing/knowledge/boilerplate.json`.
"""

from __future__ import annotations

import functools
import re

from briefing.knowledge import load

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A soft hyphen some sites' copy carries as "¬" (its bytes read in another code page): inside a
# word it is never the logic sign ("a refu¬gee agreement").
_BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])\u00ac(?=[^\W\d_])")
# Control characters (C0 but tab and line ends, DEL, C1), non-characters and lone surrogates:
# XML cannot carry them, spaCy cannot hash a lone surrogate, and no story needs them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of `text`, white space normalised, hard-wrapped lines re-joined."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", _CONTROL.sub("", text)))
    text = _BROKEN_HYPHEN.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
        elif joinable and line[0].islower():
            out[-1] += " " + line  # a wrapped line: the sentence goes on
        else:
            out.append(line)
            joinable = True
        if line and _SENTENCE_END.search(line):
            joinable = False
    return out


def one_line(text: str | None) -> str | None:
    """Return `text` as one line without control characters, or None when nothing is left."""
    if text is None:
        return None
    return " ".join(_CONTROL.sub("", text).split()) or None


def remove_boilerplate(paras: list[str]) -> list[str]:
    """Return `paras` without boilerplate lines, inline widget text, editors' initials and bios."""
    kept = [_inline(p) for p in paras if not is_boilerplate_line(p)]
    kept = [_strip_initials(p) for p in kept if p]
    while kept and is_bio(kept[-1]):
        kept.pop()
    return [p for p in kept if p]


def strip_leading(text: str) -> str:
    """Return `text` without a leading label such as "Photo" before the story starts."""
    for pattern in _compiled("leading_markers"):
        text = pattern.sub("", text, count=1)
    return text


def is_boilerplate_line(line: str) -> bool:
    """True when `line` is a short line that starts with a boilerplate marker (Read more: ...)."""
    if len(line) > load("boilerplate")["line_max_chars"]:
        return False
    return any(p.match(line) for p in _compiled("line_markers"))


def is_bio(paragraph: str) -> bool:
    """True for an author bio made of short self-descriptive fragments ("Coffee snob. Lifelong reader.")."""
    rules = load("boilerplate")["bio"]
    fragments = [f for f in re.split(r"[.!?]+\s*", paragraph.strip(" \"“”'‘’")) if f.strip()]
    if len(fragments) < rules["min_fragments"] or re.search(r"\d", paragraph):
        return False
    if any(len(f.split()) > rules["max_words"] for f in fragments):
        return False
    words = set(rules["words"])
    biographic = sum(1 for f in fragments if words & set(re.split(r"[\s-]+", f.lower())))
    return biographic / len(fragments) >= rules["min_share"]


def _inline(paragraph: str) -> str:
    for pattern in _compiled("inline_markers"):
        paragraph = pattern.sub("", paragraph)
    return paragraph.strip()


def _strip_initials(paragraph: str) -> str:
    return re.sub(load("boilerplate")["editor_initials"], "", paragraph).strip()


@functools.cache
def _compiled(key: str) -> tuple[re.Pattern[str], ...]:
    flags = re.IGNORECASE if key == "line_markers" else 0
    anchor = r"\A" if key != "inline_markers" else ""
    return tuple(re.compile(anchor + p, flags) for p in load("boilerplate")[key])
