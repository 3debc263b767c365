"""The coder's components: named steps a :class:`Doc` passes left to right.

Each component is ``(stages, doc) -> None``: it reads the layers earlier components wrote and
adds its own. They are registered by name in :data:`COMPONENTS`; a language lists its
pipeline in ``Language.pipeline`` (default: segment, triggers, mentions, places, events,
numbers, dates, factuality, merge). The spaCy components of :mod:`eventcoder.coding.pipeline`
run these same functions. The table of what each reads and writes is in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventcoder.coding import attributes
from eventcoder.coding.doc import DocView, EventContext
from eventcoder.coding.elaboration import (
    aim_at_referenced_acts,
    continue_addressees,
    drop_bare_casualties,
    drop_restatements,
    fold_elaborations,
    trigger_heads,
)
from eventcoder.coding.events import ArticleCoder
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
    event_context: list[EventContext] = field(default_factory=list)  # one per event

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
    doc.sentences = stages.sentences(doc.text, doc.view)


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
    """Clauses, trigger filters, roles, counts and location, per sentence
    (:class:`~eventcoder.coding.events.ArticleCoder`, or the language's sentence coder):
    candidate events with their :class:`EventContext`."""
    if doc.mentions is None:
        return
    found = stages.events(
        doc.view, doc.sentences, doc.mentions, doc.triggers, doc.article_id, doc.published,
        doc.places,
    )
    doc.events = [ev for ev, _ in found]
    doc.event_context = [ctx for _, ctx in found]


@component("numbers")
def numbers(stages: Stages, doc: Doc) -> None:
    """Dead, injured and arrested (``numbers.tsv``, ``casualties.tsv``) of the events whose
    coder left them to this step (sentence coders). The lexicon coder counts inside
    ``events``: its counts decide whether an event exists and who its target is."""
    for ev, ctx in zip(doc.events, doc.event_context, strict=True):
        if ctx.count_span is not None:
            attributes.set_numbers(ev, doc.view, stages.lang, ctx.count_span)
            ctx.count_span = None


@component("dates")
def dates(stages: Stages, doc: Doc) -> None:
    """The date mention of each event's sentence nearest to its trigger (``dates.tsv``), else
    the publication date; sentences are read once."""
    found = attributes.SentenceDates(doc.view, stages.lang, doc.published)
    for ev, ctx in zip(doc.events, doc.event_context, strict=True):
        attributes.set_date(ev, found.of(*ctx.sentence), ctx.sentence, ctx.anchor, doc.published)


@component("factuality")
def factuality(stages: Stages, doc: Doc) -> None:
    """Asserted, reported, rumored, announced or negated, and who says so
    (``factuality.tsv``); the speaker comes from the role context of the event."""
    for ev, ctx in zip(doc.events, doc.event_context, strict=True):
        attributes.set_factuality(ev, ctx, doc.view, stages.lang, stages.coder.g)


@component("merge")
def merge(stages: Stages, doc: Doc) -> None:
    """One event per type and sentence when the actors agree (the most confident one keeps
    its evidence and takes the others' missing fields); with the ``restatements`` hook, a
    later source-less event of a type already coded is dropped; a later one that tells more
    about it ("drei weitere wurden verletzt") is folded into it (``coding/elaboration.py``)."""
    out: list[tuple[Event, EventContext]] = []
    pairs = list(zip(doc.events, doc.event_context, strict=True))
    i = 0
    while i < len(pairs):
        group = pairs[i][1].merge_group
        j = i + 1
        if group is not None:
            while j < len(pairs) and pairs[j][1].merge_group == group:
                j += 1
            ctx_of = {id(ev): ctx for ev, ctx in pairs[i:j]}
            out.extend((ev, ctx_of[id(ev)]) for ev in ArticleCoder._merge([e for e, _ in pairs[i:j]]))
        else:
            out.append(pairs[i])
        i = j
    if stages.language.restatements:
        out = drop_restatements(out, stages.coder.g)
    heads = trigger_heads(doc.triggers)
    out = fold_elaborations(out, doc.view, heads, stages.coder.g)
    out = drop_bare_casualties(out, doc.view, stages.coder.g)
    aim_at_referenced_acts(out, doc.view, heads, stages.coder.g)
    continue_addressees(out)
    doc.events = [ev for ev, _ in out]
    doc.event_context = [ctx for _, ctx in out]
