"""Bulk load of a batch data set (``eventcoder batch --out DIR``) into a store.

New articles only (ids already stored are skipped, so a re-run adds nothing); per chunk one
transaction: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.model import Article
from eventcoder.store.base import Store, _insert
from eventcoder.store.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    COUNTRY_COLUMNS,
    DOC_COLUMNS,
    EVENT_COLUMNS,
    LINK_COLUMNS,
    SEARCH_COLUMNS,
    ArticleRows,
    article_rows,
    prepare_events,
)

CHUNK = 5000  # articles per transaction
_TABLES = (
    ("articles", ARTICLE_COLUMNS, "article"),
    ("events", EVENT_COLUMNS, "events"),
    ("event_docs", DOC_COLUMNS, "docs"),
    ("event_search", SEARCH_COLUMNS, "search"),
    ("actors", ACTOR_COLUMNS, "actors"),
    ("event_countries", COUNTRY_COLUMNS, "countries"),
    ("links", LINK_COLUMNS, "links"),
)


@dataclass
class LoadSummary:
    articles: int = 0  # read from the data set
    new: int = 0
    stored: int = 0  # already in the store
    events: int = 0  # events of the new articles

    def line(self) -> str:
        return (f"loaded {self.articles} articles: {self.new} new, {self.stored} already "
                f"stored, {self.events} events stored")  # fmt: skip


def is_dataset(path: str | Path) -> bool:
    """True for a folder written by ``eventcoder batch`` (has dataset.json and articles/)."""
    p = Path(path)
    return p.is_dir() and (p / "dataset.json").is_file() and (p / "articles").is_dir()


def read_dataset(path: str | Path, chunk: int = CHUNK) -> Iterator[list[Article]]:
    """The data set's articles with their events, ``chunk`` articles at a time (file by file)."""
    import pyarrow.parquet as pq

    from eventcoder.batch.schema import articles_from_tables

    root = Path(path)
    pending: list[Article] = []
    for art_file in sorted((root / "articles").rglob("part-*.parquet")):
        ev_file = root / "events" / art_file.relative_to(root / "articles")
        arts = pq.read_table(art_file).to_pylist()
        evs = pq.read_table(ev_file, columns=["article_id", "seq", "doc"]).to_pylist() \
            if ev_file.exists() else []
        pending.extend(articles_from_tables(arts, evs))
        while len(pending) >= chunk:
            yield pending[:chunk]
            pending = pending[chunk:]
    if pending:
        yield pending


def load_dataset(path: str | Path, store: Store, *, chunk: int = CHUNK,
                 progress: Callable[[LoadSummary], None] | None = None) -> LoadSummary:
    """Load the data set in ``path`` into ``store``; returns the counts."""
    summary = LoadSummary()
    for articles in read_dataset(path, chunk):
        summary.articles += len(articles)
        known = _stored_ids(store, [a.id for a in articles])
        rows: list[ArticleRows] = []
        seen: set[str] = set()
        for art in articles:
            if art.id in known or art.id in seen:
                summary.stored += 1
                continue
            seen.add(art.id)
            rows.append(article_rows(art, prepare_events(art)))
        if rows:
            _bulk_insert(store, rows)
            summary.new += len(rows)
            summary.events += sum(len(r.events) for r in rows)
        if progress is not None:
            progress(summary)
    return summary


def _stored_ids(store: Store, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        marks = ", ".join("?" * len(part))
        found.update(r[0] for r in store._rows(f"SELECT id FROM articles WHERE id IN ({marks})",
                                               part))  # fmt: skip
    return found


def _table_rows(rows: list[ArticleRows], attr: str) -> list[tuple[Any, ...]]:
    if attr == "article":
        return [r.article for r in rows]
    return [row for r in rows for row in getattr(r, attr)]


def _bulk_insert(store: Store, rows: list[ArticleRows]) -> None:
    from eventcoder.store.postgres import PostgresStore

    with store._lock:
        with store._transaction():
            if isinstance(store, PostgresStore):
                _copy(store, rows)
            else:
                _executemany(store, rows)
        store._after_write(len(rows))


def _executemany(store: Store, rows: list[ArticleRows]) -> None:
    from eventcoder.store.sqlite import _FILL_TEXT

    for table, columns, attr in _TABLES:
        data = _table_rows(rows, attr)
        if data:
            conflict = "id" if table == "articles" else None
            store._executemany(_insert(table, columns, conflict), data)
    if store._fts:  # SQLite's trigram index of the text filters
        ids = [r.article[0] for r in rows if r.events]
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            store._execute(_FILL_TEXT + f" WHERE e.article_id IN ({', '.join('?' * len(part))})",
                           part)  # fmt: skip


def _copy(store: Any, rows: list[ArticleRows]) -> None:
    # advisory lock per transaction: a concurrent loader of the same data set waits, then
    # finds the ids stored (the ids were checked before; COPY has no ON CONFLICT)
    conn = store._conn
    conn.execute("SELECT pg_advisory_xact_lock(7406222)")
    ids = [r.article[0] for r in rows]
    again = {r[0] for r in conn.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))}
    if again:
        rows = [r for r in rows if r.article[0] not in again]
    with conn.cursor() as cur:
        for table, columns, attr in _TABLES:
            data = _table_rows(rows, attr)
            if not data:
                continue
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)
