#!/usr/bin/env python
"""Time filtered ``GET /events`` pages of the web API on a store with many synthetic events.

Fills a temporary SQLite store (or ``--db``; an existing one with enough events is reused)
with ``--events`` synthetic events through the Store API, starts the app under uvicorn on a
free loopback port, requests each filtered page ``--repeat`` times over HTTP (routing,
validation, store query, total count and JSON included) and prints the median and 95th
percentile in milliseconds, plus the median without the total count (``total=false``); ``--aggregates`` also times the
chart endpoints (/stats, /timeline).

    .venv/bin/python scripts/web_benchmark.py                 # 100,000 events
    .venv/bin/python scripts/web_benchmark.py --db /tmp/bench.db --events 20000 --repeat 10
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from eventcoder.model import PLOVER_TYPES, Actor, Article, Event, Evidence, Location

COUNTRIES = ["DEU", "FRA", "POL", "UKR", "RUS", "BLR", "GEO", "ARM", "TUR", "USA", "CHN", "KAZ",
             "KGZ", "UZB", "IRN", "ISR", "EGY", "NGA", "BRA", "IND"]  # fmt: skip
SECTORS = ["GOV", "MIL", "COP", "OPP", "CVL", "REB", "MED", "BUS"]
WORDS = ["police", "ministry", "protesters", "talks", "border", "army", "capital", "strike",
         "sanctions", "aid", "election", "court", "rally", "convoy", "summit", "ceasefire"]  # fmt: skip
FACTS = ["asserted"] * 6 + ["reported"] * 3 + ["announced", "negated", "rumored"]


def synthetic_articles(n_events: int, per_article: int, seed: int = 7):
    """Articles with ``per_article`` synthetic events each, ``n_events`` events in all."""
    rnd = random.Random(seed)
    start = dt.date(2022, 1, 1)
    made = 0
    i = 0
    while made < n_events:
        day = start + dt.timedelta(days=rnd.randrange(730))
        k = min(per_article, n_events - made)
        sentences = [
            " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 12))) + "." for _ in range(k)
        ]
        text = f"Report {i}. " + " ".join(sentences)
        article = Article(text=text, title=f"Synthetic report {i}", published=day.isoformat(),
                          lang=rnd.choice(["de", "en"]))  # fmt: skip
        pos = len(f"Report {i}. ")
        for sentence in sentences:
            src, tgt = rnd.choice(COUNTRIES), rnd.choice(COUNTRIES)
            ev = Event(
                type=rnd.choice(PLOVER_TYPES),
                evidence=Evidence(sentence, pos, pos + len(sentence)),
                source=[Actor(f"{src} {rnd.choice(WORDS)}", country=src,
                              sector=rnd.choice(SECTORS), code=src + rnd.choice(SECTORS))],
                target=[Actor(f"{tgt} {rnd.choice(WORDS)}", country=tgt,
                              sector=rnd.choice(SECTORS))],
                location=Location(name=f"City {rnd.randrange(300)}", country=src,
                                  lat=rnd.uniform(-50, 70), lon=rnd.uniform(-120, 150)),
                date=(day - dt.timedelta(days=rnd.randrange(3))).isoformat(),
                date_precision="day",
                dead=rnd.choice([None, None, None, rnd.randrange(50)]),
                factuality=rnd.choice(FACTS),
            )  # fmt: skip
            pos += len(sentence) + 1
            article.events.append(ev)
        made += k
        i += 1
        yield article


QUERIES: list[tuple[str, dict[str, str]]] = [
    ("no filter", {}),
    ("type", {"type": "ASSAULT"}),
    ("country", {"country": "UKR"}),
    ("since/until (1 month)", {"since": "2023-03-01", "until": "2023-03-31"}),
    ("factuality", {"factuality": "negated"}),
    ("actor", {"actor": "police"}),
    ("free text", {"q": "ceasefire"}),
    ("free text, rare", {"q": "report 1234"}),
    ("free text, 2 words", {"q": "border talks"}),
    ("type+country+since", {"type": "PROTEST", "country": "GEO", "since": "2023-01-01"}),
    ("free text+type", {"q": "ceasefire", "type": "ASSAULT"}),
    ("actor+country", {"actor": "police", "country": "UKR"}),
    ("actor+free text+since", {"actor": "army", "q": "summit", "since": "2023-06-01"}),
    ("page 20 (offset 1900)", {"type": "CONSULT", "offset": "1900"}),
]
# the aggregates behind the dashboard's charts (GET path, filters)
AGGREGATES: list[tuple[str, str, dict[str, str]]] = [
    ("/stats", "/stats", {}),
    ("/stats country", "/stats", {"country": "UKR"}),
    ("/stats free text", "/stats", {"q": "ceasefire"}),
    ("/timeline", "/timeline", {}),
    ("/timeline country", "/timeline", {"country": "UKR"}),
]


def _timed(
    client, params: dict[str, str], repeat: int, path: str = "/events"
) -> tuple[list[float], int | None]:
    times = []
    for _ in range(repeat + 1):
        t = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - t) * 1000)
        response.raise_for_status()
    return times[1:], response.json().get("total")  # the first request warms the caches


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


@contextlib.contextmanager
def _server(url: str):
    import socket
    import threading

    import uvicorn

    from eventcoder.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--limit", type=int, default=100, help="page size")
    parser.add_argument("--db", help="SQLite path or postgresql:// URL to fill or reuse")
    parser.add_argument(
        "--aggregates", action="store_true", help="also time /stats and /timeline (charts)"
    )
    args = parser.parse_args(argv)

    import httpx

    from eventcoder.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        with open_store(url) as store:
            if store.count_events() < args.events:
                batch: list[Article] = []
                for article in synthetic_articles(args.events, args.per_article):
                    batch.append(article)
                    if len(batch) == 500:
                        store.add_articles(batch)
                        batch = []
                store.add_articles(batch)
            total = store.count_events()
        print(f"store: {url}  events: {total}  ready in {time.perf_counter() - t0:.1f} s")

        all_times: list[float] = []
        with _server(url) as base, httpx.Client(base_url=base, timeout=60) as client:
            print(f"{'GET /events with':28} {'matches':>8} {'median ms':>10} {'p95 ms':>8} "
                  f"{'no total':>9}")  # fmt: skip
            for name, params in QUERIES:
                params = {"limit": str(args.limit), **params}
                times, matches = _timed(client, params, args.repeat)
                quick, _ = _timed(client, {**params, "total": "false"}, args.repeat)
                all_times.extend(times)
                print(f"{name:28} {matches:>8} {statistics.median(times):>10.1f} "
                      f"{_p95(times):>8.1f} {statistics.median(quick):>9.1f}")  # fmt: skip
            print(f"{'all filtered pages':28} {'':>8} {statistics.median(all_times):>10.1f} "
                  f"{_p95(all_times):>8.1f}")  # fmt: skip
            if args.aggregates:
                for name, path, params in AGGREGATES:
                    times, _ = _timed(client, params, max(args.repeat // 4, 3), path)
                    print(f"GET {name:24} {'':>8} {statistics.median(times):>10.1f} "
                          f"{_p95(times):>8.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
