"""Actor and place mentions for the engine: the knowledge base plus user dictionaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ACTOR_KINDS = frozenset({"country", "org", "person", "role", "actor"})


@dataclass
class SimpleMention:
    """A mention with the fields of :class:`eventcoder.knowledge.Mention` (for user dictionaries)."""

    start: int
    end: int
    text: str
    kind: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    precision: str | None = None


@lru_cache(maxsize=4)
def knowledge_base(extra: tuple[str, ...] = ()) -> Any | None:
    """The knowledge base, or None while :mod:`eventcoder.knowledge` is not available."""
    try:
        from eventcoder.knowledge import load_knowledge_base
    except ImportError:
        return None
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
