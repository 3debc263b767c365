"""SQLite backend: one file, WAL journal, foreign keys on."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from eventcoder.store.base import Store, StoreError, schema_sql


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
                self._conn.execute("PRAGMA journal_mode = WAL")
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
        # planner statistics are refreshed whenever the number of articles has doubled
        self._articles = int(self._execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        self._analyzed_at = self._articles
        has_stats = self._execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if self._articles and not has_stats.fetchone():
            self.optimize()

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
        return self._conn.execute(sql, params)

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

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
