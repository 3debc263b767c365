"""PostgreSQL backend (psycopg 3): the same logical schema as SQLite."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from eventcoder.store.base import Store, StoreError, clean_params, schema_sql
from eventcoder.store.filters import event_conditions, text_subqueries

_SCHEMA_LOCK = 7_406_221  # advisory lock id: one process creates the schema at a time
# Text filters matching at most this many events are turned into a list of event ids first
RARE_MATCHES = 2000


class PostgresStore(Store):
    """A store in a PostgreSQL database given by a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}") from exc
        # psycopg prepares repeated statements, and a generic plan ignores the values (LIKE
        # patterns, id lists, dates) that decide the best plan here; for the web's short
        # queries, starting parallel workers costs more than it saves
        for setting in (
            "plan_cache_mode = force_custom_plan",
            "max_parallel_workers_per_gather = 0",
        ):
            with contextlib.suppress(psycopg.DatabaseError):  # older servers: keep the default
                self._conn.execute(f"SET {setting}")
        try:
            with self._transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                self._conn.execute(_postgres_schema().encode())
                self._check_layout()
                self._init_meta()
                self.trigram_indexes = self._create_trigram_indexes()
        except psycopg.DatabaseError as exc:
            self._conn.close()
            raise self._layout_error(exc) from exc

    def _create_trigram_indexes(self) -> bool:
        """GIN trigram indexes for the LIKE of the text filters (q, actor); False when the
        pg_trgm extension is not available and cannot be created (LIKE then scans)."""
        import psycopg

        try:
            with self._conn.transaction():  # a savepoint: a failure leaves the schema intact
                row = self._conn.execute(
                    "SELECT extnamespace::regnamespace::text FROM pg_extension "
                    "WHERE extname = 'pg_trgm'"
                ).fetchone()
                if row is None:
                    # in public (when allowed), so that dropping a schema keeps it
                    self._conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
                    row = ("public",)
                ops = f"{row[0]}.gin_trgm_ops"
                for name, table in (
                    ("event_search_trgm", "event_search"),
                    ("actors_trgm", "actors"),
                ):
                    self._conn.execute(
                        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search {ops})"
                    )
        except psycopg.DatabaseError:
            return False
        return True

    def _conditions(self, filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
        """As in :class:`Store`, but a text filter (q, actor) matching few events becomes the
        list of their ids: the planner cannot estimate how many rows a LIKE keeps, and walking
        the newest-first index in hope of early matches is slow when they are rare."""
        where, params = event_conditions(**{**filters, "q": None, "actor": None})
        for sql, sql_params in text_subqueries(q=filters.get("q"), actor=filters.get("actor")):
            ids = [r[0] for r in self._rows(f"{sql} LIMIT ?", [*sql_params, RARE_MATCHES + 1])]
            if len(ids) <= RARE_MATCHES:
                where.append("e.id = ANY(?)")
                params.append(ids)
            else:
                where.append(f"e.id IN ({sql})")
                params.extend(sql_params)
        return where, params

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), _clean(params))

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), [clean_params(r) for r in rows])

    def _retryable(self, exc: Exception) -> bool:
        from psycopg import errors

        return isinstance(exc, errors.DeadlockDetected | errors.SerializationFailure)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self._conn.transaction():  # nested: a savepoint
            yield

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __repr__(self) -> str:
        return f"<PostgresStore {_redact(self.url)}>"


def _clean(params: Sequence[Any]) -> list[Any]:
    """:func:`clean_params`, also inside list parameters (``= ANY(?)``)."""
    return [clean_params(p) if isinstance(p, list) else p for p in clean_params(params)]


def _postgres_schema() -> str:
    """The shared schema with its PostgreSQL-only lines ("-- postgres: ...") enabled."""
    return "\n".join(line.removeprefix("-- postgres: ") for line in schema_sql().splitlines())


def _redact(url: str) -> str:
    """The URL without its password."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, userpass = head.partition("//")
    return f"{scheme}//{userpass.split(':', 1)[0]}:***@{tail}"
