"""Plain-text articles: the first line is the title when it looks like a headline."""

from __future__ import annotations

from eventcoder.ingest.dates import find_date
from eventcoder.model import Article

MAX_TITLE_CHARS = 200
_NOT_A_HEADLINE_END = ".,;:-\u2013"


def headline(text: str) -> str | None:
    """The first line of ``text`` if it looks like a headline: short, no final period,
    more text after it, and not just a date."""
    stripped = text.lstrip()
    nl = stripped.find("\n")
    if nl < 0:
        return None
    line = stripped[:nl].strip()
    if not line or len(line) > MAX_TITLE_CHARS or line[-1] in _NOT_A_HEADLINE_END:
        return None
    if not stripped[nl:].strip():
        return None
    found = find_date(line, "de")
    if found and len(line) - len(found.raw) < 15:
        return None
    return line


def text_article(text: str, source: str) -> Article:
    """An article from decoded text (kept exactly as given)."""
    return Article(text=text, title=headline(text), source=source)
