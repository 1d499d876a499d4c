"""Page furniture in extracted text: what a web page printed around the story.

Crawled news mostly arrives as text already extracted from its page (news-please JSON, feeds,
pasted text), with no markup left to tell the story from the page. So the paragraphs and the
sentence-like pieces of an article are judged by their shape, never by one outlet's phrases:

- share bars, players and galleries: runs of interface words ("Facebook Twitter Pinterest"),
  a phrase said twice in one line (the visible text and the screen reader's), "3 of 12";
- captions and credits: "Name/Agency", "Photograph: Name/Agency", "... | Agency";
- links to other stories: a label ("More:", "Related:"), a suffix ("... Read more"), or a
  headline inside the body (six words or more that do not end like a sentence);
- sign-up prompts: sentences that speak to the reader about newsletters, inboxes, apps;
- stray labels: short lines that do not end like a sentence and share no word with the story
  (a subheading uses the story's words and stays);
- hover cards: a name glued to another story's headline, up to the card's closing link
  ("... Jane Roe Jane Ann RoeTalks collapse in Geneva ... MORE");
- lines that repeat across several articles of one outlet in the same run.

The vocabularies (interface words, link labels, sign-up cues, credit labels) are in
`briefing/knowledge/furniture.json`. Every removal is returned as a `Removal` so the caller can
log it with the article and the reason.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from briefing.ingest.dateline import find_dateline
from briefing.knowledge import load
from briefing.types import Article

CAPTION = "caption or photo credit"
WIDGET = "share bar, player or gallery"
LINK = "link to another story"
PROMO = "sign-up or promotion"
HEADLINE = "headline of another story"
LABEL = "stray label"
CARD = "hover card"
REPEATED = "repeated in other articles of the outlet"

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"'”’)\]]$")
_GOES_ON = re.compile(r"[,;:—–-]$")
_BULLET = re.compile(r"^(?:[•·▪◦*-]|\d{1,2}[.)])\s")
_TWEET = re.compile(r"\(@\w+\)|pic\.twitter\.com/")
_PIECES = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)\]]))\s+(?=[\"“‘(\[]?[A-Z])")
_QUOTED = re.compile(r"[\"“”]")
_COUNTER = re.compile(r"\b(\d{1,3}) of (\d{1,3})\b")
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}$")
_NUMBER = re.compile(r"\(?\d+\)?")
_DIGIT = re.compile(r"\d")
_NAME = r"[A-Z][\w.'’&-]*"
_CHAIN = rf"{_NAME}(?: {_NAME}){{0,4}}"
_CAPS = r"[A-Z][A-Z.'’&-]+(?: [A-Z][A-Z.'’&-]+)*"


@dataclass(frozen=True)
class Removal:
    """A piece of an article taken out as page furniture, and why."""

    article: str
    reason: str
    text: str


def tidy(articles: Iterable[Article]) -> tuple[list[Article], list[Removal]]:
    """Return the articles without the furniture of their own text, and what was removed.

    An article that would lose every paragraph is kept unchanged: its shape fooled the rules.
    """
    out: list[Article] = []
    removed: list[Removal] = []
    for article in articles:
        paras, gone = strip_paragraphs(article.text.split("\n\n"))
        if gone and paras:
            article = replace(article, text="\n\n".join(paras))
            removed.extend(Removal(article.id, reason, text) for reason, text in gone)
        out.append(article)
    return out, removed


def strip_paragraphs(paras: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return (kept paragraphs, [(reason, removed text)]) for the paragraphs of one story."""
    kept: list[str] = []
    gone: list[tuple[str, str]] = []
    galleries: list[str] = []  # their captions, after the story: see _cut_gallery
    for para in paras:
        if _gallery(para):
            captions, furniture = _cut_gallery(para)
            galleries += [captions] if captions else []
            gone.extend((WIDGET, f) for f in furniture)
            continue
        para, cut = strip_inline(para)
        gone.extend(cut)
        reason = furniture_reason(para) if para else None
        if reason:
            gone.append((reason, para))
        elif para:
            kept.append(para)
    if not _punctuated(kept):
        return kept + galleries, gone
    spread = Counter(w for p in kept for w in _content_words(p))  # paragraphs using each word
    out: list[str] = []
    begun = False  # the lines before the first sentence (highlights, a standfirst) are the story's
    for para in kept:
        others = {w for w in _content_words(para) if spread[w] > 1}
        reason = stray_reason(para, begun=begun, others=others)
        if reason:
            gone.append((reason, para))
        else:
            out.append(para)
        begun = begun or bool(_ENDS_SENTENCE.search(para))
    return out + galleries, gone


def strip_inline(para: str) -> tuple[str, list[tuple[str, str]]]:
    """Return `para` without hover cards, a leading share bar, sign-up sentences and photo
    credits."""
    gone: list[tuple[str, str]] = []
    para, cards = _cut_cards(para)
    gone.extend((CARD, c) for c in cards)
    bar = _leading_widgets(para)
    if bar:
        gone.append((WIDGET, para[:bar].strip()))
        para = para[bar:].strip()
    para, promos = _cut_promos(para)
    gone.extend((PROMO, p) for p in promos)
    para, credits = _cut_credits(para)
    gone.extend((CAPTION, c) for c in credits)
    return para, gone


def furniture_reason(para: str) -> str | None:
    """Return why a whole paragraph is page furniture wherever it stands, or None."""
    if _is_widget(para):
        return WIDGET
    if _is_link(para):
        return LINK
    return None


def stray_reason(para: str, *, begun: bool, others: set[str]) -> str | None:
    """Return why a line of a punctuated story is no part of it, or None.

    A line that does not end like a sentence is a link when it opens with a link verb ("Read
    why ..."); a headline of another story when the story has `begun`, it is sentence-long and
    written in headline style, without articles ("Leaders to meet Monday amid row"); a stray
    label when it is short and shares no content word with the rest of the story (`others`:
    its words that other paragraphs use; a subheading shares them).
    """
    if _ENDS_SENTENCE.search(para) or _GOES_ON.search(para) or _kept_shape(para):
        return None
    words = para.split()
    if words[0].lower() in _words("link_verbs"):
        return LINK
    limits = load("furniture")["headline_words"]
    headlinese = not _words("articles") & {w.lower() for w in words}
    if begun and headlinese and limits["min"] <= len(words) <= limits["max"]:
        return HEADLINE
    if len(words) <= load("furniture")["label_words_max"] and not others and para[0].isupper():
        return LABEL  # a lower-case line is a sentence's broken end; a number is data
    return None


def repeated(articles: list[Article]) -> tuple[list[Article], list[Removal]]:
    """Return the articles without paragraphs that several articles of their outlet share.

    A line that does not end like a sentence goes when two articles of one outlet print it; a
    short sentence (no quotation) when three do. Longer shared sentences are the outlet's
    background paragraphs and stay. Articles whose outlet is unknown are left alone.
    """
    rules = load("furniture")["repeat"]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        outlet = _outlet(article)
        if outlet:
            counts[outlet].update({_key(p) for p in article.text.split("\n\n")})
    out: list[Article] = []
    removed: list[Removal] = []
    for article in articles:
        seen = counts.get(_outlet(article) or "", Counter())
        drop = [p for p in article.text.split("\n\n") if _shared(p, seen[_key(p)], rules)]
        kept = [p for p in article.text.split("\n\n") if p not in drop]
        if drop and kept:
            removed.extend(Removal(article.id, REPEATED, p) for p in drop)
            article = replace(article, text="\n\n".join(kept))
        out.append(article)
    return out, removed


def _shared(para: str, count: int, rules: dict) -> bool:
    if not _ENDS_SENTENCE.search(para):
        return count >= rules["min_articles_unpunctuated"]
    return (count >= rules["min_articles_sentence"] and not _QUOTED.search(para)
            and len(para.split()) <= rules["sentence_words_max"])


def _outlet(article: Article) -> str | None:
    if article.outlet:
        return article.outlet.lower()
    return urlsplit(article.url).hostname if article.url else None


def _key(para: str) -> str:
    return re.sub(r"\d", "#", " ".join(para.lower().split()))


def _punctuated(paras: list[str]) -> bool:
    """True when most paragraphs end like sentences: only then is a line without an end odd."""
    if len(paras) < 3:
        return False
    ends = sum(1 for p in paras if _ENDS_SENTENCE.search(p))
    return ends / len(paras) >= load("furniture")["sentence_share_min"]


def _kept_shape(para: str) -> bool:
    """True for lines that end without a full stop by nature: list items, tweets, datelines."""
    return bool(_BULLET.match(para) or _TWEET.search(para) or find_dateline(para + " "))


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'’]+", text.lower())
    return {w for w in words if len(w) > 2 and w not in _words("function_words")}


# -- captions and credits ----------------------------------------------------------------


def _cut_credits(para: str) -> tuple[str, list[str]]:
    """Return `para` without its photo credit, and the credit: a credit alone goes whole, a
    caption keeps its words ("Leaders meet on Friday. Photograph: Jane Roe/Agency")."""
    for pattern, mark in zip(_credit_patterns(), _CREDIT_MARKS, strict=True):
        if mark not in para:
            continue  # the pattern cannot match: the search would try every position
        match = pattern.search(para)
        if match and not find_dateline(para) and len(match.group(0).split()) <= _CREDIT_WORDS:
            rest = (para[: match.start()] + " " + para[match.end():]).strip()
            return rest, [match.group(0).strip()]
    return para, []


_CREDIT_WORDS = 25  # a longer "credit" is a sentence that happens to fit the shape
_CREDIT_MARKS = ("/", ":", "|", "|", "/", "/")  # a character each credit pattern must hold


@functools.cache
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    labels = "|".join(re.escape(w) for w in load("furniture")["credit_labels"])
    slashed = rf"{_CHAIN}(?: ?/ ?{_CHAIN})+"
    return (
        re.compile(rf"^(?:{slashed}(?: via {_CHAIN})?(?:, FILE)?\s*)+$"),  # the credit alone
        re.compile(rf"(?:^|\s)(?:{labels})\s*:\s*{_CHAIN}(?: ?/ ?{_CHAIN})*(?: via {_CHAIN})?"
                   r"\.?$", re.IGNORECASE),  # "... Photograph: Jane Roe/Agency"
        re.compile(rf"\s\|\s+{_CHAIN}(?:\s*[|/]\s*{_CHAIN})*$"),  # "... | Agency"
        re.compile(r"(?<=[.!?])[\"”’]?\s\|\s+[A-Z].*$"),  # "... Scotland. | Agency Headline"
        re.compile(rf"(?<=[.!?])[\"”’]? {slashed}$"),  # "... on May 25. AGENCY/Jane Roe"
        re.compile(rf"^[A-Z][A-Z.'’&-]+(?: [A-Z][A-Z.'’&-]+)+(?: ?/ ?{_CAPS})+ (?=[“\"]|[A-Z][a-z])"),
        # "JANE ROE/AGENCY A man sits ..." (a name first: "CNN/ORC International" is a poll)
    )


# -- share bars, players, galleries ------------------------------------------------------


def _token_kind(token: str) -> str | None:
    """Return "strong" for an interface word, "filler" for a word in a bar, else None."""
    vocab = load("furniture")
    if token.endswith(","):
        return None  # a list in a sentence ("Facebook, Twitter and Google"), not a bar
    word = token.lower().strip("()[]:.!?\"'“”‘’")
    if word in _words("widget_words"):
        return "strong"
    if word in _words("widget_fillers") or token in vocab["widget_fillers"]:
        return "filler"
    if _NUMBER.fullmatch(word) or _TIMESTAMP.match(word):
        return "filler"
    return None


def _runs(tokens: list[str]) -> list[tuple[int, int, int]]:
    """Return the (start, end, interface words) of the runs of bar tokens in `tokens`."""
    runs, start, strong = [], None, 0
    for i, token in enumerate([*tokens, ","]):
        kind = _token_kind(token) if i < len(tokens) else None
        if kind and start is None:
            start, strong = i, 0
        if kind == "strong":
            strong += 1
        if not kind and start is not None:
            runs.append((start, i, strong))
            start = None
    return runs


def _leading_run(tokens: list[str]) -> tuple[int, int, int] | None:
    """Return the run of bar tokens `tokens` opens with, as `_runs` gives it, or None; only
    the run's own tokens are looked at (most paragraphs open with a word of the story)."""
    strong = 0
    for i, token in enumerate(tokens):
        kind = _token_kind(token)
        if not kind:
            return (0, i, strong) if i else None
        strong += kind == "strong"
    return (0, len(tokens), strong) if tokens else None


def _leading_widgets(para: str) -> int:
    """Return how many characters of `para` a share bar or player label takes at its start."""
    tokens = para.split()
    run = _leading_run(tokens)
    if run is None or run[2] < 2 and not _label(tokens[0]):
        return 0
    end = run[1]
    while _token_kind(tokens[end - 1]) != "strong" and not _TIMESTAMP.match(tokens[end - 1]):
        end -= 1  # "Facebook Twitter Pinterest The Afghan president": "The" opens the caption
    if end < len(tokens) and not tokens[end][0].isupper() and tokens[end][0] not in "“\"":
        return 0  # "Photos show the damage": the words are the sentence's own
    return len(" ".join(tokens[:end])) if end < len(tokens) else len(para)


def _label(token: str) -> bool:
    """True for one interface word in capitals ("CLOSE", "REPLAY"): a button's label; a
    sentence opens with a capital, not a word in capitals ("Close ties ...")."""
    word = token.strip("()[]:.!?\"'“”‘’")
    return len(word) > 1 and word.isupper() and _token_kind(token) == "strong"


def _is_widget(para: str) -> bool:
    """True for a player or share bar: a short line that does not end like a sentence and
    holds a run of interface words, nothing but them, or a phrase twice; a story paragraph
    that lost its full stop is longer.
    """
    tokens = para.split()
    if _ENDS_SENTENCE.search(para) or len(tokens) > load("furniture")["widget_words_max"]:
        return False
    runs = _runs(tokens)
    if any(strong >= 3 for _, _, strong in runs):
        return True
    if runs and runs[0][:2] == (0, len(tokens)) and runs[0][2]:
        return True  # nothing but interface words: "Slideshow (6 Images)"
    return _said_twice(tokens)


def _gallery(para: str) -> bool:
    """True when slide counters of one gallery ("1 of 12", "2 of 12") follow each other, or
    a slide shows its counter control ("Hide Caption 3 of 12") or a doubled label."""
    if not _DIGIT.search(para):  # counters and counter controls have digits
        return bool(_DOUBLED_LABEL.search(para))
    if _SLIDE_CONTROL.search(para) or _DOUBLED_LABEL.search(para):
        return True
    slides: dict[str, list[int]] = defaultdict(list)
    for n, total in _COUNTER.findall(para):
        slides[total].append(int(n))
    return any(len(ns) >= 2 and ns == sorted(set(ns)) for ns in slides.values())


def _cut_gallery(para: str) -> tuple[str, list[str]]:
    """Return a gallery's captions without its labels, titles and counters, and what went.

    The captions are kept (a gallery of the summit names who came), but after the story, not
    where the page put them: a gallery also shows earlier moments (a past visit, other summits)
    and must not pass for the story's lead, where the event's date and place are read. The
    slides are the text between counters ("Hide Caption 3 of 21"); each loses its labels
    ("Photos:"), the gallery's title that every slide repeats, and a heading before a dash;
    what is left of it is kept when it ends like a sentence.
    """
    if not _gallery(para):
        return para, []
    slides = [_LABELS.sub(" ", s).split() for s in _SLIDE_END.split(para)]
    title = _common_prefix([s for s in slides[1:] if s])
    kept, gone = [], []
    for words in slides:
        cut = len(title) if words[: len(title)] == title else 0
        dash = [i for i, w in enumerate(words[:_CREDIT_WORDS]) if w in ("–", "—", "|")]
        cut = max([cut, *(i + 1 for i in dash)])
        caption = " ".join(words[cut:])
        if caption and _ENDS_SENTENCE.search(caption):
            kept.append(caption)
        gone.append(" ".join(words[:cut]) if caption in kept else " ".join(words))
    counters = [c.strip() for c in _SLIDE_END.findall(para)]
    return " ".join(kept), [" / ".join(g for g in gone + counters if g)]


_SLIDE_END = re.compile(r"(?:\b(?:Hide|Show|Close|Caption|Photo|Image)\s+)*\b\d{1,3} of \d{1,3}\b")
_SLIDE_CONTROL = re.compile(r"\b(?:Hide|Show|Close)\s+Caption\s+\d{1,3} of \d{1,3}\b", re.IGNORECASE)
_DOUBLED_LABEL = re.compile(r"\b(Photos?|Pictures?|Images?|Videos?):\s*\1:", re.IGNORECASE)
_LABELS = re.compile(r"\b(?:Photos?|Pictures?|Images?|Gallery|Slideshow|Videos?)\s*:\s*", re.IGNORECASE)


def _common_prefix(slides: list[list[str]]) -> list[str]:
    if len(slides) < 2:
        return []
    prefix = slides[0]
    for words in slides[1:]:
        n = 0
        while n < min(len(prefix), len(words)) and prefix[n] == words[n]:
            n += 1
        prefix = prefix[:n]
    return prefix


def _said_twice(tokens: list[str]) -> bool:
    """True when a phrase of four words recurs: the visible and the spoken text of a widget."""
    words = [t.lower() for t in tokens]
    seen: set[tuple[str, ...]] = set()
    for i in range(len(words) - 3):
        gram = tuple(words[i:i + 4])
        if gram in seen and any(len(w) > 2 and w not in _words("function_words") for w in gram):
            return True
        seen.add(gram)
    return False


# -- links to other stories --------------------------------------------------------------


def _is_link(para: str) -> bool:
    """True for a labelled link ("More: ...", "Related: ...") or one ending "Read more"."""
    if len(para.split()) > load("furniture")["headline_words"]["max"]:
        return False
    return bool(_link_label().match(para) or _link_suffix().search(para))


@functools.cache
def _link_label() -> re.Pattern[str]:
    labels = "|".join(load("furniture")["link_labels"])
    return re.compile(rf"^[(\[]?\s*(?:{labels})\s*:(?:\s|(?=[A-Z“\"‘']))", re.IGNORECASE)


@functools.cache
def _link_suffix() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in load("furniture")["link_suffixes"])
    return re.compile(rf"\s(?:{suffixes})\s*$", re.IGNORECASE)


# -- sign-up prompts -----------------------------------------------------------------------


def _cut_promos(para: str) -> tuple[str, list[str]]:
    """Return `para` without its sign-up sentences; all of it when they are most of it.

    Once one sentence is a sign-up prompt, its neighbours that name a sign-up thing, speak to
    the reader or give an order count too ("Invalid email address. Please re-enter."). A
    paragraph that quotes someone is left whole: its pieces may be the quotation's sentences.
    """
    if _QUOTED.search(para):
        return para, []
    pieces = _PIECES.split(para)
    promos = [p for p in pieces if _is_promo(p)]
    if not promos:
        return para, []
    near = sum(len(p.split()) for p in pieces if _promo_like(p))
    if near >= 0.5 * len(para.split()):
        return "", [para]
    return " ".join(p for p in pieces if p not in promos), promos


def _is_promo(piece: str) -> bool:
    """True for a sentence that asks the reader to sign up, subscribe or click.

    It opens with an imperative and names a sign-up thing (a newsletter, an inbox, a privacy
    policy), or speaks to the reader ("you") and names two, or names three.
    """
    cues = len(_promo_cue().findall(piece))
    words = re.findall(r"[\w’']+", piece.lower())
    if not words or not cues:
        return False
    if words[0] in _words("promo_verbs") or cues >= 3:
        return True
    return cues >= 2 and bool(set(words) & _words("reader_words"))


def _promo_like(piece: str) -> bool:
    words = re.findall(r"[\w’']+", piece.lower())
    return bool(_promo_cue().search(piece) or (words and words[0] in _words("promo_verbs"))
                or set(words) & _words("reader_words"))


@functools.cache
def _promo_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(load('furniture')['promo_cues'])})\b", re.IGNORECASE)


# -- hover cards -----------------------------------------------------------------------------


_GLUED = re.compile(r"\b([A-Z][a-z’'-]+)(?=[A-Z])\S*")


def _cut_cards(para: str) -> tuple[str, list[str]]:
    """Return `para` without hover cards, and the cards.

    A card repeats a name just mentioned in full ("Mike Roe Michael (Mike) Jay Roe"), glues
    its surname to another story's headline ("RoeTalks collapse") and closes with a link word.
    """
    cards = []
    while (span := _card(para)) is not None:
        start, end = span
        cards.append(para[start:end].strip())
        para = (para[:start].rstrip() + " " + para[end:].lstrip()).strip()
    return para, cards


def _card(para: str) -> tuple[int, int] | None:
    ends = "|".join(re.escape(w) for w in load("furniture")["card_end"])
    for glued in _GLUED.finditer(para):
        surname = glued.group(1)
        before = para[: glued.start()].split()[-7:]
        if surname not in before:
            continue  # no name just mentioned: "McDonald", "YouTube"
        back = len(before) - before[::-1].index(surname)  # the word after the short mention
        start = glued.start() - len(" ".join(before[back:])) - (1 if back < len(before) else 0)
        close = re.compile(rf"\s(?:{ends})\b").search(para, glued.end())
        if close and len(para[glued.end(): close.start()].split()) <= 80:
            return start, close.end()
    return None


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load("furniture")[key])
