"""What to call an event: the name a person would write, built from the fused facts.

A multilateral event with a proper name the reports give its predicate ("the NATO summit")
is called by it, with its town: "NATO summit, Newport". Else its principals (the leading
participants of different countries), its kind and its place: "Obama–Putin meeting in Los
Cabos", "Trump–Turnbull phone call", "Obama's visit to Havana". Never a report's headline,
but for news no report tells as a meeting, call or visit, and for an occasion of which no
party and no place is known (its kind alone, "Talks", would name nothing).
Pure functions over plain values; `what` and `where` are the two halves the bottom line
reuses.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from briefing.extract.places import place_kind
from briefing.fuse.items import abbreviates
from briefing.knowledge import load, word_set
from briefing.knowledge.lexicon import fold
from briefing.types import Participant

KIND_WORDS = {"summit": "summit", "call": "phone call", "visit": "visit", "talks": "talks",
              "meeting": "meeting", "other": "meeting"}
MULTILATERAL = 3  # countries among the leading participants that make an event multilateral
LEADING = 4  # the participants that count as leading


@functools.cache
def venue_words() -> frozenset[str]:
    return frozenset(load("cues")["frame"]["venue_words"])


def styled_name(p: Participant) -> str | None:
    """Return a one-word name with the title English writes before it ("King Salman", "Pope
    Francis"), or None when the name is longer or its title is not written so."""
    if len(p.name.split()) > 1 or not p.role or p.body:
        return None
    if fold(p.role) not in word_set("titles", "styled_titles"):
        return None
    return f"{p.role[:1].upper()}{p.role[1:]} {p.name}"


def short_name(p: Participant) -> str:
    """Return the name reports use alone: an organisation's initials when reports give them
    ("GM"), a body's name whole, without its article; the surname ("Obama"); the family
    name written first when reports use it alone ("Xi" for Xi Jinping) or the person's
    country writes it first ("Liu" for Liu He, "Kim" for Kim Jong Un); the whole name when it
    is the surname a longer alias puts after a given name ("Peña Nieto" of "Enrique Peña
    Nieto"); a one-word name with a title written before it ("King Salman", "Pope Francis")."""
    words = p.name.split()
    if len(words) < 2:
        return styled_name(p) or p.name
    initials = next((a for a in p.aliases if abbreviates(a, p.name)), None)
    if initials or words[0].lower() == "the":
        return initials or " ".join(words[1:])  # "GM" for General Motors; "the X Council": a body
    if p.body or group(p.name):
        return p.name  # "Wells Fargo", "Chinese officials": no surname
    if re.fullmatch(r"[IVX]+", words[-1]):
        return " ".join(words[-2:])  # "Abdullah II": a regnal number is no surname
    if len(words) == 2 and any(fold(a).endswith(" " + fold(p.name)) for a in p.aliases):
        return p.name
    alone = set(p.aliases)  # the one-word aliases are the names used alone
    if words[-1] not in alone and (words[0] in alone or p.country in family_first()):
        return words[0]
    return words[-1]


def capital(text: str) -> str:
    """Return `text` with its first character upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]


@functools.cache
def name_particles() -> frozenset[str]:
    """Return the lowercase words a person's name may hold ("bin", "de", "van")."""
    names = load("nicknames")
    return frozenset(names["patronymic_particles"]) | frozenset(names["name_particles"])


def group(name: str) -> bool:
    """Return True for a group's name, not a person's: a common word in it ("Chinese
    officials", "Representatives from China"), beside the lowercase particles of a name."""
    return any(w.islower() and w not in name_particles() for w in name.split()[1:])


def possessive(p: Participant) -> str:
    """Return the participant's short name as an owner: "Obama's", "Chinese officials'"."""
    name = short_name(p)
    return f"{name}'" if group(name) and name.endswith("s") else f"{name}'s"


@functools.cache
def family_first() -> frozenset[str]:
    """Return the countries (alpha-2) whose names English news writes family name first."""
    return frozenset(load("cues")["family_name_first"])


def principals(people: Sequence[Participant], most: int = 2, *,
               occasion: bool = True) -> list[Participant]:
    """Return the leading participants, one per country (the first of each), at most `most`,
    in the order given. At an occasion (a meeting, call, visit, talks, summit) a participant
    of no known country is taken only when too few are of one: a minister named without his
    country is often of a principal's side. Other news keeps its first actors, countries
    known or not."""
    order = list(people)
    out: list[Participant] = []
    for p in order:
        if len(out) < most and (p.country or not occasion) and \
                not any(q.country and q.country == p.country for q in out):
            out.append(p)
    if occasion:  # too few of known countries: those of none fill in, in order
        out += [p for p in order if not p.country][: most - len(out)]
    return sorted(out, key=order.index)


def multilateral(people: Sequence[Participant]) -> bool:
    return len({p.country for p in people[:LEADING] if p.country}) >= MULTILATERAL


def town(location: str | None) -> str | None:
    """Return the town of "the White House, Washington" (the part after the venue)."""
    return location.rsplit(", ", 1)[-1] if location else None


def is_venue(place: str) -> bool:
    """Return True for a building or site ("the White House", "Camp David"): one is "at" it."""
    return bool(set(re.findall(r"[a-z]+", place.lower())) & venue_words())


def where(location: str | None, *, named: bool = False) -> str:
    """Return the place part of a title: " in Los Cabos", " at the White House" or ", Newport"
    after a proper name ("" when there is no place)."""
    place = town(location)
    if not place:
        return ""
    if is_venue(place):
        return f" at {place}"
    return f", {place}" if named else f" in {place}"


def parties(name: str) -> bool:
    """Return True for a name made of the parties' countries ("North Korea-United States
    summit"): the principals name such an event, not a proper name."""
    head = name.rsplit(" ", 1)[0]
    parts = [p.strip() for p in re.split(r"[-–/]", head) if p.strip()]
    return len(parts) > 1 and all(place_kind(p) == "country" or p.lower() in countries()
                                  for p in parts)


@functools.cache
def countries() -> frozenset[str]:
    """Return the country names and demonyms of briefing/knowledge/demonyms.json, lowercased."""
    found = load("demonyms")["countries"].values()
    return frozenset(n.lower() for c in found for n in (*c["names"], *c["demonyms"]))


PLACE_TAIL = re.compile(r"(?:,| in| at) (?:the )?[A-Z][^–]*$")


def without_place(title: str) -> str:
    """Return a title without the place `event_title` puts after it ("Obama–Putin meeting in
    Los Cabos": "Obama–Putin meeting"): the name one series of meetings shares."""
    return PLACE_TAIL.sub("", title) or title


def voted_name(names: Sequence[str], people: Sequence[Participant], *,
               setting: bool = False) -> str | None:
    """Return the proper name most reports give (the shorter of two as common) when it names
    this event: an event of three countries or more ("NATO summit"), or a standing body's
    meeting ("Security Consultative Committee"); a bilateral meeting at a summit is not the
    summit, and a name made of the principals' names ("Trump-Kim summit") is no proper name.
    With `setting`, the names are of the event the reports set theirs in ("on the sidelines of
    the NATO summit"): they name it only when three countries or more take part."""
    surnames = {short_name(p).lower() for p in people}
    body = frozenset(load("cues")["frame"]["body_words"])
    fine = [n for n in names if not set(re.findall(r"[\w']+", n.lower())) & surnames
            and not parties(n)
            and (multilateral(people) if setting else
                 not people or multilateral(people) or set(n.lower().split()) & body)]
    if not fine:
        return None
    counts = Counter(fine)
    return min(counts, key=lambda n: (-counts[n], len(n)))


def kind_word(kind: str, virtual: bool) -> str:
    """Return the noun for the event's kind: a call held in person is a meeting."""
    if kind == "call" and not virtual:
        return "meeting"
    return KIND_WORDS.get(kind, "meeting")


def what(name: str | None, kind: str, people: Sequence[Participant],
         location: str | None, virtual: bool = False) -> str:
    """Return the title's first half: "NATO summit", "Obama–Putin meeting", "Obama's visit
    to Havana", "Trump's phone call", "Obama's summit" (one known party), or the kind alone
    ("Summit")."""
    if name:
        return name
    word = kind_word(kind, virtual)
    leads = principals(people, occasion=kind != "other")
    if len(leads) > 1:
        return capital("–".join(short_name(p) for p in leads)) + (
            " meeting" if word == "visit" else f" {word}")
    place = town(location)
    if leads and kind == "visit" and place and not is_venue(place):
        return capital(f"{possessive(leads[0])} visit to {place}")
    if leads:  # the one party known: "Trump's phone call", "Obama's summit at Camp David"
        return capital(f"{possessive(leads[0])} {word}")  # "Prime minister's meeting"
    return word.capitalize()


def event_title(name: str | None, kind: str, people: Sequence[Participant],
                location: str | None, virtual: bool, story: str | None = None) -> str:
    """Return the event's title (see the module docstring); a call has no place. News that
    no report tells as a meeting, call or visit (a crash, a vote) is called by its `story`,
    a report's headline: principals and a kind would call it a meeting. So is an occasion
    with neither a party nor a place known: its kind alone ("Talks") names nothing."""
    if kind == "other" and not name and story:
        return story
    head = what(name, kind, people, location, virtual)
    if story and not location and head == kind_word(kind, virtual).capitalize():
        return story
    if virtual or " visit to " in head:
        return head
    return head + where(location, named=bool(name))
