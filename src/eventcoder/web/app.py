"""The FastAPI application factory: REST API, pages and static files on one Store."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from eventcoder import __version__
from eventcoder.web.security import (
    DEFAULT_MAX_BODY,
    BodySizeLimit,
    SecurityHeaders,
    WriteGuard,
    is_loopback,
)

log = logging.getLogger("eventcoder.web")

STATIC_DIR = Path(__file__).parent / "static"


class Backend:
    """The store and the coder behind the app (the coder runs one article at a time)."""

    def __init__(
        self, store_url: str | None, store: Any = None, coder: Any = None, config: Any = None
    ) -> None:
        self.config = config  # the CoderConfig (eventcoder.config) the coder is built from
        self._store_url = store_url
        self._store = store
        self._owns_store = store is None
        self._coder = coder
        self._store_lock = threading.Lock()
        self._coder_lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Any]:
        """The open store (opened on first use; the Store serialises its own queries)."""
        with self._store_lock:
            if self._store is None:
                from eventcoder.store import open_store

                self._store = open_store(self._store_url)
        yield self._store

    @contextmanager
    def coder(self) -> Iterator[Any]:
        """The coder (built on first use: loading the language pipeline takes a moment)."""
        with self._coder_lock:
            if self._coder is None:
                from eventcoder import api

                self._coder = api.coder(self.config)
            yield self._coder

    def close(self) -> None:
        with self._store_lock:
            if self._owns_store and self._store is not None:
                self._store.close()
                self._store = None


def create_app(
    store_url: str | None = None,
    *,
    store: Any = None,
    coder: Any = None,
    token: str | None = None,
    host: str = "127.0.0.1",
    max_body: int = DEFAULT_MAX_BODY,
    config: Any = None,
) -> FastAPI:
    """Build the app on the store at ``store_url`` (or an open ``store``).

    ``coder`` defaults to ``eventcoder.api.coder(config)`` (built on first use; ``config`` a
    ``CoderConfig``, default options otherwise). When a
    ``token`` is given, write endpoints need it; binding to a non-loopback ``host`` without one
    is refused. Writes from another site are refused, and so are writes addressed to a
    non-loopback ``Host`` while bound to loopback (DNS rebinding).
    """
    if not token and not is_loopback(host):
        raise ValueError(
            f"serving on {host} (not loopback) needs a token for the write endpoints: "
            "pass --token or set EVENTCODER_TOKEN"
        )
    backend = Backend(store_url, store=store, coder=coder, config=config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("write endpoints %s", "need a token" if token else "are open (loopback only)")
        yield
        backend.close()

    app = FastAPI(
        title="eventcoder",
        version=__version__,
        description="PLOVER political events coded from news articles, with their evidence.",
        lifespan=lifespan,
        docs_url=None,  # /docs is an offline page of our own (pages.api_docs), no CDN assets
        redoc_url=None,
    )
    app.state.backend = backend
    app.state.token = token or None
    app.add_middleware(WriteGuard, loopback_only=is_loopback(host))
    app.add_middleware(BodySizeLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so on every response

    from eventcoder.store.base import QueryError
    from eventcoder.web import api, pages

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.include_router(api.router)
    app.include_router(pages.router)
    from eventcoder.web import stories

    app.include_router(stories.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
