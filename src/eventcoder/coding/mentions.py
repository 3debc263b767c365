"""Actor and place mentions for the engine: the knowledge base plus user dictionaries."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from eventcoder.knowledge.mention import Mention

__all__ = ["ACTOR_KINDS", "Mention", "knowledge_base", "merge_mentions"]

ACTOR_KINDS = frozenset({"country", "org", "person", "role", "actor"})


@lru_cache(maxsize=4)
def knowledge_base(extra: tuple[str, ...] = ()) -> Any:
    """The knowledge base with the user's extra files (cached per set of files)."""
    from eventcoder.knowledge import load_knowledge_base

    return load_knowledge_base(extra)


def merge_mentions(base: Sequence[Any], extra: Sequence[Any]) -> list[Any]:
    """``base`` plus the ``extra`` mentions that do not overlap a longer one (longest wins)."""
    out = list(base)
    for m in sorted(extra, key=lambda m: (m.start, -(m.end - m.start))):
        clash = [b for b in out if b.start < m.end and m.start < b.end]
        if not clash:
            out.append(m)
        elif all((b.end - b.start) < (m.end - m.start) for b in clash):
            out = [b for b in out if b not in clash] + [m]
    return sorted(out, key=lambda m: m.start)
