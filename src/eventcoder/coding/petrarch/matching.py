"""Matching a verb pattern's words and slots around the verb (the PETRARCH pattern syntax)."""

from __future__ import annotations

from typing import Any

from eventcoder.coding.petrarch.grammar import DETERMINERS, GAP_BREAKS, PRONOUNS
from eventcoder.coding.petrarch.phrases import MAX_GAP, match_words
from eventcoder.coding.petrarch.verbs import Element, Pattern

_Sentence = Any  # PatternCoder's analysed sentence (tokens, units by start/end, verbish)


class PatternMatching:
    """Pattern matching of :class:`~eventcoder.coding.petrarch.coder.PatternCoder`."""

    strict_gaps: bool

    def _match(self, sent, pattern: Pattern, vs: int, ve: int, lo: int, hi: int):
        binds: dict[str, Any] = {}
        if pattern.after:
            after = self._match_after(sent, pattern.after, 0, ve, pattern.verb_joined, hi, binds)
            if after is None:
                return None
            binds = after
        if pattern.before:
            before = self._match_before(
                sent, pattern.before, len(pattern.before) - 1, vs, lo, binds
            )
            if before is None:
                return None
            binds = before
        return binds

    def _elem_end(self, sent: _Sentence, el: Element, s: int, hi: int):
        """Ways ``el`` can match starting at token ``s``: list of (end, unit or None)."""
        toks = sent.tokens
        if el.kind == "words":
            ends = {match_words(words, toks, s, hi) for words in el.starting(toks[s].text)}
            return [(e, None) for e in sorted(ends - {None}, reverse=True)]
        if el.kind == "skip":
            while s < hi - 1 and toks[s].text in DETERMINERS:
                s += 1
        unit = sent.by_start.get(s)
        if el.kind == "skip":
            return [(unit.end, None)] if unit else [(s + 1, None)] if s < hi else []
        if unit is None and s < hi and toks[s].text in PRONOUNS:
            return [(s + 1, None)]  # "said he regretted": the default actor stands in
        return [(unit.end, unit)] if unit else []

    def _elem_start(self, sent: _Sentence, el: Element, e: int, lo: int):
        """Ways ``el`` can match ending at token ``e``: list of (start, unit or None)."""
        toks = sent.tokens
        if el.kind == "words":
            out = []
            if e <= lo:
                return out
            for words in el.ending(toks[e - 1].text):
                for s in range(e - len(words), max(lo, e - len(words) - MAX_GAP) - 1, -1):
                    if match_words(words, toks, s, e) == e:
                        out.append((s, None))
                        break
            return out
        unit = sent.by_end.get(e)
        if el.kind == "skip":
            return [(unit.start, None)] if unit else [(e - 1, None)] if e > lo else []
        if unit is None and e > lo and toks[e - 1].text in PRONOUNS:
            return [(e - 1, None)]
        return [(unit.start, unit)] if unit else []

    def _match_after(self, sent, elems, k, pos, adjacent, hi, binds):
        if k == len(elems):
            return binds
        el = elems[k]
        starts = [pos] if adjacent else range(pos, hi)
        for s in starts:
            if s >= hi:
                break
            if self.strict_gaps and s > pos and (
                s - 1 in sent.verbish or sent.tokens[s - 1].text in GAP_BREAKS
            ):
                break  # a pattern's words belong to this verb's phrase, not the next clause
            for end, unit in self._elem_end(sent, el, s, hi):
                nb = {**binds, el.kind: unit} if unit else binds
                r = self._match_after(sent, elems, k + 1, end, el.joined, hi, nb)
                if r is not None:
                    return r
        return None

    def _match_before(self, sent, elems, k, pos, lo, binds):
        if k < 0:
            return binds
        el = elems[k]
        ends = [pos] if el.joined else range(pos, lo, -1)
        for e in ends:
            if self.strict_gaps and e < pos and (
                e in sent.verbish or sent.tokens[e].text in GAP_BREAKS
            ):
                break
            for start, unit in self._elem_start(sent, el, e, lo):
                nb = {**binds, el.kind: unit} if unit else binds
                r = self._match_before(sent, elems, k - 1, start, lo, nb)
                if r is not None:
                    return r
        return None
