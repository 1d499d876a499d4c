"""The shape of an agenda item: a topic's words cut to a noun phrase a person would list, and
the test of whether it is one (see extract/agenda.py for where topics are found).

Pure functions over spaCy tokens; the word lists are in knowledge/cues.json (agenda_*).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Token

from briefing.extract import statements
from briefing.extract.people_titles import HYPHENS
from briefing.knowledge import load, word_set

MAX_TOPIC_WORDS = 14  # longer, a topic is cut to its head and first modifier
CUT = ("relcl", "advcl", "appos", "parataxis", "npadvmod", "punct_edge")
EDGE_DEPS = ("cc", "punct", "prep", "det", "case", "mark", "aux", "advmod")


def measure(tok: Token) -> bool:
    """Return True for the measure an adjective needs ("an offer worth 3.1bn dollars", "a
    child ten years old"): the adjective's own complement, not an adverbial aside."""
    return tok.dep_ == "npadvmod" and tok.head.pos_ == "ADJ" and tok.ent_type_ not in TIMES


def phrase(root: Token) -> list[Token]:
    """Return the words of the topic headed by `root`: its subtree without clauses that only
    describe it (relative and adverbial clauses, asides), contiguous, edges trimmed."""
    clause = root.lemma_.lower() in word_set("cues", "agenda_clause_heads")
    drop = {w.i for c in root.subtree if c.i != root.i and (c.dep_ in CUT[:5] and not clause
                                                             and not hyphened(c)
                                                             and not measure(c)
                                                             or dated(c) or aside(c))
            for w in c.subtree}
    maimed = {w.i for c in root.subtree if c.dep_ == "acl" and c.i != root.i
              and any(w.i in drop for w in c.subtree) for w in c.subtree}
    if root.pos_ == "VERB" and any(c.dep_ in ("neg", "auxpass") for c in root.children):
        return []  # "agreed not to X", "would not end X", "should be fulfilled": no action
    if root.pos_ == "VERB":  # "(the United States would) end X": the action alone
        drop |= {w.i for c in root.lefts if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass",
                                                       "mark", "advmod") for w in c.subtree}
    between = dashed(root)
    words = [w for w in root.subtree if w.i not in drop | maimed | between]
    if len(words) > MAX_TOPIC_WORDS and not clause:  # a "how" or "ways" clause is the topic
        words = [w for w in words if not describing(w, root)]
    if len(words) > MAX_TOPIC_WORDS and not clause:
        words = core(words, root)
    strays = stray_topic(root) + past_aside(root, between)
    words = connected(contiguous(words + strays, root, between), root, between, strays)
    return whole_quote(list(statements.strip_attribution(trim(words))), root)


MAX_QUOTE_REACH = 8  # words a phrase may grow by to close the quotation it opens


def whole_quote(words: list[Token], root: Token) -> list[Token]:
    """Return words grown to the closing mark of a quotation they open inside but do not
    close (a cut left 'a "Phase' of 'a "Phase Two"'), when that mark lies in the same
    sentence a few words on; else the words as they are (balanced() drops a lone mark)."""
    marks = [w for w in words if w.text in statements.QUOTE_MARKS]
    if not words or len(marks) % 2 == 0 or marks[-1].i == words[0].i:
        return words
    lone, sent, doc = marks[-1], root.sent, root.doc
    before = sum(1 for t in doc[sent.start : lone.i] if t.text in statements.QUOTE_MARKS)
    if not (lone.text == "“" or lone.text == '"' and before % 2 == 0):
        return words
    end = next((t.i for t in doc[words[-1].i + 1 : sent.end] if t.text in statements.QUOTE_MARKS),
               None)
    if end is None or end - words[-1].i > MAX_QUOTE_REACH:
        return words
    inside = list(doc[words[0].i : end])
    while inside[-1].is_punct and inside[-1].text not in statements.QUOTE_MARKS:
        inside.pop()  # 'the "security guarantees."': the full stop is the sentence's
    return [*inside, doc[end]]


TIMES = ("DATE", "TIME")
AMOUNTS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")  # "£1.5bn": a figure of a topic


def hyphened(word: Token) -> bool:
    """Return True for the first half of a hyphenated word ("state" of "state-owned")."""
    doc = word.doc
    return word.i + 1 < len(doc) and doc[word.i + 1].text == "-" and not word.whitespace_


def aside(clause: Token) -> bool:
    """Return True for a participle clause set off by a comma ("a deal, reached under the
    last administration"): it describes the thing named, it is no part of the topic."""
    first = clause.left_edge
    return clause.dep_ == "acl" and first.i > 0 and clause.doc[first.i - 1].text == "," \
        and clause.doc[first.i - 1].head.i in (clause.head.i, clause.i)


def dated(prep: Token) -> bool:
    """Return True for a preposition of time ("on Jan. 15", "in mid-December"): when a topic
    comes up is no part of it."""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in TIMES
                                       for c in prep.children)


def stray_topic(root: Token) -> list[Token]:
    """Return the words of a topic preposition the parse hung on the verb right after its
    object ("discuss tariffs on steel"): they belong to the object."""
    if root.dep_ != "dobj" or root.ent_type_:  # "blasted Turnbull over X": X is no part of him
        return []
    own = {w.i for w in root.subtree}
    for prep in root.head.children:
        if (prep.dep_ == "prep" and prep.i > root.i and prep.i - 1 in own and not dated(prep)
                and prep.lower_ in word_set("cues", "agenda_topic_prepositions")):
            return list(prep.subtree)
    return []


def core(words: Sequence[Token], root: Token) -> list[Token]:
    """Return the head of a long topic with its modifiers and the core of its first
    complement ("an agreement on host nation support", "bolstering integrated deterrence")."""
    kept = {w.i for w in words}
    left = [w for w in words if w.i <= root.i]
    after = next((c for c in root.rights if c.i in kept
                  and c.dep_ in ("prep", "dobj", "pobj", "attr", "xcomp", "pcomp")), None)
    if after is None:
        return left
    rest = [w for w in words if w in set(after.subtree)]
    if after.lower_ in ("him", "her") or after.ent_type_ == "PERSON":  # "congratulate him
        # on his reelection": the person acted on is no content; what follows is ("ending
        # them", "telling them": of what, is unclear)
        then = next((c for c in root.rights if c.i > after.i and c.i in kept
                     and c.dep_ in ("prep", "xcomp", "ccomp")), None)
        rest += [w for w in words if then is not None and w in set(then.subtree)]
    if any(c.dep_ == "case" for c in after.children):  # "reassure America's partners" parsed
        # as two objects: an owner is no object without what it owns
        owned = next((c for c in root.rights if c.i > after.i and c.i in kept
                      and c.dep_ == after.dep_), None)
        rest += [w for w in words if owned is not None and w in set(owned.subtree)]
    if len(left) + len(rest) > MAX_TOPIC_WORDS:
        rest = core(rest, after)
    return left + rest if len(left) + len(rest) <= MAX_TOPIC_WORDS else left


def describing(word: Token, root: Token) -> bool:
    """Return True for a word inside a participle clause or a second preposition of the root."""
    return any(a.dep_ == "acl" for a in [word, *word.ancestors] if root in a.ancestors)


def connected(words: Sequence[Token], root: Token, between: frozenset[int] = frozenset(),
              strays: Sequence[Token] = ()) -> list[Token]:
    """Return the words whose every head up to `root` is kept ("despite its" loses "its" when
    its noun was cut), or set aside between dashes (a head there still links its words), and
    the `strays` the parse hung elsewhere (`stray_topic`, `past_aside`)."""
    ids = {w.i for w in words} | between
    def reaches(w: Token) -> bool:
        while w.i != root.i:
            if w.i not in ids or w.head.i == w.i:
                return False
            w = w.head
        return True
    return [w for w in words if reaches(w) or w.i in {t.i for t in strays}]


DASHES = frozenset({"–", "—", "--"})


def dashed(root: Token) -> frozenset[int]:
    """Return the positions of the asides of `root`'s sentence set off by a pair of dashes,
    dashes included, that `root` is not in: "enter their countries -- the two biggest
    emitters -- into the Paris agreement", "stop arming and financing - and even trading
    with - the regime". A pair of dashes brackets words as parentheses do, whatever the parse
    hangs on them."""
    sent = root.sent
    marks = [t.i for t in sent if t.text in DASHES or t.text == "-" and t.whitespace_
             and t.i > sent.start and t.doc[t.i - 1].whitespace_]  # " - " set as a dash
    out: set[int] = set()
    for left, right in zip(marks[::2], marks[1::2], strict=False):  # a lone dash: no pair
        if not left < root.i < right:
            out.update(range(left, right + 1))
    return frozenset(out)


def past_aside(root: Token, between: frozenset[int]) -> list[Token]:
    """Return the words right after a dashed aside that closes `root`'s phrase when they
    complete it and the parse hung them elsewhere, for the aside kept the parser from seeing
    whose they are: a preposition it hung before the phrase ("enter their countries -- the
    two biggest emitters -- into the Paris agreement": into is enter's), or the object of a
    verb ending the phrase that has none, hung inside the aside ("stop arming and financing
    - and even trading with - the regime": the regime is armed)."""
    end = max(w.i for w in root.subtree)
    if end + 1 not in between:
        return []
    after = end + 1
    while after in between:
        after += 1
    doc, sent = root.doc, root.sent
    if after >= sent.end:
        return []
    node = doc[after]
    while node.head.i >= after and node.head.i != node.i:
        node = node.head
    last = doc[end]
    if node.dep_ == "prep" and node.head.i < root.i and not dated(node) or (
            node.dep_ in ("pobj", "dobj") and node.head.i in between
            and (last.pos_ == "VERB" or last.dep_ == "conj" and last.head.pos_ == "VERB")
            and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in last.children)):
        return list(node.subtree)
    return []


def contiguous(words: Sequence[Token], root: Token, between: frozenset[int] = frozenset()
               ) -> list[Token]:
    """Return the unbroken stretch of `words` around `root` (a cut clause leaves a gap; an
    aside between dashes, `between`, does not)."""
    ids = {w.i for w in words} | between
    lo = hi = root.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [w for w in words if lo <= w.i <= hi]


def trim(words: list[Token]) -> list[Token]:
    """Return words without leading or trailing punctuation, conjunctions, prepositions and
    times ("Wednesday French criticism")."""
    while words and (words[-1].dep_ in EDGE_DEPS or words[-1].is_punct):
        words = words[:-1]
    while words and (words[0].is_punct or words[0].dep_ in ("cc", "prep", "mark", "aux")
                     or words[0].ent_type_ in ("DATE", "TIME") and len(words) > 1):
        words = words[1:]
    return words


def balanced(text: str) -> str:
    """Return a phrase without the quotation marks it opens or closes but does not both (a
    cut phrase keeps half a quotation: 'humanitarian" support')."""
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return " ".join(text.split())


def as_gerund(text: str, part: Sequence[Token]) -> str:
    """Return a phrase opening with a bare verb ("congratulate him") in its "-ing" form."""
    first = part[0]
    if first.pos_ != "VERB" or first.tag_ == "VBG" or first.dep_ == "amod" \
            or not text.startswith(first.text):  # "owned media" is no action
        return text
    text = gerund(first.lemma_.lower()) + text[len(first.text):]
    for verb in (t for t in part if t.dep_ == "conj" and t.head.i == first.i and t.tag_ == "VB"):
        text = re.sub(rf"(\band|\bor|,) {re.escape(verb.text)}\b",  # "free, feed and house X"
                      lambda m, v=verb: f"{m[1]} {gerund(v.lemma_.lower())}", text, count=1)
    return text


def gerund(lemma: str) -> str:
    """Return the "-ing" form of a verb: "make" -> "making", "tie" -> "tying", "stop" ->
    "stopping" (one short closed syllable doubles its consonant), else + "ing"."""
    vowels = "aeiou"
    if lemma in word_set("cues", "gerund_doubles"):
        return lemma + lemma[-1] + "ing"
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    syllables = sum(1 for i, c in enumerate(lemma) if c in vowels and (i == 0 or lemma[i - 1] not in vowels))
    if (syllables == 1 and len(lemma) >= 3 and lemma[-1] not in vowels + "wxy"
            and lemma[-2] in vowels and lemma[-3] not in vowels):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def without_conjuncts(part: Sequence[Token], head: Token) -> list[Token]:
    """Return the phrase without the conjuncts of its head ("security issues [and X]")."""
    others = {w.i for c in head.children if c.dep_ in ("conj", "cc") for w in c.subtree}
    return [w for w in part if w.i not in others]


def qualified(head: Token, part: Sequence[Token]) -> bool:
    """Return True when a general word has a content word of its own before it ("global
    security issues", "cybersecurity issues")."""
    return any(w.dep_ in ("compound", "amod", "nmod") and w.head.i == head.i and not w.is_stop
               and w.pos_ in ("NOUN", "PROPN", "ADJ") and w.lower_ not in word_set(
                   "cues", "agenda_vague_modifiers") for w in part)


def head_of(part: Sequence[Token]) -> Token | None:
    """Return the word of `part` whose head lies outside it (the phrase's own head)."""
    ids = {w.i for w in part}
    return next((w for w in part if w.head.i not in ids or w.head.i == w.i), None)


def general(head: Token) -> bool:
    """Return True for a common noun or pronoun that names no topic ("issues", "everything");
    a name ("Phase Two") or a verb ("wishing him well") is none."""
    return head.pos_ in ("NOUN", "PRON", "NUM") and head.lemma_.lower() in word_set(
        "cues", "agenda_general_words")


def thing_done(verb: Token) -> bool:
    """Return True when a verb's object is a thing, not a person, party or meeting."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.ent_type_ not in ("PERSON", "NORP") and o.pos_ != "PRON"
               and o.lemma_.lower() not in word_set("cues", "agenda_actor_nouns")
               | word_set("cues", "agenda_people_nouns") | word_set("cues", "event_nouns")
               | word_set("titles", "heads") for o in objects)


def listable(part: Sequence[Token], *, party: bool = False) -> bool:
    """Return True for a phrase a person would list as a topic: it has a content word, is no
    pronoun, demonstrative, time, general word, meeting verb, bare name of a person or word
    for people; after a verb acting on a party (`party`), no bare name at all."""
    content = [w for w in part if w.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
               and not w.is_stop]
    head = head_of(part)
    if not content or head is None or cut_in_a_word(part):
        return False
    if head.pos_ == "VERB" and len(content) < 2:  # "contributing", "allowing": no topic yet
        return False
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LINKING:
        return False  # "being 'bodies of false propaganda'": what someone is said to be
    if head.lemma_.lower() in word_set("cues", "event_nouns") and not any(
            w.dep_ == "compound" and w.pos_ == "NOUN" and w.head.i == head.i for w in part):
        return False  # "a separate meeting", "the Camp David summit"; "trade talks" is a topic
    if head.pos_ in ("PRON", "DET", "ADV") or head.ent_type_ in ("DATE", "TIME", "PERSON", "NORP"):
        return False
    if head.ent_type_ in AMOUNTS or all(w.ent_type_ in AMOUNTS or w.pos_ == "NUM" for w in content):
        return False  # "£1.5bn", "1.26%": an amount is a figure of a topic, not one
    if head.lemma_.lower() in word_set("cues", "agenda_actor_nouns") | word_set(
            "cues", "agenda_people_nouns") | word_set("titles", "heads"):
        return False
    if head.lemma_.lower() in word_set("cues", "agenda_meeting_verbs") and not thing_done(head):
        return False  # "joining their counterparts"; "joining the Paris agreement" is a topic
    if head.pos_ == "VERB" and not doing_something(head, part):
        return False  # "canceling the talks", "going to Sweden", "dispatching Pompeo"
    if party and all(w.ent_type_ for w in content):
        return False
    if head.lemma_.lower() in word_set("cues", "agenda_not_topics"):
        return False
    if len(content) < 2 and (general(head) or head.lemma_.lower() in (
            word_set("cues", "event_nouns")
            | word_set("cues", "agenda_issue_nouns")
            | word_set("cues", "agenda_clause_heads"))):
        return False
    if head.pos_ == "ADJ" and len(content) < 2:
        return False  # "commercial" cut from "commercial relations": no noun phrase
    if incomplete(head, part) or content_cut(head, part):
        return False  # "accusations", "a firm commitment", "the joint statement": of what?
    if any(w.lower_ in statements.DEMONSTRATIVES and w.dep_ == "det" for w in part) and len(content) < 2:
        return False
    if bare_head(head, part):
        return False
    return not all(w.ent_type_ == "PERSON" for w in content)


def cut_in_a_word(part: Sequence[Token]) -> bool:
    """Return True for a phrase the parse ends inside a hyphenated word ("a comprehensive,
    co" of "co-ordinated"): no phrase a person would list."""
    last = part[-1]
    after = last.i + 1
    return after < len(last.doc) and not last.whitespace_ and last.doc[after].text in HYPHENS


PARTICIPLES = ("VBN", "VBG")  # "the evolving threats", "an occupied territory": no field named


def bare_head(head: Token, part: Sequence[Token]) -> bool:
    """Return True for a common noun with nothing but a determiner or possessive and
    participles before it ("the alliance", "our relationship", "the evolving threats"): it
    points at a topic the report names elsewhere. A complement, a compound, an adjective or a
    named owner ("the alliance's future", "the border wall", "Khashoggi's disappearance")
    makes it one."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    own = [w for w in part if w.head.i == head.i and w.i != head.i]
    pointer = [w for w in own if w.dep_ in ("det", "poss")]
    return bool(pointer) and all(w.dep_ == "det" or w.dep_ == "poss" and w.pos_ == "PRON"
                                 or w.dep_ in ("case", "punct")
                                 or w.dep_ == "amod" and w.tag_ in PARTICIPLES for w in own)


LINKING = ("be", "become", "remain", "seem", "get")  # "becoming President of X": no action on a topic


def doing_something(verb: Token, part: Sequence[Token] = ()) -> bool:
    """Return True when an action ("ending joint exercises") bears on a topic: an object,
    clause or prepositional object that is a thing, or a topic preposition ("consulting
    closely on X"). A move of the meeting itself ("canceling the talks", "kicking off the
    meetings"), a journey ("going to Sweden", "leading a delegation to Gaza"), an act on a
    person ("dispatching Pompeo") or a link to a role ("becoming President") is none. A
    verb the parse left bare inside a list ("expanding trade and tackling climate change")
    is judged by the words of its `part`."""
    if verb.lemma_.lower() in LINKING:
        return False
    if not any(True for _ in verb.children):
        return any(w.pos_ in ("NOUN", "PROPN") and thing(w) for w in part if w.i > verb.i)
    shown = {w.i for w in part} or {w.i for w in verb.subtree}
    if any(c.dep_ == "prep" and c.lower_ in word_set("cues", "agenda_topic_prepositions")
           and c.i in shown for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children
                if o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in PLACES]
    if part and not any(o.i in shown for o in objects):  # the parse hung the object
        # outside the item: judged by its words ("using the summit" lost "to confront X",
        # "establishing with Russia" its "joint mechanisms")
        return any(w.pos_ in ("NOUN", "PROPN") and w.ent_type_ not in PLACES and thing(w)
                   for w in part if w.i > verb.i)
    return any(doing_something(o) if o.dep_ == "pcomp" and o.pos_ == "VERB" else thing(o)
               for o in objects if o.i in shown)


PLACES = ("GPE", "LOC", "FAC", "DATE", "TIME")  # "going to Sweden", "working with the U.S."


def thing(tok: Token) -> bool:
    """Return True for a word that is no person, pronoun, party acted on ("reassuring
    America"), general word with nothing of its own ("shelving plans") or bare meeting:
    "follow-up nuclear talks" name a field, "the Moscow talks" or
    "a planned meeting" only the meeting."""
    if tok.ent_type_ in ("PERSON", "GPE") and tok.dep_ == "dobj" or tok.ent_type_ == "PERSON" \
            or tok.pos_ == "PRON" or tok.lemma_.lower() in word_set(
            "cues", "agenda_people_nouns") or journey(tok):
        return False
    if general(tok) and not meeting_word(tok) and not any(
            c.dep_ in ("prep", "acl", "relcl", "compound", "appos") for c in tok.children):
        return False  # "shelving plans", "highlighting the issue": of what?
    if not meeting_word(tok):
        return True
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" or c.dep_ == "amod" and c.pos_ == "ADJ"
               and c.tag_ not in PARTICIPLES
               and c.lower_ not in word_set("cues", "agenda_vague_modifiers")
               for c in tok.children)


def journey(tok: Token) -> bool:
    """Return True for a party taken to a place ("leading a delegation to Gaza"); "reassuring
    nervous allies" is a policy."""
    verb = tok.head
    return tok.dep_ == "dobj" and tok.lemma_.lower() in word_set("cues", "agenda_actor_nouns") \
        and any(p.dep_ == "prep" and p.lower_ in ("to", "into") and any(
            o.ent_type_ in PLACES[:3] for o in p.children)
            for p in [*verb.children, *tok.children])


def meeting_word(tok: Token) -> bool:
    """Return True for a word for a meeting or a journey ("talks", "summit", "trip")."""
    return tok.lemma_.lower() in _meeting_words()


@functools.cache  # called for every candidate topic: the union is built once
def _meeting_words() -> frozenset[str]:
    return word_set("cues", "event_nouns") | frozenset(load("cues")["frame"]["journey_nouns"])


FIELD_ENDINGS = ("al", "ar", "ic", "ary", "ian", "an", "ese", "ish", "ist", "ing")  # "nuclear", "normalizing"


def content_cut(head: Token, part: Sequence[Token]) -> bool:
    """Return True for a noun whose content is the "that" clause it governs, when the phrase
    lost that clause ("the Israeli right's insistence [that any deal include X]", "concerns
    [that the deal would collapse]"): what is insisted on or feared is the topic, not the
    insisting."""
    kept = {w.i for w in part}
    return head.pos_ == "NOUN" and any(
        c.dep_ == "acl" and c.i not in kept
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in head.children)


def incomplete(head: Token, part: Sequence[Token]) -> bool:
    """Return True for a noun that names a topic only with what it is about ("accusations",
    "relations", "a firm commitment", "severe punishment") when the phrase gives no such
    thing: no complement, no owner, no noun and no adjective of a field or a nation before
    it ("Russian relations", "security ties", "nuclear commitments" are topics)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in word_set(
            "cues", "agenda_relational_nouns") | word_set("cues", "agenda_issue_nouns"):
        return False
    own = [w for w in part if w.head.i == head.i and w.i != head.i]
    owned = head.lemma_.lower() not in word_set("cues", "agenda_partnered_nouns")
    # "Trump's decision": a decision on what? ("Russian relations": the owner is the partner)
    return not any(w.dep_ in ("prep", "acl", "relcl", "compound", "nmod")
                   or w.dep_ == "poss" and w.pos_ != "PRON" and not (owned and actor(w))
                   or w.dep_ == "amod" and field(w) and not (owned and w.ent_type_ == "NORP")
                   for w in own)


def actor(owner: Token) -> bool:
    """Return True for an owner who acts (a person, country or body, or a word for one)."""
    return owner.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or owner.lemma_.lower() in (
        word_set("cues", "agenda_actor_nouns"))


def field(adjective: Token) -> bool:
    """Return True for a modifier that names a field, a nation or an action ("nuclear",
    "Russian", "non-aggression", "normalizing relations")."""
    word, doc = adjective.lower_, adjective.doc
    hyphened = any(0 <= i < len(doc) and doc[i].text == "-"
                   for i in (adjective.i - 1, adjective.i + 1))
    if adjective.ent_type_ or hyphened or adjective.pos_ in ("NOUN", "PROPN", "VERB"):
        return True
    return word.endswith(FIELD_ENDINGS) and word not in word_set("cues", "agenda_vague_modifiers")

