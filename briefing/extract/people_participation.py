"""Does a named person take part in the reported event, or is the person only mentioned?

Read from the dependency parse: subject or object of meet / attend / join / host / represent /
discuss..., "talks with X", "represented by X", the subject of the lead sentence's main verb.
Verbs whose subject is only a source (say, tell) give no participation, unless the clause is
set in the event itself ("X said in a meeting with Y", "the call in which X said"); nor does a
predicate whose tense tells another event than the report's (`of_another_event`). Each
participant keeps where its predicate's own dates start (`own_dates`): the fuse stage tells
another meeting of another day by them. The cue words live in
`briefing/knowledge/titles.json` ("participation", "reporting").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from briefing.extract import frame
from briefing.extract.event import governor
from briefing.knowledge import load, word_set
from briefing.knowledge.lexicon import LEAD_SUBJECT, Lexicon
from briefing.temporal.direction import infinitive
from briefing.types import STATUSES, TOOK_PLACE, PersonMention, Timex

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "pobj", "attr", "oprd"})
PERSONAL = frozenset({"PRON"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "i"})  # who a speaker says "will meet": the speaker


@dataclass(frozen=True)
class Cue:
    participant: bool
    weight: float
    why: str = ""
    frame: int | None = None  # where the predicate that makes it a participant starts


def lead_sentences(doc: Doc, *, count: int = 2) -> list[Span]:
    """Return the first `count` sentences with at least six words (the article's lead)."""
    return [s for s in doc.sents if sum(t.is_alpha for t in s) >= 6][:count]


def _headline_events(title: str | None, nouns: set[str]) -> set[str]:
    """Return the event words of a headline ("Egypt's Premier Visits Gaza": visit)."""
    words = re.findall(r"[a-z]+", (title or "").lower())
    return {w for word in words for w in (word, word[:-1]) if w in nouns}


def main_event_nouns(doc: Doc, lex: Lexicon, title: str | None = None) -> frozenset[str]:
    """Return the lemmas of the event nouns and verbs named in the lead or the headline
    `title` ("talks", "meet")."""
    nouns = (set(load("cues").get("event_nouns", [])) | set(lex.participation["with_nouns"])
             | set(lex.participation["nominal_events"]))
    found = _headline_events(title, nouns)
    for sent in lead_sentences(doc):
        for t in sent:
            lemma = t.lemma_.lower()
            if (lemma in nouns or t.lower_ in nouns) and t.pos_ in ("NOUN", "VERB"):
                found.update({lemma, t.lower_})
    for family in (lex.participation["meeting_family"], lex.participation["visit_family"]):
        if found & family:  # "meet" in the lead and "the meeting" later are the same event
            found |= family
    return frozenset(found)


def phrase_head(tok: Token) -> Token:
    """Climb from a name through coordination and apposition to the phrase's head."""
    while (tok.dep_ in ("conj", "appos", "compound", "flat", "nmod") and tok.head.i != tok.i
           and tok.head.pos_ in ("PROPN", "NOUN")):
        tok = tok.head
    return tok


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _event_object_ok(obj: Token | None, lex: Lexicon, main: frozenset[str]) -> bool:
    """True when a verb's object is the reported event, a person, or missing."""
    if obj is None or obj.pos_ in PERSONAL or obj.ent_type_ == "PERSON":
        return True
    lemma = obj.lemma_.lower()
    if lemma in lex.participation["group_nouns"]:
        return True
    return obj.pos_ != "PROPN" and (lemma in main or obj.lower_ in main)


def _someone(tok: Token, lex: Lexicon) -> bool:
    """True for a person's name or a noun naming an official ("the king", "his counterpart")."""
    lemma = tok.lemma_.lower()
    return (tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" or lemma in lex.heads
            or lemma in lex.participation["group_nouns"])


def _conversation(verb: Token, lex: Lexicon) -> bool:
    """True for "X spoke to / talked with <someone>": a conversation between people."""
    return verb.lemma_.lower() in lex.participation["conversation_verbs"] and any(
        prep.dep_ == "prep" and prep.lower_ in ("to", "with") and _someone(obj, lex)
        for prep in verb.children for obj in prep.children if obj.dep_ == "pobj")


def _holds_meeting(verb: Token, lex: Lexicon) -> bool:
    """True for "hold / have talks with ...": a meeting verb whose object is a meeting noun
    with a with-phrase (the subject meets whom the with-phrase names)."""
    return verb.lemma_.lower() in lex.participation["with_noun_verbs"] and any(
        obj.dep_ == "dobj" and obj.lemma_.lower() in lex.participation["with_nouns"]
        and any(p.dep_ == "prep" and p.lower_ == "with" for p in obj.children)
        for obj in verb.children)


def _cue_verb(verb: Token, lex: Lexicon, main: frozenset[str], depth: int = 0
              ) -> Token | None:
    """Return the predicate of the event that `verb` or a verb it governs names ("is due to
    hold talks": hold; "are among those attending the summit": attending), or None."""
    lemma = verb.lemma_.lower()
    if lemma in lex.reporting or depth > 2 or negated(verb):
        return None
    part = lex.participation
    if _conversation(verb, lex):
        return verb
    if _holds_meeting(verb, lex):  # "X is due to hold talks": whatever the lead says
        return verb
    if lemma in part["verbs"]:
        if lemma not in part["needs_event_object"]:
            return verb
        if _event_object_ok(_object(verb), lex, main):
            return verb
    if lemma == "be":  # "X and Y are among the leaders attending the meeting"
        for group in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
                      for g in c.children if g.dep_ == "pobj"):
            for clause in (c for c in group.subtree if c.dep_ == "acl" and c.pos_ == "VERB"):
                if (found := _cue_verb(clause, lex, main, depth + 1)) is not None:
                    return found
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "conj", "acomp") and child.pos_ in (
                "VERB", "AUX", "ADJ"):
            if child.dep_ == "advcl" and not any(g.lower_ == "to" for g in child.children):
                continue
            if (found := _cue_verb(child, lex, main, depth + 1)) is not None:
                return found
    return None


def _verb_cue(verb: Token, lex: Lexicon, main: frozenset[str]) -> bool:
    return _cue_verb(verb, lex, main) is not None


def _with_cue(prep: Token, lex: Lexicon, main: frozenset[str]) -> bool:
    head = prep.head
    part = lex.participation
    if prep.dep_ == "agent":  # "represented by X"
        return head.lemma_.lower() in part["verbs"]
    if prep.lower_ == "to" and head.pos_ in ("VERB", "AUX"):
        return _conversation(head, lex)
    if prep.lower_ not in ("with", "between", "among", "alongside"):
        return False
    if head.pos_ in ("VERB", "AUX"):
        return _verb_cue(head, lex, main)
    if head.lemma_.lower() in part["with_nouns"] or head.lower_ in part["with_nouns"]:
        # "his talks with X" is that person's own meeting, not the reported event.
        owned = any(c.dep_ == "poss" for c in head.children)
        return not owned and (head.lemma_.lower() in main or head.lower_ in main
                              or _held(head, lex))
    return False


def _held(noun: Token, lex: Lexicon) -> bool:
    """True for a meeting noun that a verb holds ("hold talks", "have a call")."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.participation[
        "with_noun_verbs"]


def _predicate(prep: Token, lex: Lexicon) -> Token:
    """The predicate a with-phrase belongs to: the verb holding the meeting noun it
    follows ("hold talks with X": hold, the subject's predicate too), else its head."""
    head = prep.head
    return head.head if head.pos_ == "NOUN" and _held(head, lex) else head


def _event_clause(verb: Token, lex: Lexicon, main: frozenset[str]) -> Token | None:
    """Return the reported event's noun when the clause tells that event itself: a relative
    clause on the noun ("a phone call in which X said", "talks during which X ..."), or the
    verb's setting, a meeting with someone ("X said in a meeting with his counterpart", "X
    told reporters during talks with Y"); else None. A meeting during a visit the lead names
    is that visit's."""
    part = lex.participation

    def reported(noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and lemma in part["with_nouns"] and (
            lemma in main or lemma in part["meeting_family"]
            and bool(main & set(part["visit_family"])))

    if verb.dep_ == "relcl" and reported(verb.head) and verb.head.lemma_.lower() in main:
        return verb.head
    for prep in (c for c in verb.children if c.dep_ == "prep"
                 and c.lower_ in ("in", "at", "during")):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            if reported(noun) and any(_party(g, lex) for c in noun.children
                                      if c.dep_ == "prep" and c.lower_ == "with"
                                      for g in c.children if g.dep_ == "pobj"):
                return noun
    return None


def _party(word: Token, lex: Lexicon) -> bool:
    """True for a side one meets: a named person or country, or a counterpart ("his
    Egyptian counterpart"); not an audience ("a meeting with reporters")."""
    if word.ent_type_ in ("PERSON", "GPE", "NORP"):
        return True
    return word.lower_ in lex.counterpart or word.lemma_.lower() in lex.heads and \
        word.lemma_.lower() not in word_set("cues", "agenda_onlooker_nouns")


def _nominal_event(base: Token, lex: Lexicon, main: frozenset[str]) -> Token | None:
    """Return the event's noun whose agent `base` is, or None: its possessor ("Mr. X's
    visit") or its "by" phrase ("the trip to the capital by X"), the noun being one the
    lead names (the reported event, not another of the story's meetings)."""
    if base.dep_ == "poss":
        noun = base.head
    elif base.dep_ == "pobj" and base.head.lower_ == "by" and base.head.dep_ == "prep":
        noun = base.head.head
    else:
        return None
    lemma = noun.lemma_.lower()
    part = lex.participation
    if noun.pos_ != "NOUN" or not (lemma in main or noun.lower_ in main):
        return None
    if lemma in part["visit_family"] and main & part["meeting_family"]:
        return None  # talks held "ahead of X's visit": the visit is another event
    return noun if lemma in part["with_nouns"] | part["nominal_events"] else None


def _own_counterparts(verb: Token, lex: Lexicon) -> bool:
    """True when a predicate's other side is only the subject's own unnamed counterparts
    ("will meet with their counterparts"): a meeting of the subject's own, told outside the
    lead, not the reported event. A counterpart the text names ("his counterpart, X") is no
    unnamed one."""
    others = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
        for g in c.children if g.dep_ == "pobj"]
    return bool(others) and all(
        o.lower_ in lex.counterpart and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                            for c in o.children)
        and not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in o.children)
        for o in others)


def at_gathering(predicate: Token, lex: Lexicon) -> bool:
    """Return True for a meeting predicate held at a gathering: "on the sidelines of" (or
    "at", "during") a summit, conference, meeting or session ("X had talks with Y on the
    sidelines of the NATO summit"). Whoever it brings together is at that gathering, even
    where no report counts them in it (the fuse stage asks whether the event is one)."""
    part = lex.participation
    holders = [predicate, *(c for c in predicate.children
                            if c.dep_ == "dobj" and c.pos_ == "NOUN")]  # "had talks ... on"
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if prep.lower_ == "on" and obj.lemma_.lower() in part["sideline_nouns"]:
                obj = next((g for of in obj.children if of.dep_ == "prep" and of.lower_ == "of"
                            for g in of.children if g.dep_ == "pobj"), obj)
            elif prep.lower_ not in ("at", "during"):
                continue
            if obj.lemma_.lower() in part["gathering_nouns"]:
                return True
    return False


def negated(verb: Token) -> bool:
    """True for a verb said not to happen ("will not attend", "did not meet")."""
    return any(child.dep_ == "neg" for child in verb.children)


def _own_words(verb: Token, lex: Lexicon, main: frozenset[str]) -> Token | None:
    """Return the event's predicate a speaker says they take part in ("X said he will sign
    the deal": sign), or None: the clause a reporting verb introduces, whose subject is a
    singular personal pronoun, which stands for the speaker."""
    if verb.lemma_.lower() not in lex.reporting:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.lower_ in SPEAKER_PRONOUNS:
            return _cue_verb(clause, lex, main)
    return None


def _main_verb(verb: Token, lex: Lexicon) -> bool:
    """True for the sentence's main verb (or the clause a reporting verb introduces); a
    reporting verb itself is none, even joined to the main verb ("..., and X said")."""
    if verb.lemma_.lower() in lex.reporting:
        return False
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ROOT":
        return verb.lemma_.lower() not in lex.reporting
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and (
        verb.head.lemma_.lower() in lex.reporting)


def participation(name: Span, lex: Lexicon, main: frozenset[str], lead: list[Span],
                  *, quoted: bool = False) -> Cue:
    """Return whether the named person takes part in the event, and how central the mention is.

    A name inside a quotation is a source's words, not the report's telling: it is never the
    lead's subject (a predicate of the event still makes it a participant)."""
    base = phrase_head(name.root)
    in_lead = any(s.start <= name.start < s.end for s in lead)
    weight = 1.0 + 0.5 * in_lead
    verb = base.head
    if base.dep_ in SUBJECTS or (base.dep_ == "npadvmod" and base.i < verb.i):
        if in_lead and not quoted and _main_verb(verb, lex) and not negated(verb):
            return Cue(True, LEAD_SUBJECT, "lead subject",
                       (_cue_verb(verb, lex, main) or verb).idx)
        if (cue := _cue_verb(verb, lex, main)) is not None:
            if not in_lead and _own_counterparts(cue, lex):
                return Cue(False, weight)  # "X and Y will meet their counterparts": their own
            return Cue(True, weight + 1.0, f"subject of {cue.lemma_}", cue.idx)
        if (cue := _own_words(verb, lex, main)) is not None:  # "X said he will meet Y"
            return Cue(True, weight + 1.0, f"speaker of {cue.lemma_}", cue.idx)
        if (noun := _event_clause(verb, lex, main)) is not None:  # "the call in which X
            # said ...", "X said in a meeting with Y"
            return Cue(True, weight + 1.0, f"subject in the {noun.lemma_}", noun.idx)
        return Cue(False, weight + 0.25 * (verb.lemma_.lower() not in lex.reporting))
    if (noun := _nominal_event(base, lex, main)) is not None:  # "X's visit", "a trip by X"
        return Cue(True, weight + 1.0, f"{noun.lemma_} of", noun.idx)
    if base.dep_ == "dobj" and verb.lemma_.lower() in lex.participation["verbs"]:
        return Cue(True, weight + 1.0, f"object of {verb.lemma_}", verb.idx)
    if base.dep_ == "pobj" and _with_cue(verb, lex, main):
        return Cue(True, weight + 1.0, f"{verb.lower_} {verb.head.lemma_}",
                   _predicate(verb, lex).idx)
    return Cue(False, weight)


def aimed(verb: Token) -> bool:
    """Return True for a predicate in a noun's "to" clause ("his desire to meet X", "a plan to
    visit Y") or in the purpose clause of a past verb ("X left for Riyadh to meet the King"):
    wished or aimed at, so still ahead of what the report tells."""
    return infinitive(verb) and (verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
                                 or verb.dep_ == "advcl" and verb.head.tag_ == "VBD")


def of_another_event(doc: Doc, people: Sequence[PersonMention], status: str | None
                     ) -> tuple[PersonMention, ...]:
    """Return the people, those whose tie to the event is a predicate of another event made
    mentioned, not taking part: a predicate whose tense says it took place when the report's
    event (of `status`) has not, or the other way ("Moon and Kim met on Saturday ... to keep
    the planned summit with Trump on track": Trump is an argument of the planned summit). A
    progressive tells either ("X is meeting Y on Thursday" may be ahead), so it contradicts
    neither; a wish or aim ("his will to hold the summit with X") is ahead."""
    if status not in STATUSES or not any(m.participant and m.frame is not None for m in people):
        return tuple(people)
    at = {t.idx: t for t in doc}  # a predicate by where it starts (PersonMention.frame)
    out = []
    for m in people:
        word = at.get(m.frame) if m.participant and m.frame is not None else None
        if word is not None and not frame.is_predicate(word):  # "hold the summit": summit
            word = next((c for c in word.children if c.dep_ == "dobj" and frame.is_predicate(c)
                         and frame.anchor_of(c).i == word.i), None)
        if word is not None:
            anchor = frame.anchor_of(word)
            said = "scheduled" if aimed(anchor) else frame.mention_status(word, anchor)
            if said in STATUSES and "under way" not in (said, status) \
                    and (said in TOOK_PLACE) != (status in TOOK_PLACE):
                m = replace(m, participant=False, frame=None)
        out.append(m)
    return tuple(out)


def own_dates(doc: Doc, people: Sequence[PersonMention], timexes: Sequence[Timex]
              ) -> tuple[PersonMention, ...]:
    """Return the people, each participant with where the dates its event predicate is given
    start (`PersonMention.frame_dates`: "met B in Paris on Tuesday night", "a summit next
    month between A and C"): the fuse stage tells another meeting by them. Offsets, not
    values: what an undated article's dates resolve to is read once its date is known."""
    own: dict[int, list[int]] = {}  # a predicate by where it starts: its dates' starts
    for t in timexes:
        word = governor(doc, t) if t.type in ("DATE", "TIME") else None
        if word is not None:
            own.setdefault(word.idx, []).append(t.start)
    return tuple(replace(m, frame_dates=tuple(own[m.frame]))
                 if m.participant and m.frame in own else m for m in people)
