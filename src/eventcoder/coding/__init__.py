"""Coding: from an article's text to PLOVER events.

The one interface the rest of the system uses is :func:`get_coder` returning a :class:`Coder`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from eventcoder.model import Article, Event


class Coder(Protocol):
    """Anything that turns an article into events."""

    version: str

    def code(self, article: Article) -> list[Event]:
        """Return the events of ``article`` (with ``article_id`` and ids set)."""
        ...


def get_coder(
    *,
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    verbs: Sequence[str] = (),
) -> Coder:
    """Return the default coder, with optional PETRARCH/TABARI dictionary files loaded on top."""
    from eventcoder.coding.engine import EventCoder

    return EventCoder(actors=actors, agents=agents, verbs=verbs)
