"""The work of one shard, the same in every engine: code its articles, write its files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventcoder.batch.inputs import Shard
from eventcoder.batch.output import ShardResult, write_shard
from eventcoder.config import CoderConfig


def code_shard(shard: Shard, config: CoderConfig, out: str | Path) -> ShardResult:
    """Code every article of ``shard`` (a failing one becomes an error record) and write it."""
    from eventcoder import api

    errors: list[dict[str, Any]] = [dict(e, shard=shard.key) for e in shard.errors]
    coded = []
    for art in shard.articles:
        try:
            api.code(art, config)
        except Exception as exc:  # one bad article must not end the run
            where = art.source or art.id
            problem = api.unsupported_language(art)
            errors.append({"path": where, "line": getattr(art, "_line", None),
                           "message": problem or f"{where}: could not code article {art.id}: "
                           f"{type(exc).__name__}: {exc}", "warning": False,
                           "article_id": art.id, "shard": shard.key})  # fmt: skip
            continue
        coded.append(art)
    return write_shard(out, shard.key, coded, errors)
