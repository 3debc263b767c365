"""Turn a posted article (JSON fields, an HTML page or plain text) into a coded, stored Article.

Coding goes through :func:`eventcoder.api.code` with the app's ``CoderConfig`` (from
``eventcoder serve``'s coder options), the same as ``eventcoder code`` and ``ingest``.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from eventcoder import api
from eventcoder.ingest.finish import finish_article
from eventcoder.ingest.text import headline
from eventcoder.language import registry
from eventcoder.model import Article

log = logging.getLogger("eventcoder.web")

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


class IntakeError(ValueError):
    """The posted article cannot be used; the message says what to change."""


class CodingError(RuntimeError):
    """The coder failed on an article (a bug to report, not a problem of the input)."""


def _published(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _ISO_DAY.match(value):
        raise IntakeError(f"published must be an ISO date like 2022-01-06, not {value!r}")
    try:
        date.fromisoformat(value[:10])
    except ValueError as e:
        raise IntakeError(f"published is not a valid date: {value!r}") from e
    return value[:10]


def article_from_fields(
    text: str | None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    source: str | None = None,
) -> Article:
    """Build an Article from form or JSON fields, checking them."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise IntakeError("the article text is empty: paste or send the text of a news article")
    lang = (lang or "").strip().lower() or None
    if lang is not None and not registry.is_supported(lang):
        raise IntakeError(
            f"language {lang!r} is not supported (supported: {', '.join(registry.languages())}); "
            "choose one of them or leave lang out to detect it"
        )
    article = Article(
        text=text,
        title=(title or "").strip() or headline(text),
        url=(url or "").strip() or None,
        source=source,
    )
    # the readers' own steps: language detection, dateline when no date is given
    return finish_article(article, lang=lang, published=_published(published))


def article_from_html(html: str, **fields: str | None) -> Article:
    """Extract the main text, title and date of an HTML page (trafilatura); fields win."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, url=fields.get("url"))
    if doc is None or not (doc.text or "").strip():
        raise IntakeError("no article text found in the HTML page")
    return article_from_fields(
        doc.text,
        title=fields.get("title") or doc.title,
        url=fields.get("url") or doc.url,
        published=fields.get("published") or doc.date,
        lang=fields.get("lang"),
        source=fields.get("source"),
    )


def languages() -> list[tuple[str, str]]:
    """(code, name) of every registered language, for the paste page's choice."""
    return [(code, registry.get(code).name) for code in registry.languages()]


def code_article(article: Article, coder: Any, config: Any = None) -> Article:
    """Code the article through :func:`eventcoder.api.code` with ``coder`` (events, ids set)."""
    return api.code(article, config, coder=coder)


def code_and_store(article: Article, backend: Any) -> tuple[Article, bool]:
    """Code the article unless it is stored already; return (stored article, newly stored).

    ``backend`` gives ``store()`` and ``coder()`` context managers (see ``web.app.Backend``);
    the store is not held while the coder runs.
    """
    with backend.store() as store:
        if store.has_article(article.id):
            return store.get_article(article.id) or article, False
    with backend.coder() as coder:
        try:
            code_article(article, coder, getattr(backend, "config", None))
        except Exception as e:
            log.exception("coding article %s failed", article.id)
            raise CodingError(
                f"the coder failed on this article ({type(e).__name__}: {e}); it was not stored"
            ) from e
    with backend.store() as store:
        created = store.add_article(article)
        return store.get_article(article.id) or article, created
