"""Server-rendered pages: dashboard, events table, map, timeline, network, article, paste."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from eventcoder import __version__
from eventcoder.model import FACTUALITY, PLOVER_TYPES
from eventcoder.web.filters import EventFilters, Filters, page_total
from eventcoder.web.highlight import highlight
from eventcoder.web.intake import (
    CodingError,
    IntakeError,
    article_from_fields,
    code_and_store,
    languages,
)
from eventcoder.web.security import same_origin, token_from_headers, token_matches

router = APIRouter(include_in_schema=False)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["languages"] = languages  # the paste page's choice, from the language registry
PAGE_SIZE = 50
# Pages load nothing from elsewhere and run no inline script.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the shared context (filters, nav, version)."""
    context.setdefault("filters", EventFilters())
    context.setdefault("by", None)
    html = _env.get_template(name).render(
        request=request,
        version=__version__,
        plover_types=PLOVER_TYPES,
        factualities=FACTUALITY,
        needs_token=bool(request.app.state.token),
        path=request.url.path,
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=PAGE_HEADERS)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, filters: Filters) -> HTMLResponse:
    kw = filters.store_kwargs()
    with request.app.state.backend.store() as store:
        events = store.query_events(**kw, limit=20)
        total = page_total(store, kw, events, 20, 0)
    return render(request, "dashboard.html", filters=filters, events=events, total=total)


@router.get("/ui/events", response_class=HTMLResponse)
def events_table(
    request: Request,
    filters: Filters,
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    kw = filters.store_kwargs()
    with request.app.state.backend.store() as store:
        offset = (page - 1) * PAGE_SIZE
        events = store.query_events(**kw, limit=PAGE_SIZE, offset=offset)
        total = page_total(store, kw, events, PAGE_SIZE, offset)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        request, "events.html", filters=filters, events=events, total=total, page=page, pages=pages
    )


@router.get("/ui/map", response_class=HTMLResponse)
def map_page(request: Request, filters: Filters) -> HTMLResponse:
    return render(request, "chart.html", filters=filters, chart="map", heading="Events map")


@router.get("/ui/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, filters: Filters) -> HTMLResponse:
    return render(
        request, "chart.html", filters=filters, chart="timeline", heading="Timeline by type"
    )


@router.get("/ui/network", response_class=HTMLResponse)
def network_page(
    request: Request, filters: Filters, by: Literal["country", "actor"] = "country"
) -> HTMLResponse:
    return render(
        request, "chart.html", filters=filters, chart="network", heading="Actor network", by=by
    )


@router.get("/ui/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> HTMLResponse:
    with request.app.state.backend.store() as store:
        article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return render(request, "article.html", article=article, marked=highlight(article))


@router.get("/ui/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", form={}, error=None)


@router.post("/ui/paste", response_class=HTMLResponse)
async def paste_submit(request: Request) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    shown = {k: v for k, v in form.items() if k != "token"}
    if not same_origin(request):
        return render(request, "paste.html", 403, form=shown, error="cross-site form post refused")
    given = form.get("token") or token_from_headers(request)
    if not token_matches(request.app.state.token, given):
        return render(request, "paste.html", 401, form=shown, error="wrong or missing token")
    try:
        article = article_from_fields(
            form.get("text"),
            title=form.get("title"),
            url=form.get("url"),
            published=form.get("published"),
            lang=form.get("lang"),
            source="paste",
        )
    except IntakeError as e:
        return render(request, "paste.html", 400, form=shown, error=str(e))
    try:
        stored, _ = await run_in_threadpool(code_and_store, article, request.app.state.backend)
    except CodingError as e:
        return render(request, "paste.html", 500, form=shown, error=str(e))
    return RedirectResponse(f"/ui/articles/{stored.id}", status_code=303)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The REST API reference, rendered from the OpenAPI schema (works offline)."""
    spec = request.app.openapi()
    operations = [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "delete")
    ]
    return render(request, "docs.html", spec=spec, operations=operations)
