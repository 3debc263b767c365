"""``eventcoder batch --engine ray`` in Ray's local mode: the same events as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.batch import run_batch
from test_batch import code_events, dataset_articles, dataset_events, make_inputs

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.slow  # Ray's start-up takes 10-30 s on a busy 2-core machine


def test_ray_engine_same_events_as_local(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    local = run_batch([str(folder)], tmp_path / "local", workers=2, batch=2, progress=None)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        remote = run_batch([str(folder)], tmp_path / "ray", engine="ray", workers=2, batch=2,
                           progress=None)  # fmt: skip
    finally:
        ray.shutdown()
    assert remote.shards == local.shards and remote.errors == 0
    events = dataset_events(tmp_path / "ray")
    assert events and len(events) == len(set(events))
    assert sorted(events) == sorted(dataset_events(tmp_path / "local"))
    assert set(events) == code_events(folder)
    assert sorted(dataset_articles(tmp_path / "ray")) == sorted(dataset_articles(tmp_path / "local"))
    # same layout: the same part files
    names = {p.relative_to(tmp_path / "ray").as_posix()
             for p in (tmp_path / "ray").rglob("part-*.parquet")}  # fmt: skip
    assert names == {p.relative_to(tmp_path / "local").as_posix()
                     for p in (tmp_path / "local").rglob("part-*.parquet")}  # fmt: skip
