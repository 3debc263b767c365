"""Coding: from an article's text to PLOVER events.

The one interface the rest of the system uses is :func:`get_coder` returning a :class:`Coder`::

    coder = get_coder()                      # built-in German and English lexicons
    events = coder.code(article)             # Event objects, evidence offsets into article.text

The engine's steps per language are named components (``components.py``: segment, triggers,
mentions, places, events = clauses, roles, counts, location in ``events.py``; then numbers,
dates, factuality, merge) over the one tokenizer's arrays (``tokenizer.py``/``doc.py``).
``EventCoder`` runs them directly (no spaCy Doc: making one costs a vocabulary lookup per
token); the same component functions run as spaCy pipes ``eventcoder_<name>``
(``build_pipeline``/``add_components``; nothing is downloaded) and give the same events in
``doc._.events``. Articles without any trigger word
skip the knowledge base; dates are read only in sentences with an event.
``get_coder(en_coder="cameo")`` codes English with the PETRARCH-2 production dictionaries
(``cameo_backend.py``) instead of the lexicons. Modules: ``lexicon``/``triggers``
(patterns), ``clauses``, ``roles`` (source/target frames), ``intent`` (promise -> AGREE, threat ->
THREATEN, "must" -> REQUEST), ``location``, ``attributes`` (numbers, dates, factuality helpers),
``crosswalk`` (CAMEO -> PLOVER), ``dictionaries`` (user PETRARCH/TABARI files).

Conventions worth knowing: a bare role ("die Polizei") takes the country of the event's place,
else the article's main country; a protest without named actors is by and against the people
of its place; an attack without a named target is against the people of the place the text
names, a coercion (arrest, ban, sentence) by and against those of its place or the article's
country (inferred actors have no offsets); counted dead/injured are targets, not sources;
"X und Y ... miteinander" and "zwischen X und Y" give X as source and Y as target; German
separable particles must end their clause ("warfen Steine vor dem Haus" is no "vorwerfen");
participles used as adjectives ("sechs inhaftierte Oppositionelle") are no events; English sentences give one event (the first verb's), German ones one per clause;
with ``verbs`` files English sentences are coded by those dictionaries alone.
English specifics (word classes in ``language/en/grammar.tsv``): a generic single verb of the
generated dictionary codes only "X verb Y" (ASSAULT/COERCE/PROTEST/MOBILIZE also with one actor
or a count); deaths in accidents, fires and illness are no assault; "according to X" names X;
"at least 11" is no prepositional phrase; "ministers of X and Y met" gives X -> Y; a place in the
source's own country ("met in Cairo") is no fallback target; counts of a coordinated clause
("and dozens injured") belong to the event; a title before a name ("Egyptian President X")
gives the person's sector; equal trigger candidates are taken in lexicon order (deterministic).
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
