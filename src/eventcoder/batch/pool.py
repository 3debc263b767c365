"""The local engine's process pool: warm the coder once, fork, keep every worker busy.

:func:`warm` builds the coder of a configuration with the steps of every registered language
(knowledge base, lexicons) and the language detector's models, so forked workers share those
pages instead of each loading them after the fork. :func:`forked_map` then runs tasks on
``workers`` forked processes (``gc.freeze()`` first: the collector does not touch, and so
copy, the shared objects), at most ``window`` tasks in flight, results as they finish (a slow
task does not hold the others back). ``eventcoder batch`` and ``eventcoder benchmark`` both
use it.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from eventcoder.config import CoderConfig

T = TypeVar("T")
R = TypeVar("R")

_DETECT_SAMPLE = "This sample text loads the language models before the workers start."


def warm(config: CoderConfig) -> float:
    """Build (and cache) the coder of ``config`` with every language's steps and the language
    detector; returns the seconds it took (0 when already warm)."""
    from eventcoder import api
    from eventcoder.language import registry

    t0 = time.perf_counter()
    coder = api.coder(config)
    stages = getattr(coder, "stages", None)
    if stages is not None:
        for lang in registry.languages():
            stages(lang)
    if not config.lang:
        from eventcoder.ingest import langid

        codes = langid._lingua_codes()
        if len(codes) > 1:  # the detector loads its models on first use
            langid._detector(tuple(sorted(codes))).detect_language_of(_DETECT_SAMPLE)
    return time.perf_counter() - t0


def fork_context() -> Any:
    """The ``fork`` start method where there is one (workers inherit the warm coder)."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def forked_map(fn: Callable[[T], R], tasks: Iterable[T], workers: int, *,
               window: int | None = None, initializer: Callable[..., None] | None = None,
               initargs: tuple = (), started: Callable[[], None] | None = None
               ) -> Iterator[R]:
    """``fn(task)`` for every task on ``workers`` forked processes, results in the order they
    finish; ``tasks`` is consumed as room frees up (at most ``window`` in flight, default
    2 x workers). ``started`` is called once the pool is up. A task's exception is raised
    here."""
    window = window or 2 * workers
    gc.collect()
    gc.freeze()  # objects built so far stay out of the collector: their pages stay shared
    try:
        done: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        with fork_context().Pool(workers, initializer=initializer, initargs=initargs) as pool:
            if started is not None:
                started()
            pending = 0
            source = iter(tasks)
            exhausted = False
            while True:
                while not exhausted and pending < window:
                    task = next(source, _END)
                    if task is _END:
                        exhausted = True
                        break
                    pool.apply_async(fn, (task,), callback=lambda r: done.put((True, r)),
                                     error_callback=lambda e: done.put((False, e)))
                    pending += 1
                if not pending:
                    return
                ok, value = done.get()
                pending -= 1
                if not ok:
                    raise value
                yield value
    finally:
        gc.unfreeze()


_END: Any = object()
