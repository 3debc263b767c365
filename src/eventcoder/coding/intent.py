"""Cues that change an event's type: promises -> AGREE, announced hostile acts -> THREATEN,
stated obligations -> REQUEST (``language/<lang>/intent.tsv``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.coding.lexicon import Step, parse_pattern
from eventcoder.language import data


@dataclass(frozen=True)
class Cue:
    steps: tuple[Step, ...]
    types: frozenset[str]
    becomes: str
    frame: str | None


@lru_cache(maxsize=8)
def intent_cues(lang: str) -> tuple[Cue, ...]:
    cues = []
    for pattern, types, becomes, frame in data.read_table(lang, "intent.tsv"):
        cues.append(Cue(parse_pattern(pattern), frozenset(types.split()), becomes, frame or None))
    return tuple(cues)


def find_cue(lowers: Sequence[str], start: int, head: int, ptype: str, lang: str) -> Cue | None:
    """The first cue for ``ptype`` that ends before ``head`` within ``[start, head)``."""
    for cue in intent_cues(lang):
        if ptype not in cue.types:
            continue
        steps = cue.steps
        for i in range(start, head):
            if not steps[0].test(lowers[i]):
                continue
            pos, ok = i, True
            for step in steps[1:]:
                limit = min(head, pos + 2 + (6 if step.gap else 0))
                nxt = next((j for j in range(pos + 1, limit) if step.test(lowers[j])), None)
                if nxt is None:
                    ok = False
                    break
                pos = nxt
            if ok:
                return cue
    return None


@lru_cache(maxsize=8)
def _first_steps(lang: str) -> tuple[Step, ...]:
    return tuple(c.steps[0] for c in intent_cues(lang))


def is_cue_word(word: str, lang: str) -> bool:
    """True when ``word`` can start a cue ("plans", "agreed", "will")."""
    return any(step.test(word) for step in _first_steps(lang))
