"""Cues that change an event's type: promises -> AGREE, announced hostile acts -> THREATEN,
stated obligations -> REQUEST (``language/<lang>/intent.tsv``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventcoder.coding.lexicon import Step, parse_pattern


@dataclass(frozen=True)
class Cue:
    steps: tuple[Step, ...]
    types: frozenset[str]
    becomes: str
    frame: str | None


@lru_cache(maxsize=8)
def intent_cues(lang: str) -> tuple[Cue, ...]:
    res = resources.files("eventcoder.language").joinpath(lang, "intent.tsv")
    if not res.is_file():
        return ()
    cues = []
    for line in res.read_text("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("pattern\t"):
            continue
        cols = line.split("\t") + ["", "", ""]
        cues.append(
            Cue(
                parse_pattern(cols[0]),
                frozenset(cols[1].split()),
                cols[2].strip(),
                cols[3].strip() or None,
            )
        )
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
