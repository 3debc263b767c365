"""Store behaviour on both backends (SQLite always; PostgreSQL when EVENTCODER_TEST_PG is set)."""

from __future__ import annotations

import copy

import pytest

from eventcoder.model import Actor, Article, Event, Evidence
from eventcoder.store import DEFAULT_DB, open_store
from eventcoder.store.sqlite import SQLiteStore


@pytest.fixture
def filled(store, sample_articles):
    for article in sample_articles:
        assert store.add_article(article) is True
    return store


def _types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def test_round_trip_keeps_article_and_events(store, sample_articles):
    article = sample_articles[0]
    expected = copy.deepcopy(article)
    assert store.add_article(article)
    for ev in expected.events:
        ev.article_id = expected.id
        ev.assign_id()
    got = store.get_article(article.id)
    assert got is not None
    assert got.to_dict() == expected.to_dict()
    assert [e.id for e in got.events] == [e.id for e in expected.events]
    assert store.get_event(got.events[1].id).to_dict() == expected.events[1].to_dict()
    assert store.get_article("a-missing") is None
    assert store.get_event("e-missing") is None


def test_add_article_is_idempotent(store, sample_articles):
    article = sample_articles[1]
    assert store.add_article(article) is True
    again = copy.deepcopy(article)
    again.events = again.events[:1]
    assert store.add_article(again) is False
    assert store.has_article(article.id)
    assert store.count_events() == 2
    assert store.count_articles() == 1


def test_add_article_is_all_or_nothing(store, sample_articles):
    first = sample_articles[0]
    store.add_article(first)
    taken = first.events[0].id
    text = "Protesters blocked the main road near the harbour."
    clash = Article(text=text, published="2024-06-01")
    clash.events = [
        Event(type="PROTEST", evidence=Evidence("Protesters blocked", 0, 18)),
        Event(type="PROTEST", id=taken, evidence=Evidence("blocked the main road", 11, 32)),
    ]
    with pytest.raises(Exception):  # noqa: B017 - the backend's own integrity error
        store.add_article(clash)
    assert not store.has_article(clash.id)
    assert store.count_events() == 2
    # the store still works after the rollback
    assert store.add_article(sample_articles[2])


def test_event_ids_are_filled_in(store):
    article = Article(text="Farmers protested in Brussels.", published="2023-02-01")
    article.events = [Event(type="PROTEST", evidence=Evidence("Farmers protested", 0, 17))]
    store.add_article(article)
    ev = store.query_events()[0]
    assert ev.article_id == article.id
    assert ev.id.startswith("e") and len(ev.id) == 21


def test_filters(filled):
    q = filled.query_events
    assert _types(q()) == ["REQUEST", "ASSAULT", "AGREE", "COERCE"]  # newest first
    assert _types(q(since="2024-03-10")) == ["REQUEST", "ASSAULT", "AGREE"]
    assert _types(q(until="2024-03-09")) == ["COERCE"]
    # a month-precision date counts from the first of the month, 'until' a month = its end
    assert _types(q(since="2024-04-01", until="2024-04-01")) == ["REQUEST", "ASSAULT"]
    assert _types(q(until="2024-03")) == ["AGREE", "COERCE"]
    assert _types(q(country="DEU")) == ["REQUEST"]  # target country
    assert _types(q(country="rus")) == ["ASSAULT"]  # source country, case-insensitive
    assert sorted(_types(q(country="UKR,FRA"))) == ["AGREE", "ASSAULT", "COERCE", "REQUEST"]
    assert _types(q(type="assault")) == ["ASSAULT"]
    assert _types(q(type=["AGREE", "COERCE"])) == ["AGREE", "COERCE"]
    assert _types(q(factuality="reported")) == ["ASSAULT"]
    assert _types(q(factuality="announced,reported")) == ["ASSAULT", "AGREE"]
    assert _types(q(actor="french police")) == ["COERCE"]  # canonical name
    assert _types(q(actor="TRUPPEN")) == ["ASSAULT"]  # text, case-insensitive
    assert _types(q(actor="FRAGOV")) == ["AGREE"]  # code
    assert _types(q(actor="rus")) == ["ASSAULT"]  # code prefix
    assert _types(q(q="LUFTABWEHR")) == ["REQUEST"]  # evidence
    assert _types(q(q="lyon rally")) == ["AGREE", "COERCE"]  # title words
    assert _types(q(q="bürgermeisters")) == []  # not in any evidence or title
    assert _types(q(q="100%")) == []  # LIKE wildcards are literal
    assert _types(q(type="AGREE", country="FRA", since="2024-01-01")) == ["AGREE"]
    assert _types(q(limit=2)) == ["REQUEST", "ASSAULT"]
    assert _types(q(limit=2, offset=2)) == ["AGREE", "COERCE"]
    assert filled.count_events(country="FRA") == 2
    # country (+ dates) alone take a shortcut through the country index: same answers
    assert _types(q(country="UKR,DEU", since="2024-04-01")) == ["REQUEST", "ASSAULT"]
    assert _types(q(country="UKR,DEU", limit=1, offset=1)) == ["ASSAULT"]
    assert _types(q(country="FRA", until="2024-03-09")) == ["COERCE"]
    assert filled.count_events(country="UKR,DEU,RUS") == 2
    assert filled.count_events(country="FRA", since="2024-03-10") == 1
    assert filled.count_events(type="PROTEST") == 0


def test_bad_filters_raise(filled):
    with pytest.raises(ValueError, match="PLOVER"):
        filled.query_events(type="RIOT")
    with pytest.raises(ValueError, match="since"):
        filled.count_events(since="last week")
    with pytest.raises(ValueError, match="factuality"):
        filled.count_events(factuality="maybe")


def test_stats(filled):
    s = filled.stats()
    assert s["total"] == 4
    assert s["by_day"] == [
        {"day": "2024-03-09", "count": 1},
        {"day": "2024-03-10", "count": 1},
        {"day": "2024-04-01", "count": 2},
    ]
    assert {r["type"]: r["count"] for r in s["by_type"]} == {
        "AGREE": 1,
        "ASSAULT": 1,
        "COERCE": 1,
        "REQUEST": 1,
    }
    # each event counts once per country it involves (actors or location)
    assert s["by_country"] == [
        {"country": "FRA", "count": 2},
        {"country": "UKR", "count": 2},
        {"country": "DEU", "count": 1},
        {"country": "RUS", "count": 1},
    ]
    assert filled.stats(country="UKR")["total"] == 2
    assert filled.stats(type="COERCE")["by_country"] == [{"country": "FRA", "count": 1}]


def test_network(filled, store):
    links = {(x["source"], x["target"]): x for x in filled.network()}
    assert links[("FRA", "FRA")] == {
        "source": "FRA",
        "target": "FRA",
        "count": 2,
        "cooperative": 1,
        "hostile": 1,
    }
    # an actor without country is keyed by its name/text
    assert links[("FRA", "students")]["cooperative"] == 1
    assert links[("RUS", "UKR")]["hostile"] == 1
    assert links[("UKR", "DEU")] == {
        "source": "UKR",
        "target": "DEU",
        "count": 1,
        "cooperative": 0,
        "hostile": 1,
    }
    assert filled.network()[0]["count"] == 2  # most frequent first
    by_actor = {(x["source"], x["target"]) for x in filled.network(by="actor")}
    assert ("French police", "demonstrators") in by_actor
    assert ("Ukraine", "Germany") in by_actor
    assert {(x["source"], x["target"]) for x in filled.network(type="ASSAULT")} == {("RUS", "UKR")}
    assert len(filled.network(limit=1)) == 1
    with pytest.raises(ValueError):
        filled.network(by="city")


def test_iter_articles(filled, sample_articles):
    all_ = list(filled.iter_articles())
    assert sorted(a.id for a in all_) == sorted(a.id for a in sample_articles)
    assert sum(len(a.events) for a in all_) == 4
    only = list(filled.iter_articles(type="ASSAULT"))
    assert [a.id for a in only] == [sample_articles[1].id]
    assert _types(only[0].events) == ["ASSAULT"]  # matching events only
    # date filters alone also give articles without events published in the range
    may = list(filled.iter_articles(since="2024-05-01"))
    assert [(a.id, a.events) for a in may] == [(sample_articles[2].id, [])]
    small_batches = list(filled.iter_articles(batch_size=1))
    assert [a.id for a in small_batches] == [a.id for a in all_]


def test_delete_article(filled, sample_articles):
    assert filled.delete_article(sample_articles[0].id)
    assert not filled.has_article(sample_articles[0].id)
    assert filled.count_events() == 2
    assert filled.network(country="FRA") == []
    assert not filled.delete_article(sample_articles[0].id)
    assert filled.add_article(sample_articles[0])  # can be stored again


def test_many_actors_and_positions(store):
    text = "Germany, France and Italy condemned the attack on the embassy."
    article = Article(text=text, published="2024-07-07")
    article.events = [
        Event(
            type="ACCUSE",
            evidence=Evidence(text[:35], 0, 35),
            source=[Actor("Germany", country="DEU"), Actor("France", country="FRA")]
            + [Actor("Italy", country="ITA")],
        )
    ]
    store.add_article(article)
    got = store.get_article(article.id).events[0]
    assert [a.text for a in got.source] == ["Germany", "France", "Italy"]
    assert store.count_events(country="ITA") == 1
    assert store.network() == []  # no target, no link


def test_open_store_default_and_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTCODER_DB", raising=False)
    with open_store() as s:
        assert isinstance(s, SQLiteStore)
    assert (tmp_path / DEFAULT_DB).exists()
    monkeypatch.setenv("EVENTCODER_DB", str(tmp_path / "other.db"))
    with open_store() as s:
        s.add_article(Article(text="Quiet."))
    assert (tmp_path / "other.db").exists()
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as s:
        assert s.count_articles() == 1


def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    with open_store(str(tmp_path / "x.db")) as s:
        assert s._execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_data_survives_reopen(store_url, sample_articles):
    with open_store(store_url) as s:
        for a in sample_articles:
            s.add_article(a)
    with open_store(store_url) as s:
        assert s.count_articles() == 3
        assert s.count_events() == 4
        assert not s.add_article(sample_articles[0])


def test_add_articles_batch_keeps_each_article_whole(store, sample_articles):
    first, second, third = sample_articles
    assert store.add_article(first)
    text = "Workers occupied the factory gates at dawn."
    clash = Article(text=text, published="2024-06-02")
    clash.events = [
        Event(type="PROTEST", evidence=Evidence("Workers occupied", 0, 16)),
        Event(type="PROTEST", id=first.events[0].id, evidence=Evidence("occupied the", 8, 20)),
    ]
    results = store.add_articles([second, clash, first, third])
    assert results[0] is True and results[2] is False and results[3] is True
    assert isinstance(results[1], Exception)
    assert not store.has_article(clash.id)
    assert store.count_articles() == 3
    assert store.count_events() == 4  # the clash's first event was rolled back too
    assert store.add_articles([]) == []


def test_undated_events_come_last(filled):
    text = "Border guards fired warning shots."
    undated = Article(text=text)  # no published date, no event date
    undated.events = [Event(type="THREATEN", evidence=Evidence(text[:26], 0, 26))]
    filled.add_article(undated)
    assert _types(filled.query_events())[-1] == "THREATEN"
    assert filled.count_events(since="1900-01-01") == 4  # no date: outside every date range
    assert {r["day"] for r in filled.stats()["by_day"]} == {
        "2024-03-09",
        "2024-03-10",
        "2024-04-01",
    }


def test_incompatible_database_is_a_clear_error(tmp_path):
    import sqlite3

    from eventcoder.store import StoreError

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE events (id TEXT PRIMARY KEY, doc TEXT)")
    with pytest.raises(StoreError, match="layout"):
        open_store(str(path))
    (tmp_path / "notes.db").write_text("these are not the droids\n" * 100)
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "notes.db"))


def test_sqlite_keeps_planner_statistics(tmp_path):
    path = str(tmp_path / "grow.db")
    with open_store(path) as s:
        stat = "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        articles = [Article(text=f"Report number {i} on the harbour strike.") for i in range(120)]
        s.add_articles(articles[:50])
        assert s._execute(stat).fetchone() is None
        s.add_articles(articles[50:])  # past 100 articles: statistics are made
        assert s._execute(stat).fetchone() is not None
