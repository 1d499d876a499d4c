"""Extraction with a cache: parse only the articles the cache has not seen, in batches.

Articles stream through spaCy in batches of `BATCH`, each batch read when it is taken (the
articles may wait on disk: `articles` is any sequence); each Doc is read into `ArticleFacts` and
dropped, and each batch runs in a spaCy memory zone (the strings and lexemes it adds are freed
after it), so memory does not grow with the parsed documents. Beyond KEEP_FACTS articles the
facts do not stay in memory either: they stream into the cache, grouping reads a `Digest` of
each (its words and traits), and each event's facts are read back when it is built. The
parse runs on one of these engines, all giving identical facts:

- a `Reader` in this process: one worker, or few articles, shared between this process and
  `workers - 1` processes forked from it, each taking an even share of the text;
- a `Reader` in a model process (`model_process`): the same, in a process forked when the run
  starts, which imports spaCy and loads the model while this one reads the inputs and the
  cache. This process then never imports spaCy: a run with one new article among many cached
  ones waits for the model only as long as reading the rest takes;
- a pool of `workers` processes on this machine (forked after the model is loaded, so each
  starts at once on Linux), for many articles;
- a Dask cluster (`dask=ADDRESS`, or "local" for a cluster on this machine): the batches go
  to its workers, which must have briefing and the model installed; facts come back here and
  are fused on the client.

An undated article's facts keep its dating (briefing.extract.dating): the fuse stage infers
its date and re-reads its dated facts from that, with no Doc and no second parse. The spaCy
model itself is loaded only when something must be parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import replace
from typing import Any

from briefing.fuse.cluster import Digest, digest
from briefing.runtime import nlp, parallel
from briefing.runtime.shelf import Computed
from briefing.store.facts_cache import FactsCache
from briefing.types import Article, ArticleFacts

BATCH = 32  # articles per task sent to a worker process or Dask
PIPE_BATCH = 16  # documents spaCy parses at once: its default (256) peaks near 1 GB, no faster
MIN_PER_WORKER = 24  # below this many uncached articles per worker, no pool of workers
FEW = 64  # up to this many articles, a Reader parses them at once, shared with forked processes
KEEP_FACTS = 2000  # up to this many articles, their facts stay in memory (see Extractor.digests)


def extract_batch(model: str | None, articles: Sequence[Article]) -> list[ArticleFacts]:
    """Return the facts of a batch of articles (runs in a worker process or on Dask).

    The batch is parsed in a spaCy memory zone: the strings and lexemes it added are freed
    afterwards, so a worker's memory does not grow with the corpus."""
    from briefing.extract import article_facts

    language = nlp.load(model)
    with language.memory_zone():
        docs = nlp.pipe(language, (a.text for a in articles), batch_size=PIPE_BATCH)
        return [article_facts(doc, a) for a, doc in zip(articles, docs, strict=True)]


def shares(items: Sequence[Article], n: int) -> list[list[Article]]:
    """Split the articles into `n` shares of about the same text length (longest first, each to
    the lightest share), heaviest share first, each in input order."""
    bins: list[list[int]] = [[] for _ in range(n)]
    load = [0] * n
    for i in sorted(range(len(items)), key=lambda i: -len(items[i].text)):
        lightest = load.index(min(load))
        bins[lightest].append(i)
        load[lightest] += len(items[i].text)
    order = sorted(range(n), key=lambda b: -load[b])
    return [[items[i] for i in sorted(bins[b])] for b in order if bins[b]]


def batches(items: Sequence[Article], size: int = BATCH) -> Sequence[list[Article]]:
    """Return the articles in batches of `size`, each made when it is asked for (the
    articles may be read from disk as they are needed: see pipeline)."""
    return Computed(-(-len(items) // size), lambda b: list(items[b * size:(b + 1) * size]))


class Reader:
    """The spaCy model: parses articles into facts, counting them in `parsed`."""

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.parsed = 0

    def parse(self, todo: Sequence[Article], workers: int = 1) -> Iterator[ArticleFacts]:
        """Yield the facts of each article in order. Few articles are shared with `workers - 1`
        processes forked from this one; many go batch by batch."""
        self.parsed += len(todo)
        if len(todo) > FEW:
            for batch in batches(todo):
                yield from extract_batch(self.model, batch)
        elif workers > 1 and len(todo) > 1 and parallel.FORK:
            yield from self._shared(todo, shares(todo, min(workers, len(todo))))
        else:
            yield from self._here(todo)

    def read(self, article: Article) -> ArticleFacts:
        """Return the facts of one article, parsing it."""
        self.parsed += 1
        return next(self._here([article]))

    def _here(self, todo: Sequence[Article]) -> Iterator[ArticleFacts]:
        from briefing.extract import article_facts

        language = nlp.load(self.model)
        texts = (a.text for a in todo)
        docs = nlp.pipe(language, texts, batch_size=PIPE_BATCH)
        for article, doc in zip(todo, docs, strict=True):
            yield article_facts(doc, article)

    def _shared(self, todo: Sequence[Article], parts: list[list[Article]]) -> Iterator[ArticleFacts]:
        """Parse the first (heaviest) share here while forked processes parse the others: they
        start later and send their results back."""
        with parallel.pool(len(parts) - 1) as pool:
            futures = [pool.submit(extract_batch, self.model, part) for part in parts[1:]]
            done = {f.article.id: f for f in self._here(parts[0])}
            for future in futures:
                done.update((f.article.id, f) for f in future.result())
        yield from (done[a.id] for a in todo)


_READER: Reader | None = None  # the model process's Reader


def prepare_model(model: str | None) -> None:
    """Load the model into this process's Reader (the model process runs this first)."""
    global _READER
    _READER = Reader(model)
    nlp.load(model)


def serve(model: str | None, method: str, *args: Any) -> tuple[Any, int]:
    """Run a Reader method in the model process; returns its result (a list, not an iterator)
    and how many documents it parsed."""
    global _READER
    if _READER is None or _READER.model != model:
        _READER = Reader(model)
    before = _READER.parsed
    result = getattr(_READER, method)(*args)
    return (list(result) if method == "parse" else result), _READER.parsed - before


class Extractor:
    """Article facts from the cache, else from spaCy; counts the documents `parsed`.

    `workers` processes parse when there are enough uncached articles (default: every core);
    `dask` names a Dask scheduler address, or "local", to parse on a cluster instead;
    `model_process` is a process that is loading the model (see `prepare_model`), used for
    few articles and re-reading.
    """

    def __init__(self, model: str | None, cache: FactsCache | None,
                 say: Callable[[str], None], *, workers: int = 1, dask: str | None = None,
                 min_per_worker: int = MIN_PER_WORKER,
                 model_process: Executor | None = None) -> None:
        self.model, self.cache, self.say = model, cache, say
        self.workers, self.dask, self.min_per_worker = max(1, workers), dask, min_per_worker
        self.reader = Reader(model)
        self.remote = model_process
        self.fresh = 0
        self.kept: dict[str, ArticleFacts] = {}  # facts by article id (see `digests`)

    @property
    def parsed(self) -> int:
        """The documents spaCy parsed."""
        return self.reader.parsed

    def all(self, articles: Sequence[Article],
            meanwhile: Callable[[], object] | None = None) -> list[ArticleFacts]:
        """Return the facts of every article, parsing the uncached ones; `meanwhile` is called
        while the model process parses (this process would otherwise only wait)."""
        found = dict(self._each(articles, meanwhile))
        return [found[i] for i in range(len(articles))]

    def digests(self, articles: Sequence[Article],
                meanwhile: Callable[[], object] | None = None) -> list[Digest]:
        """Return the digest of every article (what grouping reads), parsing the uncached ones.

        The facts themselves stream into the cache, and are kept in memory only for up to
        KEEP_FACTS articles: beyond, `facts` reads each back when its event is built, so
        memory holds digests, not the facts of the whole corpus."""
        keep = len(articles) <= KEEP_FACTS or self.cache is None
        out: list[Digest | None] = [None] * len(articles)
        for i, facts in self._each(articles, meanwhile):
            out[i] = digest(facts)
            if keep:
                self.kept[facts.article.id] = facts
        return out  # type: ignore[return-value]

    def _each(self, articles: Sequence[Article],
              meanwhile: Callable[[], object] | None) -> Iterator[tuple[int, ArticleFacts]]:
        """Yield (index, facts) of every article: the cached ones, then the parsed ones."""
        todo, where = [], {}  # where: index by article id, of those to parse
        for i, article in enumerate(articles):
            found = self._get(article)
            if found is None:
                todo.append(i)
                where[article.id] = i
            else:
                yield i, found
        if not todo:
            return
        nlp.model_name(self.model)  # a missing model fails here, before any parsing
        engine = self._engine(Computed(len(todo), lambda k: articles[todo[k]]), meanwhile)
        for facts in self._report(engine, len(todo), len(articles)):
            if self.cache:
                self.cache.put(facts)
            yield where[facts.article.id], facts
        self.fresh += len(todo)

    def _engine(self, todo: Sequence[Article],
                meanwhile: Callable[[], object] | None = None) -> Iterator[ArticleFacts]:
        if self.dask:
            from briefing.runtime.dask_cluster import extract_on_dask

            self.reader.parsed += len(todo)
            yield from extract_on_dask(self.dask, self.model, batches(todo), extract_batch)
            return
        workers = min(self.workers, len(todo) // self.min_per_worker)
        if workers > 1:
            self.reader.parsed += len(todo)
            yield from self._pool(todo, workers)
        elif self.remote is not None:
            yield from self._call("parse", list(todo), self.workers, meanwhile=meanwhile)
        else:
            yield from self.reader.parse(todo, self.workers)

    def _call(self, method: str, *args: Any, meanwhile: Callable[[], object] | None = None) -> Any:
        """Run a Reader method in the model process (see `serve`), calling `meanwhile` while
        it runs."""
        assert self.remote is not None
        future = self.remote.submit(serve, self.model, method, *args)
        if meanwhile is not None:
            meanwhile()
        result, parsed = future.result()
        self.reader.parsed += parsed
        return result

    def _pool(self, todo: Sequence[Article], workers: int) -> Iterator[ArticleFacts]:
        if self.remote is not None:  # its model would only add to this process's memory
            self.remote.shutdown(wait=False, cancel_futures=True)
            self.remote = None
        if parallel.FORK:  # children inherit the loaded model: no start-up cost
            nlp.load(self.model)
        self.say(f"parsing with {workers} worker processes")
        calls = ((self.model, batch) for batch in batches(todo))
        with parallel.pool(workers) as pool:
            for batch in parallel.ahead_map(pool.submit, extract_batch, calls, 2 * workers):
                yield from batch

    def _report(self, facts: Iterator[ArticleFacts], todo: int,
                total: int) -> Iterator[ArticleFacts]:
        """Pass the facts through, saying how far the parse is every tenth of the way."""
        self.say(f"parsing {todo} of {total} articles with spaCy")
        step = max(BATCH, todo // 10)
        for n, f in enumerate(facts, 1):
            if n % step == 0 and n < todo:
                self.say(f"  parsed {n} of {todo}")
            yield f

    def facts(self, article: Article) -> ArticleFacts:
        """Return the facts of one article: kept, else cached, else parsed (a cache that lost
        them)."""
        kept = self.kept.get(article.id)
        if kept is not None and kept.article == article:
            return kept
        cached = self._get(article)
        if cached is not None:
            return cached
        read = self._call("read", article) if self.remote is not None else self.reader.read(article)
        if self.cache:
            self.cache.put(read)
        return read

    def close(self) -> None:
        """Let go of what was kept once no article will be read again (the events are built):
        the model process ends (while briefs are written it would hold its model, idle), the
        kept facts are dropped. The model loaded in this process stays: watch parses again on
        the next change."""
        if self.remote is not None:
            self.remote.shutdown(wait=False, cancel_futures=True)
            self.remote = None
        self.kept.clear()

    def _get(self, article: Article) -> ArticleFacts | None:
        """Return the cached facts of `article`, or None. They carry `article` itself, not the
        cache's copy of it (equal: the key is its content), so its text is in memory once."""
        cached = self.cache.get(article) if self.cache else None
        return None if cached is None else replace(cached, article=article)
