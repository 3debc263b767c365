"""Store and API limits (issue 14 items 10 and 11): 4xx instead of 500 for huge offsets and
pages, NUL characters handled the same on SQLite and PostgreSQL, overlapping batches of two
writers stored in a consistent order (no deadlock) with bounded retries."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from eventcoder.model import Article, Event, Evidence
from eventcoder.store import open_store
from eventcoder.store.base import MAX_OFFSET, QueryError
from eventcoder.web.app import create_app

LOCAL = "http://127.0.0.1:8000"


class NoEvents:
    version = "none"

    def code(self, article: Article) -> list[Event]:
        return []


def _article(n: int, extra: str = "") -> Article:
    text = f"Die Polizei nahm am Montag in Stadt {n} drei Demonstranten fest.{extra}"
    ev = Event(type="COERCE", date="2024-03-04", evidence=Evidence(text=text[:40], start=0, end=40))
    return Article(text=text, title=f"Festnahmen {n}{extra}", lang="de", events=[ev])


def test_huge_offsets_and_pages_are_client_errors(store_url):
    with open_store(store_url) as store:
        store.add_article(_article(1))
        with pytest.raises(QueryError):
            store.query_events(limit=10, offset=2**63)
        assert store.query_events(limit=10, offset=MAX_OFFSET) == []
    with TestClient(create_app(store_url, coder=NoEvents()), base_url=LOCAL) as client:
        for url in (
            "/events?offset=9223372036854775808",
            "/events?offset=99999999999999999999999",
            "/events?limit=100000000000000000000",
        ):
            response = client.get(url)
            assert response.status_code == 422, url
            assert "offset" in response.text or "limit" in response.text
        page = client.get("/ui/events?page=9223372036854775808")
        assert page.status_code == 400 and "offset" in page.json()["detail"]
        assert client.get("/ui/events?page=2").status_code == 200


def test_nul_characters_are_removed_the_same_way_on_both_stores(store_url):
    article = _article(2, extra=" Ein\x00Zeichen.")
    with open_store(store_url) as store:
        assert store.add_article(article)
        stored = store.get_article(article.id)
        assert stored is not None and stored.text == article.text  # the document is exact
        assert store.count_events(q="festnahmen 2 ein\x00zeichen") == 1
        assert store.count_events(actor="Pol\x00izei") == 0
        assert store.get_article("nope\x00") is None
        assert store.get_article(article.id + "\x00").id == article.id
    with TestClient(create_app(store_url, coder=NoEvents()), base_url=LOCAL) as client:
        assert client.get("/events", params={"q": "Fest\x00nahmen"}).status_code == 200
        assert client.get("/events", params={"country": "D\x00EU"}).status_code == 200
        # NUL is removed from every parameter on both backends (PostgreSQL would fail)
        assert client.get(f"/articles/{article.id}%00").json()["id"] == article.id
        posted = client.post(
            "/articles", json={"text": "Der Minister\u0000 trat am Freitag zurück.", "lang": "de"}
        )
        assert posted.status_code == 201, posted.text
        assert client.get("/stats", params={"q": "\x00"}).status_code == 200


def test_overlapping_batches_in_opposite_orders_all_stored(store_url):
    articles = [_article(n) for n in range(40)]
    errors: list[object] = []

    def ingest(batch: list[Article]) -> None:
        try:
            with open_store(store_url) as store:  # both open a new database at once, too
                for i in range(0, len(batch), 10):
                    chunk = [Article.from_dict(a.to_dict()) for a in batch[i : i + 10]]
                    results = store.add_articles(chunk)
                    errors.extend(r for r in results if isinstance(r, Exception))
        except Exception as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=ingest, args=(articles,)),
        threading.Thread(target=ingest, args=(articles[::-1],)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with open_store(store_url) as store:
        assert store.count_articles() == 40 and store.count_events() == 40


def test_add_articles_keeps_the_callers_order_and_retries_deadlocks(tmp_path):
    class Flaky(Exception):
        pass

    with open_store(str(tmp_path / "r.db")) as store:
        fails = {"n": 2}
        original = store._insert_rows

        def flaky(rows):
            if fails["n"]:
                fails["n"] -= 1
                raise Flaky("deadlock detected")
            return original(rows)

        store._insert_rows = flaky  # type: ignore[method-assign]
        store._retryable = lambda exc: isinstance(exc, Flaky)  # type: ignore[method-assign]
        batch = [_article(9), _article(3), _article(9)]
        assert store.add_articles(batch) == [True, True, False]
        assert fails["n"] == 0
        fails["n"] = 99  # more failures than retries: reported, not stored
        (result,) = store.add_articles([_article(5)])
        assert isinstance(result, Flaky) and store.count_articles() == 2
