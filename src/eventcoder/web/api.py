"""The REST API: post articles, query events, stats, the actor network, CSV/JSONL export."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from eventcoder.model import Article
from eventcoder.store.base import MAX_OFFSET
from eventcoder.store.export import write_csv, write_jsonl
from eventcoder.web.filters import Filters, page_total
from eventcoder.web.highlight import spans_of
from eventcoder.web.intake import (
    CodingError,
    IntakeError,
    article_from_fields,
    article_from_html,
    code_and_store,
)
from eventcoder.web.security import require_write_token
from eventcoder.web.timeline import day_type_counts, timeline

router = APIRouter(tags=["api"])


class ArticleIn(BaseModel):
    """A posted article: text plus optional metadata."""

    text: str = Field(..., description="the article text (plain)")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date YYYY-MM-DD")
    lang: str | None = Field(None, description="'de' or 'en'; detected when left out")


def article_json(article: Article) -> dict[str, Any]:
    """An article with its events and the spans to highlight."""
    d = article.to_dict()
    d["spans"] = [s.__dict__ for s in spans_of(article)]
    return d


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


def _parse_article(content_type: str, body: bytes, params: dict[str, str | None]) -> Article:
    """The posted body as an Article (JSON fields, an HTML page or plain text)."""
    ctype = content_type.split(";")[0].strip().lower()
    try:
        if ctype in ("", "application/json"):
            try:
                data = ArticleIn.model_validate_json(body)
            except ValidationError as e:
                problems = "; ".join(
                    f"{'.'.join(map(str, err['loc'])) or 'body'}: {err['msg']}"
                    for err in e.errors()[:5]
                )
                raise IntakeError(
                    'send JSON like {"text": "...", "title": "...", "published": '
                    f'"2022-01-06", "lang": "de"}} ({problems})'
                ) from e
            return article_from_fields(data.text, **data.model_dump(exclude={"text"}), source="api")
        try:
            text = body.decode(_charset(content_type), errors="replace")
        except LookupError as e:
            raise IntakeError(f"unknown charset in Content-Type: {content_type!r}") from e
        if ctype in ("text/html", "application/xhtml+xml"):
            return article_from_html(text, source="api", **params)
        if ctype == "text/plain":
            return article_from_fields(text, source="api", **params)
    except IntakeError as e:
        raise HTTPException(422, str(e)) from e
    raise HTTPException(415, "send application/json, text/html or text/plain")


@router.post(
    "/articles",
    status_code=201,
    dependencies=[Depends(require_write_token)],
    summary="Code and store an article (JSON, HTML or plain text); returns it with its events",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": ArticleIn.model_json_schema()},
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
            "required": True,
        }
    },
)
async def post_article(
    request: Request,
    title: str | None = Query(None, description="title (HTML and plain-text bodies)"),
    url: str | None = Query(None, description="source URL (HTML and plain-text bodies)"),
    published: str | None = Query(None, description="ISO date (HTML and plain-text bodies)"),
    lang: str | None = Query(None, description="'de' or 'en' (HTML and plain-text bodies)"),
) -> JSONResponse:
    body = await request.body()
    params = {"title": title, "url": url, "published": published, "lang": lang}
    content_type = request.headers.get("content-type", "")
    article = await run_in_threadpool(_parse_article, content_type, body, params)
    try:
        stored, created = await run_in_threadpool(
            code_and_store, article, request.app.state.backend
        )
    except CodingError as e:
        raise HTTPException(500, str(e)) from e
    return JSONResponse(article_json(stored), status_code=201 if created else 200)


@router.get("/articles/{article_id}", summary="An article: text, events, evidence/actor spans")
def get_article(article_id: str, request: Request) -> JSONResponse:
    with request.app.state.backend.store() as store:
        article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return JSONResponse(article_json(article))


@router.get("/events", summary="Events matching the filters, newest first, one page at a time")
def get_events(
    request: Request,
    filters: Filters,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    total: bool = Query(True, description="also count all matching events"),
) -> JSONResponse:
    kw = filters.store_kwargs()
    with request.app.state.backend.store() as store:
        events = store.query_events(**kw, limit=limit, offset=offset)
        n = page_total(store, kw, events, limit, offset) if total else None
    return JSONResponse(
        {
            "total": n,
            "limit": limit,
            "offset": offset,
            "filters": kw,
            "events": [e.to_dict() for e in events],
        }
    )


@router.get("/events/{event_id}", summary="One event")
def get_event(event_id: str, request: Request) -> JSONResponse:
    with request.app.state.backend.store() as store:
        event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return JSONResponse(event.to_dict())


@router.get("/stats", summary="Counts by day, type and country")
def get_stats(request: Request, filters: Filters) -> JSONResponse:
    with request.app.state.backend.store() as store:
        return JSONResponse(store.stats(**filters.store_kwargs()))


@router.get("/timeline", summary="Counts by time bucket and type (for the stacked timeline)")
def get_timeline(
    request: Request,
    filters: Filters,
    bucket: Literal["auto", "day", "week", "month"] = Query(
        "auto", description="auto: days up to 3 months, weeks up to 2 years, else months"
    ),
) -> JSONResponse:
    with request.app.state.backend.store() as store:
        counts = day_type_counts(store, filters.store_kwargs())
    return JSONResponse(timeline(counts, bucket))


@router.get("/network", summary="Source -> target actor edges with counts")
def get_network(
    request: Request,
    filters: Filters,
    by: Literal["country", "actor"] = Query("country", description="group actors by"),
    limit: int = Query(200, ge=1, le=5000, description="the strongest edges only"),
) -> JSONResponse:
    with request.app.state.backend.store() as store:
        edges = store.network(**filters.store_kwargs(), by=by, limit=limit)
    return JSONResponse({"by": by, "edges": edges})


def _spooled(write: Callable[[IO[str]], Any]) -> Iterator[bytes]:
    """Run ``write`` into a spooled temporary file (one thread), then yield it in chunks."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
    write(text)
    text.flush()
    text.detach()
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            yield from iter(lambda: spool.read(64 * 1024), b"")

    return chunks()


def _download(chunks: Iterator[bytes], media_type: str, filename: str) -> StreamingResponse:
    return StreamingResponse(
        chunks,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/events.csv", summary="Export matching events as CSV (one row per event)")
def export_csv(request: Request, filters: Filters) -> StreamingResponse:
    with request.app.state.backend.store() as store:
        chunks = _spooled(lambda out: write_csv(store.iter_articles(**filters.store_kwargs()), out))
    return _download(chunks, "text/csv; charset=utf-8", "events.csv")


@router.get("/events.jsonl", summary="Export matching events as JSON Lines (one event per line)")
def export_events_jsonl(request: Request, filters: Filters) -> StreamingResponse:
    def write(out: IO[str]) -> None:
        for article in store.iter_articles(**filters.store_kwargs()):
            for event in article.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    with request.app.state.backend.store() as store:
        chunks = _spooled(write)
    return _download(chunks, "application/x-ndjson", "events.jsonl")


@router.get(
    "/articles.jsonl",
    summary="Export articles with their matching events (canonical JSONL, one article per line)",
)
def export_articles_jsonl(request: Request, filters: Filters) -> StreamingResponse:
    with request.app.state.backend.store() as store:
        chunks = _spooled(
            lambda out: write_jsonl(store.iter_articles(**filters.store_kwargs()), out)
        )
    return _download(chunks, "application/x-ndjson", "articles.jsonl")
