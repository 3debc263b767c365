"""Reading stories back: filtered lists and one story with the evidence of each mention."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventcoder.monitor.store import MonitorStore

# flat columns of the table and CSV outputs
COLUMNS = (
    "id", "type", "countries", "first_day", "last_day", "mentions", "n_events", "sources",
    "languages", "dead", "injured", "arrested", "first_seen", "last_seen", "title",
)  # fmt: skip


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip().upper() for v in value.split(",") if v.strip()]
    return [v.strip().upper() for v in value if v and v.strip()]


def list_stories(
    mstore: MonitorStore,
    *,
    country: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_mentions: int = 1,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Story summaries, most recent first (by last event day, then most mentions)."""
    where, params = ["s.n_mentions >= ?"], [int(min_mentions)]
    countries, types = _as_list(country), _as_list(type)
    if countries:
        marks = ", ".join("?" * len(countries))
        where.append(
            f"s.id IN (SELECT story_id FROM monitor_story_countries WHERE country IN ({marks}))"
        )
        params += countries
    if types:
        where.append(f"s.type IN ({', '.join('?' * len(types))})")
        params += types
    if since:
        where.append("s.last_day >= ?")
        params.append(since)
    if until:
        where.append("s.first_day <= ?")
        params.append(until)
    sql = (
        f"SELECT s.doc FROM monitor_stories s WHERE {' AND '.join(where)} "
        "ORDER BY s.last_day DESC, s.n_mentions DESC, s.id"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return [json.loads(r[0]) for r in mstore.rows(sql, params)]


def count_stories(mstore: MonitorStore) -> int:
    return int(mstore.rows("SELECT COUNT(*) FROM monitor_stories")[0][0])


def get_story(mstore: MonitorStore, story_id: str) -> dict[str, Any] | None:
    """The story's summary plus ``events``: each mention with its evidence."""
    rows = mstore.rows("SELECT doc FROM monitor_stories WHERE id = ?", (story_id,))
    if not rows:
        return None
    story = json.loads(rows[0][0])
    events = mstore.rows(
        "SELECT doc FROM monitor_story_events WHERE story_id = ? ORDER BY added, event_id",
        (story_id,),
    )
    story["events"] = [json.loads(r[0]) for r in events]
    return story


def flat_row(story: dict[str, Any]) -> dict[str, Any]:
    """The story as one row of flat columns (lists joined with '|')."""
    row = {}
    for name in COLUMNS:
        value = story.get(name)
        row[name] = "|".join(value) if isinstance(value, list) else value
    return row
