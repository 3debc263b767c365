"""The local engine's pool: every task's result comes back once, a task's error is raised,
and the benchmark's parallel run uses it (per-worker CPU, speed-up figures)."""

from __future__ import annotations

import gc
import os

import pytest

from eventcoder.batch.pool import forked_map
from eventcoder.evaluation.benchmark import task_size


def _square_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("task 3 is bad")
    return n


def test_every_result_once_from_several_workers():
    got = list(forked_map(_square_pid, range(40), 2, window=3))
    assert sorted(v for v, _pid in got) == [n * n for n in range(40)]
    assert len({pid for _v, pid in got}) >= 1 and os.getpid() not in {pid for _v, pid in got}
    assert not gc.get_freeze_count()  # frozen only while the pool runs


def test_task_error_is_raised_in_the_parent():
    with pytest.raises(ValueError, match="task 3 is bad"):
        list(forked_map(_fails_on_three, range(6), 2))
    assert list(sorted(forked_map(_fails_on_three, [1, 2, 4], 2))) == [1, 2, 4]  # the twin


def test_task_size_keeps_tasks_small_enough_to_balance():
    assert task_size(1324, 2) == 16  # about 80 tasks for two workers
    assert task_size(40, 2) == 2
    assert task_size(3, 4) == 1


def test_warm_builds_every_language_before_the_fork():
    """After warm() no language's steps are built again (the workers inherit them all)."""
    from eventcoder import api
    from eventcoder.batch.pool import warm
    from eventcoder.coding.pipeline import stages_for
    from eventcoder.config import CoderConfig
    from eventcoder.language import registry

    config = CoderConfig()
    warm(config)
    misses = stages_for.cache_info().misses
    for lang in registry.languages():
        api.coder(config).stages(lang)
    assert stages_for.cache_info().misses == misses
    assert warm(config) < 5.0  # warm again: everything is cached
