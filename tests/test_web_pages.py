"""Server-rendered pages: dashboard, events table, charts, article highlights, paste flow."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventcoder.model import Actor, Article, Event, Evidence, Location
from eventcoder.web.app import create_app
from eventcoder.web.highlight import highlight, spans_of

LOCAL = "http://127.0.0.1:8000"  # writes must be addressed to a loopback name

TEXT = (
    "In Tiflis hat die Polizei am Sonntag eine Kundgebung aufgelöst. "
    "Der georgische Präsident telefonierte danach mit dem armenischen Präsidenten."
)


def _at(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _article() -> Article:
    article = Article(text=TEXT, title="Kundgebung in Tiflis", published="2024-09-01", lang="de")
    s, e = _at("hat die Polizei am Sonntag eine Kundgebung aufgelöst")
    police = _at("Polizei")
    coerce = Event(
        type="COERCE",
        evidence=Evidence(TEXT[s:e], s, e),
        source=[Actor("Polizei", *police, country="GEO", sector="COP")],
        location=Location(
            text="Tiflis", name="Tbilisi", country="GEO", lat=41.69, lon=44.83, start=3, end=9
        ),  # fmt: skip
        date="2024-09-01",
    )
    s, e = _at("Der georgische Präsident telefonierte danach mit dem armenischen Präsidenten")
    consult = Event(
        type="CONSULT",
        evidence=Evidence(TEXT[s:e], s, e),
        source=[Actor("georgische Präsident", *_at("georgische Präsident"), country="GEO")],
        target=[Actor("armenischen Präsidenten", *_at("armenischen Präsidenten"), country="ARM")],
        date="2024-09-01",
    )
    article.events = [coerce, consult]
    return article


class TwoEventCoder:
    """Deterministic coder for the paste flow: the events of ``_article`` for that text."""

    version = "test"

    def code(self, article: Article) -> list[Event]:
        if article.text != TEXT:
            return []
        events = _article().events
        for ev in events:
            ev.article_id = article.id
            ev.assign_id()
        return events


@pytest.fixture
def client(tmp_path) -> Iterator[TestClient]:
    with TestClient(
        create_app(str(tmp_path / "pages.db"), coder=TwoEventCoder()), base_url=LOCAL
    ) as c:
        yield c


def test_highlight_marks_evidence_actors_and_places() -> None:
    article = _article()
    for ev in article.events:
        ev.article_id = article.id
        ev.assign_id()
    html = str(highlight(article))
    assert re.sub(r"<[^>]+>", "", html) == TEXT  # nothing lost, nothing added
    marks = re.findall(r'<mark class="evidence" data-events="([^"]+)"', html)
    assert set(marks) == {ev.id for ev in article.events}
    assert '<span class="actor source" title="source: Polizei ">Polizei</span>' in html
    assert '<span class="actor target"' in html and '<span class="place"' in html
    for ev in article.events:
        assert html.count(f'id="ev-{ev.id}"') == 1


def test_highlight_skips_offsets_outside_the_text() -> None:
    article = Article(text="Kurz.", lang="de")
    article.events = [Event(type="AGREE", evidence=Evidence("x", 3, 99), id="e1")]
    assert spans_of(article) == []
    assert str(highlight(article)) == "Kurz."


def test_highlight_handles_overlapping_evidence() -> None:
    text = "Die Armee griff an und die Regierung drohte."
    article = Article(text=text, lang="de")
    article.events = [
        Event(type="ASSAULT", evidence=Evidence(text[0:20], 0, 20), id="e1"),
        Event(type="THREATEN", evidence=Evidence(text[4:43], 4, 43), id="e2"),
    ]
    html = str(highlight(article))
    assert re.sub(r"<[^>]+>", "", html) == text
    assert 'data-events="e1 e2"' in html
    assert 'id="ev-e1"' in html and 'id="ev-e2"' in html


def test_paste_flow_to_article_page(client: TestClient) -> None:
    form = {"text": TEXT, "title": "Kundgebung in Tiflis", "published": "2024-09-01", "lang": ""}
    response = client.post("/ui/paste", data=form, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/ui/articles/a")
    page = client.get(location).text
    assert page.count('<mark class="evidence"') >= 2
    assert "COERCE" in page and "CONSULT" in page
    assert '<span class="actor target"' in page
    table = client.get("/ui/events").text
    assert table.count('class="event-row"') == 2
    assert location in table  # rows link to the article page


def test_dashboard_table_filters_and_pager(client: TestClient) -> None:
    client.post("/ui/paste", data={"text": TEXT, "lang": "de"})
    page = client.get("/").text
    for chart in ("map", "timeline", "network"):
        assert f'data-chart="{chart}"' in page
    assert page.count('class="event-row"') == 2
    filtered = client.get("/ui/events", params={"type": "CONSULT"}).text
    assert filtered.count('class="event-row"') == 1
    assert "<option selected>CONSULT</option>" in filtered
    assert "armenischen Präsidenten" in filtered
    assert "export" in filtered.lower() and "/events.csv?type=CONSULT" in filtered
    empty = client.get("/ui/events", params={"country": "NOR"}).text
    assert 'class="event-row"' not in empty and "No events match" in empty
    assert client.get("/ui/events", params={"type": "NOPE"}).status_code == 400


def test_pager_splits_long_tables(client: TestClient, tmp_path) -> None:
    from eventcoder.store import open_store
    from eventcoder.web import pages

    with open_store(str(tmp_path / "pages.db")) as store:
        for i in range(pages.PAGE_SIZE + 5):
            text = f"Meldung {i}: Der Minister besuchte die Hauptstadt."
            art = Article(text=text, published="2024-01-02", lang="de")
            art.events = [Event(type="CONSULT", evidence=Evidence(text, 0, len(text)))]
            store.add_article(art)
    first = client.get("/ui/events").text
    assert first.count('class="event-row"') == pages.PAGE_SIZE and 'rel="next"' in first
    second = client.get("/ui/events", params={"page": 2}).text
    assert second.count('class="event-row"') == 5 and 'rel="prev"' in second


@pytest.mark.parametrize(("path", "chart"), [("/ui/map", "map"), ("/ui/timeline", "timeline"),
                                             ("/ui/network", "network")])  # fmt: skip
def test_chart_pages_carry_the_filters(client: TestClient, path: str, chart: str) -> None:
    page = client.get(path, params={"country": "geo"}).text
    assert f'data-chart="{chart}" data-query="country=GEO' in page
    assert "/static/charts.js" in page


def test_network_page_groups_by_country_or_actor(client: TestClient) -> None:
    page = client.get("/ui/network", params={"by": "actor"}).text
    assert 'data-query="by=actor"' in page
    assert 'class="active">actor</a>' in page
    assert client.get("/ui/network", params={"by": "sector"}).status_code == 422


def test_static_assets_are_vendored(client: TestClient) -> None:
    world = client.get("/static/vendor/countries-110m.json")
    assert world.status_code == 200 and world.json()["type"] == "Topology"
    assert client.get("/static/vendor/topojson-client.min.js").status_code == 200
    types = client.get("/static/plover-types.json").json()["types"]
    assert types["ASSAULT"]["class"] == "hostile" and types["CONSULT"]["class"] == "cooperative"
    page = client.get("/").text
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_unknown_article_page_is_404(client: TestClient) -> None:
    assert client.get("/ui/articles/a000").status_code == 404


def test_paste_with_real_coder_flows(tmp_path) -> None:
    """The default coder (whatever it finds) goes through paste -> article page -> table."""
    text = (
        "Berlin (dpa) - Die Polizei hat am Samstag in Leipzig eine Demonstration aufgelöst und "
        "zwölf Menschen festgenommen. Am Abend telefonierte der Bundeskanzler mit dem "
        "französischen Präsidenten."
    )
    with TestClient(create_app(str(tmp_path / "real.db")), base_url=LOCAL) as client:
        response = client.post("/ui/paste", data={"text": text, "published": "2024-02-03"})
        assert response.status_code == 200 and "/ui/articles/" in str(response.url)
        article_id = str(response.url).rsplit("/", 1)[-1]
        stored = client.get(f"/articles/{article_id}").json()
        assert stored["lang"] == "de" and stored["text"] == text
        page = response.text
        for event in stored["events"]:  # every event the coder found is highlighted
            assert re.search(rf'data-events="[^"]*{event["id"]}', page)
        table = client.get("/ui/events").text
        assert table.count('class="event-row"') == len(stored["events"])


def test_api_reference_page_is_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    for path in ("/articles", "/events", "/events/{event_id}", "/stats", "/network", "/timeline"):
        assert f"<code>{path}</code>" in page
    assert "<code>factuality</code>" in page and "<code>offset</code>" in page
    assert "cdn" not in page.lower()
