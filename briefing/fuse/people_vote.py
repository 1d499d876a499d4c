"""Who takes part in the event, voted across its reports; everyone else is only mentioned.

Each report says, mention by mention, whether a person is an argument of the event's
predicate (meets, holds talks with, hosts, visits, calls...: `extract.people_participation`).
One report saying so is weak: a story names other meetings of other days, and the people who
met there ("the Pope and Mr Y have both visited the capital"). So a person takes part when

- two reports or more name the person as taking part (or the only report does), or
- one report does and a headline of the event names the person, by name or by title and
  country ("Australian PM": the Australian whose role is Prime Minister), or
- one report's lead tells what the person did (its main subject) and half the reports or
  more name the person, or
- one report names the person taking part together with two people who take part by the
  rules above (or with the only one), in the same predicate ("A, B, C and D
  posed for ..."; "A called B"): the many leaders of a summit are each named in
  few reports, always beside the main ones, and a meeting has two sides.

At a gathering (participants of three countries or more), whoever a report has meet someone
on its sidelines or at one of its sessions takes part too (`gathered`), ranked after the rest.

The person the reports most often name taking part always takes part (a report that
strays to another story does not outvote the rest), and so does the next one when only one
takes part, or failing that whom a headline names: a meeting has two sides. Where the
reports agree on nobody, whoever any report names taking part takes part, and failing that
whoever a headline names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.fuse.naming import MULTILATERAL
from briefing.fuse.people_country import titled_phrases
from briefing.knowledge.lexicon import LEAD_SUBJECT, fold, lexicon, title_key
from briefing.types import ArticleFacts, PersonMention

CORE_REPORTS = 2  # reports naming a person taking part that make the person a participant
FRAME_PARTNERS = 2  # participants sharing a predicate that bring a third one in


def headline_words(title: str | None) -> frozenset[str]:
    """Return the folded words of a headline."""
    return frozenset(w for w in re.split(r"[^\w'-]+", re.sub(r"['’]s\b", "", fold(title or "")))
                     if len(w) > 1)


def _roles(ms: Sequence[PersonMention]) -> set[tuple[str | None, str]]:
    lex = lexicon()
    return {(m.country, title_key(lex.canonical_role(m.role, m.country) or ""))
            for m in ms if m.role}


def _named_in_headlines(clusters: Sequence[Sequence[PersonMention]],
                        words: Sequence[frozenset[str]],
                        facts: Sequence[ArticleFacts]) -> set[int]:
    """Return the clusters a headline names: a word of a headline is one of the cluster's
    name words, and the cluster is the one that report names most often with that word (the
    surname of a headline is the bearer the story is about); or the headline gives a title
    and country that the cluster's mentions give."""
    out: set[int] = set()
    roles = [_roles(ms) for ms in clusters]
    for f in facts:
        head = headline_words(f.article.title) - {""}
        here = Counter(i for i, ms in enumerate(clusters) for m in ms
                       if m.span.article == f.article.id)
        for word in head:
            bearers = [i for i in here if word in words[i]]
            if bearers:
                out.add(max(bearers, key=lambda i: (here[i], len(clusters[i]))))
        for country, role in titled_phrases(f.article.title):
            bearers = [i for i in here if any(c == country and role and (role == r or role in r)
                                              for c, r in roles[i])]
            if bearers:
                out.add(max(bearers, key=lambda i: (here[i], len(clusters[i]))))
    return out


def _lead_subject(ms: Sequence[PersonMention], reports: int) -> bool:
    """True when a lead's main subject is a person most reports name."""
    return (any(m.participant and m.weight >= LEAD_SUBJECT for m in ms)
            and 2 * len({m.span.article for m in ms}) >= reports)


def _organisation_heads(clusters: Sequence[Sequence[PersonMention]],
                        facts: Sequence[ArticleFacts]) -> set[int]:
    """Return the clusters of the head of an international organisation whose meeting half
    the headlines or more name ("NATO summit": NATO's Secretary General), when two reports
    or more name that person: the host of the organisation's own meeting takes part."""
    lex = lexicon()
    titles = [headline_words(f.article.title) for f in facts]
    reports = len(titles)
    out = set()
    for i, ms in enumerate(clusters):
        if len({m.span.article for m in ms}) < min(CORE_REPORTS, reports):
            continue
        for m in ms:
            body = fold(re.sub(r"^the\s+", "", m.affiliation or "", flags=re.I))
            if not m.role or body not in lex.orgs or lex.orgs[body] is not None:
                continue
            role = f" {title_key(m.role)} "
            words = headline_words(body)
            if (any(f" {h} " in role for h in lex.participation["organisation_heads"])
                    and 2 * sum(words <= t for t in titles) >= reports):
                out.add(i)
    return out


def taking_part(clusters: Sequence[Sequence[PersonMention]], words: Sequence[frozenset[str]],
                facts: Sequence[ArticleFacts]) -> set[int]:
    """Return the indices of the clusters (each one person's mentions across the reports,
    `words` the words of each one's names) that take part in the event (see the module)."""
    reports = len({f.article.id for f in facts})
    named = [{m.span.article for m in ms if m.participant} for ms in clusters]
    headline = _named_in_headlines(clusters, words, facts)
    core = {i for i, arts in enumerate(named)
            if len(arts) >= min(CORE_REPORTS, reports) or arts and i in headline
            or _lead_subject(clusters[i], reports)}
    frames: dict[tuple[str, int], set[int]] = {}
    for i, ms in enumerate(clusters):
        for m in ms:
            if m.participant and m.frame is not None:
                frames.setdefault((m.span.article, m.frame), set()).add(i)
    if not core:  # the reports agree on nobody: each one's word counts
        core = {i for i, arts in enumerate(named) if arts} or headline
    weight = [sum(m.weight for m in ms if m.participant) for ms in clusters]
    most = sorted((i for i, arts in enumerate(named) if arts),  # weight times reports: one
                  key=lambda i: -weight[i] * len(named[i]))  # report naming X often is one voice
    core |= set(most[:1])  # the one the reports most often name taking part
    if len(core) == 1:  # a meeting has two sides: the next one, or whom a headline names
        core |= set(most[1:2]) or headline
    partners = min(FRAME_PARTNERS, len(core))
    joined = {i for members in frames.values() if partners and len(members & core) >= partners
              for i in members}
    return core | joined | _organisation_heads(clusters, facts)


def gathered(clusters: Sequence[Sequence[PersonMention]], voted: set[int]) -> set[int]:
    """Return the clusters outside `voted` that a report puts at the gathering, when the
    voted participants make the event one (three countries or more): whoever met on its
    sidelines or at one of its sessions was there, though named once."""
    countries = {m.country for i in voted for m in clusters[i] if m.country}
    if len(countries) < MULTILATERAL:  # a bilateral meeting on a summit's sidelines: the
        return set()  # summit's other meetings are not this one's
    return {i for i, ms in enumerate(clusters)
            if i not in voted and any(m.participant and m.at_gathering for m in ms)}
