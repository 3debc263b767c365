"""Language identification restricted to the registered languages (``eventcoder.language``).

lingua decides for ordinary texts among the languages whose class names a ``lingua_name``
(the detector is built once per set of languages, lazily: building it is slow); very short
texts are decided by counting frequent function words (``stopwords.tsv`` here, plus the
``stopwords`` list of a language's ``wordlists.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from eventcoder.language import data, registry


class _Registered:
    """The registered language codes, read from the registry at each use."""

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and registry.is_supported(code)

    def __iter__(self) -> Iterator[str]:
        return iter(registry.languages())

    def __len__(self) -> int:
        return len(registry.languages())

    def __repr__(self) -> str:
        return repr(registry.languages())


LANGUAGES = _Registered()
"""The languages text is detected as (``"de" in LANGUAGES``, ``", ".join(LANGUAGES)``)."""
SHORT_TEXT_WORDS = 6
"""Texts with fewer words than this are decided by the stopword heuristic."""
SAMPLE_CHARS = 600
"""lingua only looks at the beginning of long texts."""

CLEAR_HITS = 8
"""Function words a sample needs before the stopword count alone decides its language ..."""
CLEAR_RATIO = 4
"""... and how many times the runner-up's count the leader needs."""

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def _stopwords(langs: tuple[str, ...]) -> dict[str, str]:
    words: dict[str, str] = {}
    path = Path(__file__).with_name("stopwords.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, lang = line.split("\t")[:2]
            if lang.strip() in langs:
                words[word.strip()] = lang.strip()
    for lang in langs:
        for word in data.word_list(lang, "stopwords"):
            words.setdefault(word, lang)
    return words


@lru_cache(maxsize=4)
def _detector(names: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


def _lingua_codes() -> dict[str, str]:
    """lingua language name -> our code, for the registered languages that name one."""
    out = {}
    for code in registry.languages():
        name = registry.get(code).lingua_name
        if name:
            out[name] = code
    return out


def _stopword_counts(text: str) -> dict[str, int]:
    langs = registry.languages()
    stop = _stopwords(langs)
    counts = dict.fromkeys(langs, 0)
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        lang = stop.get(word)
        if lang:
            counts[lang] += 1
    return counts


def guess_by_stopwords(text: str) -> str | None:
    """Guess a registered language by counting function words; None when undecided."""
    counts = _stopword_counts(text)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(counts, key=counts.__getitem__)


def clear_by_stopwords(text: str) -> str | None:
    """The language when its function words leave no doubt (at least ``CLEAR_HITS`` of them and
    ``CLEAR_RATIO`` times as many as any other language's), else None: such texts need no
    statistical detector, which costs about a millisecond per text."""
    counts = _stopword_counts(text)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < CLEAR_HITS:
        return None
    if len(ranked) > 1 and ranked[0] < CLEAR_RATIO * ranked[1]:
        return None
    return max(counts, key=counts.__getitem__)


def detect_language(text: str, default: str = registry.DEFAULT) -> str:
    """The language of ``text``: a registered code (``default`` when nothing tells)."""
    if len(_WORD.findall(text[:200])) < SHORT_TEXT_WORDS:
        guess = guess_by_stopwords(text)
        if guess:
            return guess
    if not _WORD.search(text):
        return default
    clear = clear_by_stopwords(text)
    if clear:
        return clear
    codes = _lingua_codes()
    if len(codes) < 2:
        return guess_by_stopwords(text) or next(iter(codes.values()), default)
    lang = _detector(tuple(sorted(codes))).detect_language_of(text[:SAMPLE_CHARS])
    if lang is None:
        return guess_by_stopwords(text) or default
    return codes.get(lang.name, default)
