#!/usr/bin/env python
"""A bounded loopback load test of the REST API: requests/s and latency percentiles.

Fills a temporary SQLite store with ``--articles`` synthetic articles (4 events each), serves it
with uvicorn on a free 127.0.0.1 port in a separate process, then ``--clients`` threads (one
keep-alive connection each) send a fixed mix of reads (/events pages with and without filters,
/stats, /timeline, /network, one event, the CSV export of a narrow filter) for ``--seconds``
seconds or ``--max-requests`` requests, whichever comes first. Prints requests/s, p50, p95 and
p99 overall and per endpoint, and the number of non-2xx answers (expected: 0).

    .venv/bin/python scripts/api_load_benchmark.py                     # 2,000 articles, 10 s
    .venv/bin/python scripts/api_load_benchmark.py --clients 8 --seconds 20 --articles 10000
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

MIX = [
    "/events?limit=50",
    "/events?limit=50&offset=500",
    "/events?limit=50&country=DEU",
    "/events?limit=50&type=PROTEST&since=2023-06-01",
    "/events?limit=20&q=police",
    "/stats",
    "/timeline?bucket=month",
    "/network?limit=50",
    "/events.csv?country=NATO&type=AID",
    "EVENT",
]


def _serve(db: str, port: int) -> None:
    import uvicorn

    from eventcoder.web.app import create_app

    uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/events?limit=1")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not come up")


def _client(port: int, paths: list[str], stop: float, budget: list[int], out: dict) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = 0
    while time.monotonic() < stop:
        with LOCK:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status = 0
        elapsed = time.perf_counter() - start
        with LOCK:
            out["times"][path.split("?")[0]].append(elapsed)
            out["all"].append(elapsed)
            if not 200 <= status < 300:
                out["bad"] += 1


LOCK = threading.Lock()


def _pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--db", help="an SQLite file to (fill and) use instead of a temporary one")
    args = parser.parse_args()

    from eventcoder.store import open_store
    from eventcoder.store.bench import fill

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "load.db")
    with open_store(db) as store:
        fill(store, args.articles)
        event_id = store.query_events(limit=1)[0].id
        n_events = store.count_events()
    paths = [f"/events/{event_id}" if p == "EVENT" else p for p in MIX]
    port = _free_port()
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(db, port))
    server.start()
    try:
        _wait(port)
        out: dict = {"times": defaultdict(list), "all": [], "bad": 0}
        budget = [args.max_requests]
        begin = time.monotonic()
        stop = begin + args.seconds
        threads = [
            threading.Thread(target=_client, args=(port, paths[k:] + paths[:k], stop, budget, out))
            for k in range(args.clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - begin
    finally:
        server.terminate()
        server.join(10)
        tmp.cleanup()
    n = len(out["all"])
    print(f"store: SQLite, {args.articles} articles, {n_events} events; "
          f"{args.clients} clients on loopback, {wall:.1f} s")  # fmt: skip
    print(f"requests: {n}, {n / wall:.1f} requests/s, non-2xx: {out['bad']}")
    print(f"latency ms: p50 {statistics.median(out['all']) * 1000:.1f}  "
          f"p95 {_pct(out['all'], 0.95):.1f}  p99 {_pct(out['all'], 0.99):.1f}")  # fmt: skip
    print(f"{'endpoint':<24} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for path, times in sorted(out["times"].items()):
        name = "/events/{id}" if path.startswith("/events/e") else path
        print(f"{name:<24} {len(times):>6} {statistics.median(times) * 1000:>8.1f} "
              f"{_pct(times, 0.95):>8.1f}")  # fmt: skip
    print(
        json.dumps(
            {"requests_per_s": round(n / wall, 1), "p95_ms": round(_pct(out["all"], 0.95), 1)}
        )
    )
    if out["bad"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
