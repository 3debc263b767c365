"""Browser tests: paste an article, see it in the table, on the map, timeline and network, and
its highlighted evidence on the article page. Drives the system Chromium with Playwright and
writes a screenshot of each page to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventcoder.model import Actor, Article, Event, Evidence, Location

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("EVENTCODER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# A news-like German text written for this test: a police crackdown, a phone call between two
# presidents, and a protest in a second city.
TITLE = "Polizei löst Kundgebung in Tiflis auf"
TEXT = """Tiflis (Agenturen) – Die georgische Polizei hat am Sonntagabend eine Kundgebung vor dem \
Parlament in Tiflis gewaltsam aufgelöst. Nach Angaben des Innenministeriums wurden 37 \
Demonstranten festgenommen, mehrere Menschen wurden verletzt. Die Sicherheitskräfte setzten \
Wasserwerfer und Tränengas ein.

Am Montag telefonierte der georgische Präsident mit dem französischen Präsidenten. Beide sprachen \
über die Lage im Land, wie das Präsidialamt in Tiflis mitteilte.

In Batumi versammelten sich am Montag erneut Hunderte Menschen zu einer Protestkundgebung gegen \
die Regierung."""


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _actor(text: str, words: str, **kw: str) -> Actor:
    start, end = _span(text, words)
    return Actor(words, start=start, end=end, **kw)


def _place(text: str, words: str, name: str, lat: float, lon: float) -> Location:
    start, end = _span(text, words)
    return Location(text=words, name=name, country="GEO", lat=lat, lon=lon, precision="city",
                    start=start, end=end)  # fmt: skip


class ScriptedCoder:
    """Codes exactly the test article above (the real engine is tested elsewhere)."""

    version = "scripted-test"

    def code(self, article: Article) -> list[Event]:
        t = article.text
        if "Tiflis" not in t:
            return []
        specs = [
            (
                "COERCE",
                "Die georgische Polizei hat am Sonntagabend eine Kundgebung vor dem Parlament in "
                "Tiflis gewaltsam aufgelöst",
                [_actor(t, "georgische Polizei", country="GEO", sector="COP")],
                [_actor(t, "Kundgebung", country="GEO", sector="CVL")],
                _place(t, "Tiflis gewaltsam", "Tbilisi", 41.69, 44.83),
                "2024-12-01",
            ),
            (
                "CONSULT",
                "telefonierte der georgische Präsident mit dem französischen Präsidenten",
                [_actor(t, "georgische Präsident", country="GEO", sector="GOV")],
                [_actor(t, "französischen Präsidenten", country="FRA", sector="GOV")],
                None,
                "2024-12-02",
            ),
            (
                "PROTEST",
                "In Batumi versammelten sich am Montag erneut Hunderte Menschen zu einer "
                "Protestkundgebung gegen die Regierung",
                [_actor(t, "Hunderte Menschen", country="GEO", sector="CVL")],
                [_actor(t, "die Regierung", country="GEO", sector="GOV")],
                _place(t, "Batumi", "Batumi", 41.64, 41.63),
                "2024-12-02",
            ),
        ]
        events = []
        for etype, words, source, target, place, day in specs:
            start, end = _span(t, words)
            if place is not None:
                place.text = place.text.split()[0]
                place.end = place.start + len(place.text)
            ev = Event(type=etype, evidence=Evidence(words, start, end), article_id=article.id,
                       source=source, target=target, location=place, date=day,
                       date_precision="day")  # fmt: skip
            if etype == "COERCE":
                ev.arrested = 37
            ev.assign_id()
            events.append(ev)
        return events


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(app) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (CI installs Debian's chromium package)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    external: list[str] = []
    pg.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith("http://127.0.0.1") else None,
    )
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert external == [], f"the pages fetched something from outside: {external}"
    assert problems == [], f"errors in the browser console: {problems}"


@pytest.fixture
def scripted_server(tmp_path) -> Iterator[str]:
    from eventcoder.web.app import create_app

    yield from _serve(create_app(str(tmp_path / "browser.db"), coder=ScriptedCoder()))


def _paste(page, base: str, shot: str | None = None) -> None:
    page.goto(f"{base}/ui/paste")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=published]", "2024-12-02")
    page.select_option("select[name=lang]", "de")
    page.fill("textarea[name=text]", TEXT)
    if shot:
        page.screenshot(path=str(SHOTS / shot), full_page=True)
    page.click("#code-button")
    page.wait_for_url(re.compile(r".*/ui/articles/a[0-9a-f]+$"), timeout=60_000)


def _wait_charts(page) -> None:
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.ready)",
        timeout=15_000,
    )
    errors = page.eval_on_selector_all("[data-chart]", "els => els.map(e => e.dataset.ready)")
    assert "error" not in errors, page.inner_text("main")


def test_paste_to_table_map_timeline_network_and_highlights(page, scripted_server: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = scripted_server
    _paste(page, base, shot="paste.png")

    # article page: evidence marked, actors and places spanned, events listed beside
    assert page.locator("mark.evidence").count() >= 3
    assert page.locator("span.actor.source").count() >= 3
    assert page.locator("span.actor.target").count() >= 2
    assert page.locator("span.place").count() >= 2
    assert page.locator(".event-card").count() == 3
    assert "37 Demonstranten" in page.inner_text("#article-text")
    page.hover(".event-card >> nth=1")
    assert page.locator("mark.evidence.active").count() >= 1
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    article_url = page.url

    # events table
    page.goto(f"{base}/ui/events")
    rows = page.locator("tr.event-row")
    assert rows.count() == 3
    assert sorted(rows.locator(".type").all_inner_texts()) == ["COERCE", "CONSULT", "PROTEST"]
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    page.goto(f"{base}/ui/events?type=PROTEST")
    assert page.locator("tr.event-row").count() == 1

    # dashboard: map markers, timeline bars, network edges
    page.goto(f"{base}/")
    _wait_charts(page)
    assert page.locator("#map svg path.country").count() > 100
    assert page.locator("#map svg circle.marker").count() == 2  # Tbilisi and Batumi
    assert page.locator("#timeline svg rect.bar").count() == 3
    assert page.locator("#network svg path.edge-coop").count() == 1  # GEO -> FRA call
    assert page.locator("#network svg path.edge-host").count() >= 1  # GEO -> GEO crackdown
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    for name in ("map", "timeline", "network"):
        page.goto(f"{base}/ui/{name}")
        _wait_charts(page)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    page.goto(f"{base}/docs")
    assert page.locator("section.endpoint").count() >= 10
    page.screenshot(path=str(SHOTS / "api-docs.png"), full_page=True)

    # a map marker leads to the article and its evidence
    page.goto(f"{base}/ui/map")
    _wait_charts(page)
    page.click("#map svg circle.marker >> nth=0")
    page.wait_for_url(re.compile(r".*/ui/articles/a[0-9a-f]+#ev-e[0-9a-f]+$"))
    assert page.url.split("#")[0] == article_url


def test_paste_with_the_real_coder(page, tmp_path) -> None:
    """The default coder behind the form: whatever it finds shows up in table and highlights."""
    from eventcoder.web.app import create_app

    SHOTS.mkdir(parents=True, exist_ok=True)
    for base in _serve(create_app(str(tmp_path / "real.db"))):
        _paste(page, base)
        events = page.locator(".event-card").count()
        assert events == 0 or page.locator("mark.evidence").count() >= 1
        page.screenshot(path=str(SHOTS / "article-real-coder.png"), full_page=True)
        page.goto(f"{base}/ui/events")
        assert page.locator("tr.event-row").count() == events
        page.goto(f"{base}/")
        _wait_charts(page)
        page.screenshot(path=str(SHOTS / "dashboard-real-coder.png"), full_page=True)
