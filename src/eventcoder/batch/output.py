"""The output folder of a batch run: shard files, the manifest, the errors file.

Layout (``docs/batch.md``)::

    OUT/dataset.json                          version, coder, settings (checked on re-runs)
    OUT/articles/published_day=D/part-K.parquet
    OUT/events/published_day=D/part-K.parquet
    OUT/_manifest/K.json                      one per finished shard: its files and counts
    OUT/errors.jsonl                          per-record errors, appended per run

Every file is written under a temporary name and renamed, and a shard's manifest entry is
written last: a shard without an entry is unfinished, and its files are removed on a re-run.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.batch.schema import (
    DATASET_VERSION,
    PARTITION,
    article_record,
    article_schema,
    day_of,
    event_records,
    event_schema,
)
from eventcoder.model import Article

TABLES = ("articles", "events")
MANIFEST = "_manifest"


class DatasetMismatch(ValueError):
    """OUT holds a data set made with other settings."""


@dataclass
class ShardResult:
    """What one finished shard wrote (also its manifest entry)."""

    key: str
    articles: int = 0
    events: int = 0
    files: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: bool = False


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def prepare(out: str | Path, settings: dict[str, Any]) -> set[str]:
    """Create OUT (or check it was made with the same ``settings``), remove files of unfinished
    shards and return the keys of the finished ones."""
    root = Path(out)
    (root / MANIFEST).mkdir(parents=True, exist_ok=True)
    meta_path = root / "dataset.json"
    meta = json.loads(json.dumps({"dataset_version": DATASET_VERSION, "settings": settings}))
    if meta_path.exists():
        old = json.loads(meta_path.read_text("utf-8"))
        if old != meta:
            raise DatasetMismatch(
                f"{root} holds a data set made with other settings ({old.get('settings')}); "
                "re-run with the same options or use another --out"
            )
    else:
        atomic_write_text(meta_path, json.dumps(meta, indent=2, sort_keys=True) + "\n")
    done: dict[str, list[str]] = {}
    for entry in (root / MANIFEST).glob("*.json"):
        data = json.loads(entry.read_text("utf-8"))
        done[data["key"]] = data["files"]
    keep = {f for files in done.values() for f in files}
    for table in TABLES:
        for path in (root / table).rglob("*"):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in keep:
                path.unlink()  # a temporary file or a part of a shard killed in flight
    for tmp in (root / MANIFEST).glob(".*.tmp"):
        tmp.unlink()
    return set(done)


def write_shard(out: str | Path, key: str, articles: Iterable[Article],
                errors: list[dict[str, Any]]) -> ShardResult:
    """Write the articles (coded) of shard ``key``, one file per table and day, then its
    manifest entry."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(out)
    result = ShardResult(key=key, errors=errors)
    by_day: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for art in articles:
        rows = by_day.setdefault(day_of(art), ([], []))
        rows[0].append(article_record(art, key))
        rows[1].extend(event_records(art, key))
        result.articles += 1
        result.events += len(art.events)
    schemas = {"articles": article_schema(), "events": event_schema()}
    for day, tables in sorted(by_day.items()):
        for table, rows in zip(TABLES, tables, strict=True):
            if not rows:
                continue
            folder = root / table / f"{PARTITION}={day}"
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{key}.parquet"
            tmp = folder / f".part-{key}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(rows, schema=schemas[table]), tmp)
            os.replace(tmp, final)
            result.files.append(final.relative_to(root).as_posix())
    entry = asdict(result)
    entry.pop("skipped")
    entry["errors"] = len(errors)
    atomic_write_text(root / MANIFEST / f"{key}.json", json.dumps(entry) + "\n")
    return result


def append_errors(out: str | Path, errors: list[dict[str, Any]]) -> None:
    """Append per-record errors (one JSON object a line) to ``OUT/errors.jsonl``."""
    if not errors:
        return
    with open(Path(out) / "errors.jsonl", "a", encoding="utf-8") as fh:
        for err in errors:
            fh.write(json.dumps(err, ensure_ascii=False) + "\n")
