"""Browser tests of the monitor pages: the stories view, a story and the HTML report, with
screenshots to artifacts/screenshots/."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_browser_dashboard import SHOTS, _serve, browser, page  # noqa: E402,F401

from eventcoder.monitor.store import MonitorStore  # noqa: E402
from eventcoder.monitor.stories import StoryClusterer  # noqa: E402
from eventcoder.store import open_store  # noqa: E402
from monitor_helpers import article  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture
def stories_server(tmp_path) -> Iterator[str]:
    from eventcoder.web.app import create_app

    store = open_store(str(tmp_path / "stories.db"))
    clusterer = StoryClusterer(MonitorStore(store))
    for a in (
        article("Clashes in Almaty leave five dead.", dead=5, url="https://wire.example/1"),
        article(
            "Zusammenstöße in Almaty mit sieben Toten.",
            dead=7,
            lang="de",
            url="https://zeitung.example/2",
            published="2026-11-25",
        ),  # fmt: skip
        article("Ministers hold talks in Almaty.", etype="CONSULT", url="https://wire.example/3"),
    ):
        store.add_article(a)
        clusterer.add(a)
    yield from _serve(create_app(store=store, coder=object()))
    store.close()


def test_stories_view_story_and_report(page, stories_server: str) -> None:  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{stories_server}/ui/stories?country=KAZ")
    rows = page.locator("tr.story-row")
    assert rows.count() == 2
    assert "de+en" in page.inner_text("table.stories")
    page.screenshot(path=str(SHOTS / "monitor-stories.png"), full_page=True)
    page.click("tr.story-row:has-text('ASSAULT') a")
    page.wait_for_url("**/ui/stories/s*")
    assert page.inner_text("#story-dead") == "5"
    page.screenshot(path=str(SHOTS / "monitor-story.png"), full_page=True)
    page.goto(f"{stories_server}/ui/stories?country=KAZ")
    page.click("#report-html")
    page.wait_for_url("**/ui/report?*")
    assert page.inner_text("[data-n=dead]") == "5"
    assert page.locator("svg.report-map circle").count() == 2
    page.screenshot(path=str(SHOTS / "monitor-report.png"), full_page=True)


def test_map_colours_by_quad_with_mixed_cluster_and_legend_outside(
    page,  # noqa: F811
    stories_server: str,
) -> None:
    page.goto(f"{stories_server}/ui/map")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.ready)",
        timeout=15_000,
    )
    mix = page.locator("svg .marker-mix")
    assert mix.count() == 1  # Almaty: two ASSAULT and one CONSULT
    quads = page.eval_on_selector_all(
        "svg .marker-mix .slice", "els => els.map(e => e.dataset.quad)"
    )
    assert sorted(quads) == ["material_conflict", "verbal_cooperation"]
    assert page.locator("svg .map-legend").count() == 0
    legend = page.locator(".map-legend .legend-item")
    assert legend.count() == 2
    page.screenshot(path=str(SHOTS / "monitor-map-quads.png"), full_page=True)
