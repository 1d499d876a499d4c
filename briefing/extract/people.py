"""Who's who in one article: every person named, with role, country and participation.

`extract_people(doc, article)` reads PERSON entities, plus names the model tagged as a place or
organisation when the context says person (a title or "Mr" before it, or the same surname
tagged PERSON elsewhere in the article), and names it did not tag at all after a title.
Other names the model tagged as a place or organisation are kept too, with that label as
their `tag`: the fuse step makes them persons only when the other reports say so.
`role` is the title as written (country and organisation words taken out); the fuse step
canonicalises it once the person's country is settled across sources. Organisations and
delegations taking part themselves come from `people_actors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from briefing.extract.entities import ents_in
from briefing.extract.people_actors import (
    GROUP,
    ORGANISATION,
    actors,
    delegation_leaders,
    entity_at,
    name_text,
)
from briefing.extract.people_participation import (
    at_gathering,
    lead_sentences,
    main_event_nouns,
    participation,
)
from briefing.extract.people_titles import CONNECTORS, POSSESSIVE, Title, title_after, title_before
from briefing.extract.quotes import quoted_spans
from briefing.extract.sentences import sentence_of, text_of
from briefing.knowledge import word_set
from briefing.knowledge.lexicon import Lexicon, fold, lexicon
from briefing.types import Article, Entity, PersonMention, Span

__all__ = ["GROUP", "ORGANISATION", "extract_people", "name_entities"]

OTHER_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
# Labels that say "not a person" in the fuse step's vote on what a name is.
NAME_LABELS = OTHER_LABELS | {"EVENT", "LAW", "LANGUAGE"}
COORDINATED = re.compile(r"^\s*,?\s*(?:and\s+|as well as\s+)?$")
# A name after these is a place whatever the model says ("talks in Sherman").
LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside"})


@dataclass(frozen=True)
class _Found:
    """A name with what was read around it, before it becomes a PersonMention."""

    name: TokenSpan
    title: Title | None
    after: Title | None
    mention: PersonMention


def _strip(doc: Doc, a: int, b: int, lex: Lexicon) -> tuple[int, int]:
    """Narrow tokens [a, b) to the name: no leading titles or honorifics, no trailing 's."""
    while b - a > 1 and (lex.is_title_word(doc[a].text) or doc[a].text in lex.honorifics
                         or doc[a].lower_ in CONNECTORS or doc[a].text in POSSESSIVE
                         or doc[a].is_stop or doc[a].pos_ in ("ADP", "ADV", "DET")
                         or lex.country(doc[a].text)  # "Afghanistan X": a country's word
                         or a and lex.country(doc[a - 1 : a + 1].text)  # "[Saudi] Arabian X"
                         or _shouted(doc[a], doc[a + 1 : b])):
        a += 1
    inner = [i for i in range(a + 1, b - 1) if doc[i].text in lex.honorifics
             and not re.fullmatch(r"[A-Z]\.", doc[i].text)]  # "Nancy M. Smith": an initial
    if inner:  # "the Foreign Policy Centre Mr Straw": the name follows the honorific
        a = inner[-1] + 1
    while b - a > 1 and (doc[b - 1].text in POSSESSIVE or not doc[b - 1].text[:1].isalnum()
                         or doc[b - 1].is_stop and doc[b - 1].is_lower
                         and bool(doc[b - 2].whitespace_)):  # "X - the"; not "Moon Jae-in"
        b -= 1
    return a, b


def _shouted(token: Token, rest: TokenSpan) -> bool:
    """True for a word in capitals before a name that is not ("AGENCY Jane Roe"): a photo
    credit or a label glued to a caption, where a name in capitals is so throughout."""
    return (token.is_alpha and token.is_upper and len(token) > 2 and not rest.text.isupper()
            and any(t.is_alpha and t.is_title and len(t) > 2 for t in rest))  # not "JFK Jr"


def _capitalised(span: TokenSpan) -> bool:
    return all(t.text[:1].isupper() and (t.is_alpha or "-" in t.text or "." in t.text)
               for t in span)


def _titled(doc: Doc, a: int, lex: Lexicon) -> bool:
    """True after "Mr" or a title ("Minister X"), not after "chief of the X"."""
    if a and doc[a - 1].text in lex.honorifics:
        return True
    if a and doc[a - 1].lower_ in CONNECTORS:
        return False
    title = title_before(doc, a, lex)
    return bool(title and title.has_head)


def _doubtful(span: TokenSpan) -> bool:
    """True when a name the model tagged as a place or organisation may still be a person's:
    a short capitalised name, not an acronym, not after "in" or "at"."""
    doc = span.doc
    return (len(span) <= 4 and not any(t.is_upper and len(t) > 1 for t in span)
            and not (span.start and doc[span.start - 1].lower_ in LOCATIVE))


def _placed(span: TokenSpan) -> bool:
    """True for a name its sentence calls a place, whatever the model's label: "the town of
    X", "X, a small southern town", "the X crossing" (see cues settlement_nouns)."""
    nouns = word_set("cues", "settlement_nouns")
    root = span.root
    head = root.head if root.head.i != root.i else None
    if head is not None and root.dep_ == "pobj" and head.lower_ == "of" \
            and head.i == span.start - 1 and head.head.lemma_.lower() in nouns:
        return True  # the name right after "of": not "the Mayor of the City of York Ann Smith"
    if head is not None and root.dep_ == "compound" and head.lemma_.lower() in nouns:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in nouns for c in root.children)


def _name_spans(doc: Doc, lex: Lexicon) -> list[tuple[TokenSpan, str]]:
    """Return the token spans of the person names in `doc` with their tag, in text order:
    PERSON when the model or the article says person, else the model's label (doubtful)."""
    spans: list[tuple[TokenSpan, str]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            a, b = _strip(doc, ent.start, ent.end, lex)
            a = _given_name_before(doc, a, lex)
            if (doc[a].text[:1].isupper() and not lex.is_title_word(doc[a:b].text)
                    and not lex.is_place_or_org(doc[a:b].text) and not _placed(doc[a:b])):
                spans.append((doc[a:b], "PERSON"))
    surnames = {fold(t.text) for s, _ in spans for t in s if len(t.text) > 2}
    taken = {i for s, _ in spans for i in range(s.start, s.end)}
    for ent in doc.ents:
        if ent.label_ in OTHER_LABELS:
            a, b = _strip(doc, ent.start, ent.end, lex)
            span = doc[a:b]
            if (a in taken or not _capitalised(span) or lex.is_place_or_org(span.text)
                    or lex.is_title_word(span.text)):
                continue
            if (fold(span[-1].text) in surnames or a and doc[a - 1].text in lex.honorifics
                    or len(span) > 1 and _titled(doc, a, lex)):
                spans.append((span, "PERSON"))
                taken.update(range(a, b))
            elif _doubtful(span):
                spans.append((span, ent.label_))
    spans += [(s, "PERSON") for s in _untagged_after_title(doc, taken, lex)]
    taken |= {i for s, _ in spans for i in range(s.start, s.end)}
    spans += [(s, "PERSON") for s in _untagged_surnames(doc, spans, taken, lex)]
    return sorted(spans, key=lambda s: s[0].start)


NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def _untagged_surnames(doc: Doc, spans: list[tuple[TokenSpan, str]], taken: set[int],
                       lex: Lexicon) -> list[TokenSpan]:
    """Surnames the model did not tag where they recur ("Ruiz said he had talks" after "the
    prime minister, Ana Ruiz"): the last word of a person's name the article gave in full
    (unless it uses the first word alone), alone, as a proper noun no entity holds."""
    alone = {fold(s[0].text) for s, tag in spans if tag == "PERSON" and len(s) == 1}
    surnames = {fold(s[-1].text) for s, tag in spans if tag == "PERSON" and len(s) > 1
                and len(s[-1].text) > 2 and fold(s[0].text) not in alone}  # a first word
    # used alone is a family name written first: the last word is then a given name
    return [doc[t.i:t.i + 1] for t in doc
            if t.i not in taken and not t.ent_type_ and t.pos_ == "PROPN" and t.is_alpha
            and t.dep_ in NAME_ROLES  # not "the X administration"
            and not (t.i and doc[t.i - 1].ent_type_ in ("GPE", "NORP"))  # a heading run on
            # ("Japan X warns"): no country word is the name's
            and t.text[:1].isupper() and fold(t.text) in surnames
            and not lex.is_title_word(t.text) and not lex.is_place_or_org(t.text)]


def _given_name_before(doc: Doc, a: int, lex: Lexicon) -> int:
    """Return where a name starts that the model began one word late, after a title
    ("Secretary General [Anders] Fogh Rasmussen"): an untagged capitalised word between the
    title and the name belongs to the name."""
    if a < 2 or doc[a - 1].ent_type_ or doc[a - 1].pos_ != "PROPN":
        return a
    word = doc[a - 1].text
    if (not word.isalpha() or not word[:1].isupper() or word.isupper()
            or lex.is_title_word(word) or lex.country(word) or lex.is_place_or_org(word)):
        return a
    before = doc[a - 2].text
    return a - 1 if fold(before) in lex.heads or lex.is_title_word(before) else a


def name_entities(doc: Doc, article: Article) -> tuple[Entity, ...]:
    """Return the names the model tagged as places, organisations or groups, with their
    labels, for the fuse step's vote on what each name is."""
    return tuple(Entity(name_text(e), e.label_, Span(article.id, e.start_char, e.end_char))
                 for e in doc.ents if e.label_ in NAME_LABELS)


def _affiliation(doc: Doc, titles: list[Title | None], lex: Lexicon) -> str | None:
    """The organisation named in a person's title ("NATO Secretary General X")."""
    for t in titles:
        for ent in ents_in(doc.char_span(t.start, t.end, alignment_mode="expand")) if t else ():
            if ent.label_ == "ORG" or lex.is_place_or_org(ent.text) and not lex.country(ent.text):
                return name_text(ent)
    return None


def _untagged_after_title(doc: Doc, taken: set[int], lex: Lexicon) -> list[TokenSpan]:
    """Names the model did not tag, right after a title: "Ambassador to Peru Ana Ruiz"."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while (j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and not doc[j].ent_type_
               and j not in taken and doc[j].is_alpha and doc[j].text[:1].isupper()
               and not lex.is_title_word(doc[j].text) and not lex.country(doc[j].text)):
            j += 1
        if j - i >= 2 and _titled(doc, i, lex):
            out.append(doc[i:j])
        i = max(j, i + 1)
    return out


def _coordinated(prev: _Found | None, f: _Found, doc: Doc) -> bool:
    if prev is None or sentence_of(prev.name) != sentence_of(f.name):
        return False
    start = f.title.start if f.title else f.name.start_char
    return bool(COORDINATED.match(text_of(doc)[prev.name.end_char : start]))


def _share_in_lists(found: list[_Found], doc: Doc, lex: Lexicon) -> list[_Found]:
    """Names in one list share their verb, and a titled name its predecessor's country:
    "Japanese Foreign Minister A and Defense Minister B will meet" -> B is Japanese and meets.
    A bare name does not inherit ("U.S. President X and Y": Y may be anyone's), nor a title of
    an organisation ("German Chancellor X and European Commission President Y")."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _coordinated(prev, f, doc):
            m, pm = f.mention, prev.mention
            group = prev.title and any(
                w in lex.counterpart for w in text_of(doc)[prev.title.start : pm.span.start].split())
            own = m.affiliation and fold(m.affiliation) not in fold(m.role or "")
            if m.country is None and pm.country and (m.role or group) and not own:
                m = replace(m, country=pm.country)  # "and European Commission President X":
                # a title of an organisation's own is not the predecessor's country's
            if m.participant != pm.participant:
                m = replace(m, participant=True, weight=max(m.weight, pm.weight),
                            frame=m.frame if m.participant else pm.frame)
                k = len(out) - 1
                while k >= 0 and (k == len(out) - 1 or _coordinated(out[k], out[k + 1], doc)):
                    if not out[k].mention.participant:
                        better = replace(out[k].mention, participant=True,
                                         weight=max(out[k].mention.weight, m.weight),
                                         frame=m.frame)
                        out[k] = replace(out[k], mention=better)
                    k -= 1
            f = replace(f, mention=m)
        out.append(f)
    return out


def _represented(found: list[_Found], doc: Doc, lex: Lexicon) -> list[_Found]:
    """"A and B will represent the US" / "Japan will be represented by C": the country of each.
    The leader of a delegation ("the Chinese delegation led by X") takes its country."""
    countries: dict[int, tuple[str, int]] = {}
    for verb in doc:
        if verb.lemma_.lower() != "represent":
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        people = [c for c in verb.children if c.dep_ == ("agent" if passive else "nsubj")]
        if passive:
            people = [g for p in people for g in p.children if g.dep_ == "pobj"]
        place = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        code = lex.country((entity_at(place[0]) or place[0]).text) if place else None
        for p in people:
            for tok in [p, *p.conjuncts, *(c for c in p.children if c.dep_ == "appos")]:
                if code:
                    countries[tok.i] = (code, verb.idx)
    leaders = delegation_leaders(doc, lex)
    out = []
    for f in found:
        side = next((countries[t.i] for t in f.name if t.i in countries), None)
        if side:  # named as representing a country: a participant of that side
            m = f.mention
            f = replace(f, mention=replace(m, country=m.country or side[0], participant=True,
                                           weight=max(m.weight, 2.0),
                                           frame=m.frame if m.participant else side[1]))
        code = next((c for t in f.name if (c := leaders.get(t.i))), None)
        if code and not f.mention.country:
            f = replace(f, mention=replace(f.mention, country=code))
        out.append(f)
    return out


def _constituency(role: str) -> bool:
    """True for a title whose "of X" names a constituency, not a country ("Rep. X of Georgia",
    "Governor X of Victoria"): titles.json constituency_titles."""
    return fold(role).rstrip(".") in word_set("titles", "constituency_titles")


def country_after(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """Return the country a titled name is said to be of right after it ("President Mohamed
    Morsi of Egypt"), or None."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end + 1].ent_type_ != "GPE":
        return None
    ent = entity_at(doc[end + 1])
    return lex.country(ent.text) if ent is not None and ent.start == end + 1 else None


def extract_people(doc: Doc, article: Article, *, lead: int = 2) -> tuple[PersonMention, ...]:
    """Return every person named in `article` (whose parsed text is `doc`), in text order.

    Each mention carries its role as written, its country (ISO alpha-2) when the article
    says it, and whether the person takes part in the reported event.
    """
    lex = lexicon()
    main = main_event_nouns(doc, lex, article.title)
    leads = lead_sentences(doc, count=lead)
    found = []
    quoted = quoted_spans(doc)
    at = {t.idx: t for t in doc}  # a predicate by where it starts (Cue.frame)
    for name, tag in _name_spans(doc, lex):
        before = title_before(doc, name.start, lex)
        after = title_after(doc, name.end, lex)
        role = (before.role if before else None) or (after.role if after else None)
        country = (before.country if before else None) or (after.country if after else None) \
            or (country_after(doc, name.end, lex) if role and not _constituency(role) else None)
        inside = any(a < name.start_char and name.end_char < b for a, b in quoted)
        cue = participation(name, lex, main, leads, quoted=inside)
        mention = PersonMention(
            name=name_text(name),
            span=Span(article.id, name.start_char, name.end_char),
            role=role,
            country=country,
            participant=cue.participant,
            weight=cue.weight,
            tag=tag,
            affiliation=_affiliation(doc, [before, after], lex),
            frame=cue.frame,
            at_gathering=cue.participant and cue.frame in at and at_gathering(at[cue.frame], lex),
        )
        found.append(_Found(name, before, after, mention))
    found = _share_in_lists(_represented(found, doc, lex), doc, lex)
    people = [f.name for f in found if f.mention.tag == "PERSON"]
    people += [doc.char_span(t.start, t.end, alignment_mode="expand")
               for f in found if f.mention.tag == "PERSON" for t in (f.title, f.after) if t]
    taking_part = [f.name for f in found if f.mention.tag == "PERSON" and f.mention.participant]
    return tuple(f.mention for f in found) + tuple(
        actors(doc, article, leads, people, taking_part, main, lex))
