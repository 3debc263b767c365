"""SQLite backend: one file, WAL journal, foreign keys on."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

from eventcoder.store.base import Store, StoreError, clean_params, schema_sql
from eventcoder.store.filters import MIN_TRIGRAM, like_pattern, match_expression, text_terms
from eventcoder.store.rows import ArticleRows

# event_text rows from the stored events (all of them, or one article's: + " WHERE ...")
_FILL_TEXT = (
    "INSERT INTO event_text (event_id, day, type, factuality, search, actors, countries) "
    "SELECT e.id, e.day, e.type, e.factuality, s.search, COALESCE((SELECT "
    "group_concat(a.search, char(10)) FROM actors a WHERE a.event_id = e.id), ''), "
    "COALESCE((SELECT group_concat(c.country, char(10)) FROM event_countries c "
    "WHERE c.event_id = e.id), '') "
    "FROM events e JOIN event_search s ON s.id = e.id"
)
_TEXT_INDEX_KEY = "text_index"  # meta key: event_text/event_fts are complete
DENSE_MATCHES = 2000  # a text filter matching at least this many (and 5 %) events is "dense"


class SQLiteStore(Store):
    """A store in an SQLite file (or ``:memory:``)."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.url = path
        try:
            self._conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=30.0
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as an SQLite database: {exc}") from exc
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self._wal_mode()
                self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA cache_size = -131072")  # up to 128 MB
            self._conn.execute("PRAGMA mmap_size = 1073741824")
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot open {path} as an SQLite database: {exc}") from exc
        try:
            # executescript commits on its own; the statements are all IF NOT EXISTS.
            self._conn.executescript(schema_sql().replace("/*without_rowid*/", "WITHOUT ROWID"))
            self._check_layout()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise self._layout_error(exc) from exc
        self._init_meta()
        self._fts = self._open_text_index()
        # planner statistics are refreshed whenever the number of articles has doubled
        self._articles = int(self._execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        self._analyzed_at = self._articles
        has_stats = self._execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if self._articles and not has_stats.fetchone():
            self.optimize()

    def _wal_mode(self, wait: float = 30.0) -> None:
        """Switch to WAL; another process creating the same file at this moment holds a lock
        the busy timeout does not cover, so wait for it here (at most ``wait`` seconds)."""
        deadline = time.monotonic() + wait
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open_text_index(self) -> bool:
        """Create (and for a database of an older version, fill) the trigram index behind the
        text filters; False when this SQLite has no FTS5 trigram tokenizer (LIKE is used)."""
        sql = resources.files("eventcoder.store").joinpath("text_sqlite.sql").read_text("utf-8")
        try:
            self._conn.executescript(sql)
        except sqlite3.OperationalError as exc:
            if not any(word in str(exc) for word in ("fts5", "tokenize", "trigram")):
                raise StoreError(f"{self!r}: cannot set up the text index: {exc}") from exc
            # no FTS5 or no trigram tokenizer (SQLite < 3.34): LIKE scans; an index made by
            # another SQLite is rebuilt when it next opens the file
            with self._transaction():
                self._execute("DELETE FROM meta WHERE key = ?", (_TEXT_INDEX_KEY,))
            return False
        done = "SELECT 1 FROM meta WHERE key = ?"
        if not self._execute(done, (_TEXT_INDEX_KEY,)).fetchone():
            with self._transaction():
                if not self._execute(done, (_TEXT_INDEX_KEY,)).fetchone():  # not meanwhile
                    self._execute("DELETE FROM event_text")
                    self._execute(_FILL_TEXT)
                    self._execute(
                        "INSERT INTO meta (key, value) VALUES (?, '1')", (_TEXT_INDEX_KEY,)
                    )
        return True

    def _insert_rows(self, rows: ArticleRows) -> bool:
        added = super()._insert_rows(rows)
        if added and self._fts and rows.events:
            self._execute(_FILL_TEXT + " WHERE e.article_id = ?", (rows.article[0],))
        return added

    def _page_path(self, filters: dict[str, Any]) -> tuple[str, list[str], list[Any]] | None:
        """The trigram index finds the matching events; when only text filters are given and
        they match many (5 % or more), walking the newest events and testing each with LIKE
        fills a page sooner than sorting all matches."""
        by_text = self._text_path(filters)
        given = {k for k, v in filters.items() if v not in (None, "", [], ())}
        terms = text_terms(filters)
        if not by_text or not given <= {"q", "actor"}:
            return by_text
        match = match_expression(terms)
        if match is None:
            return by_text  # short terms only: LIKE scans already
        (last,) = self._rows("SELECT COALESCE(MAX(n), 0) FROM event_text")[0]
        cap = max(DENSE_MATCHES, int(last) // 20)
        sql = "SELECT COUNT(*) FROM (SELECT rowid FROM event_fts WHERE event_fts MATCH ? LIMIT ?)"
        if self._rows(sql, (match, cap))[0][0] < cap:
            return by_text
        where = [f"t.{column} LIKE ? ESCAPE '\\'" for column, _ in terms]
        return "event_text t", where, [like_pattern(term) for _, term in terms]

    def _count_text_only(self, filters: dict[str, Any]) -> int | None:
        if not self._fts:
            return super()._count_text_only(filters)
        terms = text_terms(filters)
        if any(len(term) < MIN_TRIGRAM for _, term in terms):
            return None
        sql = "SELECT COUNT(*) FROM event_fts WHERE event_fts MATCH ?"
        return int(self._rows(sql, (match_expression(terms),))[0][0])

    def optimize(self) -> None:
        """Refresh the query planner's statistics (sampled: fast even on big databases)."""
        with self._lock:
            self._conn.execute("PRAGMA analysis_limit = 1000")
            self._conn.execute("ANALYZE")
            self._analyzed_at = self._articles

    def _after_write(self, added: int) -> None:
        self._articles += added
        if self._articles >= max(2 * self._analyzed_at, 100):
            self.optimize()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, clean_params(params))

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        self._conn.executemany(sql, [clean_params(r) for r in rows])

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._conn.execute("SAVEPOINT article")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK TO article")
            self._conn.execute("RELEASE article")
            raise
        else:
            self._conn.execute("RELEASE article")

    def close(self) -> None:
        with self._lock:
            if self._articles != self._analyzed_at:
                with contextlib.suppress(sqlite3.Error):
                    self.optimize()
            self._conn.close()
