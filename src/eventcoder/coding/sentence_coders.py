"""Sentence coders: backends that code whole sentences, chosen by name (``en_coder=``).

``"lexicon"`` is the engine's own trigger lexicons (no sentence coder: the clause-by-clause
path of :class:`~eventcoder.coding.events.ArticleCoder`); ``"cameo"`` codes the sentences of
a language that ships PETRARCH-format dictionaries (``language/<code>/cameo/``) with them.
``"parse"`` keeps the lexicon path but reads roles from the shipped dependency parser
(:mod:`eventcoder.coding.parse_roles`; a helper with ``refines = True`` refines the lexicon
path instead of replacing it). A backend is a factory ``(language) -> coder | None`` registered with
:func:`register_sentence_coder`; ``None`` means "this backend does not code this language"
(the lexicons do). A coder has ``name`` and ``events(text, lo, hi, published)`` returning
``(Event, (trigger_start, trigger_end))`` pairs with offsets into ``text``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from eventcoder.language.base import Language
from eventcoder.model import Event


class SentenceCoder(Protocol):
    """Codes one sentence ``text[lo:hi]`` into events with their trigger spans."""

    name: str

    def events(
        self, text: str, lo: int, hi: int, published: str | None
    ) -> list[tuple[Event, tuple[int, int]]]: ...


Factory = Callable[[Language], Any]
_BACKENDS: dict[str, Factory] = {}


def register_sentence_coder(name: str) -> Callable[[Factory], Factory]:
    """Register a sentence-coder factory under ``name`` (a decorator)."""

    def add(factory: Factory) -> Factory:
        _BACKENDS[name] = factory
        return factory

    return add


def backends() -> tuple[str, ...]:
    """Names of the registered sentence coders."""
    return tuple(_BACKENDS)


def sentence_coder(name: str, language: Language) -> SentenceCoder | None:
    """The coder ``name`` for ``language`` (None: the lexicons code it); ``ValueError``
    naming the known backends for an unknown name."""
    try:
        factory = _BACKENDS[name]
    except KeyError:
        raise ValueError(
            f"unknown sentence coder {name!r} (known: {', '.join(_BACKENDS)})"
        ) from None
    return factory(language)


@register_sentence_coder("lexicon")
def _lexicon(language: Language) -> None:
    return None  # the built-in clause-by-clause coder


@register_sentence_coder("cameo")
def _cameo(language: Language) -> SentenceCoder | None:
    if not language.data("cameo").is_dir():
        return None  # no PETRARCH dictionaries for this language: the lexicons code it
    from eventcoder.coding.cameo_backend import CameoSentenceCoder

    return CameoSentenceCoder()


@register_sentence_coder("parse")
def _parse(language: Language) -> SentenceCoder | None:
    """Roles from the shipped dependency parser (``eventcoder/models/``); without one for the
    language the lexicon path codes it as it is."""
    from eventcoder.language.parse import load_parser

    nlp = load_parser(language.code)
    if nlp is None:
        return None
    from eventcoder.coding.parse_roles import ParseRoles

    return ParseRoles(nlp, language)
