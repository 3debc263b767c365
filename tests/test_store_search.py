"""The text filters (q, actor) through the indexes: SQLite FTS5 trigram, PostgreSQL pg_trgm.

Every way the store may answer (index set, newest-first walk for frequent terms, id list for
rare ones, LIKE fallback) must give the same events as a plain substring test in Python.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter

import pytest

from eventcoder.model import Actor, Article, Event, Evidence
from eventcoder.store import open_store
from eventcoder.store.filters import fold

# Sentence parts written for these tests; a few carry LIKE wildcards, quotes and umlauts.
WORDS = [
    "ceasefire", "talks", "border", "convoy", "Straße", "summit", "50%", "a_b", 'say "no"',
    "rally", "Grenzübergang", "strike", "harbour", "ab",
]  # fmt: skip
ACTORS = [
    ("police", "Border police", "UKR", "UKRCOP"),
    ("Regierung", "German government", "DEU", "DEUGOV"),
    ("Bürgermeister Müller", None, "AUT", None),
    ("rebels", None, None, "REB"),
    ("ministry", "Ministry of Defence", "GBR", "GBRMIL"),
]
TYPES = ["PROTEST", "ASSAULT", "CONSULT", "AGREE"]


def _articles(n: int = 40, seed: int = 3) -> list[Article]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [" ".join(rnd.choice(WORDS) for _ in range(4)) + "." for _ in range(2)]
        text = " ".join(sentences)
        day = f"2024-{1 + i % 6:02d}-{1 + i % 27:02d}"
        article = Article(text=text, title=f"Bulletin {i} {rnd.choice(WORDS)}", published=day)
        pos = 0
        for k, sentence in enumerate(sentences):
            src, tgt = rnd.sample(ACTORS, 2)
            article.events.append(
                Event(
                    type=rnd.choice(TYPES),
                    evidence=Evidence(sentence, pos, pos + len(sentence)),
                    source=[Actor(src[0], name=src[1], country=src[2], code=src[3])],
                    target=[Actor(tgt[0], name=tgt[1], country=tgt[2], code=tgt[3])],
                    date=None if (i + k) % 9 == 0 else day,
                )
            )
            pos += len(sentence) + 1
        out.append(article)
    return out


def _expected(articles: list[Article], **f: str) -> set[str]:
    """Ids of the events the filters should keep (substring semantics, case-folded)."""
    keep = set()
    for article in articles:
        for ev in article.events:
            search = fold(ev.evidence.text) + "\n" + fold(article.title)
            if any(w not in search for w in fold(f.get("q")).split()):
                continue
            names = [n.strip() for n in (f.get("actor") or "").split(",") if n.strip()]
            lines = [
                "\n".join((fold(a.text), fold(a.name), fold(a.code)))
                for a in (*ev.source, *ev.target)
            ]
            if any(not any(fold(n) in line for line in lines) for n in names):
                continue
            if f.get("type") and ev.type != f["type"]:
                continue
            countries = {a.country for a in (*ev.source, *ev.target)}
            if f.get("country") and f["country"] not in countries:
                continue
            if f.get("since") and not (ev.date or article.published or "") >= f["since"]:
                continue
            keep.add(ev.id)
    return keep


QUERIES = [
    {"q": "ceasefire"},
    {"q": "CEASE talks"},
    {"q": "strasse"},  # casefolded ß
    {"q": "grenzüber"},
    {"q": '"no"'},
    {"q": "50%"},  # LIKE wildcards are literal
    {"q": "a_b"},
    {"q": "ab"},  # shorter than a trigram
    {"q": "ab convoy"},
    {"q": "bulletin 17"},  # title
    {"q": "nowhere-to-be-found"},
    {"actor": "police"},
    {"actor": "UKRCOP"},
    {"actor": "müller"},
    {"actor": "re"},  # short: rebels, Regierung, ...
    {"actor": "police,ministry"},  # both
    {"actor": "government", "q": "summit"},
    {"q": "border", "type": "PROTEST"},
    {"q": "talks", "country": "DEU", "since": "2024-03-01"},
    {"actor": "rebels", "country": "GBR"},
]


@pytest.fixture
def loaded(store):
    articles = _articles()
    assert all(store.add_articles(articles))
    return store, articles


def _check(store, articles, order: list[str]) -> None:
    by_id = {ev.id: ev for a in articles for ev in a.events}
    for f in QUERIES:
        want = _expected(articles, **f)
        got = [e.id for e in store.query_events(**f, limit=None)]
        assert got == [i for i in order if i in want], f  # same set, newest first
        assert store.count_events(**f) == len(want), f
        page = [e.id for e in store.query_events(**f, limit=3, offset=2)]
        assert page == got[2:5], f
        stats = store.stats(**f)
        assert stats["total"] == len(want), f
        countries = Counter(
            c for i in want for c in {a.country for a in by_id[i].source + by_id[i].target} if c
        )
        assert {r["country"]: r["count"] for r in stats["by_country"]} == dict(countries), f
        stats_dt = store.stats(**f, by_day_type=True)
        assert sum(r["count"] for r in stats_dt["by_day_type"]) == sum(
            r["count"] for r in stats["by_day"]
        )


def test_text_filters_match_substrings(loaded):
    store, articles = loaded
    order = [e.id for e in store.query_events(limit=None)]
    _check(store, articles, order)


def test_every_strategy_gives_the_same_events(loaded, monkeypatch):
    """Frequent terms walk the newest events, rare ones (PostgreSQL) become id lists."""
    store, articles = loaded
    order = [e.id for e in store.query_events(limit=None)]
    if store.url.startswith("postgresql"):
        import eventcoder.store.postgres as pg

        for rare in (0, 10_000):
            monkeypatch.setattr(pg, "RARE_MATCHES", rare)
            _check(store, articles, order)
    else:
        import eventcoder.store.sqlite as lite

        monkeypatch.setattr(lite, "DENSE_MATCHES", 3)  # walk for most terms
        _check(store, articles, order)
        monkeypatch.setattr(store, "_fts", False)  # no FTS5 trigram: LIKE scans
        _check(store, articles, order)


def test_index_follows_deletes_and_re_adds(loaded):
    store, articles = loaded
    first = articles[0]
    word = next(w for w in fold(first.events[0].evidence.text).split() if len(w) >= 3)
    before = store.count_events(q=word)
    assert before >= 1
    gone = sum(word in fold(e.evidence.text) + "\n" + fold(first.title) for e in first.events)
    assert store.delete_article(first.id)
    assert store.count_events(q=word) == before - gone
    assert first.events[0].id not in {e.id for e in store.query_events(q=word, limit=None)}
    assert store.add_article(first)
    assert store.count_events(q=word) == before
    if not store.url.startswith("postgresql"):  # the FTS index equals its content table
        store._execute("INSERT INTO event_fts (event_fts) VALUES ('integrity-check')")


def test_stats_by_day_type_in_one_go(loaded):
    store, articles = loaded
    assert "by_day_type" not in store.stats()  # only on request: it can be long
    stats_dt = store.stats(by_day_type=True)
    expected: Counter[tuple[str, str]] = Counter()
    for article in articles:
        for ev in article.events:
            expected[ev.date or article.published, ev.type] += 1
    got = {(r["day"], r["type"]): r["count"] for r in stats_dt["by_day_type"]}
    assert got == dict(expected)
    assert [r["day"] for r in stats_dt["by_day_type"]] == sorted(
        r["day"] for r in stats_dt["by_day_type"]
    )
    # by country on the country shortcut: each event once per country it involves
    ukr = store.stats(country="UKR")
    involved = [
        ev
        for a in articles
        for ev in a.events
        if "UKR" in {x.country for x in ev.source + ev.target}
    ]
    assert ukr["total"] == len(involved)
    cells = store.stats(country="UKR", by_day_type=True)["by_day_type"]
    assert sum(r["count"] for r in cells) == len(involved)  # every test event has a day
    countries = Counter(
        c for ev in involved for c in {x.country for x in ev.source + ev.target} if c
    )
    assert {r["country"]: r["count"] for r in ukr["by_country"]} == dict(countries)


def test_old_sqlite_store_gets_its_text_index(tmp_path):
    path = str(tmp_path / "old.db")
    articles = _articles(12)
    with open_store(path) as s:
        s.add_articles(articles)
        want = s.count_events(q="ceasefire")
    with sqlite3.connect(path) as conn:  # the layout before the text index
        conn.executescript(
            "DROP TABLE event_fts; DROP TABLE event_text; DELETE FROM meta WHERE key = 'text_index';"
        )
    with open_store(path) as s:
        assert s._fts
        assert s.count_events(q="ceasefire") == want == len(_expected(articles, q="ceasefire"))
        assert s.add_article(_articles(13)[-1])  # new events are indexed too
        assert s.count_events(q="bulletin 12") == 2


def test_sqlite_without_trigram_tokenizer_falls_back(tmp_path, monkeypatch):
    from eventcoder.store.sqlite import SQLiteStore

    monkeypatch.setattr(SQLiteStore, "_open_text_index", lambda self: False)
    articles = _articles(10)
    with open_store(str(tmp_path / "plain.db")) as s:
        s.add_articles(articles)
        assert not s._fts
        assert s.count_events(q="talks") == len(_expected(articles, q="talks"))


@pytest.mark.postgres
def test_postgres_has_trigram_indexes(pg_url):
    with open_store(pg_url) as s:
        assert s.trigram_indexes
        names = {r[0] for r in s._rows("SELECT indexname FROM pg_indexes")}
        assert {"event_search_trgm", "actors_trgm"} <= names
