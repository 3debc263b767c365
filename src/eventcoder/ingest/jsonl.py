"""JSONL batches: one article per line.

A line is ``{"id", "text", optional "title", "url", "published", "lang", ...}``; ids are kept.
Canonical eventcoder lines (``Article.to_dict()``, with "events") are read back losslessly, so
re-ingesting an export gives the same article ids (and its events, when they are well formed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventcoder.ingest.decode import MAX_BYTES, normalize_newlines
from eventcoder.ingest.errors import InputError, input_error
from eventcoder.model import Article, Event

_CHUNK = 1 << 20


def iter_lines(stream: BinaryIO, limit: int = MAX_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; ``None`` for a line over ``limit`` (skipped without keeping it)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(stream: BinaryIO, path: str) -> Iterator[Article | InputError]:
    """Articles from a JSONL stream; a bad line gives an error and the others still count."""
    empty = True
    for number, raw in iter_lines(stream):
        if raw is None:
            empty = False
            yield input_error(
                path,
                f"line longer than the limit of {MAX_BYTES // 1_048_576} MB",
                "split the article or leave it out",
                line=number,
            )
            continue
        if not raw.strip():
            continue
        empty = False
        yield _parse_line(raw, path, number)
    if empty:
        yield input_error(path, "is empty", "remove it or check what produced it")


def _parse_line(raw: bytes, path: str, number: int) -> Article | InputError:
    try:
        data = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        return input_error(path, "not valid UTF-8", "save the file as UTF-8", line=number)
    except json.JSONDecodeError as exc:
        return input_error(
            path,
            f"not valid JSON ({exc.msg}, column {exc.colno}); the line may be truncated",
            'fix or remove the line; each line must be one object like {"id": ..., "text": ...}',
            line=number,
        )
    if not isinstance(data, dict):
        return input_error(
            path, "not a JSON object", 'each line must be {"id": ..., "text": ...}', line=number
        )
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return input_error(
            path, 'no "text" (or an empty one)', 'give each line a non-empty "text"', line=number
        )
    return _article(data, text, path)


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _article(data: dict[str, Any], text: str, path: str) -> Article:
    events = _events(data.get("events"))
    if not events:
        text = normalize_newlines(text)  # canonical text with events is kept byte for byte
    return Article(
        text=text,
        id=_str(data.get("id")) or "",
        url=_str(data.get("url")),
        title=_str(data.get("title")),
        published=_str(data.get("published")),
        published_raw=_str(data.get("published_raw")),
        lang=(_str(data.get("lang")) or "").lower() or None,
        source=_str(data.get("source")) or path,
        author=_str(data.get("author")),
        events=events,
    )


def _events(value: Any) -> list[Event]:
    """Well-formed canonical events; other shapes (e.g. gold annotations) are left out."""
    if not isinstance(value, list) or not value:
        return []
    try:
        return [Event.from_dict(e) for e in value]
    except (KeyError, TypeError, ValueError, AttributeError):
        return []
