"""User PETRARCH/TABARI dictionaries (``--actors``, ``--agents``, ``--verbs``) in the engine.

Actor phrases become extra actor mentions. With verb dictionaries, each English sentence is also
coded by :class:`eventcoder.coding.petrarch.PatternCoder`; when it finds events they replace the
built-in events of that sentence (the user's dictionaries know their domain). Such events keep
the dictionary's event code in ``cameo`` and get the PLOVER type of the crosswalk, else the one
of ``data/cameo_fallback.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources

from eventcoder.coding.crosswalk import cameo_to_plover
from eventcoder.coding.petrarch import PatternEvent, get_pattern_coder
from eventcoder.knowledge.mention import Mention
from eventcoder.model import Actor, Event, Evidence


@lru_cache(maxsize=1)
def _fallback() -> dict[str, str]:
    path = resources.files("eventcoder.coding").joinpath("data/cameo_fallback.tsv")
    out: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("prefix\t"):
            prefix, ptype = line.split("\t")[:2]
            out[prefix] = ptype
    return out


def plover_type(code: str) -> tuple[str, str | None]:
    """PLOVER type and mode for a dictionary event code."""
    pc = cameo_to_plover(code)
    if pc is not None and pc.type:
        return pc.type, pc.mode
    table = _fallback()
    for n in range(len(code), 0, -1):
        if code[:n] in table:
            return table[code[:n]], None
    return table.get("*", "CONSULT"), None


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and sector of a CAMEO-style actor code ("KAZGOV" -> KAZ, GOV; "~COP" -> None, COP)."""
    code = code.strip()
    if not code or code == "---":
        return None, None
    if code.startswith("~"):
        return None, code[1:4] or None
    return code[:3], code[3:6] or None


def actor_matcher(actors: Sequence[str], agents: Sequence[str]) -> Callable[[str], list]:
    """A function ``text -> [Mention]`` over the user's actor (and agent) phrases."""
    coder = get_pattern_coder(actors=tuple(actors), agents=tuple(agents))

    def match(text: str) -> list[Mention]:
        out = []
        for a in coder.actor_mentions(text):
            country, sector = split_code(a.code)
            out.append(
                Mention(
                    a.start, a.end, text[a.start : a.end], "actor", a.code, country, sector, a.code
                )
            )
        return out

    return match


class DictionaryCoder:
    """Codes sentences with the user's verb dictionaries."""

    def __init__(self, actors: Sequence[str], agents: Sequence[str], verbs: Sequence[str]):
        self.coder = get_pattern_coder(
            actors=tuple(actors), agents=tuple(agents), verbs=tuple(verbs)
        )

    def events(self, text: str, lo: int, hi: int, date: str | None) -> list[Event]:
        """Events of the sentence ``text[lo:hi]`` (offsets into ``text``)."""
        found = self.coder.code_sentence(text[lo:hi], date=date)
        return [self._event(text, lo, hi, p) for p in found]

    @staticmethod
    def _event(text: str, lo: int, hi: int, p: PatternEvent) -> Event:
        def actor(span: tuple[int, int], code: str) -> list[Actor]:
            if code in ("---", "") and span[0] == span[1]:
                return []
            country, sector = split_code(code)
            s, e = span[0] + lo, span[1] + lo
            return [
                Actor(
                    text=text[s:e],
                    start=s,
                    end=e,
                    name=None,
                    country=country,
                    sector=sector,
                    code=code,
                )
            ]

        # keep the dictionary's code verbatim (user dictionaries may carry suffixes like "174K");
        # the PLOVER type comes from its CAMEO digits
        code = p.code.strip() or None
        ptype, mode = plover_type("".join(c for c in (code or "") if c.isdigit()))
        spans = [p.trigger, p.source, p.target]
        s = min(a for a, b in spans if b > a) + lo
        e = max(b for a, b in spans if b > a) + lo
        return Event(
            type=ptype,
            mode=mode,
            cameo=code,
            evidence=Evidence(text[s:e], s, e),
            source=actor(p.source, p.source_code),
            target=actor(p.target, p.target_code),
            confidence=0.6,
        )
