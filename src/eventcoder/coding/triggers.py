"""Find trigger patterns in a token sequence, fast: entries are indexed by their first step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from eventcoder.coding.lexicon import NO_EVENT, Step, TriggerEntry

CACHE_SIZE = 200_000  # distinct token strings whose candidates are remembered
MAX_GAP = 8  # tokens a "..." step may skip
GAP_STOP = frozenset(
    {".", ";", ":", "!", "?", "(", ")", "dass", "that", "which", "weil", "because"}
)


@dataclass(frozen=True)
class TriggerMatch:
    """A matched pattern: the token indexes of its steps (the entry's ``head_step`` is the
    head: the first, or the verb that closes a verb-final variant)."""

    entry: TriggerEntry
    tokens: tuple[int, ...]

    @property
    def head(self) -> int:
        return self.tokens[self.entry.head_step]


def without_non_events(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """Drop ``NONE`` matches and every match with a word inside one: a phrase that looks
    like an event and is none ("heart attack", "vowed to fight for reform"), as PETRARCH's
    ``---`` verb patterns."""
    spans = [(m.tokens[0], m.tokens[-1]) for m in found if m.entry.type == NO_EVENT]
    if not spans:
        return found
    return [m for m in found if m.entry.type != NO_EVENT
            and not any(a <= t <= b for t in m.tokens for a, b in spans)]


class TriggerMatcher:
    """All trigger entries of one language, indexed for one pass over lower-cased tokens."""

    def __init__(self, entries: Iterable[TriggerEntry], max_gap: int = MAX_GAP) -> None:
        self.entries = list(entries)
        self.max_gap = max_gap  # German separable verbs have long middle fields
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
        self._cache: dict[str, _Candidates] = {}
        self._shared: dict[tuple[int, ...], _Candidates] = {}

    def _candidates(self, tok: str) -> _Candidates:
        """Entries whose first step accepts ``tok``, indexed by the words of their second step."""
        hit = self._cache.get(tok)
        if hit is None:
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
                self._shared.clear()
            entries = self._lookup(tok)
            key = tuple(map(id, entries))  # many words share one list ("attack*"): build once
            hit = self._shared.get(key)
            if hit is None:
                hit = self._shared[key] = _Candidates(entries)
            self._cache[tok] = hit
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
        cache_get = self._cache.get
        for i in range(start, end):
            cands = cache_get(lowers[i]) or self._candidates(lowers[i])
            if cands.empty:
                continue
            best: list[TriggerMatch] = []
            best_pri: tuple[int, int, int] | None = None
            for e in cands.viable(present):
                toks = self._rest(e, lowers, i, end, self.max_gap)
                if toks is None:
                    continue
                pri = e.priority
                if best_pri is None or pri > best_pri:
                    best, best_pri = [TriggerMatch(e, toks)], pri
                elif pri == best_pri and all(
                    (b.entry.type, b.entry.frame) != (e.type, e.frame) for b in best
                ):
                    best.append(TriggerMatch(e, toks))
            found.extend(best)
        return without_non_events(found)

    @staticmethod
    def _rest(
        e: TriggerEntry, lowers: Sequence[str], i: int, end: int, max_gap: int = MAX_GAP
    ) -> tuple[int, ...] | None:
        toks = [i]
        pos = i
        for step in e.steps[1:]:
            limit = min(end, pos + 1 + (max_gap if step.gap else 0) + 1)
            exact = step.exact if step.exact_only else None  # a set test is all it takes
            nxt = _find_step(step, exact, lowers, pos + 1, limit, end)
            if nxt is None:
                return None
            toks.append(nxt)
            pos = nxt
        return tuple(toks)


def _find_step(step: Step, exact: frozenset[str] | None, lowers: Sequence[str], lo: int,
               hi: int, end: int) -> int | None:
    """The first token in ``[lo, hi)`` the step accepts, or None at a word of ``GAP_STOP``; a
    gap skips a short parenthesis ("votaron en Madrid (España) contra"), reaching as much
    further."""
    for j in range(lo, hi):
        w = lowers[j]
        if w in exact if exact is not None else step.test(w):
            return j
        if w in GAP_STOP:
            close = _short_parenthesis(lowers, j, end) if w == "(" and step.gap else None
            if close is None:
                return None
            return _find_step(step, exact, lowers, close + 1, min(end, hi + close - j + 1), end)
    return None


def _short_parenthesis(lowers: Sequence[str], at: int, end: int) -> int | None:
    """The index of the ")" closing the parenthesis opened at ``at`` within five tokens (an
    apposition: "(SPD)", "(Spain)"), or None."""
    for k in range(at + 1, min(end, at + 6)):
        if lowers[k] == ")":
            return k
        if lowers[k] in GAP_STOP:
            return None
    return None


class _Candidates:
    """The entries one head word can start: those that end there, those whose second step is a
    set of words (found through the words of the sentence) and the others."""

    __slots__ = ("always", "by_word", "empty", "order")

    def __init__(self, entries: list[TriggerEntry]) -> None:
        self.always: list[TriggerEntry] = []
        self.by_word: dict[str, list[TriggerEntry]] = {}
        for e in entries:
            second = e.steps[1] if len(e.steps) > 1 else None
            if second is None or not second.exact_only:
                self.always.append(e)
            else:
                for w in second.exact:
                    self.by_word.setdefault(w, []).append(e)
        self.empty = not entries
        self.order = {id(e): k for k, e in enumerate(entries)}  # lexicon order, not set order

    def viable(self, present: set[str]) -> list[TriggerEntry]:
        """Entries that may match in a range whose words are ``present``."""
        out = list(self.always)
        by_word = self.by_word
        if by_word:
            seen: set[int] = set()
            words = present if len(present) < len(by_word) else by_word.keys() & present
            for w in words:
                for e in by_word.get(w, ()):
                    if id(e) not in seen:
                        seen.add(id(e))
                        out.append(e)
            if seen:
                order = self.order
                out.sort(key=lambda e: order[id(e)])
        return out
