"""Discard dictionaries: phrases that make the coder drop a sentence (sports, weather, ...).

One phrase per line; a leading ``+`` marks a story-level discard (the pattern coder works on
sentences, so both kinds drop the sentence they occur in).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from eventcoder.coding.petrarch.actors import is_tabari
from eventcoder.coding.petrarch.phrases import PhraseIndex, phrase_words
from eventcoder.coding.petrarch.reading import dictionary_lines
from eventcoder.coding.petrarch.tokens import Token


class DiscardDictionary:
    """Discard phrases; ``story`` is True for story-level entries."""

    def __init__(self) -> None:
        self.index: PhraseIndex[bool] = PhraseIndex()

    def __len__(self) -> int:
        return len(self.index)

    def add(self, phrase: str, story: bool = False, stem: bool = False) -> None:
        self.index.add(phrase_words(phrase, stem), story)

    def first(self, tokens: Sequence[Token]) -> tuple[int, int] | None:
        """Token span of the first discard phrase in ``tokens``, or None."""
        for i in range(len(tokens)):
            hit = self.index.longest(tokens, i)
            if hit:
                return i, i + hit[0]
        return None

    def load(self, path: str | Path) -> None:
        stem = is_tabari(path)
        for _number, line in dictionary_lines(path):
            text = line.strip()
            story = text.startswith("+")
            self.add(text.lstrip("+").strip(), story, stem)


def load_discards(paths: Iterable[str | Path]) -> DiscardDictionary:
    """Read discard files (PETRARCH-2 ``Phoenix.discards.txt`` format)."""
    discards = DiscardDictionary()
    for path in paths:
        discards.load(path)
    return discards
