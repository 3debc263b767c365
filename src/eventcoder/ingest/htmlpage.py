"""Main text and metadata of an HTML page (trafilatura; dates by htmldate inside it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura

from eventcoder.ingest.decode import normalize_newlines

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
log = logging.getLogger(__name__)

# Only dates the page states (meta tags, <time>, structured data, URL), not any date in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD from the page's metadata


def extract_html(html: str, url: str | None = None) -> HtmlPage | None:
    """The main text of ``html`` with title, author and date; None if there is no text.

    Broken markup is tolerated: when trafilatura finds no article body, all visible text
    of the page is taken instead; when lxml cannot build the tree at all (e.g. elements nested
    deeper than its limit of 255 levels), the text is taken by a streaming parser.
    """
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=dict(_DATE_PARAMS, url=url) if url else _DATE_PARAMS,
        )
    except Exception:  # trafilatura/lxml raise many kinds on hostile markup; fall back below
        log.info("trafilatura failed on a page (%s); trying its baseline", url or "no URL",
                 exc_info=True)
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        try:
            text = trafilatura.baseline(html)[1]
        except Exception:  # the plain-text fallback below still reads the page
            log.info("trafilatura baseline failed (%s); reading plain text", url or "no URL",
                     exc_info=True)
            text = ""
    if not text.strip():
        text = plain_text(html)
    text = normalize_newlines(text).strip()
    if not text:
        return None
    if doc is None:
        return HtmlPage(text=text)
    return HtmlPage(
        text=text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        date=_clean(doc.date),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_BLOCK = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 section article blockquote pre table ul ol header footer".split()
)


class _TextParser(HTMLParser):
    """Visible text of any markup, however deep: no tree is built."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The visible text of ``html`` (paragraphs on their own lines, spaces collapsed)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
