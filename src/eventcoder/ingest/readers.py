"""``read_inputs``: one interface over all readers (files, directories, standard input).

The format comes from ``fmt``, else the file extension, else a look at the first bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.decode import MAX_BYTES, decode_bytes, read_file_bytes, read_stream_bytes
from eventcoder.ingest.errors import InputError, input_error, input_warning
from eventcoder.ingest.feed import read_feed
from eventcoder.ingest.finish import finish_article
from eventcoder.ingest.htmlpage import extract_html
from eventcoder.ingest.jsonl import read_jsonl
from eventcoder.ingest.text import text_article
from eventcoder.ingest.warc import read_warc, read_warc_stream
from eventcoder.language import registry
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
    """Articles (or errors) from files, directories (walked, sorted; symbolic links followed
    once), pipes and FIFOs (``/dev/fd/N``, ``<(...)``, read as streams) and ``"-"`` (stdin).

    ``lang`` (a registered language) overrides language identification; ``published`` (a date)
    overrides dates found in the input; ``fmt`` (text, html, jsonl, feed, warc) forces a reader.
    An :class:`InputError` with ``warning`` set precedes an article read despite a problem.
    Two different articles with the same id in one call: the second is an error naming both.
    Raises ``ValueError`` at once for a bad argument; never for a bad file.
    """
    if isinstance(paths, str):
        paths = [paths]
    if lang is not None and not registry.is_supported(lang):
        languages = ", ".join(registry.languages())
        raise ValueError(f"lang must be one of {languages}, not {lang!r}")
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
    seen = _SeenIds()
    for path in paths:
        for file in _expand(path):
            if isinstance(file, InputError):
                yield file
                continue
            for item in _read_one(file, fmt):
                if isinstance(item, InputError):
                    yield item
                    continue
                if isinstance(item, tuple):
                    article, fallback = item
                    article = finish_article(
                        article, lang=lang, published=published, fallback_date=fallback
                    )
                else:
                    article = finish_article(item, lang=lang, published=published)
                yield seen.check(article, file)


class _SeenIds:
    """Article ids read so far in one batch, with where and a digest of what they hold."""

    def __init__(self) -> None:
        self._ids: dict[str, tuple[str, bytes]] = {}
        self._count: dict[str, int] = {}

    def check(self, article: Article, file: str) -> Article | InputError:
        """``article``, or an error when its id already named a different article."""
        where = self._where(article, file)
        digest = hashlib.blake2b(
            "\x00".join((article.text, article.title or "", article.url or "")).encode(),
            digest_size=16,
        ).digest()
        first = self._ids.setdefault(article.id, (where, digest))
        if first[1] == digest:
            return article
        return input_error(
            file,
            f"id {article.id!r} is used again for a different article ({where}; first: "
            f"{first[0]}); this one was left out",
            "give every article its own id",
            line=_line_of(article),
        )

    def _where(self, article: Article, file: str) -> str:
        line = _line_of(article)
        if line is not None:
            return f"{_display(file)}, line {line}"
        n = self._count[file] = self._count.get(file, 0) + 1
        return f"{_display(file)}, article {n}"


def _line_of(article: Article) -> int | None:
    return getattr(article, "_line", None)


def _display(path: str) -> str:
    return "standard input" if path == "-" else path


def _expand(path: str) -> Iterator[str | InputError]:
    if path == "-" or os.path.isfile(path) or _is_stream(path):
        yield path
    elif os.path.isdir(path):
        found = False
        for item in _walk(path):
            if isinstance(item, str):
                found = True
            yield item
        if not found:
            yield input_error(path, "the directory holds no files", "check the path")
    elif os.path.exists(path):
        yield input_error(path, "is not a regular file, pipe or directory", "pass a file")
    elif os.path.islink(path):
        yield input_error(path, "is a broken symbolic link", "check where it points")
    else:
        yield input_error(path, "no such file or directory", "check the path")


def _walk(top: str) -> Iterator[str | InputError]:
    """Files under ``top`` (sorted, hidden ones left out), following symbolic links to
    directories; a link back to a directory already walked is reported, not followed."""
    visited = {os.path.realpath(top)}
    for root, dirs, files in os.walk(top, followlinks=True):
        keep = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            full = os.path.join(root, name)
            real = os.path.realpath(full)
            if real in visited:
                yield input_warning(
                    full,
                    f"symbolic link to {real}, a directory already read; not followed again",
                )
                continue
            visited.add(real)
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _is_stream(path: str) -> bool:
    """True for a FIFO or a character device such as a pipe's ``/dev/fd/N``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _read_one(path: str, fmt: str | None) -> Iterator[_Item]:
    if path == "-":
        if sys.stdin is None or sys.stdin.closed:
            yield input_error("-", "there is no standard input", "pass file names instead of -")
            return
        yield from _read_stream(getattr(sys.stdin, "buffer", sys.stdin), "-", fmt)
        return
    if _is_stream(path):
        try:
            with open(path, "rb") as stream:
                yield from _read_stream(stream, path, fmt)
        except OSError as exc:
            yield input_error(path, f"cannot be read ({exc.strerror or exc})", "check the file")
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


def _read_stream(raw: BinaryIO, path: str, fmt: str | None) -> Iterator[_Item]:
    """Read a stream once, front to back (stdin, a pipe, a FIFO): the format is sniffed from
    the buffered first bytes without consuming them."""
    stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    kind = fmt or _sniff(stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])  # type: ignore[attr-defined]
    if kind == "jsonl":
        yield from read_jsonl(stream, path)
    elif kind == "warc":
        yield from read_warc_stream(stream, path)
    else:
        data = read_stream_bytes(stream, path, MAX_BYTES)
        if isinstance(data, InputError):
            yield data
        else:
            yield from _read_bytes(data, path, kind)


def _read_bytes(data: bytes, path: str, kind: str) -> Iterator[_Item]:
    if kind == "feed":
        if not data.strip():
            yield input_error(path, "is empty", "remove it or check what produced it")
        else:
            yield from read_feed(data, path)
        return
    warnings: list[InputError] = []
    text = decode_bytes(data, path, warnings)
    yield from warnings
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
