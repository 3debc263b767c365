"""The batch data set's tables (articles, events): columns, Arrow schemas, rows <-> model.

Version :data:`DATASET_VERSION` is written as a ``schema_version`` column in every row, in each
Parquet file's metadata and in ``dataset.json``; ``docs/batch.md`` documents the layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from eventcoder.model import Article, Event
from eventcoder.store.export import EVENT_COLUMNS, event_row, parquet_schema

DATASET_VERSION = "1"
PARTITION = "published_day"  # hive partition key of both tables (folder published_day=...)
NO_DAY = "none"  # partition value of articles without a publication date

ARTICLE_FIELDS = (
    "id", "url", "title", "published", "published_raw", "lang", "source", "author", "text",
)  # fmt: skip


def article_schema() -> Any:
    """Arrow schema of the articles table."""
    import pyarrow as pa

    cols = [(name, pa.string()) for name in ARTICLE_FIELDS]
    cols += [("n_events", pa.int64()), ("shard", pa.string()), ("schema_version", pa.string())]
    return pa.schema(cols, metadata={"eventcoder_dataset_version": DATASET_VERSION})


def event_schema() -> Any:
    """Arrow schema of the events table: the flat export columns plus seq, doc, shard."""
    import pyarrow as pa

    flat = parquet_schema()
    extra = [
        ("seq", pa.int64()),
        ("doc", pa.string()),  # the event's canonical JSON (eventcoder-v1 schema)
        ("shard", pa.string()),
        ("schema_version", pa.string()),
    ]
    return pa.schema(
        list(zip(flat.names, flat.types, strict=True)) + extra,
        metadata={"eventcoder_dataset_version": DATASET_VERSION},
    )


def day_of(article: Article) -> str:
    """The partition value of ``article``: its publication day, or ``none``."""
    day = (article.published or "")[:10]
    return day if len(day) == 10 and day[4] == "-" else NO_DAY


def article_record(article: Article, shard: str) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row.update(n_events=len(article.events), shard=shard, schema_version=DATASET_VERSION)
    return row


def event_records(article: Article, shard: str) -> list[dict[str, Any]]:
    rows = []
    for seq, event in enumerate(article.events):
        row = event_row(event, article)
        row.update(
            seq=seq,
            doc=json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":")),
            shard=shard,
            schema_version=DATASET_VERSION,
        )
        rows.append(row)
    return rows


def articles_from_tables(articles: Iterable[dict[str, Any]],
                         events: Iterable[dict[str, Any]]) -> list[Article]:
    """Rebuild :class:`Article` objects (with events in order) from table rows."""
    by_article: dict[str, list[tuple[int, Event]]] = {}
    for row in events:
        by_article.setdefault(row["article_id"], []).append(
            (int(row["seq"]), Event.from_dict(json.loads(row["doc"])))
        )
    out = []
    for row in articles:
        art = Article(**{name: row.get(name) for name in ARTICLE_FIELDS})
        art.events = [ev for _, ev in sorted(by_article.get(art.id, []), key=lambda p: p[0])]
        out.append(art)
    return out


__all__ = [
    "ARTICLE_FIELDS", "DATASET_VERSION", "EVENT_COLUMNS", "NO_DAY", "PARTITION",
    "article_record", "article_schema", "articles_from_tables", "day_of", "event_records",
    "event_schema",
]  # fmt: skip
