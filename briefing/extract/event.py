"""What one article says about the event it reports: when, where, in what format, what kind.

Small pure functions over a spaCy `Doc` and the article's resolved time expressions. The
cue words live in `briefing/knowledge/cues.json`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from briefing.extract.dating import LONGEST_EVENT, by_span, main_values
from briefing.extract.frame import earlier_occurrence, landmark, read_frame
from briefing.extract.sentences import quoted, sentence_of, text_of
from briefing.knowledge import load, word_set
from briefing.types import Slot, Timex

LEAD = 3  # the first sentences, where news states its main event
HEADLINE_WORDS = 3  # words a sentence shares with the headline to retell it
TOP = 3  # how many of the best event sentences name the event's place and name
NICKNAME = re.compile(r"[“‘\"']([^“”‘’\"'\s]{1,15}(?: [^“”‘’\"'\s]{1,15})?)[”’\"']")


Sentences = tuple[tuple[Slot, ...], ...]  # per sentence, its time expressions with their roles


@dataclass(frozen=True)
class EventCues:
    """What an article says of its event; its dates are read later, once its time expressions
    are resolved (`frame_slots` and `pools` say where they sit: see briefing.extract.dating)."""

    place: str | None  # where the best event sentences put the event
    format: str | None
    kind: str | None
    name: str | None = None  # a proper name of the event ("Nordic Energy Council")
    nickname: str | None = None  # a short quoted label ("3+3")
    lead_place: str | None = None  # where the lead puts what it tells (see ArticleFacts)
    status: str | None = None  # held, under way, scheduled, cancelled, postponed
    venue: str | None = None  # a building or site ("the White House")
    frame_format: str | None = None  # the format the event's own predicate gives
    frame_slots: tuple[Slot, ...] = ()  # the expressions hung on the event's own predicates
    pools: tuple[Sentences, Sentences, Sentences] = ((), (), ())  # lead, headline, event
    setting: str | None = None  # the proper name of the event it is set in (Frame.setting)
    days: tuple[Slot, ...] = ()  # days the event's Nth day names (`day_slots`)
    length: int | None = None  # its days, as "the two-day summit" tells them


def event_score(sent: Span) -> int:
    """Return how strongly a sentence speaks of the reported event (0 when not at all)."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return 2 * len(lemmas & word_set("cues", "event_nouns")) + len(lemmas & word_set("cues", "event_verbs"))


def event_sentences(doc: Doc, *, limit: int = 6) -> list[Span]:
    """Return the sentences that speak of the event, best first (lead sentences favoured)."""
    scored = []
    for i, sent in enumerate(doc.sents):
        score = event_score(sent)
        if score:
            scored.append((score + max(0, LEAD - i), -i, sent))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [s for _, _, s in scored[:limit]]


def timexes_in(sent: Span, timexes: Sequence[Timex]) -> list[Timex]:
    """Return the time expressions inside a sentence, in text order."""
    return [t for t in timexes if sent.start_char <= t.start < sent.end_char]


def governor(doc: Doc, t: Timex) -> Token | None:
    """Return the word a time expression dates: the first noun or verb above it, or None."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    word = span.root
    while word.head.i != word.i:
        word = word.head
        if word.pos_ in ("VERB", "AUX", "NOUN") and not span.start <= word.i < span.end:
            return word
    return None


def date_role(doc: Doc, t: Timex) -> str:
    """Return what an expression dates: "speech" when a statement ("officials said on
    Friday"), "background" when a relative clause ("Smith, who won on Tuesday, ..."), else
    "event". A date on a noun dates that noun ("a call with donors on Saturday", "the bombing
    late Thursday"), even inside what someone said."""
    word = governor(doc, t)
    if word is None or word.pos_ == "NOUN":
        return "event"
    if word.lemma_.lower() in word_set("cues", "speech_verbs"):
        return "speech"
    return "background" if word.dep_ == "relcl" else "event"


def sentence_slots(doc: Doc, sent: Span, timexes: Sequence[Timex]) -> tuple[Slot, ...]:
    """Return the sentence's time expressions, each with what it dates (`date_role`)."""
    return tuple(Slot(t.start, t.end, date_role(doc, t)) for t in timexes_in(sent, timexes))


def content_words(text: str) -> set[str]:
    """Return the lowercased words of a text that are neither stop words nor numbers."""
    return {w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOP_WORDS}


def headline_sentences(doc: Doc, headline: str | None) -> list[Span]:
    """Return the sentences that retell the headline (HEADLINE_WORDS of its words or more),
    closest retelling first: the headline names the news, so they speak of the news event."""
    words = content_words(headline or "")
    scored = []
    for i, sent in enumerate(doc.sents):
        shared = len(words & ({t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}))
        if shared >= HEADLINE_WORDS:
            scored.append((-shared, i, sent))
    return [sent for *_, sent in sorted(scored, key=lambda x: x[:2])]


def date_pools(doc: Doc, timexes: Sequence[Timex], sents: Sequence[Span], *,
               headline: str | None) -> tuple[Sentences, Sentences, Sentences]:
    """Return where the event's date is looked for: the lead, the sentences retelling the
    headline (closest first), the event sentences (best first), each sentence as its time
    expressions with their roles (see briefing.extract.dating.main_values)."""
    def slots(pool: Sequence[Span]) -> Sentences:
        return tuple(sentence_slots(doc, s, timexes) for s in pool)
    return (slots(list(doc.sents)[:LEAD]), slots(headline_sentences(doc, headline)),
            slots(sents))


def main_date(doc: Doc, timexes: Sequence[Timex], sents: Sequence[Span] | None = None, *,
              headline: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """Return the event's date and every event date of the event sentences (see
    briefing.extract.dating.main_values: news states its main event and its date first)."""
    sents = event_sentences(doc) if sents is None else sents
    lead, retold, event = date_pools(doc, timexes, sents, headline=headline)
    return main_values({"lead": lead, "headline": retold, "event": event}, by_span(timexes))


def main_place(sents: Sequence[Span]) -> str | None:
    """Return the first place the sentences say something happens in ("in Geneva", "at the
    White House"). Not "to": "had travelled to Seoul" is a journey, not where the event is.
    Not an owner either: in "at Mr Smith's home" the model may tag "Mr Smith's" a place. Not
    inside a quotation: a speaker's words say where something is for them, not the event. Nor a
    modifier of the preposition's object ("shares in UK banking group X": whose, not where).
    Nor an event's name the model tags a place ("at the Trump-Kim Summit in Singapore": its
    own "in" places it), nor a word the model tags one that no capital shows a name."""
    for sent in sents:
        for ent in sent.ents:
            if (ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 and not possessive(ent)
                    and not quoted(ent) and any(c.isupper() for c in ent.text)  # not "n't"
                    and ent[-1].lower_ not in word_set("cues", "event_nouns")):
                prep = sent.doc[ent.start - 1]
                if modifies_object(ent, prep):
                    continue  # "shares in UK banking group X": a modifier of the object
                if prep.lower_ in word_set("cues", "place_prepositions") \
                        and not earlier_occurrence(prep.head) and not landmark(prep.head):
                    return ent.text
    return None


def modifies_object(ent: Span, prep: Token) -> bool:
    """Return True when the entity modifies a common noun that is the preposition's object
    ("in UK banking group X": whose group, not where); not when it starts a name that is
    ("in Mazar-i-Sharif", which the model may tag as "Mazar" alone)."""
    tok = ent.root
    while tok.head.i != prep.i and tok.dep_ in ("compound", "nmod", "amod", "poss") \
            and tok.head.i != tok.i:
        tok = tok.head
    return tok.i != ent.root.i and tok.head.i == prep.i and tok.pos_ == "NOUN"


def possessive(ent: Span) -> bool:
    """Return True when an entity ends in, holds or is followed by a possessive 's ("Obama’s
    last": a person's, tagged a place)."""
    doc = ent.doc
    return ent[-1].tag_ == "POS" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS") \
        or any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") for t in ent)


def count_cues(text: str, cues: Sequence[str]) -> int:
    """Return how many times any of the cue phrases occurs in text (whole words, any case)."""
    return sum(len(re.findall(rf"\b{re.escape(c)}\b", text, re.I)) for c in cues)


def meeting_format(doc: Doc, place: str | None) -> str | None:
    """Return in-person, virtual or None from the article's wording."""
    cues = load("cues")
    virtual = count_cues(text_of(doc), cues["virtual_cues"])
    in_person = count_cues(text_of(doc), cues["in_person_cues"])
    if virtual > in_person:
        return "virtual"
    if in_person or place:
        return "in-person"
    return None


def capitalised_names(sent: Span, heads: set[str]) -> list[str]:
    """Return runs of capitalised words ending in a head word ("Nordic-Baltic Energy ...
    Council"): event names the statistical model often leaves untagged."""
    names, run = [], []
    for tok in sent:
        if tok.text[:1].isupper() or (run and tok.text in ("-", ".", "&")):
            run.append(tok)
            if tok.lower_ in heads and len(run) > 1:
                names.append(sent.doc[run[0].i : tok.i + 1].text)
        else:
            run = []
    return names


def event_name(doc: Doc) -> str | None:
    """Return the longest proper name of an event ("... Committee") in the event sentences of
    the article's first half (the event a report is about is named early; later is context).
    """
    heads = word_set("cues", "event_name_words")
    half = len(text_of(doc)) / 2
    for sent in doc.sents:
        if sent.start_char > half:
            break
        if event_score(sent):
            names = capitalised_names(sent, heads)
            if names:
                return re.sub(r"^(the|on|in)\s+", "", max(names, key=len), flags=re.I)
    return None


def nickname(sents: Sequence[Span]) -> str | None:
    """Return a short quoted label put before an event noun (the “3+3” talks), or None."""
    nouns = word_set("cues", "event_nouns")
    for sent in sents:
        for match in NICKNAME.finditer(sent.text):
            following = sent.text[match.end():].lstrip(" )").split(" ", 1)[0].lower()
            if following.strip(".,;") in nouns:
                return match.group(1)
    return None


def event_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in word_set("cues", "event_nouns")


def definite(noun: Token) -> bool:
    """Return True for a noun that points at a known thing: "the summit", "his visit", not "a
    two-day summit" (some other one)."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this"))
               for c in noun.children)


def event_length(doc: Doc) -> int | None:
    """Return how many days a definite event noun says its event lasts ("the two-day
    summit": 2), the longest such, or None."""
    numbers = load("temporal")["numbers"]
    counts = (int(n.text) if n.text.isdigit() else numbers.get(n.lower_)
              for noun in doc if event_noun(noun) and definite(noun)
              for day in noun.children
              if day.lemma_.lower() == "day" and day.dep_ in ("compound", "amod", "nmod")
              for n in day.children if n.dep_ == "nummod")
    return max((c for c in counts if isinstance(c, int) and 1 < c <= LONGEST_EVENT),
               default=None)


def day_slots(doc: Doc, timexes: Sequence[Timex]) -> tuple[Slot, ...]:
    """Return the day-precise expressions of sentences naming an event's Nth day ("on the
    second day of the G7 meeting ..., June 9, 2018"), each tagged N, nearest the phrase
    first: the first that resolves to a day says which day the event opened. "The final
    day" says no N."""
    ordinals = load("temporal")["ordinals"] | {"opening": 1}
    out = []
    for day in doc:
        if day.lemma_.lower() != "day" or day.pos_ != "NOUN":
            continue
        n = next((ordinals[c.lower_] for c in day.children
                  if c.dep_ in ("amod", "nummod") and c.lower_ in ordinals), None)
        of = next((c for c in day.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if n is None or owner is None or not event_noun(owner):  # "a NATO summit" too: the
            # day it names says which one
            continue
        near = sorted((t for t in timexes_in(sentence_of(day), timexes)
                       if not t.start <= day.idx < t.end), key=lambda t: abs(t.start - day.idx))
        out += [Slot(t.start, t.end, str(n)) for t in near]
    return tuple(out)


def event_cues(doc: Doc, timexes: Sequence[Timex], *,
               headline: str | None = None) -> EventCues:
    """Return what the article says of its event's place, format, status, kind and name, and
    where its dates sit: the event frame's reading first (see briefing.extract.frame), the
    sentence cues after. `timexes` need only their spans (briefing.temporal.expressions)."""
    sents = event_sentences(doc)
    frame = read_frame(doc, timexes)
    said = main_place(sents[:TOP])
    place = frame.place or (None if frame.venue else said)
    fmt = frame.format or ("in-person" if frame.named and (frame.place or frame.venue) else None)
    # a report naming no meeting, call or visit has no format ("video", "online" in a story
    # about a product or a crash say nothing of one)
    return EventCues(place, meeting_format(doc, said), frame.kind, frame.name,
                     nickname(sents), main_place(list(doc.sents)[:LEAD]), frame.status,
                     frame.venue, fmt, frame.slots,
                     date_pools(doc, timexes, sents, headline=headline), frame.setting,
                     day_slots(doc, timexes), event_length(doc))
