"""A SQLite cache of per-article extraction results, under `out/.cache/`.

Keyed by the article's content (every field of the cleaned `Article`), the tool's code
fingerprint and the spaCy model name: adding one article to a hundred parses only that one. A
corrupt database is set aside and rebuilt with a warning.
"""

from __future__ import annotations

import contextlib
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
        self._told_entry = False
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path)
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM facts").fetchone()
            return db
        except sqlite3.DatabaseError as exc:
            return self._rebuilt(exc)

    def _rebuilt(self, exc: sqlite3.DatabaseError, db: sqlite3.Connection | None = None
                 ) -> sqlite3.Connection:
        """Return a new, empty database in place of the corrupt one, after one warning."""
        self.warn(f"{self.path}: cache is corrupt ({exc}); rebuilding it (its articles are "
                  "parsed again)")
        if db is not None:
            db.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute(SCHEMA)
        return db

    def key(self, article: Article) -> str:
        """Return the cache key of an article: its content, the tool and the model."""
        text = codec.dumps(article) + "\0" + self.salt
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, article: Article) -> ArticleFacts | None:
        """Return the cached facts of `article`, or None (a miss; unreadable rows are misses)."""
        key = self.key(article)
        try:
            row = self.db.execute("SELECT facts FROM facts WHERE key = ?", (key,)).fetchone()
            facts = codec.loads(ArticleFacts, row[0]) if row else None
        except sqlite3.DatabaseError as exc:  # a damaged page: the whole file is suspect
            self.db, facts = self._rebuilt(exc, self.db), None
        except (ValueError, TypeError, RecursionError) as exc:
            self._drop(key, article.id, exc)
            facts = None
        if facts is None:
            self.misses += 1
        else:
            self.hits += 1
        return facts

    def _drop(self, key: str, article: str, exc: Exception) -> None:
        """Forget an entry that cannot be read back; warns for the first one only."""
        if not self._told_entry:
            self.warn(f"{self.path}: unreadable cache entry for {article} ({exc}); dropping "
                      "such entries and parsing their articles again")
            self._told_entry = True
        with contextlib.suppress(sqlite3.DatabaseError):
            self.db.execute("DELETE FROM facts WHERE key = ?", (key,))

    def put(self, facts: ArticleFacts) -> None:
        """Store the facts of `facts.article` (written on `close`)."""
        row = (self.key(facts.article), codec.dumps(facts))
        try:
            self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)", row)
        except sqlite3.DatabaseError as exc:
            self.db = self._rebuilt(exc, self.db)
            with contextlib.suppress(sqlite3.DatabaseError):
                self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)", row)

    def close(self) -> None:
        """Commit and close; a failed commit only costs re-parsing next time."""
        try:
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot save the cache ({exc}); next run re-parses")
        self.db.close()
