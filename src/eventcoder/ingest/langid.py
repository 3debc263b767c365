"""Language identification restricted to German and English.

lingua decides for ordinary texts (the detector is built once, lazily: building it is slow);
very short texts are decided by counting frequent function words (``stopwords.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("de", "en")
SHORT_TEXT_WORDS = 6
"""Texts with fewer words than this are decided by the stopword heuristic."""
SAMPLE_CHARS = 600
"""lingua only looks at the beginning of long texts."""

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, str]:
    words: dict[str, str] = {}
    path = Path(__file__).with_name("stopwords.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, lang = line.split("\t")[:2]
            words[word.strip()] = lang.strip()
    return words


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()


def guess_by_stopwords(text: str) -> str | None:
    """Guess "de" or "en" by counting function words; None when undecided."""
    stop = _stopwords()
    counts = {"de": 0, "en": 0}
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        lang = stop.get(word)
        if lang:
            counts[lang] += 1
    if counts["de"] == counts["en"]:
        return None
    return "de" if counts["de"] > counts["en"] else "en"


def detect_language(text: str, default: str = "en") -> str:
    """The language of ``text``: "de" or "en" (``default`` when nothing tells)."""
    if len(_WORD.findall(text[:200])) < SHORT_TEXT_WORDS:
        guess = guess_by_stopwords(text)
        if guess:
            return guess
    if not _WORD.search(text):
        return default
    lang = _detector().detect_language_of(text[:SAMPLE_CHARS])
    if lang is None:
        return guess_by_stopwords(text) or default
    return "de" if lang.name == "GERMAN" else "en"
