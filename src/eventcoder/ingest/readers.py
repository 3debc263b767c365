"""``read_inputs``: one interface over all readers (files, directories, standard input).

The format comes from ``fmt``, else the file extension, else a look at the first bytes.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.decode import MAX_BYTES, decode_bytes, read_file_bytes, read_stream_bytes
from eventcoder.ingest.errors import InputError, input_error
from eventcoder.ingest.feed import read_feed
from eventcoder.ingest.finish import finish_article
from eventcoder.ingest.htmlpage import extract_html
from eventcoder.ingest.jsonl import read_jsonl
from eventcoder.ingest.langid import LANGUAGES
from eventcoder.ingest.text import text_article
from eventcoder.ingest.warc import read_warc
from eventcoder.model import Article

FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "feed", "warc")
_ALIASES = {
    "txt": "text",
    "htm": "html",
    "ndjson": "jsonl",
    "json": "jsonl",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",
}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".feed": "feed",
    ".warc": "warc",
    ".arc": "warc",
}
_SNIFF_BYTES = 4096

# what a reader yields: an article, an article with a fallback date (WARC), or an error
_Item = Article | tuple[Article, str | None] | InputError


def read_inputs(
    paths: Iterable[str],
    *,
    lang: str | None = None,
    published: str | None = None,
    fmt: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles (or errors) from files, directories (walked, sorted) and ``"-"`` (stdin).

    ``lang`` ("de"/"en") overrides language identification; ``published`` (a date) overrides
    dates found in the input; ``fmt`` (text, html, jsonl, feed, warc) forces a reader.
    Raises ``ValueError`` at once for a bad argument; never for a bad file.
    """
    if isinstance(paths, str):
        paths = [paths]
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if published is not None and parse_date(published, lang or "en") is None:
        raise ValueError(f"published must be a date such as 2022-01-06, not {published!r}")
    if fmt is not None:
        fmt = _ALIASES.get(fmt.lower(), fmt.lower())
        if fmt not in FORMATS:
            raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return _read_all(list(paths), lang, published, fmt)


def _read_all(
    paths: list[str], lang: str | None, published: str | None, fmt: str | None
) -> Iterator[Article | InputError]:
    for path in paths:
        for file in _expand(path):
            if isinstance(file, InputError):
                yield file
                continue
            for item in _read_one(file, fmt):
                if isinstance(item, InputError):
                    yield item
                elif isinstance(item, tuple):
                    article, fallback = item
                    yield finish_article(
                        article, lang=lang, published=published, fallback_date=fallback
                    )
                else:
                    yield finish_article(item, lang=lang, published=published)


def _expand(path: str) -> Iterator[str | InputError]:
    if path == "-" or os.path.isfile(path):
        yield path
    elif os.path.isdir(path):
        found = False
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    found = True
                    yield os.path.join(root, name)
        if not found:
            yield input_error(path, "the directory holds no files", "check the path")
    elif os.path.exists(path):
        yield input_error(path, "is not a regular file or directory", "pass a file")
    else:
        yield input_error(path, "no such file or directory", "check the path")


def _read_one(path: str, fmt: str | None) -> Iterator[_Item]:
    if path == "-":
        yield from _read_stdin(fmt)
        return
    kind = fmt or _by_extension(path) or _sniff_file(path)
    if isinstance(kind, InputError):
        yield kind
    elif kind == "warc":
        yield from read_warc(path)
    elif kind == "jsonl":
        try:
            with open(path, "rb") as f:
                yield from read_jsonl(f, path)
        except OSError as exc:
            yield input_error(path, f"cannot be read ({exc.strerror or exc})", "check the file")
    else:
        data = read_file_bytes(path)
        if isinstance(data, InputError):
            yield data
        else:
            yield from _read_bytes(data, path, kind)


def _read_stdin(fmt: str | None) -> Iterator[_Item]:
    if sys.stdin is None or sys.stdin.closed:
        yield input_error("-", "there is no standard input", "pass file names instead of -")
        return
    stream: BinaryIO = getattr(sys.stdin, "buffer", sys.stdin)
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    kind = fmt or _sniff(stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])  # type: ignore[attr-defined]
    if kind == "jsonl":
        yield from read_jsonl(stream, "-")
        return
    data = read_stream_bytes(stream, "-", MAX_BYTES)
    if isinstance(data, InputError):
        yield data
    elif kind == "warc":
        yield input_error(
            "-",
            "WARC files cannot be read from standard input",
            "pass the WARC file's path instead",
        )
    else:
        yield from _read_bytes(data, "-", kind)


def _read_bytes(data: bytes, path: str, kind: str) -> Iterator[_Item]:
    if kind == "feed":
        if not data.strip():
            yield input_error(path, "is empty", "remove it or check what produced it")
        else:
            yield from read_feed(data, path)
        return
    text = decode_bytes(data, path)
    if isinstance(text, InputError):
        yield text
    elif kind == "html":
        page = extract_html(text)
        if page is None:
            yield input_error(
                path,
                "no text found in the HTML page",
                "check that the page holds the article (not only scripts)",
            )
        else:
            yield Article(
                text=page.text,
                title=page.title,
                published=page.date,
                author=page.author,
                source=path,
            )
    else:
        yield text_article(text, path)


def _by_extension(path: str) -> str | None:
    name = path.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith(".json"):
        return None  # JSON could be one object or JSONL: look inside
    return _EXTENSIONS.get(os.path.splitext(name)[1])


def _sniff_file(path: str) -> str | InputError:
    try:
        with open(path, "rb") as f:
            return _sniff(f.read(_SNIFF_BYTES))
    except OSError as exc:
        return input_error(path, f"cannot be read ({exc.strerror or exc})", "check the file")


def _sniff(head: bytes) -> str:
    """Guess the format from the first bytes."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "warc"  # gzip: WARC is the only compressed input; warcio says if it is not
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        return "html"
    return "text"
