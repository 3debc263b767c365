"""The monitor's tables on the Store's own connection (SQLite or PostgreSQL).

The Store runs portable SQL with ``?`` placeholders (PostgreSQL's backend rewrites them), so
this module only needs the Store's ``_execute``, ``_transaction`` and lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

from eventcoder.store import Store


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _statements() -> list[str]:
    sql = resources.files("eventcoder.monitor").joinpath("schema.sql").read_text("utf-8")
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class MonitorStore:
    """Watch state, near-duplicate signatures, stories and alert state next to the events."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._depth = 0
        with store._lock, store._transaction():
            for statement in _statements():
                store._execute(statement)

    # -- plumbing ---------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.store._lock:
            return list(self.store._execute(sql, params).fetchall())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self.transaction() as run:
            return int(run(sql, params).rowcount or 0)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """Everything inside commits together; yields a function ``run(sql, params)``.
        Nested calls join the outer transaction."""
        with self.store._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.store._execute
                finally:
                    self._depth -= 1
                return
            with self.store._transaction():
                self._depth = 1
                try:
                    yield self.store._execute
                finally:
                    self._depth = 0

    def _upsert(self, run: Any, table: str, key: str, values: dict[str, Any]) -> None:
        cols = list(values)
        marks = ", ".join("?" * len(cols))
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
        run(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}",
            [values[c] for c in cols],
        )

    # -- what was seen ----------------------------------------------------------------------
    def seen(self, key: str) -> dict[str, Any] | None:
        rows = self.rows(
            "SELECT status, etag, last_modified, article_id, attempts, first_seen, detail "
            "FROM monitor_seen WHERE key = ?",
            (key,),
        )
        if not rows:
            return None
        names = (
            "status",
            "etag",
            "last_modified",
            "article_id",
            "attempts",
            "first_seen",
            "detail",
        )
        return dict(zip(names, rows[0], strict=True))

    def mark_seen(
        self,
        key: str,
        *,
        kind: str,
        source: str,
        status: str,
        detail: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        article_id: str | None = None,
    ) -> None:
        """Record the result of fetching or reading ``key`` (a URL or a file)."""
        before = self.seen(key)
        stamp = now_iso()
        with self.transaction() as run:
            self._upsert(
                run,
                "monitor_seen",
                "key",
                {
                    "key": key,
                    "kind": kind,
                    "source": source,
                    "first_seen": before["first_seen"] if before else stamp,
                    "last_seen": stamp,
                    "status": status,
                    "detail": detail,
                    "etag": etag,
                    "last_modified": last_modified,
                    "article_id": article_id or (before or {}).get("article_id"),
                    "attempts": int((before or {}).get("attempts") or 0) + 1,
                },
            )

    def seen_counts(self) -> dict[str, int]:
        return {s: int(n) for s, n in self.rows(
            "SELECT status, COUNT(*) FROM monitor_seen GROUP BY status")}  # fmt: skip

    def source_due(self, name: str) -> float:
        """The epoch second when the source is next due (0: never polled)."""
        rows = self.rows("SELECT next_due FROM monitor_sources WHERE name = ?", (name,))
        return float(rows[0][0]) if rows else 0.0

    def mark_polled(self, name: str, next_due: float, status: str, detail: str | None) -> None:
        with self.transaction() as run:
            self._upsert(
                run,
                "monitor_sources",
                "name",
                {
                    "name": name,
                    "last_polled": now_iso(),
                    "next_due": next_due,
                    "status": status,
                    "detail": detail,
                },  # fmt: skip
            )

    # -- near-duplicates --------------------------------------------------------------------
    def signatures(self, since: str | None = None) -> Iterator[tuple[str, str, list[int]]]:
        sql = "SELECT article_id, group_id, signature FROM monitor_minhash"
        params: list[Any] = []
        if since:
            sql += " WHERE added >= ?"
            params.append(since)
        for article_id, group_id, sig in self.rows(sql, params):
            yield article_id, group_id, json.loads(sig)

    def add_signature(self, article_id: str, group_id: str, signature: Iterable[int]) -> None:
        with self.transaction() as run:
            run(
                "INSERT INTO monitor_minhash (article_id, group_id, added, signature) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                (article_id, group_id, now_iso(), json.dumps([int(v) for v in signature])),
            )

    def group_of(self, article_id: str) -> str | None:
        rows = self.rows("SELECT group_id FROM monitor_minhash WHERE article_id = ?", (article_id,))
        return rows[0][0] if rows else None

    def group_members(self, group_id: str) -> list[str]:
        rows = self.rows("SELECT article_id FROM monitor_minhash WHERE group_id = ?", (group_id,))
        return [r[0] for r in rows]

    # -- alert state ------------------------------------------------------------------------
    def alert_state(self, rule: str, story_id: str) -> dict[str, Any] | None:
        rows = self.rows(
            "SELECT fired, dead, injured, arrested FROM monitor_alerts "
            "WHERE rule = ? AND story_id = ?",
            (rule, story_id),
        )
        if not rows:
            return None
        return dict(zip(("fired", "dead", "injured", "arrested"), rows[0], strict=True))

    def mark_alert(self, rule: str, story_id: str, numbers: dict[str, int | None]) -> None:
        with self.transaction() as run:
            run("DELETE FROM monitor_alerts WHERE rule = ? AND story_id = ?", (rule, story_id))
            run(
                "INSERT INTO monitor_alerts (rule, story_id, fired, dead, injured, arrested) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    rule,
                    story_id,
                    now_iso(),
                    numbers.get("dead"),
                    numbers.get("injured"),
                    numbers.get("arrested"),
                ),  # fmt: skip
            )

    def log_delivery(
        self, delivery_id: str, rule: str, story_id: str, target: str, status: str,
        attempts: int, detail: str | None,
    ) -> None:  # fmt: skip
        with self.transaction() as run:
            run(
                "INSERT INTO monitor_deliveries (id, rule, story_id, at, target, status, attempts, "
                "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (delivery_id, rule, story_id, now_iso(), target, status, attempts, detail),
            )

    def deliveries(self) -> list[dict[str, Any]]:
        names = ("id", "rule", "story_id", "at", "target", "status", "attempts", "detail")
        rows = self.rows(f"SELECT {', '.join(names)} FROM monitor_deliveries ORDER BY at, id")
        return [dict(zip(names, r, strict=True)) for r in rows]
