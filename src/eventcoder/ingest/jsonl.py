"""JSONL batches: one article per line.

A line is ``{"id", "text", optional "title", "url", "published", "lang", ...}``; ids are kept.
Canonical eventcoder lines (``Article.to_dict()``, with "events") are read back losslessly, so
re-ingesting an export gives the same article ids (and its events, when they are well formed).
A field of the wrong type (e.g. an object as "title") or a "published" that is not a date is
left out with a warning naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.decode import MAX_BYTES, mostly_utf8, normalize_newlines
from eventcoder.ingest.errors import InputError, input_error, input_warning
from eventcoder.language import registry
from eventcoder.model import Article, Event

_CHUNK = 1 << 20
_TEXT_FIELDS = ("id", "url", "title", "published", "published_raw", "lang", "source", "author")


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
        yield from _parse_line(raw, path, number)
    if empty:
        yield input_error(path, "is empty", "remove it or check what produced it")


def _parse_line(raw: bytes, path: str, number: int) -> Iterator[Article | InputError]:
    """The line's warnings, then its article; or one error."""
    encoding = "utf-8-sig" if number == 1 else "utf-8"
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError:
        mostly = mostly_utf8(raw)
        if mostly is None:
            yield input_error(path, "not valid UTF-8", "save the file as UTF-8", line=number)
            return
        line, bad = mostly
        yield input_warning(
            path,
            f"decoded as UTF-8 with {bad} invalid byte sequence{'s' if bad != 1 else ''} "
            "replaced by U+FFFD; check what produced the line",
            line=number,
        )
    try:
        data = json.loads(line.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        yield input_error(
            path,
            f"not valid JSON ({exc.msg}, column {exc.colno}); the line may be truncated",
            'fix or remove the line; each line must be one object like {"id": ..., "text": ...}',
            line=number,
        )
        return
    if not isinstance(data, dict):
        yield input_error(
            path, "not a JSON object", 'each line must be {"id": ..., "text": ...}', line=number
        )
        return
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        yield input_error(
            path, 'no "text" (or an empty one)', 'give each line a non-empty "text"', line=number
        )
        return
    fields, problems = _fields(data)
    for problem in problems:
        yield input_warning(path, problem, line=number)
    article = _article(data, fields, text, path)
    article._line = number  # type: ignore[attr-defined]  # for errors about duplicate ids
    yield article


def _fields(data: dict[str, Any]) -> tuple[dict[str, str | None], list[str]]:
    """The text fields of a line, and a problem for each value that had to be left out."""
    fields: dict[str, str | None] = {}
    problems: list[str] = []
    for name in _TEXT_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, str):
            fields[name] = value
        elif name == "id" and isinstance(value, int) and not isinstance(value, bool):
            fields[name] = str(value)
        else:
            fields[name] = None
            kind = {dict: "an object", list: "a list", bool: "true/false"}.get(
                type(value), f"a {type(value).__name__}"
            )
            problems.append(f'"{name}" is {kind}, not text; it was left out')
    published = fields["published"]
    lang = (fields["lang"] or "").lower() or None
    if published and not any(parse_date(published, code) for code in _date_langs(lang)):
        problems.append(
            f'"published" {published!r} is not a date (such as 2022-01-06); it was left out'
        )
        fields["published_raw"] = fields["published_raw"] or published
        fields["published"] = None
    return fields, problems


def _date_langs(lang: str | None) -> tuple[str, ...]:
    """The languages whose date conventions may read a record's ``published``."""
    return (lang,) if registry.is_supported(lang) else registry.languages()


def _article(data: dict[str, Any], fields: dict[str, str | None], text: str, path: str) -> Article:
    events = _events(data.get("events"))
    if not events:
        text = normalize_newlines(text)  # canonical text with events is kept byte for byte
    return Article(
        text=text,
        id=fields["id"] or "",
        url=fields["url"],
        title=fields["title"],
        published=fields["published"],
        published_raw=fields["published_raw"],
        lang=(fields["lang"] or "").lower() or None,
        source=fields["source"] or path,
        author=fields["author"],
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
