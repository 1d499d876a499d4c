"""Titles written around a name: "U.S. Secretary of State X", "Japan's Foreign Minister X",
"Pentagon spokesperson X", "Secretary of State, X,", "X, the ministry's spokesperson".

Each function reads the tokens next to a name and returns the role as written (country and
organisation words taken out) and the country the words imply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from briefing.extract.sentences import sentence_of, text_of
from briefing.knowledge.lexicon import Lexicon, fold

CONNECTORS = frozenset({"of", "for", "to", "the", "on", "in"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
HYPHENS = frozenset({"-", "‑", "–"})
APPOSITION = re.compile(
    # a conjunction after the comma starts the next item of a list ("X, and the leader, Y")
    r"\s*,\s+(?!(?:and|or|but|nor)\s)(?:(?:the|a|an|its|his|her|their)\s+)?"
    r"(?P<role>[^,;:()“”\"]{2,100}?)"
    r"(?=\s*(?:[,;:()“”\"]|(?<!\.[A-Z])\.\s|\.$|$|\s(?:--|[—–])\s|\s(?:told|said|says|who|which)\b))"
    # a full stop ends it, not the last of an abbreviation's ("head of U.S. Central Command")
)
POSSESSOR = re.compile(r"^(?P<owner>[\w.\- ]+?)(?:['’]s|(?<=s)['’])\s+")  # "the Emirates'"


@dataclass(frozen=True)
class Title:
    start: int  # character offset where the title words begin
    end: int  # and where they end
    role: str | None  # as written, without country or organisation words
    country: str | None
    has_head: bool


def _joining(tok: Token, lex: Lexicon) -> bool:
    """True for a hyphen inside one title word ("Secretary-General", "President-elect"): no
    space on either side, title words on both (not "then-Japanese")."""
    if tok.text not in HYPHENS or not 0 < tok.i < len(tok.doc) - 1:
        return False
    left, right = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return not (tok.whitespace_ or left.whitespace_) and all(
        fold(t.text) in lex.heads or fold(t.text) in lex.title_words for t in (left, right))


def _acceptable(tok: Token, lex: Lexicon) -> bool:
    if tok.text in POSSESSIVE or tok.lower_ in CONNECTORS or _joining(tok, lex):
        return True
    if tok.ent_type_ == "PERSON" and not lex.is_title_word(tok.text):
        return False
    if tok.text[:1].isupper() and (tok.is_alpha or re.fullmatch(r"[A-Z][\w.\-]*", tok.text)):
        return True
    return lex.is_title_word(tok.text) or tok.text in lex.counterpart


def _country_words(words: list[Token], lex: Lexicon) -> tuple[int, int, str | None] | None:
    """Find the first country, demonym or organisation n-gram: (begin, end, code)."""
    for i in range(len(words)):
        if i and words[i - 1].lower_ in ("to", "in"):  # "Ambassador to Japan": a posting
            continue
        for j in range(min(len(words), i + 5), i, -1):
            text = "".join(t.text_with_ws for t in words[i:j]).strip()
            key = fold(re.sub(r"^the ", "", text, flags=re.I))
            if key in lex.places:
                return i, j, lex.places[key]
            if key in lex.orgs or key in lex.ministries:
                return i, j, lex.orgs.get(key)
    return None


def _trim(words: list[Token], lex: Lexicon) -> list[Token]:
    while words and (words[0].lower_ in CONNECTORS or fold(words[0].text) in lex.dropped
                     or words[0].text in POSSESSIVE or words[0].text in lex.counterpart):
        words = words[1:]
    while words and (words[-1].lower_ in CONNECTORS or words[-1].text in POSSESSIVE):
        words = words[:-1]
    return words


def interpret(words: list[Token], lex: Lexicon) -> tuple[str | None, str | None, bool]:
    """Return (role as written, country, whether a title head word is present).

    Country and organisation words are taken out of the role only where they qualify the
    whole title ("U.S. Secretary of State", "Foreign Minister of Japan"); inside a title
    ("Under Secretary of the Department of State") they stay.
    """
    country = None
    words = _trim(words, lex)
    while found := _country_words(words, lex):
        i, j, code = found
        country = code if i == 0 else country or code  # "in the capital, Cuba U.S. President": US
        while j < len(words) and (words[j].text in POSSESSIVE or words[j].text in lex.counterpart):
            j += 1
        if i == 0:
            words = _trim(words[j:], lex)
            continue
        if words[i - 1].lower_ == "of" and j == len(words):
            words = words[: i - 1]
        break
    has_head = any(fold(t.text) in lex.heads for t in words)
    role = "".join(t.text_with_ws for t in words).strip() if has_head else None
    return role, country, has_head


def title_before(doc: Doc, start: int, lex: Lexicon) -> Title | None:
    """Return the title written just before token `start` (None when there is none)."""
    i = start - 1
    comma = i >= 0 and doc[i].text == ","
    i -= comma
    k = i
    while k >= 0 and doc[k].text in lex.honorifics:
        k -= 1
    if k >= 0 and doc[k].lower_ in CONNECTORS - {"the"}:
        return None  # "the king on X's orders": a title of someone else
    sent_start = sentence_of(doc[start]).start
    j = i
    while j >= sent_start and _acceptable(doc[j], lex):
        j -= 1
    words = list(doc[j + 1 : i + 1])
    governed = False  # a preposition before the title
    while words and ((words[0].is_stop or words[0].pos_ in ("ADV", "VERB", "AUX")
                      or words[0].tag_ == "JJR")
                     and not lex.is_title_word(words[0].text)
                     and not lex.country(words[0].text) or words[0].lower_ in CONNECTORS):
        governed = governed or words[0].pos_ == "ADP" and words[0].lower_ not in CONNECTORS
        words = words[1:]  # "Echoing the US Secretary of State X": not the verb
    name = doc[start]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if comma and (governed or j >= 0 and doc[j].pos_ == "ADP") and name.dep_ in (
            "nsubj", "nsubjpass"):
        return None  # "... as US President, X has said": X opens a clause of their own ("led
        # by Japan's Foreign Minister, X": an apposition, X's title)
    words = _own_title(words, doc[start], lex)
    if not words:
        return None
    role, country, has_head = interpret(words, lex)
    if comma and not has_head and words[-1].text not in lex.counterpart:
        return None  # "his Israeli counterpart, X," is an apposition too
    if role is None and country is None:
        return None
    return Title(words[0].idx, words[-1].idx + len(words[-1].text), role, country, has_head)


def _own_title(words: list[Token], first: Token, lex: Lexicon) -> list[Token]:
    """Return the part of the title words that is the name's own: in "spokesman for Russian
    President Vladimir Putin" the name is the object of "for", and "Russian President" is
    his title, "spokesman" someone else's. Each side of the preposition needs a head word of
    its own ("Ambassador to the United Nations Nikki Haley" is hers whole)."""
    root = first
    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head
    if root.dep_ != "pobj":
        return words
    cut = next((n for n, w in enumerate(words) if w.i == root.head.i), None)
    if cut is None or not all(any(fold(w.text) in lex.heads for w in part)
                              for part in (words[:cut], words[cut + 1:])):
        return words  # "NBA Hall of Fame player X": one title, its preposition inside
    if words[cut + 1].lower_ in ("the", "a", "an"):
        return words  # "Counselor to the President X": the office served, not X's title
    return words[cut + 1:]


def _titled_name(tokens: Span, first: int, last: int) -> bool:
    """Return True when the characters first..last are a title and a person's name ("German
    Chancellor Angela Merkel"), no preposition between: a person of his own, not a role
    ("aide to Putin" and "Romney adviser" are roles)."""
    inside = [t for t in tokens if first <= t.idx < last]
    return bool(inside) and inside[-1].ent_type_ == "PERSON" and not any(
        t.pos_ == "ADP" for t in inside)


def title_after(doc: Doc, end: int, lex: Lexicon) -> Title | None:
    """Return the apposition after the name ending at token `end` ("X, the spokesperson,")."""
    if end >= len(doc):
        return None
    sent = sentence_of(doc[end - 1])
    text = text_of(doc)[doc[end - 1].idx + len(doc[end - 1].text) : sent.end_char]
    m = APPOSITION.match(text)
    if not m:
        return None
    role, country = m.group("role").strip(), None
    start = doc[end - 1].idx + len(doc[end - 1].text)
    verbs = [t for t in doc[end:sent.end] if t.idx >= start + m.start("role")
             and t.idx < start + m.end("role") and t.pos_ in ("VERB", "AUX")]
    if verbs:  # "about X, the president insisted ...": a clause, no apposition
        return None
    owner = POSSESSOR.match(role)  # "the ministry's spokesperson"; a plural owner only when
    # a country ("the Emirates' envoy"; in "champion and Mercedes' chairman" a list)
    if owner and (owner[0].rstrip().endswith("s") or lex.country(owner["owner"])):
        country = lex.country(owner.group("owner"))
        role = role[owner.end() :]
    if _titled_name(doc[end:sent.end], start + m.end("role") - len(role), start + m.end("role")):
        return None  # "talks with X, German Chancellor Y, ...": the next person of a list
    words = role.split()
    while words and (lex.country(words[0]) or fold(words[0]) in lex.dropped):
        country = country or lex.country(words[0])
        words = words[1:]
    if not words or len(words) > 12 or not any(fold(w) in lex.heads for w in words):
        return None
    if words[0][:1].isupper() and not lex.is_title_word(words[0]) and len(words) == 1:
        return None
    return Title(start, start + m.end("role"), " ".join(words), country, True)
