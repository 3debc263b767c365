"""Monitor building blocks: near-duplicates, story clustering and its numbers, configuration,
polite fetching and the watcher's resilience (bad feeds, folders)."""

from __future__ import annotations

import pytest

from eventcoder.model import Article, Event, Evidence
from eventcoder.monitor.config import ConfigError, FetchSettings, load_config, parse_duration
from eventcoder.monitor.dedup import Deduplicator
from eventcoder.monitor.fetch import Fetcher, FetchError
from eventcoder.monitor.query import get_story, list_stories
from eventcoder.monitor.store import MonitorStore
from eventcoder.monitor.stories import StoryClusterer, consolidate
from eventcoder.store import open_store
from monitor_helpers import ALMATY, ASTANA, Site, article, page, rss, serve


@pytest.fixture()
def mstore():
    store = open_store(":memory:")
    yield MonitorStore(store)
    store.close()


def test_near_duplicates_share_a_group_distinct_texts_do_not(mstore) -> None:
    dedup = Deduplicator(mstore)
    wire = ("Security forces and protesters clashed in the centre of the city on Tuesday "
            "evening, officials said, and dozens of people were taken to hospitals nearby. "
            "The interior ministry said the police had restored order by midnight and that an "
            "inquiry into the use of force would be opened. Opposition groups called for "
            "new demonstrations at the weekend and demanded the release of those detained.")  # fmt: skip
    copy = wire.replace("Tuesday evening", "Tuesday night") + " (AFP)"
    other = ("The two governments signed an agreement on wheat exports after talks that "
             "lasted for three days in the capital, the ministry announced.")  # fmt: skip
    g1 = dedup.assign("a1", wire)
    assert dedup.assign("a2", copy) == g1
    assert dedup.assign("a3", other) == "a3"
    # the index is rebuilt from the store after a restart
    again = Deduplicator(mstore)
    assert again.assign("a4", wire + " Update.") == g1


def test_german_and_english_report_of_one_clash_form_one_story(mstore) -> None:
    c = StoryClusterer(mstore)
    de = article(
        "Zusammenstöße in Almaty mit Toten.", lang="de", url="https://de.example/x", dead=8
    )
    en = article("Clashes in Almaty leave eight dead.", url="https://en.example/y", dead=8)
    r1, r2 = c.add(de), c.add(en)
    assert r1.created and not r2.created and r1.touched == r2.touched
    (story,) = list_stories(mstore)
    assert story["languages"] == ["de", "en"] and story["mentions"] == 2
    assert story["sources"] == ["de.example", "en.example"]
    assert story["dead"] == 8
    full = get_story(mstore, story["id"])
    assert {m["evidence"]["text"] for m in full["events"]} == {de.text[:20], en.text[:20]}


def test_far_place_other_week_other_family_or_country_make_new_stories(mstore) -> None:
    c = StoryClusterer(mstore, window_days=3, max_km=150)
    c.add(article("Clashes in Almaty.", url="https://e/1"))
    c.add(article("Clashes in Astana.", place=ASTANA, url="https://e/2"))  # ~1000 km away
    c.add(article("Clashes in Almaty again.", day="2026-12-10", url="https://e/3"))
    c.add(article("Talks in Almaty.", etype="CONSULT", url="https://e/4"))
    c.add(article("Clashes near Almaty.", place=None, actors=("KGZ",), url="https://e/5"))
    c.add(article("More clashes in Almaty.", day="2026-11-25", url="https://e/6"))  # joins #1
    stories = list_stories(mstore)
    assert len(stories) == 5
    biggest = max(stories, key=lambda s: s["mentions"])
    assert biggest["mentions"] == 2 and biggest["first_day"] == "2026-11-24"


def test_consolidated_figure_is_lowest_latest_per_source() -> None:
    def m(outlet, value, published, n):  # type: ignore[no-untyped-def]
        return {"article_id": f"a{n}", "event_id": f"e{n}", "outlet": outlet, "dead": value,
                "published": published, "lang": "en", "url": None, "added": f"t{n}",
                "evidence": {"text": "x"}, "type": "ASSAULT", "family": "force", "day": "2026-01-01",
                "title": None, "countries": ["KAZ"], "actor_countries": [], "place": None,
                "factuality": "reported"}  # fmt: skip

    mentions = [m("x.org", 5, "2026-01-01", 1), m("x.org", 12, "2026-01-02", 2),
                m("y.org", 10, "2026-01-02", 3)]  # fmt: skip
    value, figures = consolidate(mentions, "dead")
    assert value == 10  # x.org's latest is 12, y.org says 10: the conservative one
    assert [f["value"] for f in figures] == [5, 12, 10]  # every source's figure is kept
    assert consolidate(mentions, "injured") == (None, [])


def test_config_is_checked(tmp_path) -> None:
    assert parse_duration("15m", "x") == 900 and parse_duration("2h", "x") == 7200
    with pytest.raises(ConfigError, match="duration"):
        parse_duration("soon", "x")
    good = tmp_path / "ok.yaml"
    good.write_text("sources:\n  - feed: http://127.0.0.1:1/f.rss\n    every: 30s\n"
                    "  - folder: drops\nalerts:\n  - name: a\n    when: {type: ASSAULT}\n"
                    "    notify: {file: out.jsonl}\n")  # fmt: skip
    cfg = load_config(good)
    assert [s.every for s in cfg.sources] == [30.0, 900.0]
    assert cfg.sources[1].target == str(tmp_path / "drops")
    assert cfg.alerts[0].when["type"] == ["ASSAULT"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - feed: x\nalerts:\n  - name: a\n    when: {type: [FIGHT]}\n"
                   "    notify: {file: o}\n")  # fmt: skip
    with pytest.raises(ConfigError, match=r"bad.yaml: alerts\[1\].when.type"):
        load_config(bad)


def test_fetcher_conditional_get_robots_retries_and_size_limit() -> None:
    site = Site()
    with serve(site):
        site.files["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", "text/plain")
        site.files["/a.html"] = (page("T", "Body text here.", "en"), "text/html")
        site.files["/private/b.html"] = (b"secret", "text/html")
        site.files["/big.html"] = (b"x" * 5000, "text/html")
        slept: list[float] = []
        f = Fetcher(FetchSettings(per_host_interval=0, backoff=0.5, retries=2, max_bytes=1000),
                    sleep=slept.append)  # fmt: skip
        first = f.get(site.base + "/a.html")
        assert first.status == 200 and first.etag
        again = f.get(site.base + "/a.html", etag=first.etag)
        assert again.status == 304 and again.body == b""
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(site.base + "/private/b.html")
        with pytest.raises(FetchError, match="limit"):
            f.get(site.base + "/big.html")
        with pytest.raises(FetchError, match="404"):
            f.get(site.base + "/missing.html")
        assert slept == []  # 404 is not retried
    with pytest.raises(FetchError):
        f.get(site.base + "/a.html")  # server gone: retried with backoff, then given up
    assert slept == [0.5, 1.0]


def test_bad_feed_is_logged_and_skipped_folder_files_are_read_once(tmp_path) -> None:
    from eventcoder.monitor.config import MonitorConfig, Source
    from eventcoder.monitor.watch import Watcher

    class Coder:  # a stand-in coder: one PROTEST per article
        def code(self, a: Article) -> list[Event]:
            return [Event(type="PROTEST", evidence=Evidence(a.text[:10], 0, 10),
                          location=ALMATY, date="2026-11-24")]  # fmt: skip

    drops = tmp_path / "drops"
    drops.mkdir()
    (drops / "one.txt").write_text("Protest in Almaty\n\nHundreds protested in Almaty today.\n")
    (drops / "skip.pdf").write_bytes(b"%PDF")
    site = Site()
    with serve(site):
        site.files["/bad.rss"] = (b"<rss><channel><item>", "application/rss+xml")
        site.files["/ok.rss"] = (rss(site.base, [("/gone.html", "Gone")]), "application/rss+xml")
        cfg = MonitorConfig(
            sources=(Source("feed", site.base + "/bad.rss", name="bad"),
                     Source("feed", site.base + "/ok.rss", name="ok"),
                     Source("folder", str(drops), name="drops")),
            fetch=FetchSettings(per_host_interval=0, backoff=0, retries=0),
        )  # fmt: skip
        store = open_store(str(tmp_path / "w.db"))
        w = Watcher(cfg, store, Coder())
        first = w.run_once()
        assert first.new_articles == 1 and first.sources == 3
        assert any("bad" in e for e in first.errors) and any("gone.html" in e for e in first.errors)
        second = w.run_once()
        assert second.new_articles == 0 and second.fetched == 0  # the folder file is not re-read
        (drops / "two.txt").write_text("Second protest\n\nA second protest took place in Almaty.\n")
        assert w.run_once().new_articles == 1
        store.close()


def test_watch_loop_stops_cleanly_on_sigterm(tmp_path) -> None:
    import signal
    import subprocess
    import sys
    import time

    drops = tmp_path / "drops"
    drops.mkdir()
    cfg = tmp_path / "loop.yaml"
    cfg.write_text(f"sources:\n  - folder: {drops}\n    every: 1s\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventcoder", "watch", str(cfg), "--db", str(tmp_path / "l.db")],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "l.db").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2.0)  # at least one round
        assert proc.poll() is None, "the loop keeps running without --once"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "sources polled" in err


def test_monitor_tables_on_each_backend(store) -> None:
    """Stories, seen items and alert state on SQLite and PostgreSQL alike."""
    ms = MonitorStore(store)
    MonitorStore(store)  # creating the tables twice is fine
    c = StoryClusterer(ms)
    c.add(article("Clashes in Almaty.", dead=4, url="https://x.example/1"))
    c.add(article("Zusammenstöße in Almaty.", dead=6, lang="de", url="https://y.example/1"))
    (story,) = list_stories(ms, country="KAZ", type="ASSAULT", since="2026-11-01")
    assert story["languages"] == ["de", "en"] and story["dead"] == 4
    assert list_stories(ms, country="GEO") == []
    ms.mark_seen("https://x.example/1", kind="page", source="s", status="stored", article_id="a1")
    ms.mark_seen("https://x.example/1", kind="page", source="s", status="stored")
    seen = ms.seen("https://x.example/1")
    assert seen["attempts"] == 2 and seen["article_id"] == "a1"
    ms.mark_alert("r", story["id"], {"dead": 4})
    assert ms.alert_state("r", story["id"])["dead"] == 4
