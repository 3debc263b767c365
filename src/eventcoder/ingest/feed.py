"""RSS and Atom feeds (feedparser).

Each entry becomes an article: the linked HTML file when the link points to a file on disk
(relative to the feed), else the entry's own content or summary. The entry's date wins.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlparse

import feedparser

from eventcoder.ingest.decode import decode_bytes, normalize_newlines, read_file_bytes
from eventcoder.ingest.errors import InputError, input_error
from eventcoder.ingest.htmlpage import extract_html
from eventcoder.model import Article


def read_feed(data: bytes, path: str) -> Iterator[Article | InputError]:
    """Articles from the entries of one feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = "not an RSS or Atom feed"
        if parsed.get("bozo"):
            problem += f" (not well-formed XML: {parsed.get('bozo_exception')})"
        elif parsed.get("version"):
            problem = "a feed without entries"
        yield input_error(path, problem, "check that the file is a complete RSS/Atom feed")
        return
    base = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_article(entry, number, path, base)


def _entry_article(entry: Any, number: int, path: str, base: str) -> Article | InputError:
    link = entry.get("link")
    title = entry.get("title") or None
    text = author = page_date = None
    page_error: InputError | None = None
    local = _local_file(link, base)
    if local is not None and os.path.isfile(local):
        data = read_file_bytes(local)
        html = decode_bytes(data, local) if isinstance(data, bytes) else data
        if isinstance(html, InputError):
            page_error = html
        else:
            page = extract_html(html)
            if page is not None:
                text, author, page_date = page.text, page.author, page.date
                title = title or page.title
    if text is None:
        text = _inline_text(entry)
    if not text and page_error is not None:
        return InputError(path, None, f"{path}: entry {number} links {page_error.message}")
    if not text:
        what = f"entry {number}" + (f" ({title!r})" if title else "")
        hint = f"its link {link!r} is not a readable local file and " if local else ""
        return input_error(
            path,
            f"{what} has no text: {hint}it has no content or summary",
            "add the article text to the entry or save the linked page next to the feed",
        )
    raw_date, iso = _entry_date(entry)
    return Article(
        text=text,
        url=link or None,
        title=" ".join(title.split()) if title else None,
        published=iso or page_date,
        published_raw=raw_date if iso else None,
        source=path,
        author=entry.get("author") or author,
    )


def _local_file(link: str | None, base: str) -> str | None:
    if not link:
        return None
    url = urlparse(link)
    if url.scheme == "file":
        return unquote(url.path)
    if url.scheme or url.netloc:
        return None
    return os.path.normpath(os.path.join(base, unquote(url.path)))


def _inline_text(entry: Any) -> str | None:
    values = [c.get("value", "") for c in entry.get("content") or []]
    values.append(entry.get("summary") or "")
    for value in values:
        if not value.strip():
            continue
        if "<" in value:
            page = extract_html(f"<html><body>{value}</body></html>")
            if page is not None:
                return page.text
            continue
        return normalize_newlines(value).strip()
    return None


def _entry_date(entry: Any) -> tuple[str | None, str | None]:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return entry.get(key), time.strftime("%Y-%m-%d", parsed)
    return None, None
