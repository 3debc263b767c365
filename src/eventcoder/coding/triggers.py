"""Find trigger patterns in a token sequence, fast: entries are indexed by their first step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from eventcoder.coding.lexicon import TriggerEntry

CACHE_SIZE = 200_000  # distinct token strings whose candidates are remembered
MAX_GAP = 8  # tokens a "..." step may skip
GAP_STOP = frozenset(
    {".", ";", ":", "!", "?", "(", ")", "dass", "that", "which", "weil", "because"}
)


@dataclass(frozen=True)
class TriggerMatch:
    """A matched pattern: the token indexes of its steps (first is the head)."""

    entry: TriggerEntry
    tokens: tuple[int, ...]

    @property
    def head(self) -> int:
        return self.tokens[0]


class TriggerMatcher:
    """All trigger entries of one language, indexed for one pass over lower-cased tokens."""

    def __init__(self, entries: Iterable[TriggerEntry]) -> None:
        self.entries = list(entries)
        self._exact: dict[str, list[TriggerEntry]] = defaultdict(list)
        self._prefix: dict[str, list[TriggerEntry]] = defaultdict(list)
        self._prefix_lens: set[int] = set()
        self._affix = ahocorasick.Automaton()
        affix: dict[str, list[tuple[str, TriggerEntry]]] = defaultdict(list)
        for e in self.entries:
            first = e.steps[0]
            for w in first.exact:
                self._exact[w].append(e)
            for p in first.prefix:
                self._prefix[p].append(e)
                self._prefix_lens.add(len(p))
            for s in first.suffix:
                affix[s].append(("suffix", e))
            for i in first.infix:
                affix[i].append(("infix", e))
        for key, items in affix.items():
            self._affix.add_word(key, (key, items))
        self._has_affix = bool(affix)
        if self._has_affix:
            self._affix.make_automaton()
        self._lens = sorted(self._prefix_lens)
        self._cache: dict[str, list[TriggerEntry]] = {}

    def _candidates(self, tok: str) -> list[TriggerEntry]:
        hit = self._cache.get(tok)
        if hit is None:
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            hit = self._cache[tok] = self._lookup(tok)
        return hit

    def _lookup(self, tok: str) -> list[TriggerEntry]:
        out = list(self._exact.get(tok, ()))
        for n in self._lens:
            if n > len(tok):
                break
            hit = self._prefix.get(tok[:n])
            if hit:
                out.extend(hit)
        if self._has_affix and len(tok) > 3:
            for end, (_key, items) in self._affix.iter(tok):
                at_end = end == len(tok) - 1
                for kind, e in items:
                    if kind == "infix" or at_end:
                        out.append(e)
        return out

    def match(
        self, lowers: Sequence[str], start: int = 0, end: int | None = None
    ) -> list[TriggerMatch]:
        """All matches in ``lowers[start:end]``; for each head token only the most specific ones."""
        end = len(lowers) if end is None else end
        present = set(lowers[start:end])
        found: list[TriggerMatch] = []
        for i in range(start, end):
            cands = self._candidates(lowers[i])
            if not cands:
                continue
            best: list[TriggerMatch] = []
            best_pri: tuple[int, int, int] | None = None
            for e in cands:
                toks = self._rest(e, lowers, i, end, present)
                if toks is None:
                    continue
                pri = e.priority
                if best_pri is None or pri > best_pri:
                    best, best_pri = [TriggerMatch(e, toks)], pri
                elif pri == best_pri and all(b.entry.type != e.type for b in best):
                    best.append(TriggerMatch(e, toks))
            found.extend(best)
        return found

    @staticmethod
    def _rest(
        e: TriggerEntry, lowers: Sequence[str], i: int, end: int, present: set[str]
    ) -> tuple[int, ...] | None:
        for step in e.steps[1:]:
            if step.exact_only and step.exact.isdisjoint(present):
                return None
        toks = [i]
        pos = i
        for step in e.steps[1:]:
            limit = min(end, pos + 1 + (MAX_GAP if step.gap else 0) + 1)
            nxt = None
            for j in range(pos + 1, limit):
                if step.test(lowers[j]):
                    nxt = j
                    break
                if lowers[j] in GAP_STOP:
                    break
            if nxt is None:
                return None
            toks.append(nxt)
            pos = nxt
        return tuple(toks)
