"""Batch inputs: files and folders -> numbered shards of articles (plus per-record errors).

Everything ``eventcoder code`` reads (text, HTML, JSONL, feeds, WARC such as CC-NEWS) goes
through :func:`eventcoder.api.read`; Parquet tables (columns ``text`` and optionally ``id``,
``url``, ``title``, ``published``, ``lang``, ``source``, ``author``) are read here. Shards are
cut every ``batch`` articles in input order, so the same inputs always give the same shards.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventcoder.config import CoderConfig
from eventcoder.ingest import InputError
from eventcoder.model import Article

PARQUET_COLUMNS = ("text", "id", "url", "title", "published", "lang", "source", "author")


@dataclass
class Shard:
    """A numbered group of articles read from the inputs, with the read errors among them."""

    key: str
    articles: list[Article] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def expand(paths: Sequence[str]) -> list[str]:
    """Files of ``paths`` in order (folders walked sorted, hidden names skipped); a path that
    does not exist is kept (the reader reports it)."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".")]
            files += found or [path]  # an empty folder: the reader says so
        else:
            files.append(path)
    return files


def fingerprint(files: Sequence[str]) -> str:
    """Hash of the input files' paths, sizes and modification times."""
    h = hashlib.sha1()
    for f in files:
        try:
            st = os.stat(f)
            h.update(f"{os.path.abspath(f)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{os.path.abspath(f)}|missing\n".encode())
    return h.hexdigest()[:16]


def error_record(err: InputError) -> dict[str, Any]:
    """The errors-file record of a read problem (``warning``: the article is still coded)."""
    return {"path": err.path, "line": err.line, "message": err.message,
            "warning": bool(getattr(err, "warning", False))}


def read_parquet(path: str, config: CoderConfig, published: str | None
                 ) -> Iterator[Article | InputError]:
    """Articles from a Parquet table (one row per article); a bad row is an error naming it."""
    import pyarrow.parquet as pq

    from eventcoder import api
    from eventcoder.ingest.finish import finish_article

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        yield InputError(path, None, f"{path}: cannot be read as Parquet ({exc}); check the file")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield InputError(path, None, f"{path}: the Parquet table has no 'text' column; "
                         f"add one (columns: {', '.join(PARQUET_COLUMNS)})")
        return
    columns = [c for c in PARQUET_COLUMNS if c in names]
    row_no = 0
    for batch in pf.iter_batches(batch_size=1000, columns=columns):
        for row in batch.to_pylist():
            row_no += 1
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                yield InputError(path, row_no, f"{path}, row {row_no}: empty text; "
                                 "drop the row or fill its text")
                continue
            values = {k: (str(v) if v is not None else None) for k, v in row.items()}
            values["id"] = values.get("id") or ""
            values["source"] = values.get("source") or f"{path}#{row_no}"
            art = finish_article(Article(**values), lang=config.lang, published=published)
            problem = api.unsupported_language(art)
            if problem:
                yield InputError(path, row_no, f"{path}, row {row_no}: {problem}")
            else:
                yield art


def _is_parquet(path: str, fmt: str | None) -> bool:
    return (fmt == "parquet" or path.lower().endswith(".parquet")) and os.path.isfile(path)


def read_files(files: Sequence[str], config: CoderConfig, published: str | None,
               fmt: str | None) -> Iterator[Article | InputError]:
    """Articles or errors from the input files in order: Parquet tables here, runs of other
    files through one :func:`eventcoder.api.read` call (as ``eventcoder code`` reads them)."""
    from eventcoder import api

    run: list[str] = []
    for path in [*files, None]:
        if path is not None and not _is_parquet(path, fmt):
            run.append(path)
            continue
        if run:
            yield from api.read(run, lang=config.lang, published=published,
                                fmt=None if fmt == "parquet" else fmt)  # fmt: skip
            run = []
        if path is not None:
            yield from read_parquet(path, config, published)


def shards(files: Sequence[str], config: CoderConfig, *, batch: int,
           published: str | None = None, fmt: str | None = None) -> Iterator[Shard]:
    """Numbered shards (keys ``000000``, ``000001`` ...) of ``batch`` articles each."""
    number = 0
    current = Shard(key=f"{number:06d}")
    for item in read_files(files, config, published, fmt):
        if isinstance(item, InputError):
            current.errors.append(error_record(item))
            continue
        current.articles.append(item)
        if len(current.articles) >= batch:
            yield current
            number += 1
            current = Shard(key=f"{number:06d}")
    if current.articles or current.errors:
        yield current
