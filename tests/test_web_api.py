"""REST API of the web app: every endpoint and filter, on each store backend."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventcoder.model import Actor, Article, Event, Evidence
from eventcoder.web.app import create_app

# the server is bound to loopback: a client addresses it by a loopback name (not "testserver")
LOCAL = "http://127.0.0.1:8000"


def _span(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(text=words, start=start, end=start + len(words))


class KeywordCoder:
    """A deterministic stand-in for the coder: one ASSAULT event per sentence with 'stormed'."""

    version = "keyword-test"

    def __init__(self) -> None:
        self.calls = 0

    def code(self, article: Article) -> list[Event]:
        self.calls += 1
        events = []
        for sentence in article.text.split(". "):
            if "stormed" in sentence:
                ev = Event(
                    type="ASSAULT",
                    evidence=_span(article.text, sentence),
                    article_id=article.id,
                    source=[Actor(sentence.split()[0], country="XYZ")],
                )
                ev.assign_id()
                events.append(ev)
        return events


@pytest.fixture
def client(store_url: str, sample_articles: list[Article]) -> Iterator[TestClient]:
    """A client on a store holding the shared sample articles (4 events), with a fake coder."""
    from eventcoder.store import open_store

    with open_store(store_url) as store:
        for article in sample_articles:
            store.add_article(article)
    app = create_app(store_url, coder=KeywordCoder())
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def _types(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(e["type"] for e in response.json()["events"])


def test_events_lists_all_with_total_and_paging(client: TestClient) -> None:
    body = client.get("/events").json()
    assert body["total"] == 4
    assert sorted(e["type"] for e in body["events"]) == ["AGREE", "ASSAULT", "COERCE", "REQUEST"]
    page1 = client.get("/events", params={"limit": 3}).json()["events"]
    page2 = client.get("/events", params={"limit": 3, "offset": 3}).json()["events"]
    assert len(page1) == 3 and len(page2) == 1
    assert {e["id"] for e in page1}.isdisjoint({e["id"] for e in page2})
    assert client.get("/events", params={"total": "false"}).json()["total"] is None
    for offset in (3, 10):  # partial and empty last pages still give the right total
        body = client.get("/events", params={"limit": 3, "offset": offset}).json()
        assert body["total"] == 4


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "COERCE"}, ["COERCE"]),
        ({"type": "assault"}, ["ASSAULT"]),
        ({"factuality": "reported"}, ["ASSAULT"]),
        ({"country": "DEU"}, ["REQUEST"]),
        ({"country": "fra"}, ["AGREE", "COERCE"]),
        ({"actor": "truppen"}, ["ASSAULT"]),
        ({"actor": "FRAGOV"}, ["AGREE"]),
        ({"q": "luftabwehr"}, ["REQUEST"]),
        ({"q": "Lyon rally"}, ["AGREE", "COERCE"]),
        ({"since": "2024-04-01"}, ["ASSAULT", "REQUEST"]),
        ({"until": "2024-03-31"}, ["AGREE", "COERCE"]),
        ({"since": "2024-03-10", "until": "2024-03-10"}, ["AGREE"]),
        ({"country": "UKR", "type": "REQUEST"}, ["REQUEST"]),
        ({"type": "PROTEST"}, []),
    ],
)
def test_events_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/events", params=params)
    assert _types(response) == expected
    assert response.json()["total"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [{"type": "BOMBING"}, {"factuality": "certain"}, {"since": "last week"}, {"limit": 0}],
)
def test_events_bad_filters_are_client_errors(client: TestClient, params: dict) -> None:
    response = client.get("/events", params=params)
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_single_event_and_404(client: TestClient) -> None:
    first = client.get("/events", params={"type": "COERCE"}).json()["events"][0]
    event = client.get(f"/events/{first['id']}").json()
    assert event["arrested"] == 12 and event["location"]["name"] == "Lyon"
    assert client.get("/events/enonexistent").status_code == 404


def test_article_with_spans_and_404(client: TestClient, sample_articles: list[Article]) -> None:
    article = sample_articles[0]
    body = client.get(f"/articles/{article.id}").json()
    assert body["text"] == article.text
    assert len(body["events"]) == 2
    evidence = [s for s in body["spans"] if s["kind"] == "evidence"]
    assert {body["text"][s["start"] : s["end"]] for s in evidence} == {
        "Police in Lyon detained twelve demonstrators",
        "French government agreed to hold talks",
    }
    assert client.get("/articles/anothere").status_code == 404


def test_stats_counts(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["total"] == 4
    assert {r["type"]: r["count"] for r in stats["by_type"]}["COERCE"] == 1
    assert {r["country"]: r["count"] for r in stats["by_country"]}["FRA"] == 2
    assert sum(r["count"] for r in stats["by_day"]) == 4
    assert client.get("/stats", params={"country": "UKR"}).json()["total"] == 2


def test_timeline_by_day_and_type(client: TestClient) -> None:
    body = client.get("/timeline").json()
    assert {"day": "2024-03-09", "type": "COERCE", "count": 1} in body["series"]
    assert set(body["types"]) == {"AGREE", "ASSAULT", "COERCE", "REQUEST"}
    assert body["days"] == sorted(body["days"])
    only = client.get("/timeline", params={"type": "REQUEST"}).json()
    assert only["types"] == ["REQUEST"] and len(only["series"]) == 1


def test_network_edges(client: TestClient) -> None:
    edges = client.get("/network").json()["edges"]
    by_pair = {(e["source"], e["target"]): e for e in edges}
    assert by_pair[("RUS", "UKR")]["hostile"] == 1
    assert by_pair[("FRA", "FRA")]["count"] == 2
    assert by_pair[("FRA", "FRA")]["cooperative"] == 1
    actors = client.get("/network", params={"by": "actor", "country": "DEU"}).json()["edges"]
    assert [(e["source"], e["target"]) for e in actors] == [("Ukraine", "Germany")]
    assert len(client.get("/network", params={"limit": 1}).json()["edges"]) == 1


def test_csv_export_follows_filters(client: TestClient) -> None:
    response = client.get("/events.csv", params={"country": "FRA"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["type"] for r in rows) == ["AGREE", "COERCE"]
    assert {r["arrested"] for r in rows} == {"12", ""}


def test_jsonl_exports(client: TestClient) -> None:
    events = [json.loads(x) for x in client.get("/events.jsonl").text.splitlines()]
    assert sorted(e["type"] for e in events) == ["AGREE", "ASSAULT", "COERCE", "REQUEST"]
    lines = client.get("/articles.jsonl", params={"type": "ASSAULT"}).text.splitlines()
    articles = [Article.from_dict(json.loads(x)) for x in lines]
    assert [a.title for a in articles] == ["Angriff auf Charkiw"]
    assert [e.type for e in articles[0].events] == ["ASSAULT"]


def test_post_json_codes_stores_and_is_idempotent(client: TestClient) -> None:
    text = "Rebels stormed the town hall in the morning. The mayor later called for calm."
    payload = {"text": text, "title": "Town hall", "published": "2024-06-01", "lang": "en"}
    response = client.post("/articles", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["lang"] == "en" and body["published"] == "2024-06-01"
    assert [e["type"] for e in body["events"]] == ["ASSAULT"]
    assert body["events"][0]["evidence"]["text"] == "Rebels stormed the town hall in the morning"
    assert client.get(f"/articles/{body['id']}").status_code == 200
    assert client.get("/events", params={"country": "XYZ"}).json()["total"] == 1
    again = client.post("/articles", json=payload)
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert client.app.state.backend._coder.calls == 1


def test_post_detects_language_when_missing(client: TestClient) -> None:
    text = "Die Regierung hat am Dienstag neue Gespräche mit der Opposition angekündigt."
    body = client.post("/articles", json={"text": text}).json()
    assert body["lang"] == "de"


def test_post_html_body(client: TestClient) -> None:
    html = (
        "<html><head><title>Unrest</title></head><body><nav>Home | World</nav><article>"
        "<h1>Unrest in the capital</h1><p>Protesters stormed the parliament building on "
        "Tuesday. Police used tear gas against the crowd.</p><p>The interior minister said the "
        "situation was under control by the evening.</p></article></body></html>"
    )
    response = client.post(
        "/articles",
        content=html,
        headers={"content-type": "text/html; charset=utf-8"},
        params={"published": "2024-07-02", "lang": "en"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert "Protesters stormed the parliament building" in body["text"]
    assert "Home | World" not in body["text"]
    assert body["published"] == "2024-07-02"
    assert [e["type"] for e in body["events"]] == ["ASSAULT"]


def test_post_plain_text_body(client: TestClient) -> None:
    response = client.post(
        "/articles",
        content="Soldiers stormed a village near the border. Nobody was hurt.",
        headers={"content-type": "text/plain"},
        params={"lang": "en"},
    )
    assert response.status_code == 201
    assert len(response.json()["events"]) == 1


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"text": "   "}, 422),
        ({"title": "no text"}, 422),
        ({"text": "Some text.", "lang": "fr"}, 422),
        ({"text": "Some text.", "published": "yesterday"}, 422),
    ],
)
def test_post_rejects_bad_input(client: TestClient, payload: dict, status: int) -> None:
    response = client.post("/articles", json=payload)
    assert response.status_code == status
    assert response.json()["detail"]


def test_post_rejects_unknown_content_type(client: TestClient) -> None:
    response = client.post("/articles", content=b"\x00\x01", headers={"content-type": "image/png"})
    assert response.status_code == 415


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/articles", "/events", "/events/{event_id}", "/articles/{article_id}", "/stats",
                 "/network", "/timeline", "/events.csv", "/events.jsonl", "/articles.jsonl"):  # fmt: skip
        assert path in paths
    assert "/ui/paste" not in paths


def test_post_plain_text_respects_charset(client: TestClient) -> None:
    text = "Die Polizei hat in Köln zwölf Demonstranten festgenommen."
    response = client.post(
        "/articles",
        content=text.encode("latin-1"),
        headers={"content-type": "text/plain; charset=ISO-8859-1"},
    )
    assert response.status_code == 201
    assert response.json()["text"] == text


def test_posted_text_gets_headline_and_dateline(client: TestClient) -> None:
    """Like the text reader: first line as title, a day-first dateline as the publication date."""
    text = (
        "Regierung verhängt Ausgangssperre\n\n"
        "03/02/21\n\n"
        "Die Regierung hat am Dienstag eine nächtliche Ausgangssperre verhängt."
    )
    body = client.post("/articles", json={"text": text}).json()
    assert body["title"] == "Regierung verhängt Ausgangssperre"
    assert body["published"] == "2021-02-03"
    assert body["lang"] == "de"
