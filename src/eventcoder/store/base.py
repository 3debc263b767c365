"""The Store: articles and their events in a SQL database (backend-independent part).

Subclasses (:mod:`.sqlite`, :mod:`.postgres`) supply the connection, the transaction and the
placeholder style; all SQL here is portable and written with ``?`` placeholders.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

from eventcoder.model import SCHEMA_VERSION, Article, Event
from eventcoder.store.filters import (
    country_conditions,
    date_bounds,
    event_conditions,
    only_dates,
    text_conditions,
    text_subqueries,
)
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


class StoreError(Exception):
    """A problem with the database (not with one article's content)."""


class QueryError(ValueError):
    """A query the store cannot answer as asked (e.g. an offset beyond any table)."""


MAX_OFFSET = 2**62
"""Largest ``offset``/``limit`` accepted (SQL integers are 64-bit)."""
RETRIES = 5
"""How often an article is tried again after a deadlock or serialization failure."""


def clean_params(params: Sequence[Any]) -> list[Any]:
    """The parameters with NUL characters removed from text (PostgreSQL cannot hold them,
    SQLite could: removed on both so that both stores store and find the same)."""
    return [p.replace("\x00", "") if isinstance(p, str) and "\x00" in p else p for p in params]


def _insert(table: str, columns: Sequence[str], conflict: str | None = None) -> str:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    return sql + (f" ON CONFLICT ({conflict}) DO NOTHING" if conflict else "")


def schema_sql() -> str:
    """The schema file shared by both backends."""
    return resources.files("eventcoder.store").joinpath("schema.sql").read_text("utf-8")


_LAYOUT = (
    ("articles", ARTICLE_COLUMNS),
    ("events", EVENT_COLUMNS),
    ("event_docs", DOC_COLUMNS),
    ("event_search", SEARCH_COLUMNS),
    ("actors", ACTOR_COLUMNS),
    ("event_countries", COUNTRY_COLUMNS),
    ("links", LINK_COLUMNS),
)


def _where(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


class Store:
    """Articles with their coded events; filtered queries, statistics and the actor network."""

    url: str
    #: the text filters use SQLite's trigram index (set by the backend when it has one)
    _fts = False

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- backend hooks ----------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement and return its cursor."""
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _transaction(self) -> contextlib.AbstractContextManager[Any]:
        """Context manager: everything inside is committed together or rolled back."""
        raise NotImplementedError

    def _savepoint(self) -> contextlib.AbstractContextManager[Any]:
        """Context manager inside a transaction: rolls back only its own part on error."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after big changes; the backends decide)."""

    def _after_write(self, added: int) -> None:
        """Called after each committed write with the number of articles added."""

    def _retryable(self, exc: Exception) -> bool:
        """True for a transient conflict with another writer (deadlock, serialization)."""
        return False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"

    def _conditions(self, filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
        """The filters as conditions over ``events e`` for this backend."""
        return event_conditions(**filters, fts=self._fts)

    def _text_path(self, filters: dict[str, Any]) -> tuple[str, list[str], list[Any]] | None:
        """(FROM, conditions, parameters) over ``event_text t`` when the text index should drive
        the query."""
        return text_conditions(filters) if self._fts else None

    def _page_path(self, filters: dict[str, Any]) -> tuple[str, list[str], list[Any]] | None:
        """Like :meth:`_text_path`, for a newest-first page (a backend may walk instead)."""
        return self._text_path(filters)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._execute(sql, params).fetchall())

    def _init_meta(self) -> None:
        self._execute(_insert("meta", ("key", "value"), "key"), ("schema_version", SCHEMA_VERSION))

    def _check_layout(self) -> None:
        """Fail clearly when the database was made by an incompatible eventcoder version."""
        for table, columns in _LAYOUT:
            self._execute(f"SELECT {', '.join(columns)} FROM {table} WHERE 1 = 0")

    def _layout_error(self, exc: Exception) -> StoreError:
        return StoreError(
            f"{self!r}: the database does not have the layout this eventcoder version needs "
            f"({exc}); move it away or use another --db / EVENTCODER_DB"
        )

    # -- writing ----------------------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store ``article`` with its events in one transaction.

        Returns False (and changes nothing) when an article with the same id is already stored.
        Events without ``article_id``/``id`` get them filled in; duplicate event ids within the
        article are stored once.
        """
        rows = article_rows(article, prepare_events(article))
        with self._lock:
            for attempt in range(RETRIES + 1):
                try:
                    with self._transaction():
                        added = self._insert_rows(rows)
                    break
                except Exception as exc:
                    if attempt == RETRIES or not self._retryable(exc):
                        raise
                    time.sleep(0.01 * 2**attempt)
            self._after_write(int(added))
        return added

    def add_articles(self, articles: Iterable[Article]) -> list[bool | Exception]:
        """Store many articles in one transaction (much faster than one by one).

        Each article is still all or nothing (a savepoint each): the result per article is
        True (stored), False (already stored) or the exception that kept it out. Articles are
        written in id order (so that overlapping batches of two writers cannot deadlock), and
        one that meets a deadlock anyway is tried again, at most :data:`RETRIES` times.
        """
        prepared = [article_rows(a, prepare_events(a)) for a in articles]
        order = sorted(range(len(prepared)), key=lambda i: prepared[i].article[0])
        results: list[bool | Exception] = [False] * len(prepared)
        with self._lock:
            with self._transaction():
                for i in order:
                    results[i] = self._insert_retrying(prepared[i])
            self._after_write(sum(r is True for r in results))
        return results

    def _insert_retrying(self, rows: ArticleRows) -> bool | Exception:
        """Insert one article in a savepoint; the exception that kept it out, if any."""
        for attempt in range(RETRIES + 1):
            try:
                with self._savepoint():
                    return self._insert_rows(rows)
            except Exception as exc:  # reported per article, the batch goes on
                if attempt == RETRIES or not self._retryable(exc):
                    return exc
                time.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable")

    def _insert_rows(self, rows: ArticleRows) -> bool:
        cur = self._execute(_insert("articles", ARTICLE_COLUMNS, "id"), rows.article)
        if cur.rowcount == 0:
            return False
        for table, columns, data in (
            ("events", EVENT_COLUMNS, rows.events),
            ("event_docs", DOC_COLUMNS, rows.docs),
            ("event_search", SEARCH_COLUMNS, rows.search),
            ("actors", ACTOR_COLUMNS, rows.actors),
            ("event_countries", COUNTRY_COLUMNS, rows.countries),
            ("links", LINK_COLUMNS, rows.links),
        ):
            if data:
                self._executemany(_insert(table, columns), data)
        return True

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and (by cascade) its events; False when it was not stored."""
        with self._lock, self._transaction():
            return self._execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    # -- reading single items ---------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def get_article(self, article_id: str) -> Article | None:
        """The article with its events (in their original order), or None."""
        rows = self._rows("SELECT doc FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        article = Article.from_dict(json.loads(rows[0][0]))
        docs = self._rows(
            "SELECT d.doc FROM events e JOIN event_docs d ON d.id = e.id "
            "WHERE e.article_id = ? ORDER BY e.seq",
            (article_id,),
        )
        article.events = [Event.from_dict(json.loads(d)) for (d,) in docs]
        return article

    def get_event(self, event_id: str) -> Event | None:
        rows = self._rows("SELECT doc FROM event_docs WHERE id = ?", (event_id,))
        return Event.from_dict(json.loads(rows[0][0])) if rows else None

    # -- filtered queries -------------------------------------------------------------------
    def query_events(
        self, *, limit: int | None = 100, offset: int = 0, **filters: Any
    ) -> list[Event]:
        """Events matching the filters, newest first (by event date, undated last, then id)."""
        by_country = country_conditions(filters)
        by_text = self._page_path(filters)
        # ids first (small rows, indexes), then the documents of just that page
        if by_text:
            source, where, params = by_text
            sql = (
                f"SELECT t.event_id FROM {source}{_where(where)} "
                "ORDER BY t.day DESC NULLS LAST, t.event_id DESC"
            )
        elif by_country:
            where, params = by_country
            sql = (
                f"SELECT DISTINCT ec.event_id, ec.day FROM event_countries ec{_where(where)} "
                "ORDER BY ec.day DESC NULLS LAST, ec.event_id DESC"
            )
        else:
            where, params = self._conditions(filters)
            sql = (
                f"SELECT e.id FROM events e{_where(where)} "
                "ORDER BY e.day DESC NULLS LAST, e.id DESC"
            )
        if limit is not None:
            if not 0 <= int(offset) <= MAX_OFFSET or not 0 <= int(limit) <= MAX_OFFSET:
                raise QueryError(f"offset and limit must be between 0 and {MAX_OFFSET}")
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        with self._lock:
            ids = [r[0] for r in self._execute(sql, params).fetchall()]
            docs: dict[str, str] = {}
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ", ".join("?" * len(chunk))
                rows = self._execute(f"SELECT id, doc FROM event_docs WHERE id IN ({marks})", chunk)
                docs.update(rows.fetchall())
        return [Event.from_dict(json.loads(docs[i])) for i in ids]

    def count_events(self, **filters: Any) -> int:
        """The number of events matching the filters."""
        given = {k for k, v in filters.items() if v not in (None, "", [], ())}
        if given and given <= {"q", "actor"}:
            n = self._count_text_only(filters)
            if n is not None:
                return n
        by_country = country_conditions(filters)
        by_text = self._text_path(filters)
        if by_text:
            source, where, params = by_text
            sql = f"SELECT COUNT(*) FROM {source}{_where(where)}"
        elif by_country:
            where, params = by_country
            sql = f"SELECT COUNT(DISTINCT ec.event_id) FROM event_countries ec{_where(where)}"
        else:
            where, params = self._conditions(filters)
            sql = f"SELECT COUNT(*) FROM events e{_where(where)}"
        return int(self._rows(sql, params)[0][0])

    def _count_text_only(self, filters: dict[str, Any]) -> int | None:
        """The count when only text filters are given, from the text tables alone (every row
        there belongs to a stored event); None when that takes more than one subquery."""
        subqueries = text_subqueries(q=filters.get("q"), actor=filters.get("actor"))
        if len(subqueries) != 1:
            return None
        sql, params = subqueries[0]
        what = "COUNT(DISTINCT m.id)" if filters.get("actor") else "COUNT(*)"  # once per event
        return int(self._rows(f"SELECT {what} FROM ({sql}) m", params)[0][0])

    def count_articles(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM articles")[0][0])

    def iter_articles(self, *, batch_size: int = 500, **filters: Any) -> Iterator[Article]:
        """Stored articles in id order, each with its events.

        Without filters: every article with all its events. With filters: the articles having at
        least one matching event, each carrying only its matching events; with only
        ``since``/``until``, articles without events published in that range are included too.
        """
        where, params = self._conditions(filters)
        select = "SELECT a.id, a.doc FROM articles a WHERE a.id > ?"
        select_params: list[Any] = []
        if where:
            cond = f"EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {' AND '.join(where)})"
            select_params = list(params)
            if only_dates(filters):
                since, until = date_bounds(filters)
                extra = ["a.n_events = 0", "a.published IS NOT NULL"]
                if since:
                    extra.append("a.published >= ?")
                    select_params.append(since)
                if until:
                    extra.append("a.published <= ?")
                    select_params.append(until)
                cond = f"({cond} OR ({' AND '.join(extra)}))"
            select += f" AND {cond}"
        select += " ORDER BY a.id LIMIT ?"
        last = ""
        while True:
            rows = self._rows(select, [last, *select_params, batch_size])
            if not rows:
                return
            ids = [r[0] for r in rows]
            marks = ", ".join("?" * len(ids))
            ev_rows = self._rows(
                "SELECT e.article_id, d.doc FROM events e JOIN event_docs d ON d.id = e.id "
                f"WHERE e.article_id IN ({marks})"
                + "".join(f" AND {w}" for w in where)
                + " ORDER BY e.article_id, e.seq",
                [*ids, *params],
            )
            by_article: dict[str, list[Event]] = {}
            for article_id, doc in ev_rows:
                by_article.setdefault(article_id, []).append(Event.from_dict(json.loads(doc)))
            for article_id, doc in rows:
                article = Article.from_dict(json.loads(doc))
                article.events = by_article.get(article_id, [])
                yield article
            last = ids[-1]
            if len(rows) < batch_size:
                return

    # -- aggregates -------------------------------------------------------------------------
    def stats(self, *, by_day_type: bool = False, **filters: Any) -> dict[str, Any]:
        """Counts of the matching events: total, by day, type, country and factuality; with
        ``by_day_type`` also by (day, type) for the stacked timeline, from the same query."""
        days: Counter[str] = Counter()
        types: Counter[str] = Counter()
        cells: Counter[tuple[str, str]] = Counter()
        facts: Counter[str] = Counter()
        by_text = self._text_path(filters)
        if by_text:
            rows, countries = self._text_stats(*by_text)
        else:
            rows, countries = self._stat_rows(filters, by_day_type), self._country_rows(filters)
        for day, type_, fact, n in rows:
            n = int(n)
            if day is not None:
                days[day] += n
            if type_ is not None:
                types[type_] += n
                if day is not None:
                    cells[day, type_] += n
            if fact is not None:
                facts[fact] += n

        def ranked(counts: Iterable[tuple[str, Any]], key: str) -> list[dict[str, Any]]:
            pairs = sorted(((k, int(n)) for k, n in counts), key=lambda kn: (-kn[1], kn[0]))
            return [{key: k, "count": n} for k, n in pairs]

        out = {
            "total": sum(types.values()),
            "by_day": [{"day": d, "count": days[d]} for d in sorted(days)],
            "by_type": ranked(types.items(), "type"),
            "by_country": ranked(countries, "country"),
            "by_factuality": ranked(facts.items(), "factuality"),
        }
        if by_day_type:
            out["by_day_type"] = [
                {"day": d, "type": t, "count": n} for (d, t), n in sorted(cells.items())
            ]
        return out

    def _stat_rows(self, filters: dict[str, Any], by_day_type: bool) -> list[tuple[Any, ...]]:
        """(day, type, factuality, count) rows of the matching events; without filters the
        parts come apart from their covering indexes (the others None)."""
        by_country = country_conditions(filters)
        if by_country:
            where, params = by_country
            where = [f"e.id IN (SELECT ec.event_id FROM event_countries ec{_where(where)})"]
        else:
            where, params = self._conditions(filters)
        if where:  # one pass over the matching events
            return self._rows(
                f"SELECT e.day, e.type, e.factuality, COUNT(*) FROM events e{_where(where)} "
                "GROUP BY e.day, e.type, e.factuality",
                params,
            )
        if by_day_type:
            parts = [("day, type", lambda d, t, n: (d, t, None, n))]
        else:
            parts = [
                ("day", lambda d, n: (d, None, None, n)),
                ("type", lambda t, n: (None, t, None, n)),
            ]
        parts.append(("factuality", lambda f, n: (None, None, f, n)))
        rows: list[tuple[Any, ...]] = []
        for columns, shape in parts:
            sql = f"SELECT {columns}, COUNT(*) FROM events GROUP BY {columns}"
            rows.extend(shape(*r) for r in self._rows(sql))
        return rows

    def _text_stats(
        self, source: str, where: list[str], params: list[Any]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[str, int]]]:
        """The statistics rows and the country counts from ``event_text`` (SQLite's text path),
        read in one pass and counted here: cheaper than grouping and joining in SQL."""
        cells: Counter[tuple[Any, Any, Any]] = Counter()
        countries: Counter[str] = Counter()
        sql = f"SELECT t.day, t.type, t.factuality, t.countries FROM {source}{_where(where)}"
        for day, type_, fact, codes in self._rows(sql, params):
            cells[day, type_, fact] += 1
            countries.update(c for c in codes.split("\n") if c)
        return [(*k, n) for k, n in cells.items()], list(countries.items())

    def _country_rows(self, filters: dict[str, Any]) -> list[tuple[Any, ...]]:
        """(country, count) of the matching events; each event once per country it involves."""
        by_country = country_conditions(filters)
        if by_country:
            where, params = by_country
            sql = (
                "SELECT c.country, COUNT(*) FROM event_countries c WHERE c.event_id IN "
                f"(SELECT ec.event_id FROM event_countries ec{_where(where)}) GROUP BY c.country"
            )
        else:
            where, params = self._conditions(filters)
            sql = "SELECT ec.country, COUNT(*) FROM event_countries ec"
            if where:
                sql += f" WHERE ec.event_id IN (SELECT e.id FROM events e{_where(where)})"
            sql += " GROUP BY ec.country"
        return self._rows(sql, params)

    def network(
        self, *, by: str = "country", limit: int | None = None, **filters: Any
    ) -> list[dict]:
        """Source -> target links of the matching events, most frequent first.

        ``by="country"`` groups actors by country (falling back to name, then text);
        ``by="actor"`` by canonical name (falling back to text). Each link counts distinct
        events, split into cooperative (AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT)
        and hostile (all other types).
        """
        if by not in ("country", "actor"):
            raise ValueError(f"by: expected 'country' or 'actor', got {by!r}")
        where, params = self._conditions(filters)
        sql = (
            "SELECT l.src, l.tgt, COUNT(*), SUM(l.coop) FROM links l WHERE l.keying = ?"
            + (f" AND l.event_id IN (SELECT e.id FROM events e{_where(where)})" if where else "")
            + " GROUP BY l.src, l.tgt ORDER BY 3 DESC, 1, 2"
        )
        params = [by, *params]
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(limit)]
        return [
            {
                "source": s,
                "target": t,
                "count": int(n),
                "cooperative": int(c),
                "hostile": int(n) - int(c),
            }
            for s, t, n, c in self._rows(sql, params)
        ]
