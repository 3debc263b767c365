"""News agencies of the knowledge data (``data/news_agencies.tsv``): sources, never actors."""

from __future__ import annotations

from functools import lru_cache

from eventcoder.knowledge.lexicon import DATA_DIR, read_tsv


@lru_cache(maxsize=1)
def news_agency_codes() -> frozenset[str]:
    """Actor codes whose type is 'news agency' (Reuters, dpa, AFP, TASS, ...)."""
    return frozenset(
        r["code"] for r in read_tsv(DATA_DIR / "news_agencies.tsv") if r["type"] == "news agency"
    )


def is_news_agency(code: str | None) -> bool:
    """Is this actor code a news agency's (a source of information, not an actor)?"""
    return bool(code) and code in news_agency_codes()
