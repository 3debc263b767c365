"""Main text and metadata of an HTML page (trafilatura; dates by htmldate inside it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from eventcoder.ingest.decode import normalize_newlines

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

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
    of the page is taken instead.
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
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        try:
            text = trafilatura.baseline(html)[1]
        except Exception:
            text = ""
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
