"""``run_batch``: inputs -> a resumable Parquet data set, with the local or the Ray engine."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from eventcoder.batch.inputs import Shard, expand, fingerprint, shards
from eventcoder.batch.output import ShardResult, append_errors, prepare
from eventcoder.batch.pool import forked_map, warm
from eventcoder.batch.work import code_shard
from eventcoder.config import CoderConfig

ENGINES = ("local", "ray")
DEFAULT_BATCH = 200  # articles per shard: amortises the per-task and per-file costs


@dataclass
class BatchSummary:
    """Counts of one run."""

    shards: int = 0
    skipped: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"batch: {self.shards} shards written, {self.skipped} already done; "
                f"{self.articles} articles, {self.events} events, {self.errors} errors "
                f"({rate:.1f} articles/s)")  # fmt: skip


class _Progress:
    """Counts results and prints a progress line on stderr at most every ``every`` seconds."""

    def __init__(self, out: Path, stream: TextIO | None, every: float = 2.0) -> None:
        self.summary = BatchSummary()
        self.out, self.stream, self.every = out, stream, every
        self.t0 = self.last = time.perf_counter()

    def skip(self) -> None:
        self.summary.skipped += 1

    def add(self, result: ShardResult) -> None:
        s = self.summary
        s.shards += 1
        s.articles += result.articles
        s.events += result.events
        warnings = sum(bool(e.get("warning")) for e in result.errors)
        s.warnings += warnings
        s.errors += len(result.errors) - warnings
        append_errors(self.out, result.errors)
        if self.stream is not None:
            for err in result.errors:
                kind = "warning" if err.get("warning") else "error"
                self.stream.write(f"{kind}: {err['message']}\n")
        now = time.perf_counter()
        if self.stream is not None and now - self.last >= self.every:
            self.last = now
            s.seconds = now - self.t0
            self.stream.write(s.line() + "\n")
            self.stream.flush()

    def done(self) -> BatchSummary:
        self.summary.seconds = time.perf_counter() - self.t0
        return self.summary


def run_batch(
    inputs: Sequence[str],
    out: str | Path,
    config: CoderConfig | None = None,
    *,
    engine: str = "local",
    workers: int = 1,
    batch: int = DEFAULT_BATCH,
    address: str | None = None,
    published: str | None = None,
    fmt: str | None = None,
    progress: TextIO | None = sys.stderr,
    stop_after: int | None = None,
) -> BatchSummary:
    """Code ``inputs`` into the data set in ``out``; shards finished by an earlier run with the
    same inputs and settings are skipped. ``stop_after`` ends the run after that many shards
    were written (to test resuming)."""
    from eventcoder import api

    config = config or CoderConfig()
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    files = expand(inputs)
    settings = {"config": asdict(config), "batch": batch, "published": published, "fmt": fmt,
                "inputs": fingerprint(files), "coder": api.ConfiguredCoder(config).version}
    done = prepare(out, settings)
    progress_ = _Progress(Path(out), progress)
    todo = _todo(shards(files, config, batch=batch, published=published, fmt=fmt),
                 done, progress_.skip)  # fmt: skip
    run = _run_local if engine == "local" else _run_ray
    for n, result in enumerate(run(todo, config, out, max(1, workers), address), 1):
        progress_.add(result)
        if stop_after is not None and n >= stop_after:
            break
    summary = progress_.done()
    if progress is not None:
        progress.write(summary.line() + "\n")
    return summary


def _todo(all_shards: Iterator[Shard], done: set[str], skip: Callable[[], None]
          ) -> Iterator[Shard]:
    for shard in all_shards:
        if shard.key in done:
            skip()
        else:
            yield shard


# -- local engine: forked worker processes sharing the coder built in the parent ---------------
_WORK: tuple[CoderConfig, str] | None = None


def _work(shard: Shard) -> ShardResult:
    assert _WORK is not None
    return code_shard(shard, *_WORK)


def _run_local(todo: Iterator[Shard], config: CoderConfig, out: str | Path, workers: int,
               address: str | None) -> Iterator[ShardResult]:
    """Shards coded by ``workers`` processes forked after the coder is built and warm (its
    knowledge base pages are shared, nothing is pickled but the shards' articles); results
    come back as shards finish."""
    global _WORK

    warm(config)  # every language's steps and the language detector, before forking
    _WORK = (config, str(out))
    if workers == 1:
        for shard in todo:
            yield _work(shard)
        return
    yield from forked_map(_work, todo, workers)


def _run_ray(todo: Iterator[Shard], config: CoderConfig, out: str | Path, workers: int,
             address: str | None) -> Iterator[ShardResult]:
    from eventcoder.batch.ray_engine import run_ray

    yield from run_ray(todo, config, out, workers, address)
