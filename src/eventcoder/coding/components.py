"""The coder's components: named steps a :class:`Doc` passes left to right.

Each component is ``(stages, doc) -> None``: it reads the layers earlier components wrote and
adds its own. They are registered by name in :data:`COMPONENTS`; a language lists its
pipeline in ``Language.pipeline`` (default: segment, triggers, mentions, places, events). The spaCy
components of :mod:`eventcoder.coding.pipeline` call the same :class:`Stages` methods.

========  ====================================  ========================  ==================
name      reads                                 writes                    data files
========  ====================================  ========================  ==================
segment   text                                  sentences                 abbreviations.txt
triggers  tokens, sentences                     triggers                  triggers*.tsv
mentions  text, published (only with triggers)  mentions                  knowledge base
places    text, mentions                        places (ranked countries) knowledge base
events    everything above                      events (clauses, roles,   grammar.tsv,
                                                numbers, dates,           intent.tsv,
                                                factuality, location,     casualties.tsv,
                                                merging)                  numbers.tsv,
                                                                          dates.tsv,
                                                                          factuality.tsv
========  ====================================  ========================  ==================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventcoder.coding.doc import DocView
from eventcoder.model import Event

if TYPE_CHECKING:
    from eventcoder.coding.pipeline import Stages


@dataclass
class Doc:
    """One article on its way through the components (tokens made once, by the one
    tokenizer; every layer holds character or token offsets into ``view.text``)."""

    view: DocView
    article_id: str = ""
    published: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    triggers: list[Any] = field(default_factory=list)
    mentions: list[Any] | None = None  # None: not looked up (no trigger, nothing to code)
    places: Any = None  # ArticlePlaces: the article's places and main countries
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.view.text


Component = Callable[["Stages", Doc], None]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a component under ``name`` (a decorator)."""

    def add(fn: Component) -> Component:
        COMPONENTS[name] = fn
        return fn

    return add


def components_for(names: tuple[str, ...]) -> tuple[Component, ...]:
    """The components ``names`` (``KeyError`` naming an unknown one and the known ones)."""
    try:
        return tuple(COMPONENTS[n] for n in names)
    except KeyError as exc:
        raise KeyError(
            f"unknown component {exc.args[0]!r} (known: {', '.join(COMPONENTS)})"
        ) from None


@component("segment")
def segment(stages: Stages, doc: Doc) -> None:
    """Sentence spans (``eventcoder.language.segment``)."""
    doc.sentences = stages.sentences(doc.text)


@component("triggers")
def triggers(stages: Stages, doc: Doc) -> None:
    """Trigger-lexicon matches inside each sentence."""
    doc.triggers = stages.triggers(doc.view, doc.sentences)


@component("mentions")
def mentions(stages: Stages, doc: Doc) -> None:
    """Knowledge-base and user-dictionary mentions; skipped when nothing can be coded (no
    trigger word and no sentence coder reading every sentence)."""
    if doc.triggers or not stages.needs_triggers():
        doc.mentions = stages.mentions(doc.text, doc.published)


@component("places")
def places(stages: Stages, doc: Doc) -> None:
    """The article's places, ranked countries and dateline (``coding/location.py``); each
    event's location is chosen from them."""
    if doc.mentions is not None:
        doc.places = stages.places(doc.text, doc.mentions)


@component("events")
def events(stages: Stages, doc: Doc) -> None:
    """Clauses, roles, numbers, dates, factuality, location and merging, per sentence
    (:class:`~eventcoder.coding.events.ArticleCoder`, or the language's sentence coder)."""
    if doc.mentions is None:
        return
    doc.events = stages.events(
        doc.view, doc.sentences, doc.mentions, doc.triggers, doc.article_id, doc.published,
        doc.places,
    )
