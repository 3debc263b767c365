"""Scale benchmark of ``eventcoder batch``: articles/s and sentences/s per core for 1 and 2
workers (local engine, optionally Ray), memory per worker, start-up per worker, and the cores
needed for one CC-NEWS day (380,000 articles).

    python scripts/scale_benchmark.py [INPUT ...] [--copies N] [--workers 1,2] [--ray]

Default input: ../shared/corpus. Each run codes into a fresh temporary folder in a fresh
process (so memory figures are per run). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DAY = 380_000  # CC-NEWS articles a day
ROOT = Path(__file__).resolve().parents[1]


def _child(args: argparse.Namespace) -> None:
    """One timed run (in its own process); prints a JSON line."""
    from eventcoder.batch import run_batch
    from eventcoder.batch.pool import warm
    from eventcoder.config import CoderConfig

    t0 = time.perf_counter()
    warm(CoderConfig())  # imports, coder, every language's steps, language detector
    startup = time.perf_counter() - t0
    out = tempfile.mkdtemp(prefix="ec-scale-")
    cpu0 = _cpu()
    try:
        t1 = time.perf_counter()
        s = run_batch(args.inputs, out, engine=args.engine, workers=args.one, batch=args.batch,
                      progress=None)  # fmt: skip
        wall = time.perf_counter() - t1
        cpu1 = _cpu()
        parent_cpu, workers_cpu = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
    finally:
        shutil.rmtree(out, ignore_errors=True)
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # on idle cores the run takes about its busiest process's CPU time: the parent (reading),
    # or a worker (the workers' CPU shared evenly; shards are handed out as workers finish)
    idle_wall = parent_cpu + workers_cpu if args.one == 1 else max(parent_cpu,
                                                                   workers_cpu / args.one)
    print(json.dumps({"wall": wall, "cpu": parent_cpu + workers_cpu, "idle_wall": idle_wall,
                      "articles": s.articles, "events": s.events,
                      "errors": s.errors, "startup": startup, "parent_mb": self_mb,
                      # Ray's workers are not our children: their memory is not seen here
                      "worker_mb": None if args.engine == "ray" else
                      kids_mb if args.one > 1 else self_mb}))  # fmt: skip


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the local engine's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _inputs(paths: list[str], copies: int, tmp: Path) -> tuple[list[str], int, int]:
    """A JSONL file holding ``copies`` copies of the inputs (new ids), and its counts."""
    from eventcoder import api
    from eventcoder.evaluation.benchmark import corpus_stats
    from eventcoder.model import Article

    articles = [a for a in api.read(paths) if isinstance(a, Article)]
    stats = corpus_stats(articles)
    path = tmp / "input.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for c in range(copies):
            for a in articles:
                d = a.to_dict(with_events=False)
                d["id"] = f"{a.id}-{c}"
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return [str(path)], stats["articles"] * copies, stats["sentences"] * copies


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="*")
    p.add_argument("--copies", type=int, default=1, help="code the input this many times")
    p.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    p.add_argument("--batch", type=int, default=200, help="articles per shard")
    p.add_argument("--ray", action="store_true", help="also run the Ray engine")
    p.add_argument("--repeat", type=int, default=1, help="runs per engine and worker count")
    p.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    p.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        _child(args)
        return
    paths = args.inputs or [str(ROOT.parent / "shared" / "corpus")]
    with tempfile.TemporaryDirectory() as tmp:
        inputs, n_art, n_sent = _inputs(paths, args.copies, Path(tmp))
        runs = [("local", int(w)) for w in args.workers.split(",")]
        if args.ray:
            runs += [("ray", int(w)) for w in args.workers.split(",")]
        results: dict[tuple[str, int], list[dict]] = {run: [] for run in runs}
        for _ in range(args.repeat):  # the runs back to back, repeated: medians below
            for engine, workers in runs:
                cmd = [sys.executable, __file__, *inputs, "--one", str(workers), "--engine",
                       engine, "--batch", str(args.batch)]  # fmt: skip
                env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
                out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
                results[(engine, workers)].append(json.loads(out.stdout.strip().splitlines()[-1]))
        rows = []
        for (engine, workers), got in results.items():
            r = {k: _median([g[k] for g in got]) if got[0][k] is not None else None
                 for k in ("wall", "cpu", "idle_wall", "startup", "worker_mb")}  # fmt: skip
            r.update(engine=engine, workers=workers, walls=[g["wall"] for g in got],
                     idle=[g["idle_wall"] for g in got])
            rows.append(r)
    print(f"Medians of {args.repeat} run(s) each; seconds include starting the engine's workers "
          "(Ray: ray.init and the actors), not building the coder (start-up s).")
    print(f"Input: {', '.join(paths)} x{args.copies}: {n_art} articles, {n_sent} sentences; "
          f"{os.cpu_count()} CPUs; shards of {args.batch} articles.\n")
    print("| engine | workers | seconds | CPU s | articles/s | articles/s/core | sentences/s/core "
          "| speed-up | worker RSS MiB | start-up s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    base = {}
    for r in rows:
        rate = n_art / r["wall"]
        base.setdefault(r["engine"], rate)
        cpu = "n/a" if r["engine"] == "ray" else f"{r['cpu']:.2f}"  # Ray workers: not children
        print(f"| {r['engine']} | {r['workers']} | {r['wall']:.2f} | {cpu} | {rate:.1f} | "
              f"{rate / r['workers']:.1f} | {n_sent / r['wall'] / r['workers']:.0f} | "
              f"{rate / base[r['engine']]:.2f}x | {_mb(r['worker_mb'])} | {r['startup']:.2f} |")
    for engine in dict.fromkeys(r["engine"] for r in rows):
        for label, key in (("wall time", "walls"), ("CPU time, idle cores", "idle")):
            if engine == "ray" and key == "idle":
                continue  # Ray's workers are not our children: their CPU is not seen here
            got = {r["workers"]: r[key] for r in rows if r["engine"] == engine}
            one, two = got.get(1), got.get(2)
            if one and two:
                ratios = [a / b for a, b in zip(one, two, strict=True)]
                print(f"\n{engine}: 1 -> 2 workers by {label}, per back-to-back pair: "
                      f"{', '.join(f'{x:.2f}x' for x in ratios)} (median {_median(ratios):.2f}x)")
    best = max(n_art / r["wall"] / r["workers"] for r in rows if r["engine"] == "local")
    worst = min(n_art / r["wall"] / r["workers"] for r in rows if r["engine"] == "local")
    print(f"\nCores for {DAY:,} articles/day: {DAY / 86400 / best:.2f} at the best per-core "
          f"rate ({best:.1f} articles/s/core), {DAY / 86400 / worst:.2f} at the worst; "
          f"in 1 hour: {DAY / 3600 / worst:.0f} cores.")


if __name__ == "__main__":
    main()
