"""Store benchmark on synthetic data: insert speed and the web's filtered queries.

    python -m eventcoder.store.bench /tmp/bench.db --events 100000
    python -m eventcoder.store.bench postgresql://user:pw@localhost/bench --events 100000

Fills the store (if it holds fewer articles than asked) with made-up articles of four events
each, then prints the median and worst time of each query over a few repetitions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from eventcoder.model import FACTUALITY, PLOVER_TYPES, Actor, Article, Event, Evidence, Location
from eventcoder.store import Store, open_store

_COUNTRIES = ("DEU", "FRA", "RUS", "UKR", "USA", "CHN", "GBR", "POL", "TUR", "IRN", "EU", "NATO")
_SECTORS = ("GOV", "MIL", "COP", "CVL", "OPP", "REB")
_WORDS = "police army government protesters minister rebels parliament court union".split()
EVENTS_PER_ARTICLE = 4


def _article(i: int, rnd: random.Random) -> Article:
    day = f"{2023 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    text = f"Article {i}: " + " ".join(rnd.choice(_WORDS) for _ in range(30))
    article = Article(text=text, title=f"Title {i} {rnd.choice(_WORDS)}", published=day)
    for k in range(EVENTS_PER_ARTICLE):
        article.events.append(
            Event(
                type=rnd.choice(PLOVER_TYPES),
                evidence=Evidence(text[10:60], 10 + k, 60),
                source=[Actor(rnd.choice(_WORDS), country=rnd.choice(_COUNTRIES))],
                target=[Actor(rnd.choice(_WORDS), country=rnd.choice(_COUNTRIES))],
                location=Location(name="X", country=rnd.choice(_COUNTRIES)),
                date=day,
                factuality=rnd.choice(FACTUALITY),
                dead=rnd.choice([None, 1, 5]),
            )
        )
    return article


def fill(store: Store, n_articles: int, batch: int = 200) -> float:
    """Add synthetic articles until the store holds ``n_articles``; returns articles/s."""
    have = store.count_articles()
    rnd = random.Random(1)
    start = time.perf_counter()
    pending = []
    for i in range(have, n_articles):
        pending.append(_article(i, rnd))
        if len(pending) == batch:
            store.add_articles(pending)
            pending = []
    store.add_articles(pending)
    added = max(n_articles - have, 0)
    return added / (time.perf_counter() - start) if added else 0.0


def timed(fn: Callable[[], Any], reps: int = 5) -> tuple[float, float]:
    """(median, max) milliseconds of ``fn``."""
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t))
    return statistics.median(times), max(times)


def queries(store: Store) -> dict[str, Callable[[], Any]]:
    """The queries a web page makes, by name."""
    page = {"limit": 50}
    filters: dict[str, dict[str, Any]] = {
        "no filter": {},
        "country": {"country": "DEU"},
        "type+since": {"type": "PROTEST", "since": "2024-06-01"},
        "country+type+factuality": {"country": "RUS", "type": "ASSAULT", "factuality": "reported"},
        "actor": {"actor": "minister"},
        "q": {"q": "parliament court"},
        "q rare": {"q": "title 1234"},
        "q+type": {"q": "parliament", "type": "PROTEST"},
    }
    out: dict[str, Callable[[], Any]] = {}
    for name, f in filters.items():
        out[f"page+count {name}"] = lambda f=f: (
            store.query_events(**f, **page),
            store.count_events(**f),
        )
    out["page offset 5000"] = lambda: store.query_events(limit=50, offset=5000)
    out["stats()"] = store.stats
    out["stats(country)"] = lambda: store.stats(country="DEU")
    out["stats(q)"] = lambda: store.stats(q="parliament")
    out["network()"] = store.network
    out["network(since)"] = lambda: store.network(since="2024-01-01")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="SQLite path or postgresql:// URL (data is added to it)")
    parser.add_argument("--events", type=int, default=100_000, help="events to have in the store")
    args = parser.parse_args()
    with open_store(args.url) as store:
        rate = fill(store, args.events // EVENTS_PER_ARTICLE)
        if rate:
            print(f"insert: {rate:.0f} articles/s ({rate * EVENTS_PER_ARTICLE:.0f} events/s)")
        print(f"{store!r}: {store.count_events()} events")
        for name, fn in queries(store).items():
            median, worst = timed(fn)
            print(f"  {name:34s} median {median:7.1f} ms   max {worst:7.1f} ms")


if __name__ == "__main__":
    main()
