"""WARC files (warcio): HTML responses become articles, e.g. from CC-NEWS crawls.

The record's target URL is kept; its WARC-Date is the publication date of last resort.
A record shorter than its Content-Length (a truncated download) is reported, never stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventcoder.ingest.decode import MAX_BYTES, decode_bytes
from eventcoder.ingest.errors import InputError, input_error
from eventcoder.ingest.htmlpage import extract_html
from eventcoder.model import Article

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: str) -> Iterator[tuple[Article, str | None] | InputError]:
    """``(article, WARC-Date)`` for each HTML response or resource record, or an error."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield input_error(path, f"cannot be opened ({exc.strerror or exc})", "check the path")
        return
    with stream:
        yield from read_warc_stream(stream, path)


def read_warc_stream(
    stream: BinaryIO, path: str
) -> Iterator[tuple[Article, str | None] | InputError]:
    """As :func:`read_warc`, from an open stream (read once, front to back: pipes work)."""
    peek = getattr(stream, "peek", None)
    head = peek(16)[:16] if peek else b""
    if peek is None:
        head = stream.read(16)
        stream.seek(0)
    if not head.startswith((b"WARC/", b"\x1f\x8b", b"filedesc://")):
        yield input_error(
            path,
            "not a WARC file (it does not start with a WARC record)",
            "pass a .warc or .warc.gz file, or choose another --format",
        )
        return
    found = False
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            warnings: list[InputError] = []
            try:
                item = _record_article(record, path, number, warnings)
            except Exception as exc:  # damaged inside the record (e.g. a cut gzip member)
                yield _damaged(path, number, exc)
                return
            if item is not None:
                found = found or not isinstance(item, InputError)
                if not isinstance(item, InputError):
                    yield from (InputError(path, None, w.message, warning=True) for w in warnings)
                yield item
    except ArchiveLoadFailed as exc:
        yield input_error(
            path,
            f"not a readable WARC file ({exc})",
            "pass a .warc or .warc.gz file, or choose another --format",
        )
        return
    except Exception as exc:  # warcio raises many kinds on damaged data (even AttributeError)
        yield _damaged(path, number + 1, exc)
        return
    if not found:
        yield input_error(
            path,
            "holds no HTML pages (no response records with text/html)",
            "check that it is a crawl of web pages",
        )


def _damaged(path: str, number: int, exc: Exception) -> InputError:
    return InputError(
        path,
        None,
        f"{path}, record {number}: truncated or damaged ({type(exc).__name__}: {exc}); "
        "download the file again (the records before it were read)",
    )


def _truncated(record, path: str, number: int) -> InputError | None:
    """An error when the record ended before its Content-Length (the rest is read first)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    missing = getattr(raw, "limit", 0)
    if not missing:
        return None
    return InputError(
        path,
        None,
        f"{path}, record {number}: truncated ({missing} of {record.length} bytes of its "
        "Content-Length are missing); it was not stored, download the file again",
    )


def _record_article(
    record, path: str, number: int, warnings: list[InputError]
) -> tuple[Article, str | None] | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return _truncated(record, path, number)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None:
            return _truncated(record, path, number)
        status = record.http_headers.get_statuscode()
        ctype = record.http_headers.get_header("Content-Type") or ""
        if status != "200":
            return _truncated(record, path, number)
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if not ctype.lower().startswith(_HTML_TYPES):
        return _truncated(record, path, number)
    where = f"{path}, record {number} ({url})"
    payload = record.content_stream().read(MAX_BYTES + 1)
    cut = _truncated(record, path, number)
    if cut is not None:
        return cut
    if len(payload) > MAX_BYTES:
        return InputError(
            path,
            None,
            f"{where}: the HTML page is larger than the limit of "
            f"{MAX_BYTES // 1_048_576} MB; it was skipped",
        )
    html = decode_bytes(payload, where, warnings)
    if isinstance(html, InputError):
        return InputError(path, None, html.message)
    page = extract_html(html, url=url)
    if page is None:
        return InputError(path, None, f"{where}: no text found in the HTML page; it was skipped")
    article = Article(
        text=page.text,
        url=url,
        title=page.title,
        published=page.date,
        source=path,
        author=page.author,
    )
    return article, record.rec_headers.get_header("WARC-Date")
