"""Extraction with a cache: parse only the articles the cache has not seen.

The fuse stage re-reads articles whose publication date it infers (`redate`); a re-dated
article is a new cache entry, and its Doc is parsed lazily, only when that entry is missing.
The spaCy model itself is loaded only when something must be parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing import nlp
from briefing.cache import FactsCache
from briefing.extract import article_facts
from briefing.types import Article, ArticleFacts


class Extractor:
    """Article facts from the cache, else from spaCy; counts the documents `parsed`."""

    def __init__(self, model: str | None, cache: FactsCache | None,
                 say: Callable[[str], None]) -> None:
        self.model, self.cache, self.say = model, cache, say
        self.docs: dict[str, object] = {}
        self.parsed = 0

    def all(self, articles: Sequence[Article]) -> list[ArticleFacts]:
        """Return the facts of every article, parsing the uncached ones in one batch."""
        cached = {a.id: self._get(a) for a in articles}
        todo = [a for a in articles if cached[a.id] is None]
        if todo:
            self.say(f"parsing {len(todo)} of {len(articles)} articles with spaCy")
            language = nlp.load(self.model)
            for article, doc in zip(todo, language.pipe(a.text for a in todo), strict=True):
                self.docs[article.id] = doc
            self.parsed += len(todo)
        return [cached[a.id] or self._extract(a) for a in articles]

    def facts(self, article: Article, *, dates_only: bool = False) -> ArticleFacts:
        """Return the facts of one article (a re-dated copy too), parsing it only if needed.
        `dates_only` readings (candidates of date inference) are cached apart from full ones."""
        if not dates_only:
            return self._get(article) or self._extract(article)
        cached = self.cache.get(article, "dates") if self.cache else None
        if cached is None:
            cached = article_facts(self._doc(article), article, dates_only=True)  # type: ignore[arg-type]
            if self.cache:
                self.cache.put(cached, "dates")
        return cached

    def _get(self, article: Article) -> ArticleFacts | None:
        return self.cache.get(article) if self.cache else None

    def _doc(self, article: Article) -> object:
        doc = self.docs.get(article.id)
        if doc is None:
            doc = self.docs[article.id] = nlp.load(self.model)(article.text)
            self.parsed += 1
        return doc

    def _extract(self, article: Article) -> ArticleFacts:
        facts = article_facts(self._doc(article), article)  # type: ignore[arg-type]
        if self.cache:
            self.cache.put(facts)
        return facts
