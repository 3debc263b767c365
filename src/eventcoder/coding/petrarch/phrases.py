"""Dictionary phrases as word sequences, and an index that finds them in token lists.

A dictionary word either matches a token exactly or as a stem (TABARI: ``NORW`` matches
``NORWAY`` and ``NORWEGIAN``). TABARI marks exact words with a trailing ``_`` (or ``=``) and
stems inside connected phrases with ``~``; words separated by a space (not ``_``) may have
other words between them (``DURTHANG ORC`` matches "Durthang and an Orc"). PETRARCH-2 words
are always exact and adjacent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from eventcoder.coding.petrarch.tokens import Token, split_words

V = TypeVar("V")

_PIECE_RE = re.compile(r"(\s*)([^\s_~=]+)(~?)([_=]?)")
MAX_GAP = 5  # words allowed between two space-separated TABARI words
GAP_STOPS = frozenset({",", ".", ";", ":"})


@dataclass(frozen=True, slots=True)
class Word:
    """One dictionary word: upper-case text; ``stem`` = matches any token starting with it;
    ``gap`` = other words may come between this word and the previous one."""

    text: str
    stem: bool = False
    gap: bool = False

    def matches(self, token: str) -> bool:
        return token == self.text or (self.stem and token.startswith(self.text))


def phrase_words(text: str, stem: bool) -> tuple[Word, ...]:
    """Words of a dictionary phrase; ``stem`` is the flavour default (TABARI True)."""
    words: list[Word] = []
    for m in _PIECE_RE.finditer(text):
        parts = split_words(m.group(2))
        if not parts:
            continue
        gap = stem and bool(words) and bool(m.group(1))
        last_stem = bool(m.group(3)) or (stem and not m.group(4))
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            words.append(Word(part, last_stem if last else False, gap and k == 0))
    return tuple(words)


def match_words(
    words: Sequence[Word], tokens: Sequence[Token], i: int, hi: int | None = None
) -> int | None:
    """End index if ``words`` match the tokens starting at ``i`` (before ``hi``), else None."""
    hi = len(tokens) if hi is None else hi
    pos = i
    for k, w in enumerate(words):
        if pos >= hi:
            return None
        if w.matches(tokens[pos].text):
            pos += 1
            continue
        if not (w.gap and k):
            return None
        for j in range(pos + 1, min(hi, pos + MAX_GAP + 1)):
            if tokens[j - 1].text in GAP_STOPS:
                return None
            if w.matches(tokens[j].text):
                pos = j + 1
                break
        else:
            return None
    return pos


class PhraseIndex(Generic[V]):
    """Multi-word phrases keyed by their first (two) words; finds the longest at a position."""

    def __init__(self) -> None:
        self._one: dict[str, list[tuple[tuple[Word, ...], V]]] = {}  # keyed by first word
        self._two: dict[tuple[str, str], list[tuple[tuple[Word, ...], V]]] = {}
        self._stem: dict[str, list[tuple[tuple[Word, ...], V]]] = {}
        self._stem_lengths: tuple[int, ...] = ()
        self._size = 0
        self._cache: dict[str, list[tuple[tuple[Word, ...], V]]] = {}

    def __len__(self) -> int:
        return self._size

    def add(self, words: tuple[Word, ...], value: V) -> None:
        if not words:
            return
        self._size += 1
        first = words[0]
        if first.stem:
            self._stem.setdefault(first.text, []).append((words, value))
            self._stem_lengths = tuple(sorted({*self._stem_lengths, len(first.text)}))
        elif len(words) > 1 and not words[1].stem and not words[1].gap:
            self._two.setdefault((first.text, words[1].text), []).append((words, value))
        else:
            self._one.setdefault(first.text, []).append((words, value))
        self._cache.clear()

    def candidates(self, token: str) -> list[tuple[tuple[Word, ...], V]]:
        """Phrases whose first word matches ``token``, except two-word keyed ones (cached)."""
        found = self._cache.get(token)
        if found is not None:
            return found
        found = self._one.get(token, [])
        if self._stem:
            found = list(found)
            for k in self._stem_lengths:
                if k > len(token):
                    break
                found.extend(self._stem.get(token[:k], ()))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[token] = found
        return found

    def longest(self, tokens: Sequence[Token], i: int) -> tuple[int, V] | None:
        """(length in tokens, value) of the longest phrase starting at token ``i``."""
        text = tokens[i].text
        cands = self._cache.get(text)
        if cands is None:
            cands = self.candidates(text)
        if i + 1 < len(tokens) and self._two:
            pair = self._two.get((text, tokens[i + 1].text))
            if pair:
                cands = pair + cands
        if not cands:
            return None
        best: tuple[int, int, int] | None = None  # (words, characters, -skipped)
        found: tuple[int, V] | None = None
        for words, value in cands:
            end = match_words(words, tokens, i)
            if end is None:
                continue
            key = (len(words), sum(len(w.text) for w in words), len(words) - (end - i))
            if best is None or key > best:
                best, found = key, (end - i, value)
        return found
