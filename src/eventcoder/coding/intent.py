"""Intent cues: a promised cooperative act ("will send aid") is coded as PLOVER AGREE."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from eventcoder.coding.lexicon import Step, parse_pattern


@lru_cache(maxsize=8)
def intent_cues(lang: str) -> tuple[tuple[tuple[Step, ...], frozenset[str]], ...]:
    res = resources.files("eventcoder.language").joinpath(lang, "intent.tsv")
    if not res.is_file():
        return ()
    cues = []
    for line in res.read_text("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("pattern\t"):
            continue
        pattern, _, types = line.partition("\t")
        cues.append((parse_pattern(pattern), frozenset(types.split())))
    return tuple(cues)


def intended(lowers: Sequence[str], start: int, head: int, ptype: str, lang: str) -> bool:
    """True when an intent cue for ``ptype`` ends before ``head`` within ``[start, head)``."""
    for steps, types in intent_cues(lang):
        if ptype not in types:
            continue
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
                return True
    return False
