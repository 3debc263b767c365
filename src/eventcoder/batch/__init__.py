"""Batch coding into a Parquet data set: ``run_batch(inputs, out, config, engine=...)``.

Inputs are cut into numbered shards (:mod:`.inputs`), each shard is coded and written as
Parquet files plus a manifest entry (:mod:`.work`, :mod:`.output`) by worker processes
(:mod:`.run`, the local engine) or Ray actors (:mod:`.ray_engine`). Layout: ``docs/batch.md``.
"""

from __future__ import annotations

from eventcoder.batch.output import DatasetMismatch
from eventcoder.batch.run import ENGINES, BatchSummary, run_batch
from eventcoder.batch.schema import DATASET_VERSION

__all__ = ["DATASET_VERSION", "ENGINES", "BatchSummary", "DatasetMismatch", "run_batch"]
