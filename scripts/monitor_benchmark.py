"""Monitor benchmark: a simulated day of feed items on loopback, polled, de-duplicated, coded and
clustered; then clustering time per block of events as the store grows.

    .venv/bin/python scripts/monitor_benchmark.py                 # 5,000 items, 100,000 events
    .venv/bin/python scripts/monitor_benchmark.py --items 1000 --events 20000   # a quick run

The articles are generated from sentence templates written for this script (German and
English, several countries and cities, a share of wire copies carried by several outlets).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from eventcoder.model import Actor, Article, Event, Evidence, Location
from eventcoder.monitor.config import FetchSettings, MonitorConfig, Source
from eventcoder.monitor.store import MonitorStore
from eventcoder.monitor.stories import StoryClusterer
from eventcoder.monitor.watch import Watcher
from eventcoder.store import open_store

PLACES = [  # (city, country, lat, lon, German adjective, English adjective)
    ("Almaty", "KAZ", 43.25, 76.91, "kasachischen", "Kazakh"),
    ("Tbilisi", "GEO", 41.69, 44.83, "georgischen", "Georgian"),
    ("Bishkek", "KGZ", 42.87, 74.59, "kirgisischen", "Kyrgyz"),
    ("Yerevan", "ARM", 40.18, 44.51, "armenischen", "Armenian"),
    ("Minsk", "BLR", 53.90, 27.57, "belarussischen", "Belarusian"),
    ("Baku", "AZE", 40.41, 49.87, "aserbaidschanischen", "Azerbaijani"),
]
EN = [
    "{adj} police detained {n} protesters in {city} on {day}, the interior ministry said.",
    "Security forces clashed with demonstrators in {city} on {day}. {n} people were injured.",
    "Thousands of people protested against the government in {city} on {day}.",
    "The {adj} president met the French foreign minister in {city} on {day}.",
]
DE = [
    "Die {adjde} Polizei nahm am {daye} in {city} {n} Demonstranten fest.",
    "Bei Zusammenstößen in {city} wurden am {daye} {n} Menschen verletzt.",
    "Tausende Menschen demonstrierten am {daye} in {city} gegen die Regierung.",
    "Der {adjde} Präsident traf am {daye} in {city} den französischen Außenminister.",
]
DAYS_EN = ["Monday", "Tuesday", "Wednesday"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch"]


def make_items(count: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(path, title, html) per feed item; about a third are wire copies at other outlets."""
    rng = random.Random(seed)
    items: list[tuple[str, str, str]] = []
    originals: list[tuple[str, str]] = []
    for i in range(count):
        outlet = f"outlet{i % 40}"
        if originals and rng.random() < 0.33:
            title, body = rng.choice(originals)
            body = body + f" ({outlet.upper()})"
        else:
            city, _, _, _, adjde, adj = rng.choice(PLACES)
            de = rng.random() < 0.5
            k = rng.randrange(3)
            fill = {"city": city, "adj": adj, "adjde": adjde, "n": rng.randint(2, 300),
                    "day": DAYS_EN[k], "daye": DAYS_DE[k]}  # fmt: skip
            sentences = [rng.choice(DE if de else EN).format(**fill) for _ in range(3)]
            title = sentences[0][:60]
            body = " ".join(sentences) + f" Ref {i}."
            originals.append((title, body))
        html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"<p>{body}</p></article></body></html>")  # fmt: skip
        items.append((f"/{outlet}/item{i}.html", title, html))
    return items


def serve(files: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def feed_round(n_items: int, db: str) -> None:
    items = make_items(n_items)
    files: dict[str, bytes] = {p: html.encode() for p, _, html in items}
    server, base = serve(files)
    feeds = []
    per_feed = 100
    for f in range(0, len(items), per_feed):
        entries = "".join(
            f"<item><title>{t}</title><link>{base}{p}</link>"
            "<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>"
            for p, t, _ in items[f : f + per_feed]
        )
        path = f"/feed{f // per_feed}.rss"
        files[path] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>'
                       f"{entries}</channel></rss>").encode()  # fmt: skip
        feeds.append(Source("feed", base + path, name=path))
    config = MonitorConfig(sources=tuple(feeds), fetch=FetchSettings(per_host_interval=0))
    store = open_store(db)
    watcher = Watcher(config, store, None)
    start = time.perf_counter()
    summary = watcher.run_once()
    seconds = time.perf_counter() - start
    server.shutdown()
    print(f"feed round: {n_items} items in {len(feeds)} feeds, {seconds:.1f} s, "
          f"{n_items / seconds:.1f} items/s")  # fmt: skip
    print(f"  {summary.line()}")
    store.close()


def synthetic_article(i: int, rng: random.Random) -> Article:
    city, country, lat, lon, _, _ = rng.choice(PLACES)
    day = f"{rng.choice((2025, 2026))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    a = Article(text=f"synthetic {i}", url=f"https://outlet{i % 50}.example/{i}", lang="en",
                published=day)  # fmt: skip
    for j in range(5):
        etype = rng.choice(("ASSAULT", "PROTEST", "COERCE", "CONSULT", "ACCUSE"))
        jitter = rng.uniform(-0.3, 0.3)
        ev = Event(type=etype, evidence=Evidence(f"e{j}", j, j + 1), article_id=a.id, date=day,
                   location=Location(name=city, country=country, lat=lat + jitter,
                                     lon=lon + jitter, precision="city"),
                   source=[Actor("police", country=country)])  # fmt: skip
        ev.assign_id()
        a.events.append(ev)
    return a


def clustering_growth(n_events: int, db: str, block: int = 10_000) -> None:
    store = open_store(db)
    clusterer = StoryClusterer(MonitorStore(store))
    rng = random.Random(11)
    done, i = 0, 0
    print(f"clustering as the store grows (blocks of {block} events, 5 per article):")
    total = 0.0
    while done < n_events:
        start, cpu = time.perf_counter(), time.process_time()
        added = 0
        while added < block:
            clusterer.add(synthetic_article(i, rng))
            i += 1
            added += 5
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
        total += seconds
        done += added
        n_stories = clusterer.mstore.rows("SELECT COUNT(*) FROM monitor_stories")[0][0]
        print(
            f"  {done:>7} events, {n_stories:>6} stories: block {seconds:6.1f} s wall, "
            f"{cpu:6.1f} s CPU ({added / seconds:5.0f} events/s), total {total:6.1f} s"
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--block", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="monitor-bench-") as tmp:
        if args.items:
            feed_round(args.items, str(Path(tmp) / "feed.db"))
        if args.events:
            clustering_growth(args.events, str(Path(tmp) / "grow.db"), args.block)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
