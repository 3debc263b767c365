"""Fill an article's language and publication date (the steps shared by all readers)."""

from __future__ import annotations

from eventcoder.ingest.dates import find_dateline, parse_date
from eventcoder.ingest.langid import detect_language
from eventcoder.model import Article


def finish_article(
    article: Article,
    *,
    lang: str | None = None,
    published: str | None = None,
    fallback_date: str | None = None,
) -> Article:
    """Set ``lang`` and ``published``/``published_raw`` on ``article`` and return it.

    Language: the ``lang`` argument, else the article's own as given (lower-cased, never
    re-detected: an unsupported one is reported by the coder), else detected.
    Date: the ``published`` argument, else the article's metadata date, else a dateline at
    the top of the text, else ``fallback_date`` (e.g. a WARC record's date).
    """
    if lang:
        article.lang = lang.lower()
    elif article.lang and article.lang.strip():
        article.lang = article.lang.strip().lower()
    else:
        article.lang = detect_language(article.text)
    use = article.lang or "en"
    if published:
        article.published = parse_date(published, use)
        article.published_raw = published
    elif article.published:
        raw = article.published
        article.published = parse_date(raw, use)
        article.published_raw = article.published_raw or raw
    if not article.published:
        found = find_dateline(article.text, use)
        if found:
            article.published, article.published_raw = found.iso, found.raw
        elif fallback_date:
            article.published = parse_date(fallback_date, use)
            article.published_raw = fallback_date
    return article
