"""Storage of articles and events: SQLite (default) or PostgreSQL, plus exporters.

>>> store = open_store()                    # ./eventcoder.db, or $EVENTCODER_DB
>>> store = open_store("postgresql://user:pw@host/db")
"""

from __future__ import annotations

import os

from eventcoder.store.base import Store, StoreError
from eventcoder.store.rows import COOPERATIVE_TYPES

DEFAULT_DB = "eventcoder.db"

__all__ = ["COOPERATIVE_TYPES", "DEFAULT_DB", "Store", "StoreError", "open_store", "resolve_url"]


def resolve_url(url: str | None = None) -> str:
    """The database to use: ``url``, else ``$EVENTCODER_DB``, else ``eventcoder.db``."""
    return url or os.environ.get("EVENTCODER_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """Open (creating if needed) the store at ``url``.

    ``postgresql://...`` (or ``postgres://``) opens PostgreSQL; anything else is an SQLite file
    path (``sqlite:///path`` and ``:memory:`` are accepted too).
    """
    url = resolve_url(url)
    if url.startswith(("postgresql://", "postgres://")):
        from eventcoder.store.postgres import PostgresStore

        return PostgresStore(url)
    from eventcoder.store.sqlite import SQLiteStore

    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)
