"""A SQLite cache of per-article extraction results, under `out/.cache/`.

Keyed by the article's content (every field of the cleaned `Article`), the tool's code
fingerprint and the spaCy model name: adding one article to a hundred parses only that one. A
corrupt database is set aside and rebuilt with a warning.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing.store import dataclass_json as codec
from briefing.types import Article, ArticleFacts

SCHEMA = "CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, facts TEXT NOT NULL)"


class FactsCache:
    """Extraction results by article; counts `hits` and `misses`."""

    def __init__(self, path: Path, *, salt: str, warn: Callable[[str], None]) -> None:
        self.path, self.salt, self.warn = path, salt, warn
        self.hits = self.misses = 0
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path)
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM facts").fetchone()
            return db
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cache is corrupt ({exc}); rebuilding it")
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path)
            db.execute(SCHEMA)
            return db

    def key(self, article: Article) -> str:
        """Return the cache key of an article: its content, the tool and the model."""
        text = codec.dumps(article) + "\0" + self.salt
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, article: Article) -> ArticleFacts | None:
        """Return the cached facts of `article`, or None (a miss; unreadable rows are misses)."""
        try:
            row = self.db.execute("SELECT facts FROM facts WHERE key = ?",
                                  (self.key(article),)).fetchone()
            facts = codec.loads(ArticleFacts, row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError) as exc:
            self.warn(f"{self.path}: unreadable cache entry for {article.id} ({exc}); re-parsing")
            facts = None
        if facts is None:
            self.misses += 1
        else:
            self.hits += 1
        return facts

    def put(self, facts: ArticleFacts) -> None:
        """Store the facts of `facts.article` (written on `close`)."""
        try:
            self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)",
                            (self.key(facts.article), codec.dumps(facts)))
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot store {facts.article.id} ({exc}); continuing")

    def close(self) -> None:
        """Commit and close; a failed commit only costs re-parsing next time."""
        try:
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot save the cache ({exc}); next run re-parses")
        self.db.close()
