"""Placeholder engine; replaced by the real pipeline."""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder import __version__
from eventcoder.model import Article, Event


class EventCoder:
    """The default coder."""

    version = f"eventcoder-{__version__}"

    def __init__(
        self, actors: Sequence[str] = (), agents: Sequence[str] = (), verbs: Sequence[str] = ()
    ) -> None:
        self.actors, self.agents, self.verbs = list(actors), list(agents), list(verbs)

    def code(self, article: Article) -> list[Event]:
        return []
