"""PostgreSQL backend (psycopg 3): the same logical schema as SQLite."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from eventcoder.store.base import Store, StoreError, schema_sql

_SCHEMA_LOCK = 7_406_221  # advisory lock id: one process creates the schema at a time


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
        try:
            with self._transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                self._conn.execute(_postgres_schema().encode())
                self._check_layout()
                self._init_meta()
        except psycopg.DatabaseError as exc:
            self._conn.close()
            raise self._layout_error(exc) from exc

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)

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
