"""Stories in the REST API (``GET /stories``, ``/stories/{id}``), the stories view and the
situation report in the dashboard."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from eventcoder.monitor.query import get_story, list_stories
from eventcoder.monitor.report import (
    ReportError,
    build_report,
    html_to_pdf,
    render_html,
    render_md,
    report_languages,
)
from eventcoder.monitor.store import MonitorStore
from eventcoder.web.pages import PAGE_HEADERS, render

router = APIRouter()
# the report is a standalone page with inline styles (and no script at all)
REPORT_HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
}


def _mstore(request: Request) -> Any:
    backend = request.app.state.backend
    with backend.store() as store:
        cached = getattr(backend, "_monitor_store", None)
        if cached is None or cached.store is not store:
            cached = MonitorStore(store)
            backend._monitor_store = cached
        return cached


def _filters(
    country: list[str] | None, type: list[str] | None, since: str | None, until: str | None
) -> dict[str, Any]:
    return {"country": country or None, "type": type or None, "since": since, "until": until}


@router.get("/stories", tags=["stories"], summary="Stories (events clustered across sources)")
def stories_api(
    request: Request,
    country: Annotated[list[str] | None, Query(description="ISO 3166 alpha-3 (repeatable)")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type (repeatable)")] = None,
    since: str | None = Query(None, description="events on or after YYYY-MM-DD"),
    until: str | None = Query(None, description="events on or before YYYY-MM-DD"),
    limit: int = Query(50, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    found = list_stories(_mstore(request), **_filters(country, type, since, until), limit=limit,
                         offset=offset)  # fmt: skip
    return {"stories": found, "limit": limit, "offset": offset}


@router.get("/stories/{story_id}", tags=["stories"], summary="One story with every mention")
def story_api(story_id: str, request: Request) -> dict[str, Any]:
    story = get_story(_mstore(request), story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story


@router.get("/ui/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(
    request: Request,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    countries = [c for c in (country or "").replace(" ", ",").split(",") if c]
    types = [t for t in (type or "").replace(" ", ",").split(",") if t]
    found = list_stories(_mstore(request), **_filters(countries, types, since, until), limit=200)
    form = {"country": country or "", "type": type or "", "since": since or "",
            "until": until or ""}  # fmt: skip
    return render(request, "stories.html", stories=found, form=form)


@router.get("/ui/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(story_id: str, request: Request) -> HTMLResponse:
    story = get_story(_mstore(request), story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return render(request, "story.html", story=story)


@router.get("/ui/report", include_in_schema=False)
def report_page(
    request: Request,
    country: str = Query(..., min_length=2, max_length=8),
    since: str | None = None,
    until: str | None = None,
    lang: str = Query("en", description="Language of the headings (see report_labels.yaml)."),
    format: Literal["html", "md", "pdf"] = "html",
) -> Response:
    if lang not in report_languages():
        raise HTTPException(422, f"lang must be one of {', '.join(report_languages())}")
    data = build_report(_mstore(request), country=country, since=since, until=until, lang=lang,
                        base="")  # fmt: skip
    if format == "md":
        return PlainTextResponse(render_md(data), headers=REPORT_HEADERS,
                                 media_type="text/markdown; charset=utf-8")  # fmt: skip
    html = render_html(data)
    if format == "html":
        return HTMLResponse(html, headers=REPORT_HEADERS)
    with tempfile.TemporaryDirectory(prefix="eventcoder-pdf-") as tmp:
        out = Path(tmp) / "report.pdf"
        try:
            html_to_pdf(html, str(out))
        except ReportError as exc:
            raise HTTPException(503, str(exc)) from exc
        body = out.read_bytes()
    name = f"report-{data['country']}.pdf"
    return Response(body, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip
