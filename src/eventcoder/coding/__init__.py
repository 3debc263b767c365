"""Coding: from an article's text to PLOVER events.

The one interface the rest of the system uses is :func:`get_coder` returning a :class:`Coder`::

    coder = get_coder()                      # built-in German and English lexicons
    events = coder.code(article)             # Event objects, evidence offsets into article.text

The engine is a blank spaCy pipeline per language (``pipeline.py``; nothing is downloaded) with
the components ``eventcoder_sentences``, ``eventcoder_mentions`` (knowledge base),
``eventcoder_triggers`` (lexicons ``language/<lang>/triggers*.tsv``) and ``eventcoder_events``
(clauses, roles, attributes, location; ``events.py``). Modules: ``lexicon``/``triggers``
(patterns), ``clauses``, ``roles`` (source/target frames), ``intent`` (promise -> AGREE, threat ->
THREATEN, "must" -> REQUEST), ``location``, ``attributes`` (numbers, dates, factuality helpers),
``crosswalk`` (CAMEO -> PLOVER), ``dictionaries`` (user PETRARCH/TABARI files).

Conventions worth knowing: a bare role ("die Polizei") takes the country of the event's place,
else the article's main country; a protest without named actors is by and against the people
of its place; English sentences give one event (the first verb's), German ones one per clause;
with ``verbs`` files English sentences are coded by those dictionaries alone.
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
    en_coder: str = "lexicon",
) -> Coder:
    """Return the default coder, with optional PETRARCH/TABARI dictionary files loaded on top;
    ``en_coder="cameo"`` codes English with the PETRARCH-2 production dictionaries."""
    from eventcoder.coding.engine import EventCoder

    return EventCoder(actors=actors, agents=agents, verbs=verbs, en_coder=en_coder)
