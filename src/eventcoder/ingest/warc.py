"""WARC files (warcio): HTML responses become articles, e.g. from CC-NEWS crawls.

The record's target URL is kept; its WARC-Date is the publication date of last resort.
"""

from __future__ import annotations

from collections.abc import Iterator

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
        try:
            for record in ArchiveIterator(stream):
                item = _record_article(record, path)
                if item is not None:
                    found = True
                    yield item
        except ArchiveLoadFailed as exc:
            yield input_error(
                path,
                f"not a readable WARC file ({exc})",
                "pass a .warc or .warc.gz file, or choose another --format",
            )
        except (OSError, EOFError, ValueError) as exc:
            yield input_error(
                path,
                f"the WARC file is damaged or truncated ({exc})",
                "download it again; records before the damage were read",
            )
            return
        if not found:
            yield input_error(
                path,
                "holds no HTML pages (no response records with text/html)",
                "check that it is a crawl of web pages",
            )


def _record_article(record, path: str) -> tuple[Article, str | None] | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        ctype = record.http_headers.get_header("Content-Type") or ""
        if status != "200":
            return None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if not ctype.lower().startswith(_HTML_TYPES):
        return None
    where = f"{path} (record {url})"
    payload = record.content_stream().read(MAX_BYTES + 1)
    if len(payload) > MAX_BYTES:
        return InputError(
            path,
            None,
            f"{where}: the HTML page is larger than the limit of "
            f"{MAX_BYTES // 1_048_576} MB; it was skipped",
        )
    html = decode_bytes(payload, where)
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
