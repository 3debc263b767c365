"""Exporters: canonical JSONL (one article per line) and flat event tables (CSV, Parquet).

JSONL lines are ``Article.to_dict()`` and can be ingested again (ids are kept). CSV and Parquet
have one row per event; the columns are :data:`EVENT_COLUMNS`. An event with several source
(or target) actors has their values joined with ``;`` in the same order in every actor column.
CSV text cells that a spreadsheet would run as a formula are neutralised (:func:`csv_safe`).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventcoder.model import Actor, Article, Event

# (column, type) with type one of "str", "int", "float"; the Parquet schema follows these.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "str"),
    ("event_id", "str"),
    ("type", "str"),
    ("mode", "str"),
    ("context", "str"),
    ("cameo", "str"),
    ("source_text", "str"),
    ("source_name", "str"),
    ("source_country", "str"),
    ("source_sector", "str"),
    ("source_code", "str"),
    ("target_text", "str"),
    ("target_name", "str"),
    ("target_country", "str"),
    ("target_sector", "str"),
    ("target_code", "str"),
    ("location_text", "str"),
    ("location_name", "str"),
    ("location_country", "str"),
    ("location_admin1", "str"),
    ("location_lat", "float"),
    ("location_lon", "float"),
    ("location_geonameid", "int"),
    ("location_precision", "str"),
    ("date", "str"),
    ("date_precision", "str"),
    ("dead", "int"),
    ("injured", "int"),
    ("arrested", "int"),
    ("dead_text", "str"),
    ("injured_text", "str"),
    ("arrested_text", "str"),
    ("victims", "str"),
    ("factuality", "str"),
    ("attributed_to", "str"),
    ("evidence_text", "str"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("confidence", "float"),
    ("coder", "str"),
    ("article_url", "str"),
    ("article_title", "str"),
    ("article_published", "str"),
    ("article_lang", "str"),
)
EVENT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _COLUMNS)
FORMATS = ("jsonl", "csv", "parquet")
# OWASP "CSV injection": cells starting with these are formulas to Excel/LibreOffice/Sheets
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def csv_safe(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is text starting with ``= + - @``, tab or CR
    (a spreadsheet would evaluate it); numbers, and text that is just a number, stay as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def _joined(actors: list[Actor], attr: str) -> str | None:
    if not actors:
        return None
    vals = [getattr(a, attr) or "" for a in actors]
    return ";".join(vals) if any(vals) else None


def event_row(event: Event, article: Article) -> dict[str, Any]:
    """One flat row (column -> value, None for missing) for ``event`` of ``article``."""
    loc = event.location
    attr = event.attributed_to
    row: dict[str, Any] = {
        "article_id": article.id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": ";".join(event.context) or None,
        "cameo": event.cameo,
    }
    for role, actors in (("source", event.source), ("target", event.target)):
        for attr_name in ("text", "name", "country", "sector", "code"):
            row[f"{role}_{attr_name}"] = _joined(actors, attr_name)
    for attr_name in ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "precision"):
        row[f"location_{attr_name}"] = getattr(loc, attr_name) if loc else None
    row.update(
        date=event.date,
        date_precision=event.date_precision,
        dead=event.dead,
        injured=event.injured,
        arrested=event.arrested,
        dead_text=event.dead_text,
        injured_text=event.injured_text,
        arrested_text=event.arrested_text,
        victims=event.victims,
        factuality=event.factuality,
        attributed_to=(attr.name or attr.text) if attr else None,
        evidence_text=event.evidence.text,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        confidence=event.confidence,
        coder=event.coder,
        article_url=article.url,
        article_title=article.title,
        article_published=article.published,
        article_lang=article.lang,
    )
    return row


def event_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """Flat rows for every event of every article."""
    for article in articles:
        for event in article.events:
            yield event_row(event, article)


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    """Write canonical JSONL; returns the number of articles written."""
    n = 0
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(articles: Iterable[Article], out: IO[str]) -> int:
    """Write one CSV row per event (header first); returns the number of events.

    Text cells are passed through :func:`csv_safe` (the JSONL and Parquet exports keep them raw).
    """
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in event_rows(articles):
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
        n += 1
    return n


def parquet_schema() -> Any:
    """The pyarrow schema of the Parquet export."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in _COLUMNS])


def write_parquet(articles: Iterable[Article], path: str, batch_rows: int = 10_000) -> int:
    """Write one Parquet row per event to ``path``; returns the number of events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in event_rows(articles):
            batch.append(row)
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
