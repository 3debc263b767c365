"""The spaCy pipeline of the engine: a blank ``de``/``en`` tokenizer plus our components.

Components (registered with spaCy, all named ``eventcoder_*``):

* ``eventcoder_sentences`` sentence spans (``eventcoder.language.segment``) -> ``doc._.ec_sentences``
* ``eventcoder_mentions``  knowledge-base actor/place mentions, plus user actor dictionaries
                           -> ``doc._.ec_mentions``
* ``eventcoder_triggers``  trigger lexicon matches -> ``doc._.ec_triggers``
* ``eventcoder_events``    clauses, roles, attributes, location -> ``doc._.events``

Per-article metadata (id, publication date) travels in ``doc.user_data``. Nothing is
downloaded; with an installed full spaCy model (``spacy.load``) the same components can be
added after its own ones (``add_components(nlp, lang)``); they only read tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.coding.events import ArticleCoder, DocView
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import builtin_lexicon, load_lexicon_files
from eventcoder.coding.mentions import knowledge_base, merge_mentions
from eventcoder.coding.tokenizer import FastTokenizer
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.model import Event

for _name in ("ec_sentences", "ec_mentions", "ec_triggers", "ec_view", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MAX_GAP = {"de": 12, "en": 8}  # tokens a "..." may skip (German middle fields are long)
_SIMPLE_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    try:
        from eventcoder.language.segment import split_sentences
    except ImportError:  # pragma: no cover - the segmenter is part of the package
        return [(m.start(), m.end()) for m in _SIMPLE_SENT.finditer(text) if m.group().strip()]
    return split_sentences(text, lang)


def _view(doc: Doc) -> DocView:
    """Token arrays of ``doc`` (made by :class:`FastTokenizer`, or built once here)."""
    if doc._.ec_view is None:
        doc._.ec_view = DocView.of(doc)
    return doc._.ec_view


def _text(doc: Doc) -> str:
    # doc.text joins all tokens on every call; the view keeps the text once
    return _view(doc).text


class Stages:
    """The engine's steps for one language as plain functions over token arrays.

    The spaCy components below wrap them; :class:`~eventcoder.coding.engine.EventCoder` calls
    them directly on :func:`~eventcoder.coding.tokenizer.tokenize` output (no spaCy Doc: making
    one costs a vocabulary lookup per token and a quarter of the run time).
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
        self.lang = lang
        self.kb = knowledge_base(tuple(knowledge))
        self.user = user_actor_matcher(tuple(actors), tuple(agents))
        self.matcher = trigger_matcher(lang, tuple(lexicons))
        dictionary = None
        if verbs:
            from eventcoder.coding.dictionaries import DictionaryCoder

            dictionary = DictionaryCoder(list(actors), list(agents), list(verbs))
        sentence_coder = None
        if lang == "en" and en_coder == "cameo" and dictionary is None:
            from eventcoder.coding.cameo_backend import CameoSentenceCoder

            sentence_coder = CameoSentenceCoder()
        self.coder = ArticleCoder(grammar_for(lang), version, dictionary, sentence_coder)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return _sentences(text, self.lang)

    def mentions(self, text: str, published: str | None) -> list[Any]:
        found = self.kb.match(text, self.lang, published) if self.kb is not None else []
        if self.user is not None:
            found = merge_mentions(self.user(text), found)
        return found

    def triggers(self, view: DocView, sentences: Sequence[tuple[int, int]]) -> list[Any]:
        found = []
        for lo, hi in sentences or [(0, len(view.text))]:  # patterns stay in a sentence
            found.extend(self.matcher.match(view.lowers, view.tok_at(lo), view.tok_end(hi)))
        return found

    def events(
        self,
        view: DocView,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[Any],
        triggers: Sequence[Any],
        article_id: str,
        published: str | None,
    ) -> list[Event]:
        return self.coder.code(
            view,
            sentences or [(0, len(view.text))],
            mentions,
            triggers,
            article_id=article_id,
            published=published,
            lang=self.lang,
        )

    def run(self, view: DocView, article_id: str, published: str | None) -> list[Event]:
        """All steps on one article's token arrays."""
        sentences = self.sentences(view.text)
        triggers = self.triggers(view, sentences)
        if not triggers and self.coder.dictionary is None and self.coder.sentence_coder is None:
            return []  # no trigger word at all: no event, whatever the actors
        mentions = self.mentions(view.text, published)
        return self.events(view, sentences, mentions, triggers, article_id, published)


@Language.factory("eventcoder_sentences")
def make_sentences(nlp: Language, name: str) -> Any:
    lang = nlp.lang

    def sentences(doc: Doc) -> Doc:
        doc._.ec_sentences = _sentences(_text(doc), lang)
        return doc

    return sentences


@Language.factory(
    "eventcoder_mentions", default_config={"knowledge": [], "actors": [], "agents": []}
)
def make_mentions(
    nlp: Language, name: str, knowledge: list[str], actors: list[str], agents: list[str]
) -> Any:
    kb = knowledge_base(tuple(knowledge))
    user = user_actor_matcher(tuple(actors), tuple(agents))
    lang = nlp.lang

    def mentions(doc: Doc) -> Doc:
        text = _text(doc)
        found = kb.match(text, lang, doc.user_data.get("published")) if kb is not None else []
        if user is not None:
            found = merge_mentions(user(text), found)
        doc._.ec_mentions = found
        return doc

    return mentions


@Language.factory("eventcoder_triggers", default_config={"lexicons": []})
def make_triggers(nlp: Language, name: str, lexicons: list[str]) -> Any:
    matcher = trigger_matcher(nlp.lang, tuple(lexicons))

    def triggers(doc: Doc) -> Doc:
        view = _view(doc)
        found = []
        for lo, hi in doc._.ec_sentences or [(0, len(view.text))]:  # patterns stay in a sentence
            found.extend(matcher.match(view.lowers, view.tok_at(lo), view.tok_end(hi)))
        doc._.ec_triggers = found
        return doc

    return triggers


@Language.factory(
    "eventcoder_events",
    default_config={"version": "", "actors": [], "agents": [], "verbs": []},
)
def make_events(
    nlp: Language, name: str, version: str, actors: list[str], agents: list[str], verbs: list[str]
) -> Any:
    stages = Stages(nlp.lang, version=version, actors=actors, agents=agents, verbs=verbs)

    def events(doc: Doc) -> Doc:
        view = _view(doc)
        doc._.events = stages.events(
            view,
            doc._.ec_sentences or [],
            doc._.ec_mentions or [],
            doc._.ec_triggers or [],
            doc.user_data.get("article_id", ""),
            doc.user_data.get("published"),
        )
        return doc

    return events


@lru_cache(maxsize=16)
def trigger_matcher(lang: str, lexicons: tuple[str, ...] = ()) -> TriggerMatcher:
    """Built-in + user trigger entries of one language, indexed once (cached)."""
    entries = list(builtin_lexicon(lang)) + load_lexicon_files(lexicons)
    return TriggerMatcher(entries, max_gap=MAX_GAP.get(lang, 8))


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
) -> Language:
    """Add the engine's components to ``nlp`` (a blank or a full spaCy pipeline)."""
    nlp.add_pipe("eventcoder_sentences")
    nlp.add_pipe(
        "eventcoder_mentions",
        config={"knowledge": list(knowledge), "actors": list(actors), "agents": list(agents)},
    )
    nlp.add_pipe("eventcoder_triggers", config={"lexicons": list(lexicons)})
    nlp.add_pipe(
        "eventcoder_events",
        config={
            "version": version,
            "actors": list(actors),
            "agents": list(agents),
            "verbs": list(verbs),
        },
    )
    return nlp


def build_pipeline(lang: str, *, version: str, **files: Sequence[str]) -> Language:
    """A blank spaCy pipeline for ``lang`` (``de``/``en``) with the engine's components."""
    nlp = spacy.blank(lang if lang in ("de", "en") else "en")
    nlp.tokenizer = FastTokenizer(nlp.vocab)
    return add_components(nlp, version=version, **files)
