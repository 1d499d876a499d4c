"""Countries the reports leave unsaid: domestic news writes "President X", not "U.S. President X".

Three readings, in order, for a titled person no report gives a country, the most important
person first:

- the title's own: a title official in one country only ("Secretary of State": the US);
- the country whose institutions the reports name without saying whose ("the White House
  said", "the Kremlin", "Downing Street"): the reports are written from there, and its own
  office-holders go without a country word;
- a report names the title with a country but without a name ("the U.S. president is under
  pressure", "the American president's visit").

Either only where no other person of the event holds that title for that country ("the
Russian president" is the Russian one, not the other president), and never for an official of an
international organisation ("NATO Secretary General X" has the organisation, not a country).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefing.knowledge import load
from briefing.knowledge.lexicon import fold, lexicon, title_key
from briefing.types import ArticleFacts, Entity, Participant, PersonMention

WORD = re.compile(r"[\w.'’-]+")
_POSSESSIVE = re.compile(r"['’]s\b")
INSTITUTION_LABELS = frozenset({"ORG", "FAC", "GPE"})


def titled_phrases(text: str | None, *, unnamed: bool = False) -> list[tuple[str, str]]:
    """Return the (country, title key) pairs of "<country> <title>" phrases in `text`
    ("Australian PM" -> ("AU", "prime minister")); with `unnamed`, only those no name
    follows ("the U.S. president said", not "U.S. President Jane Roe")."""
    lex = lexicon()
    words = WORD.findall(_POSSESSIVE.sub("", text or ""))
    out = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            code = lex.country(" ".join(words[i : i + n]))
            if code:
                break
        if not code:
            i += 1
            continue
        rest = words[i + n : i + n + 3]
        for k in range(len(rest), 0, -1):
            if fold(rest[k - 1]) in lex.heads:
                after = words[i + n + k] if i + n + k < len(words) else ""
                if not (unnamed and after[:1].isupper()):
                    out.append((code, title_key(lex.canonical_role(" ".join(rest[:k]), code)
                                                or "")))
                break
        i += n
    return out


@functools.cache
def _office_countries() -> dict[str, frozenset[str | None]]:
    """Return {title key: the countries it is official in} for the offices the knowledge
    files list (None: any country's)."""
    seen: dict[str, set[str | None]] = {}
    for entry in load("titles")["titles"]:
        for written in [entry["canonical"], *entry["written"]]:
            seen.setdefault(title_key(written), set()).update(entry.get("countries") or [None])
    return {k: frozenset(v) for k, v in seen.items()}


def is_office(role: str | None) -> bool:
    """True for an office of government the knowledge files list ("Secretary of State"), as
    against a job ("director")."""
    return bool(role) and title_key(role) in _office_countries()


@functools.cache
def _title_countries() -> dict[str, str]:
    """Return {title key: country} for the titles official in one country only."""
    return {k: next(iter(v)) for k, v in _office_countries().items()
            if len(v) == 1 and None not in v}


def _home(entities: Sequence[Entity]) -> str | None:
    """Return the country whose institutions a report names most ("the White House")."""
    lex = lexicon()
    codes = Counter(lex.org_country(e.text) for e in entities if e.label in INSTITUTION_LABELS)
    codes.pop(None, None)
    return codes.most_common(1)[0][0] if codes else None


def _elsewhere(ms: Sequence[PersonMention]) -> bool:
    """True when a title names an organisation of no known country: an international one
    ("NATO Secretary General X") or one the knowledge files do not place ("the Taliban's
    chief negotiator")."""
    lex = lexicon()
    return any(m.affiliation and not lex.org_country(m.affiliation)
               and not _in_title(m.affiliation, m.role) for m in ms)


@functools.cache
def _seat_pattern() -> str:
    """Return what follows an organisation's name to place it: "in" or a participle of
    rule (cues seat_participles: "-ruled"), then the place's name."""
    participles = "|".join(map(re.escape, load("cues")["seat_participles"]))
    return (rf"(?:\s+in|-(?:{participles}))"
            r"\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)")


def _seat(ms: Sequence[PersonMention], texts: Sequence[str]) -> str | None:
    """Return the country of an organisation's office-holder, where the reports place the
    organisation: "<org> in <country or its place>" or "<org>-run <place>" ("the Front in
    Northland", "Front-ruled Northland"). Only for an office of government held in an
    organisation no knowledge file lists ("the Front's prime minister", not "the Front's
    boss"): it governs where it is, and its ministers are of that country, whatever country the
    reports are written from. None when the reports place it in no country or in several."""
    lex = lexicon()
    offices = _office_countries()
    names = set()
    for m in ms:
        name = re.sub(r"^the ", "", m.affiliation or "", flags=re.I)
        office = title_key(re.sub(re.escape(name) + r"(?:['’]s?)?", "", m.role or "", count=1))
        if (name and office in offices and not lex.listed_org(name)
                and not all(lex.is_title_word(w) for w in WORD.findall(name))):  # "State"
            names.add(name)
    codes: Counter[str] = Counter()
    for name in names:
        for text in texts:
            for m in re.finditer(re.escape(name) + _seat_pattern(), text):
                code = lex.country(m[1]) or lex.country(m[1].split()[0])
                if code:
                    codes[code] += 1
    return next(iter(codes)) if len(codes) == 1 else None


def _in_title(affiliation: str, role: str | None) -> bool:
    """True when the "organisation" is a word of the title itself ("State" of "Secretary of
    State"): no organisation at all."""
    return fold(affiliation) in WORD.findall(fold(role or ""))


@functools.cache
def _no_ministers() -> tuple[frozenset[str], frozenset[str]]:
    data = load("titles")["no_ministers"]
    return frozenset(data["countries"]), frozenset(data["words"])


def holds(code: str, role: str) -> bool:
    """Return False for a title the country's government does not have (a minister of the
    US): a report written from there names a foreign minister without a country."""
    countries, words = _no_ministers()
    return code not in countries or not set(WORD.findall(fold(role))) & words


def fill_countries(people: Sequence[tuple[Participant, Sequence[PersonMention]]],
                   facts: Sequence[ArticleFacts]) -> list[Participant]:
    """Return the participants, each titled one without a country given the country the
    reports imply (see the module), the others unchanged."""
    held = {(p.country, title_key(p.role)) for p, _ in people if p.country and p.role}
    by_id = {f.article.id: f for f in facts}
    unnamed: dict[str, list[tuple[str, str]]] = {}  # read when a person needs them: a
    # report's whole text is scanned for them (most of the time building an event took)
    homes = {f.article.id: _home(f.entities) for f in facts}
    out = []
    for p, ms in people:
        if p.country or not p.role:
            out.append(p)
            continue
        code = _seat(ms, [by_id[a].article.text for a in dict.fromkeys(m.span.article for m in ms)
                      if a in by_id])
        if code or _elsewhere(ms):
            out.append(replace(p, country=code) if code else p)
            continue
        role = title_key(p.role)
        code = _title_countries().get(role)
        if not code:
            reports = [a for a in dict.fromkeys(m.span.article for m in ms) if a in by_id]
            for a in reports:
                if a not in unnamed:
                    unnamed[a] = titled_phrases(by_id[a].article.text, unnamed=True)
            said = Counter(c for a in reports for c, key in unnamed[a]
                           if key == role and (c, role) not in held and holds(c, role))
            home = Counter(homes[a] for a in reports
                           if homes[a] and (homes[a], role) not in held and holds(homes[a], role))
            code = (home or said).most_common(1)[0][0] if said or home else None
        if code:
            held.add((code, role))
        out.append(replace(p, country=code) if code else p)
    return out
