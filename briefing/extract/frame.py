"""The event frame: where an article names its own event, and what that wording says of it.

A report names its event with a predicate, a verb ("Obama met Putin", "will meet", "spoke by
phone") or a noun ("the summit", "a phone call", "talks"), often the object of a light verb
("held talks", "canceled a planned meeting"). That predicate's tense and aspect, its
modifiers ("by phone", "face-to-face", "planned", "canceled") and the places and dates
attached to it (its "in"/"at" phrases, its compounds: "the Camp David meeting") say whether
the event took place, is under way, is still to come or was called off, whether it was held
by phone or in person, where and when. A place or a date said in passing, elsewhere in the
sentence (where someone flew from, a war being discussed, when something was said), is not
attached to the predicate and is left out.

Small pure functions over a spaCy `Doc`; the words live in `briefing/knowledge/cues.json`
(`frame`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from briefing.extract.entities import entity_at as entity_of
from briefing.extract.places import place_kind
from briefing.knowledge import load
from briefing.types import TOOK_PLACE, Slot, Timex

LEAD = 6  # the sentences a report states its own event in (more later is background)
LEAD_KIND = 4  # the sentences whose predicate gives the event's kind
CLIMB = 4  # how far up the parse a date or a cue may sit above the predicate
PLACE_LABELS = ("GPE", "LOC", "FAC")
VENUE_PREPOSITIONS = ("in", "at", "inside", "on")
CONTAINERS = ("city", "town", "village", "capital", "resort", "estate", "compound", "retreat",
              "palace", "hotel", "port", "island", "province", "state", "region", "area", "side",
              "part")
INSIDE = ("of", "in", "at", "inside")  # "the city of X", "an estate in X"; not "outside X"
WILL = ("will", "'ll", "shall", "wo")  # the future's own modals
FUTURE_MODALS = (*WILL, "would")  # and the future of the past: "would come at a conference"


@functools.cache
def cues() -> dict:
    return load("cues")["frame"]


@functools.cache
def words(key: str) -> frozenset[str]:
    return frozenset(cues()[key])


@dataclass(frozen=True)
class Mention:
    """One place where an article names its event."""

    word: Token  # the noun or verb that names the event
    anchor: Token  # the verb carrying its tense: itself, or the light verb it is the object of
    sentence: int  # index of its sentence in the document
    status: str | None  # held, under way, scheduled, cancelled or postponed, from its wording
    virtual: bool | None  # True: by phone or video; False: in person; None: not said
    places: tuple[Span, ...]  # the places attached to it, finest first
    dates: tuple[Timex, ...]  # the time expressions attached to it


# --- finding the predicates -------------------------------------------------------------------

def is_call(tok: Token) -> bool:
    """Return True for a noun that names a phone or video call ("a phone call", "the call with X")."""
    lemma = tok.lemma_.lower()
    if lemma in ("teleconference", "videoconference"):
        return True
    if lemma not in ("call", "conversation"):
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & {"phone", "telephone", "video", "conference"}:
        return True
    if lemma == "call" and dated_call(tok):
        return True
    return lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                   for c in tok.children)


def dated_call(tok: Token) -> bool:
    """Return True for a call its own date names ("their Jan. 28 call", "Saturday's call"):
    a conversation that took place, not a call for something ("the Jan. 28 call for
    elections") or to someone's duty."""
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in kids) or any(
            c.dep_ == "acl" and any(a.tag_ == "TO" for a in c.children) for c in kids) or (
            tok.i + 2 < len(tok.doc) and tok.nbor(1).tag_ == "TO"
            and tok.nbor(2).pos_ == "VERB"):
        return False  # "the call for elections", "the call to hold elections"
    return any(c.dep_ in ("compound", "nmod", "poss", "nummod") and c.ent_type_ == "DATE"
               for c in kids)


def called_person(tok: Token) -> bool:
    """Return True for "Obama called Netanyahu" (a phone call), not "called it a failure"."""
    if tok.lemma_.lower() != "call" or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") or c.lower_ in ("for", "on") for c in kids):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in kids)


def talks_with_person(tok: Token) -> bool:
    """Return True for "spoke with the King", "talked to Putin" (not "told reporters")."""
    if tok.lemma_.lower() not in words("talk_verbs") or tok.pos_ != "VERB":
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            for obj in prep.children:
                if obj.lower_ in words("speech_nouns"):
                    return False
                if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in words("talk_partners"):
                    return True
    return False


def process(tok: Token) -> bool:
    """Return True for talks that may be a process, not a meeting: "peace talks", "final status
    negotiations" (a common noun before them names their subject). Held ("will hold security
    talks") or dated ("talks on Wednesday"), they are a meeting after all."""
    return tok.lemma_.lower() in words("process_nouns") and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.ent_type_ == "" for c in tok.children)


def is_predicate(tok: Token) -> bool:
    """Return True when a word names a meeting, call or visit (or talks as a process, whose
    mention counts only when they are called off)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma == "call" or lemma == "conversation":
            return is_call(tok)
        return lemma in words("nouns") or tok.lower_ in words("nouns")
    if tok.pos_ == "VERB":
        if lemma in ("receive", "welcome"):
            return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children)
        return lemma in words("verbs") or called_person(tok) or talks_with_person(tok)
    return False


def earlier_occurrence(tok: Token) -> bool:
    """Return True for a noun naming an earlier meeting of a series ("last year's G20 talks",
    "their previous summit"): background, not the event reported."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for child in tok.children:
        if child.dep_ not in ("poss", "amod", "compound", "nmod", "npadvmod"):
            continue
        if child.lower_ in words("earlier_modifiers"):
            return True
        said = {t.lower_ for t in child.subtree if t.ent_type_ == "DATE"}
        if said & words("earlier_modifiers") and said & {"year", "years"} or "ago" in said:
            return True  # "last year's summit"; "last week's" may be the one reported
    return False


def anchor_of(word: Token) -> Token:
    """Return the verb a noun predicate is the object of when that verb only carries it
    ("held talks", "had a call"), else the word itself."""
    if word.pos_ != "VERB" and word.dep_ in ("dobj", "nsubjpass") and \
            word.head.lemma_.lower() in words("light_verbs"):
        return word.head
    return word


# --- status -------------------------------------------------------------------------------------

def status_verb(tok: Token) -> str | None:
    """Return cancelled or postponed for a verb that calls something off ("cancel", "call off")."""
    lemma = tok.lemma_.lower()
    particle = " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")
    phrase = f"{lemma} {particle}".strip()
    for status, verbs in cues()["status_verbs"].items():
        if phrase in verbs or (lemma in verbs and " " not in lemma and not particle):
            return status
    return None


def hypothetical(verb: Token) -> bool:
    """Return True for a verb that is only threatened, considered or possible ("threatens to
    cancel", "could cancel")."""
    if any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "should")
           for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in (
        "threaten", "consider", "weigh", "mull", "warn", "urge", "suggest", "ask", "want", "tell")


def cue_status(word: Token, anchor: Token) -> str | None:
    """Return cancelled or postponed when the predicate is called off: its own modifier
    ("the canceled meeting"), or a verb above it ("canceled a planned meeting", "the talks
    were postponed", "called off plans to meet")."""
    for child in word.children:
        if child.dep_ in ("amod", "acl", "compound"):
            for status, adjectives in cues()["status_adjectives"].items():
                if child.lower_ in adjectives:
                    return status
    tok = anchor
    for _ in range(CLIMB):
        status = status_verb(tok) if tok is not word else None
        if status:
            return None if hypothetical(tok) else status
        if tok is not word and tok.lemma_.lower() in words("attendance_verbs"):
            return None  # "canceled plans to attend the summit": one guest's, not the event's
        if tok.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "acl", "xcomp", "compound",
                            "conj", "appos") or tok.head.i == tok.i:
            return None
        if tok.dep_ == "prep" and status_verb(tok.head):
            return None  # "after talks, called off its plan": the talks are when, not what
        tok = tok.head
    return None


def verb_tense(verb: Token) -> str | None:
    """Return held, under way or scheduled from a verb's tense and aspect, or None."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in aux}
    if lowers & set(WILL) or any(a.lower_ == "going" for a in aux):
        return "scheduled"
    if verb.lemma_.lower() in words("plan_verbs") and verb.tag_ in ("VBN", "VBZ", "VBP", "JJ"):
        return "scheduled"  # "is set to meet", "was scheduled for Tuesday", "are due"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words("plan_verbs") | {"be"}:
        return "scheduled"  # "expected to meet", "is to meet", "plans to visit"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and lowers & {"has", "have", "had", "was",
                                                               "were", "'s", "'ve"}):
        return "held"
    if verb.tag_ == "VBG" and lowers & {"is", "are", "'s", "'re"}:
        return "under way"
    if verb.tag_ == "VBG" and lowers & {"was", "were"}:
        return "held"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ == "be" \
            and verb.head.tag_ in ("VBZ", "VBP"):
        return "under way"  # "is at the White House, meeting with ..."
    return None


def governing_verb(word: Token) -> Token | None:
    """Return the verb a noun predicate is an argument of ("the summit will open", "met at the
    summit"), or None: a noun deeper in a phrase ("an approach to negotiations") is not
    dated by the sentence's verb."""
    head = word.head
    if word.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if word.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def noun_status(word: Token) -> str | None:
    """Return what a noun predicate's own modifiers and preposition say: "the planned summit"
    and "ahead of the summit" are to come; "after the call" has taken place; "is in talks"
    goes on now."""
    if any(c.dep_ in ("amod", "acl", "compound") and c.lower_ in words("planned_modifiers")
           for c in word.children):
        return "scheduled"
    prep = word.head if word.dep_ == "pobj" else None
    if prep is not None:
        if prep.lower_ in words("past_prepositions"):
            return "held"
        if prep.lower_ in words("future_prepositions") or prep.head.lower_ == "ahead":
            return "scheduled"
        if prep.lower_ == "in" and prep.head.lemma_ == "be" and prep.head.tag_ in ("VBZ", "VBP"):
            return "under way"  # "is in talks with": in the event now
    return None


def mention_status(word: Token, anchor: Token) -> str | None:
    """Return the status the wording of one predicate gives (None when it says none)."""
    cue = cue_status(word, anchor)
    if cue:
        return cue
    if word.pos_ == "VERB":
        return verb_tense(word)
    own = noun_status(word)
    if own:
        return own
    verb = anchor if anchor is not word else governing_verb(word)
    told = verb_tense(verb) if verb is not None else None
    if told:
        return told
    for clause in word.children:  # "the meeting, which took place on ...", "set for Tuesday"
        if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
            told = verb_tense(clause) or ("scheduled" if clause.lemma_.lower() in
                                          words("plan_verbs") else None)
            if told:
                return told
    return None


# --- format -------------------------------------------------------------------------------------

def modifiers_text(word: Token, anchor: Token) -> str:
    """Return the words modifying a predicate (its adverbs, adjectives, compounds and
    prepositional phrases), lowercased."""
    parts = []
    for tok in {word, anchor}:
        for child in tok.children:
            if child.dep_ in ("advmod", "amod", "compound", "nmod", "prep", "npadvmod", "acomp"):
                parts.append(" ".join(t.lower_ for t in child.subtree))
    return " | ".join(parts)


def mention_virtual(word: Token, anchor: Token) -> bool | None:
    """Return True when the predicate is a call or said to be by phone or video, False when
    said to be in person or when it is a visit or meeting with a place, else None."""
    if word.pos_ != "VERB" and is_call(word) or called_person(word):
        return True
    text = modifiers_text(word, anchor)
    if any(re.search(rf"(^|[^a-z]){re.escape(c)}($|[^a-z])", text)
           for c in cues()["in_person_modifiers"]):
        return False
    if any(re.search(rf"(^|[^a-z]){re.escape(c)}($|[^a-z])", text)
           for c in cues()["call_modifiers"]):
        return True
    return None


# --- places -------------------------------------------------------------------------------------

def entity_at(tok: Token) -> Span | None:
    """Return the place entity a token belongs to, looking inside "the city of X", "an estate in
    X" and "the X estate"."""
    if tok.ent_type_ in PLACE_LABELS:
        return entity_of(tok)
    if tok.lemma_.lower() in CONTAINERS:
        for child in tok.children:
            inner = [c for c in child.subtree if c.ent_type_ in PLACE_LABELS]
            if (child.dep_ == "compound" or child.dep_ == "prep" and child.lower_ in INSIDE) \
                    and inner:
                return entity_at(inner[0])
    return None


def venue_object(prep: Token) -> Span | None:
    """Return the place an "in"/"at" phrase names ("at the White House": an organisation name
    after "at" is a venue too)."""
    for obj in prep.children:
        if obj.dep_ != "pobj" or obj.lemma_.lower() in words("nouns"):
            continue  # "at the G7 summit": that summit's own phrases place it
        if prep.lower_ == "on" and obj.lemma_.lower() not in CONTAINERS:
            continue  # "talks on Syria" name a topic; "on the island of X" a place
        place = entity_at(obj)
        if place is None and prep.lower_ == "at" and obj.ent_type_ in ("ORG", "PERSON"):
            place = entity_of(obj)
        if place is not None and not possessive(place):
            return place
    return None


def possessive(ent: Span) -> bool:
    doc = ent.doc
    return ent[-1].tag_ == "POS" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS")


def hyphen_pair(tok: Token) -> bool:
    """Return True for a name in a pair ("US-China summit"): the parties, not the place."""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text in "-–—/") or \
        (tok.i > 0 and doc[tok.i - 1].text in "-–—/")


def happening_clauses(word: Token) -> list[Token]:
    """Return the clauses saying where or when a noun predicate happens ("the meeting, which
    took place in X"; "a meeting with Kim, which took place ...": the clause hangs from the
    last noun of the phrase)."""
    nouns = [word] + [o for p in word.children if p.dep_ == "prep" and p.lower_ in
                      ("with", "between") for o in p.children if o.dep_ == "pobj"]
    return [c for n in nouns for c in n.children if c.dep_ in ("relcl", "acl")
            and c.lemma_.lower() in words("happen_verbs") and c.lemma_ != "be"]


def carriers(word: Token, anchor: Token) -> list[Token]:
    """Return the words whose phrases may place or date the predicate: itself, its light
    verb, and the verbs it is the complement of ("expected to meet", "plans to visit")."""
    out = [word] + ([anchor] if anchor is not word else [])
    if word.dep_ in ("nsubj", "nsubjpass") and word.head.lemma_.lower() in words("happen_verbs"):
        out.append(word.head)  # "the ceremony will take place at the White House"
    out += happening_clauses(word)
    tok = anchor
    while tok.dep_ in ("xcomp", "auxpass") and tok.head.i != tok.i and len(out) < 4:
        tok = tok.head
        out.append(tok)
    return out


def mention_places(word: Token, anchor: Token) -> tuple[Span, ...]:
    """Return the places attached to the predicate: its "in"/"at" phrases (and "to" for a visit
    or a trip), the place it visits, and a place compound of a noun ("the Moscow summit")."""
    found: list[Span] = []
    visit = word.lemma_.lower() in words("journey_nouns")
    for tok in carriers(word, anchor):
        for child in tok.children:
            if child.dep_ == "prep" and (child.lower_ in VENUE_PREPOSITIONS or
                                         (visit and child.lower_ == "to")):
                place = venue_object(child)
                if place is not None:
                    found.append(place)
            elif child.dep_ == "dobj" and visit and tok is word:
                place = entity_at(child)
                if place is not None:
                    found.append(place)
    if word.pos_ in ("NOUN", "PROPN"):
        for child in word.children:
            if child.dep_ in ("compound", "nmod") and child.ent_type_ in PLACE_LABELS \
                    and not hyphen_pair(child):
                place = entity_at(child)
                if place is not None and not re.search(r"[\d-]", place.text):
                    found.append(place)  # not "the G7 summit", "an Asia-Pacific ... summit"
    return tuple(sorted(dict.fromkeys(found), key=place_rank))


def place_rank(ent: Span) -> int:
    """Return how fine a place is: a venue, then a city, a region, a country, an area."""
    if ent.label_ in ("FAC", "ORG", "PERSON"):
        return 0
    if ent.label_ == "LOC":
        return 4
    return {"city": 1, "region": 2, "country": 3}[place_kind(ent.text)]


# --- dates --------------------------------------------------------------------------------------

def attached(doc: Doc, t: Timex, targets: set[int]) -> bool:
    """Return True when a time expression hangs from one of the target words, no verb of
    speaking or calling off in between ("met on Monday", "the meeting set for Tuesday";
    not "said on Monday", "canceled on Thursday a meeting")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    speech = load("cues")["speech_verbs"]
    for _ in range(CLIMB):
        if tok.i in targets:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if span.start <= tok.i < span.end:
            continue
        if tok.i in targets:
            return True
        if tok.lemma_.lower() in speech or status_verb(tok):
            return False
    return False


def mention_dates(doc: Doc, word: Token, anchor: Token, sent: Span,
                  timexes: Sequence[Timex]) -> tuple[Timex, ...]:
    """Return the time expressions of the sentence attached to the predicate."""
    targets = {t.i for t in carriers(word, anchor)}
    targets |= {c.i for c in word.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB"}
    return tuple(t for t in timexes if sent.start_char <= t.start < sent.end_char
                 and attached(doc, t, targets))


# --- the frame ----------------------------------------------------------------------------------

def mentions(doc: Doc, timexes: Sequence[Timex], *, limit: int = LEAD) -> Iterator[Mention]:
    """Yield the event predicates of the first `limit` sentences, in reading order."""
    for i, sent in enumerate(doc.sents):
        if i >= limit:
            return
        for tok in sent:
            if not is_predicate(tok) or earlier_occurrence(tok):
                continue
            anchor = anchor_of(tok)
            dates = () if tok.lemma_.lower() in ("trip", "tour") else \
                mention_dates(doc, tok, anchor, sent, timexes)  # a journey's date is its start
            if process(tok) and anchor is tok and not dates:  # "peace talks": a process
                status = cue_status(tok, anchor)
                if status:
                    yield Mention(tok, anchor, i, status, None, (), ())
            elif not (tok.dep_ == "acl" and tok.head.pos_ == "NOUN"):  # "an invitation to visit"
                yield Mention(tok, anchor, i, mention_status(tok, anchor),
                              mention_virtual(tok, anchor), mention_places(tok, anchor), dates)


# --- what the article says of its event ---------------------------------------------------------

STATUS_WEIGHT = {"cancelled": 2.0, "postponed": 2.0, "held": 1.0, "scheduled": 1.0,
                 "under way": 0.5}  # a progressive often tells a preview ("are meeting Friday")


@dataclass(frozen=True)
class Frame:
    """What one article's own wording of its event says (None where it says nothing)."""

    status: str | None = None
    format: str | None = None  # virtual or in-person, only when the wording says so
    place: str | None = None  # the town or area, else the finest place given
    venue: str | None = None  # a building or site ("the White House"), when one is given
    named: bool = False  # the article's first sentences name the event with a predicate
    slots: tuple[Slot, ...] = ()  # where the expressions hung on its predicates sit: their
    # values, which depend on the anchor, are read later (briefing.extract.dating.frame_values)
    name: str | None = None  # the event's proper name ("NATO summit"), from its predicate
    kind: str | None = None  # summit, call, visit, talks or meeting, from its lead predicate
    setting: str | None = None  # the proper name of the event it is set in ("on the sidelines
    # of the NATO summit": "NATO summit"), which names an event of three countries or more


def weight(m: Mention) -> float:
    """Return how much a predicate speaks for the article: the first sentences most."""
    return 1.0 if m.sentence < 3 else 0.5


def frame_status(found: Sequence[Mention]) -> str | None:
    """Return the status the article's predicates give together (weighted vote)."""
    votes: dict[str, float] = defaultdict(float)
    for m in found:
        if m.status:
            votes[m.status] += weight(m) * STATUS_WEIGHT[m.status]
    return max(votes, key=lambda k: votes[k]) if votes else None


def frame_format(found: Sequence[Mention]) -> str | None:
    """Return virtual when calls outweigh the meetings the article tells, in-person when a
    predicate is said to be in person or face to face, else None."""
    virtual = sum(weight(m) for m in found if m.virtual)
    in_person = sum(weight(m) for m in found if m.virtual is False)
    neutral = sum(weight(m) / 4 for m in found if m.virtual is None
                  and m.word.lemma_.lower() not in words("talk_verbs"))
    if virtual > in_person + neutral:
        return "virtual"
    return "in-person" if in_person else None


def frame_places(found: Sequence[Mention],
                 status: str | None = None) -> tuple[str | None, str | None]:
    """Return the place (town, region or country) and the venue of the article's first placed
    predicate; a town given by a later predicate refines a region or country. A landmark
    ("after their July meeting in Helsinki") is another event: its place is not this one's;
    so is a predicate told in another time than the article's event (see `another_event`)."""
    place = venue = None
    rank = 9
    for m in found:
        for ent in () if relative(m) or another_event(m, status) else m.places:
            r = place_rank(ent)
            if r == 0 and venue is None:
                venue = ent.text
            elif 0 < r < rank and (place is None or m.sentence <= first_placed(found) + 1):
                place, rank = ent.text, r
    return place, venue


def another_event(m: Mention, status: str | None) -> bool:
    """Return True for a predicate that tells another event than the article's: one added
    with "also" ("Mr X also made a surprise trip to Iraq"), or one that looks ahead in an
    article whose event took place ("a drive would come at a London conference in March").
    Its place is not this event's."""
    verb = m.anchor if m.anchor.pos_ in ("VERB", "AUX") else governing_verb(m.word)
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        return True
    if status not in TOOK_PLACE:
        return False
    if m.status == "scheduled":
        return True
    return m.status is None and verb is not None and any(
        c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def first_placed(found: Sequence[Mention]) -> int:
    return min((m.sentence for m in found if m.places), default=0)


def relative(m: Mention) -> bool:
    """Return True for an event named as a landmark ("ahead of his summit with X", "after the
    talks"): its date is that other event's, so it dates the article's event only last."""
    return landmark(m.word)


def landmark(word: Token) -> bool:
    """Return True for a word naming an event as a landmark of another ("after the talks",
    "a few hours before visiting X")."""
    prep = word.head if word.dep_ in ("pobj", "pcomp") else None
    return prep is not None and (prep.lower_ in words("past_prepositions") | words(
        "future_prepositions") or prep.head.lower_ == "ahead")


def sentence_tense(word: Token) -> str | None:
    """Return scheduled when the sentence's main verb looks ahead ("will", "could", "is to"),
    held when it is in the past, else None: what turns a weekday whose own predicate has no
    tense ("not at the meeting in Hamburg Friday")."""
    root = word.sent.root
    if any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "should")
           for c in root.children):
        return "scheduled"
    return verb_tense(root)


def frame_slots(found: Sequence[Mention], status: str | None) -> tuple[Slot, ...]:
    """Return the expressions hung on the predicates, a landmark event's last, each with the
    status that turns a bare weekday: its predicate's tense, else its sentence's, else the
    article's."""
    return tuple(Slot(t.start, t.end, m.status or sentence_tense(m.word) or status)
                 for m in sorted(found, key=relative) for t in m.dates)


NAME_LABELS = ("", "ORG", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")


def hosted(m: Mention) -> bool:
    """Return True for an event named as the setting of another ("on the sidelines of the
    G20 summit", "will meet at the G20 summit"): its name is not the article's event's."""
    prep = m.word.head if m.word.dep_ == "pobj" else None
    if prep is None:
        return False
    if prep.lower_ in ("at", "during", "on", "in") and is_predicate(prep.head):
        return True  # "Obama will meet Putin at the G20 summit"
    return prep.lower_ == "of" and prep.head.lemma_.lower() in words("setting_nouns")


def name_word(tok: Token) -> bool:
    """Return True for a word that may be part of an event's proper name: not a place, a
    person, a day or a party ("Korean"), unless it is a code like "G7" (often tagged a place)."""
    if re.search(r"[A-Z].*\d|\d.*[A-Z]", tok.text):
        return True
    return tok.ent_type_ in NAME_LABELS and tok.tag_ != "POS"


def name_phrase(word: Token) -> Span | None:
    """Return the capitalised words naming a noun predicate: its compounds ("the NATO
    summit"), or the name it stands in apposition to ("the Security Consultative Committee
    ("2+2") meeting", which the parser may read that way)."""
    if word.dep_ == "appos" and word.head.pos_ == "PROPN" and word.head.i < word.i:
        head, end = word.head, word.head.i + 1
    else:
        head, end = word, word.i
    mods = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i]
    tokens = sorted((t for c in mods for t in c.subtree), key=lambda t: t.i)
    if head is not word:
        tokens.append(head)
    while tokens and not (tokens[0].text[:1].isupper() or tokens[0].like_num):
        tokens.pop(0)  # "the virtual U.S.-Japan ...": the name starts at its first capital
    return word.doc[tokens[0].i:end] if tokens else None


def proper_name(word: Token) -> str | None:
    """Return the proper name a noun predicate carries as its modifier ("the NATO summit":
    "NATO summit"; "the US-Japan Security Consultative Committee meeting": the committee's
    name); None for a place ("the Moscow summit", "the US-China summit"), a day, a person, a
    building ("the White House meeting") or a visit or call (named by their principals)."""
    if word.lemma_.lower() not in words("named_nouns") and word.lower_ not in words("named_nouns"):
        return None
    phrase = name_phrase(word)
    if phrase is None:
        return None
    last = phrase[-1]
    if not name_word(last) or last.lower_ in words("venue_words") or \
            not any(t.pos_ == "PROPN" or re.search(r"\d", t.text) for t in phrase):
        return None
    if len(phrase) == 1 and not (phrase[0].is_upper or re.search(r"\d", phrase[0].text)):
        return None  # "Press conference": one capitalised word is no name; "NATO", "G7" are
    if word.lower_ in ("meeting", "session") and any(t.lower_ in words("body_words")
                                                     for t in phrase):
        return phrase.text  # the committee's name names its meetings
    return f"{phrase.text} {word.lower_}"


def frame_name(found: Sequence[Mention]) -> str | None:
    """Return the proper name the article's first named predicates give, or None (not that
    of a landmark or of a setting: "after the G7 summit", "on the sidelines of the G20
    summit")."""
    named = first_named(m for m in found if not relative(m) and not hosted(m))
    return named[0] if named else None


def first_named(found: Iterable[Mention]) -> tuple[str, Token] | None:
    """Return the proper name of the first noun predicate that carries one, and the noun."""
    for m in found:
        if m.word.pos_ != "VERB" and (name := proper_name(m.word)):
            return name, m.word
    return None


def frame_setting(found: Sequence[Mention]) -> str | None:
    """Return the proper name of the first event named as the setting of another ("talks on
    the sidelines of the NATO summit": "NATO summit"), or None."""
    named = first_named(m for m in found if hosted(m))
    if named is None:
        return None
    name, word = named  # "NATO meetings": the setting is one event, named in the singular
    plural = " " + word.lower_
    return name.removesuffix(plural) + " " + word.lemma_.lower() if name.endswith(plural) \
        else name


def mention_kind(m: Mention) -> str:
    """Return the kind of event a predicate names: a phone call ("a phone call", "called X"),
    else the kind whose cue word it is ("summit", "talks", "visited"), else a call when it is
    said to be by phone or video ("spoke with X by phone"), else a meeting."""
    if m.word.pos_ != "VERB" and is_call(m.word) or called_person(m.word):
        return "call"
    said = {m.word.lemma_.lower(), m.word.lower_}
    for kind, cue_words in load("cues")["event_kinds"].items():
        if said & set(cue_words):
            return kind
    return "call" if m.virtual else "meeting"


def frame_kind(found: Sequence[Mention]) -> str | None:
    """Return the kind of the event the lead's own predicate names (not a landmark or a
    setting: "days after the summit"), or None: a report whose lead names no meeting, call,
    visit or talks of its own is of another happening (a launch, a verdict)."""
    lead = [m for m in found if m.sentence < LEAD_KIND and not hosted(m)]
    own = [m for m in lead if not relative(m)] or lead
    return mention_kind(own[0]) if own else None


def read_frame(doc: Doc, timexes: Sequence[Timex]) -> Frame:
    """Return what the article's own wording of its event says: status, format, place, and
    where the dates hung on its predicates sit (`timexes` need only their spans)."""
    found = list(mentions(doc, timexes))
    status = frame_status(found)
    place, venue = frame_places(found, status)
    return Frame(status, frame_format(found), place, venue, bool(found),
                 frame_slots(found, status), frame_name(found), frame_kind(found),
                 frame_setting(found))
