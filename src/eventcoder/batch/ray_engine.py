"""Ray engine: shards flow through a Ray Data pipeline coded by a pool of coder actors.

``from_items`` (the shards the driver read) -> ``map_batches`` with a class (one coder per
actor, built once, ``concurrency`` actors) -> the actors write each shard's Parquet files and
manifest entry exactly like the local engine, and return its counts. Needs ``pip install
'eventcoder[ray]'``; ``address`` connects to a running cluster (``ray://host:10001`` or
``auto``), without it Ray starts locally with ``workers`` CPUs.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventcoder.batch.inputs import Shard
from eventcoder.batch.output import ShardResult
from eventcoder.config import CoderConfig

WINDOW = 64  # shards handed to Ray per dataset (bounded memory in the driver)


class ShardCoder:
    """A Ray actor: builds the coder once and codes whole shards."""

    def __init__(self, config: CoderConfig, out: str) -> None:
        from eventcoder.batch.pool import warm

        warm(config)
        self.config, self.out = config, out

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from eventcoder.batch.work import code_shard

        results = [code_shard(pickle.loads(blob), self.config, self.out)
                   for blob in batch["shard"]]  # fmt: skip
        return {"result": [pickle.dumps(r) for r in results]}


def run_ray(todo: Iterator[Shard], config: CoderConfig, out: str | Path, workers: int,
            address: str | None) -> Iterator[ShardResult]:
    """Code the shards of ``todo`` on Ray; results come back per shard."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RuntimeError("the ray engine needs Ray: pip install 'eventcoder[ray]'") from exc
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"address": address} if address else {"num_cpus": workers}
        ray.init(include_dashboard=False, log_to_driver=False, **kwargs)
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        window: list[Shard] = []
        for shard in todo:
            window.append(shard)
            if len(window) >= WINDOW:
                yield from _window(window, config, str(out), workers)
                window = []
        if window:
            yield from _window(window, config, str(out), workers)
    finally:
        if started:
            ray.shutdown()


def _window(window: list[Shard], config: CoderConfig, out: str, workers: int
            ) -> Iterator[ShardResult]:
    import ray.data

    ds = ray.data.from_items([{"shard": pickle.dumps(s)} for s in window],
                             override_num_blocks=len(window))  # fmt: skip
    coded = ds.map_batches(
        ShardCoder,
        fn_constructor_args=(config, out),
        batch_size=1,
        concurrency=min(workers, len(window)),
        num_cpus=1,
    )
    for row in coded.iter_rows():
        yield pickle.loads(row["result"])
