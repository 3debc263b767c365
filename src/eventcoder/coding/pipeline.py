"""The engine's steps (:class:`Stages`) and its spaCy pipeline: a blank tokenizer plus the
components of :mod:`eventcoder.coding.components`.

Every component of the language's ``Language.pipeline`` becomes one spaCy pipe
``eventcoder_<name>`` (factory ``eventcoder_component``, config ``component: <name>``) that
runs the same function on one :class:`~eventcoder.coding.components.Doc` kept on
``doc._.ec_doc``; ``doc._.events`` holds the events so far (ids set), ``doc._.ec_sentences``,
``ec_mentions`` and ``ec_triggers`` the layers. Per-article metadata (id, publication date)
travels in ``doc.user_data``. Nothing is downloaded; with an installed full spaCy model
(``spacy.load``) the same components can be added after its own ones (``add_components``);
they read its tokens, and its sentences when it sets them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.coding import components
from eventcoder.coding.doc import DocView, EventContext
from eventcoder.coding.events import ArticleCoder
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import builtin_lexicon, load_lexicon_files
from eventcoder.coding.location import article_places
from eventcoder.coding.mentions import knowledge_base, merge_mentions
from eventcoder.coding.sentence_coders import sentence_coder
from eventcoder.coding.tokenizer import FastTokenizer
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.knowledge.name_parts import people_named_like_countries
from eventcoder.knowledge.residents import residents_of_countries
from eventcoder.language import registry
from eventcoder.model import Event

for _name in ("ec_sentences", "ec_mentions", "ec_triggers", "ec_view", "ec_doc", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_SIMPLE_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def _sentences(text: str, lang: str, view: DocView | None = None) -> list[tuple[int, int]]:
    try:
        from eventcoder.language.segment import split_sentences
    except ImportError:  # pragma: no cover - the segmenter is part of the package
        return [(m.start(), m.end()) for m in _SIMPLE_SENT.finditer(text) if m.group().strip()]
    return split_sentences(text, lang, view)


def _view(doc: Doc) -> DocView:
    """Token arrays of ``doc`` (made by :class:`FastTokenizer`, or built once here)."""
    if doc._.ec_view is None:
        doc._.ec_view = DocView.of(doc)
    return doc._.ec_view


class Stages:
    """The engine's steps for one language as plain functions over token arrays.

    The spaCy components below call the same object (:func:`stages_for`);
    :class:`~eventcoder.coding.engine.EventCoder` calls it directly on
    :func:`~eventcoder.coding.tokenizer.tokenize` output (no spaCy Doc: making one costs a
    vocabulary lookup per token and a quarter of the run time). ``en_coder`` names the
    sentence coder (:mod:`eventcoder.coding.sentence_coders`) of languages it codes.
    """

    def __init__(
        self,
        lang: str,
        *,
        version: str = "",
        knowledge: Sequence[str] = (),
        actors: Sequence[str] = (),
        agents: Sequence[str] = (),
        verbs: Sequence[str] = (),
        lexicons: Sequence[str] = (),
        en_coder: str = "lexicon",
    ) -> None:
        self.language = registry.get(lang)
        self.lang = lang
        self.kb = knowledge_base(tuple(knowledge))
        self.user = user_actor_matcher(tuple(actors), tuple(agents))
        self.matcher = trigger_matcher(lang, tuple(lexicons))
        dictionary = None
        if verbs and self.language.dictionary_coded:
            from eventcoder.coding.dictionaries import DictionaryCoder

            dictionary = DictionaryCoder(list(actors), list(agents), list(verbs))
        backend = sentence_coder(en_coder, self.language) if dictionary is None else None
        self.coder = ArticleCoder(grammar_for(lang), version, dictionary, backend)
        self.components = components.components_for(self.language.pipeline)

    def sentences(self, text: str, view: DocView | None = None) -> list[tuple[int, int]]:
        return _sentences(text, self.lang, view)

    def mentions(self, text: str, published: str | None) -> list[Any]:
        found = self.kb.match(text, self.lang, published) if self.kb is not None else []
        if found:  # "Michael Jordan", "Chad Wolf": people, not countries
            t = self.kb.tables
            found = people_named_like_countries(text, found, t.first_names, t.surnames)
            found = residents_of_countries(text, found, self.lang)  # "Kurds in Syria"
        if self.user is not None:
            found = merge_mentions(self.user(text), found)
        return found

    def triggers(self, view: DocView, sentences: Sequence[tuple[int, int]]) -> list[Any]:
        found = []
        for lo, hi in sentences or [(0, len(view.text))]:  # patterns stay in a sentence
            found.extend(self.matcher.match(view.lowers, view.tok_at(lo), view.tok_end(hi)))
        return found

    def needs_triggers(self) -> bool:
        """Without a trigger word no event (the lexicon path); sentence coders read all."""
        return self.coder.dictionary is None and self.coder.sentence_coder is None

    def events(
        self,
        view: DocView,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[Any],
        triggers: Sequence[Any],
        article_id: str,
        published: str | None,
        places: Any = None,
    ) -> list[tuple[Event, EventContext]]:
        return self.coder.code(
            view,
            sentences or [(0, len(view.text))],
            mentions,
            triggers,
            article_id=article_id,
            published=published,
            lang=self.lang,
            places=places,
        )

    def places(self, text: str, mentions: Sequence[Any]) -> Any:
        """The article's places and main countries (``coding/location.py``): place names
        resolved in the article's context and kept when they are places by evidence."""
        return article_places(text, mentions, self.kb, self.lang)

    def run(self, view: DocView, article_id: str, published: str | None) -> list[Event]:
        """The language's components (``Language.pipeline``) on one article's tokens."""
        doc = components.Doc(view, article_id, published)
        for step in self.components:
            step(self, doc)
        return self.finish(doc)

    def finish(self, doc: components.Doc) -> list[Event]:
        """The events of ``doc`` with article id, coder and event id set."""
        for ev in doc.events:
            ev.article_id = doc.article_id
            ev.coder = ev.coder or self.coder.version
            ev.assign_id()
        return doc.events


@lru_cache(maxsize=16)
def stages_for(
    lang: str,
    version: str = "",
    knowledge: tuple[str, ...] = (),
    actors: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
    verbs: tuple[str, ...] = (),
    lexicons: tuple[str, ...] = (),
    en_coder: str = "lexicon",
) -> Stages:
    """One :class:`Stages` per language and configuration (shared by the spaCy components)."""
    return Stages(
        lang,
        version=version,
        knowledge=knowledge,
        actors=actors,
        agents=agents,
        verbs=verbs,
        lexicons=lexicons,
        en_coder=en_coder,
    )


_CONFIG = {
    "version": "",
    "knowledge": [],
    "actors": [],
    "agents": [],
    "verbs": [],
    "lexicons": [],
    "en_coder": "lexicon",
}


def _factory_stages(nlp: Language, version: str, *files_and_coder: Any) -> Stages:
    """The shared :class:`Stages` of a factory's config (lists made hashable for the cache)."""
    *files, en_coder = files_and_coder
    return stages_for(nlp.lang, version, *(tuple(f) for f in files), en_coder)


def _model_sentences(doc: Doc) -> list[tuple[int, int]] | None:
    """Sentences from the user's spaCy model (parser or senter), when it set them."""
    if not doc.has_annotation("SENT_START"):
        return None
    return [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]


@Language.factory("eventcoder_component", default_config={**_CONFIG, "component": "segment"})
def make_component(
    nlp: Language,
    name: str,
    component: str,
    version: str,
    knowledge: list[str],
    actors: list[str],
    agents: list[str],
    verbs: list[str],
    lexicons: list[str],
    en_coder: str,
) -> Any:
    """One component of :mod:`eventcoder.coding.components` as a spaCy pipe."""
    stages = _factory_stages(nlp, version, knowledge, actors, agents, verbs, lexicons, en_coder)
    (step,) = components.components_for((component,))

    def run(doc: Doc) -> Doc:
        d = doc._.ec_doc
        if d is None:
            d = doc._.ec_doc = components.Doc(
                _view(doc), doc.user_data.get("article_id", ""), doc.user_data.get("published")
            )
        model = _model_sentences(doc) if component == "segment" else None
        if model:
            d.sentences = model  # the user's spaCy model's sentences
        else:
            step(stages, d)
        doc._.ec_sentences, doc._.ec_triggers = d.sentences, d.triggers
        doc._.ec_mentions = d.mentions
        doc._.events = stages.finish(d)
        return doc

    return run


@lru_cache(maxsize=16)
def trigger_matcher(lang: str, lexicons: tuple[str, ...] = ()) -> TriggerMatcher:
    """Built-in + user trigger entries of one language, indexed once (cached)."""
    entries = list(builtin_lexicon(lang)) + load_lexicon_files(lexicons, lang)
    return TriggerMatcher(entries, max_gap=registry.get_or_default(lang).max_pattern_gap)


@lru_cache(maxsize=4)
def user_actor_matcher(actors: tuple[str, ...], agents: tuple[str, ...]) -> Any | None:
    if not actors and not agents:
        return None
    from eventcoder.coding.dictionaries import actor_matcher

    return actor_matcher(actors, agents)


def add_components(
    nlp: Language,
    *,
    version: str,
    knowledge: Sequence[str] = (),
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    verbs: Sequence[str] = (),
    lexicons: Sequence[str] = (),
    en_coder: str = "lexicon",
) -> Language:
    """Add the components of the language's ``Language.pipeline`` to ``nlp`` (a blank or a
    full spaCy pipeline); they run the same :class:`Stages` and component functions as
    :class:`~eventcoder.coding.engine.EventCoder`."""
    cfg = {
        "version": version,
        "knowledge": list(knowledge),
        "actors": list(actors),
        "agents": list(agents),
        "verbs": list(verbs),
        "lexicons": list(lexicons),
        "en_coder": en_coder,
    }
    for name in registry.get(nlp.lang).pipeline:
        nlp.add_pipe("eventcoder_component", name=f"eventcoder_{name}", config={**cfg, "component": name})
    return nlp


def build_pipeline(lang: str, *, version: str, **files: Any) -> Language:
    """A blank spaCy pipeline for ``lang`` (a registered language) with the engine's
    components; spaCy's multi-language blank model when spaCy does not know the code."""
    code = registry.get(lang).code
    try:
        nlp = spacy.blank(code)
    except ImportError:
        nlp = spacy.blank("xx")
        nlp.lang = code  # the components read the language from nlp.lang
    nlp.tokenizer = FastTokenizer(nlp.vocab)
    return add_components(nlp, version=version, **files)
