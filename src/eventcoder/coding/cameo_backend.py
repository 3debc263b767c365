"""English sentences coded by the PETRARCH-2 production dictionaries (``--en-coder cameo``).

A sentence coder for :class:`~eventcoder.coding.events.ArticleCoder`: it turns the
:class:`~eventcoder.coding.cameo_english.CodedEvent` objects of
:func:`~eventcoder.coding.cameo_english.code_english_sentence` into :class:`Event` objects with
offsets into the article; the engine adds place, date, numbers and factuality as for its own
events. The dictionaries are loaded once (``get_cameo_coder``) when the coder is built.
"""

from __future__ import annotations

from eventcoder.coding.crosswalk import own_code
from eventcoder.model import Actor, Event, Evidence

CODER = "cameo-en"


class CameoSentenceCoder:
    """``events(text, lo, hi, date)``: the events of the English sentence ``text[lo:hi]``, each
    with its trigger span (offsets into ``text``)."""

    name = CODER

    def __init__(self) -> None:
        from eventcoder.coding.cameo_english import get_cameo_coder

        get_cameo_coder()  # load (or build) the dictionaries now, not on the first article

    def events(
        self, text: str, lo: int, hi: int, date: str | None
    ) -> list[tuple[Event, tuple[int, int]]]:
        from eventcoder.coding.cameo_english import code_english_sentence

        out: list[tuple[Event, tuple[int, int]]] = []
        while lo < hi and text[lo].isspace():
            lo += 1
        for ce in code_english_sentence(text[lo:hi], date=date):

            def actors(coded: list) -> list[Actor]:
                return [
                    Actor(
                        text=a.text,
                        start=a.start + lo,
                        end=a.end + lo,
                        country=a.country,
                        sector=a.sector,
                        code=a.code,
                    )
                    for a in coded
                ]

            s, e = lo, hi  # the sentence is the evidence (as for the lexicon coder's clauses)
            while e > s and text[e - 1].isspace():
                e -= 1
            ev = Event(
                type=ce.type,
                mode=ce.mode,
                cameo=own_code(ce.type, ce.cameo),
                context=list(ce.context),
                evidence=Evidence(text[s:e], s, e),
                source=actors(ce.source),
                target=actors(ce.target),
                factuality="announced" if ce.intent else "asserted",
                confidence=round(0.5 + 0.2 * bool(ce.source) + 0.2 * bool(ce.target), 2),
            )
            out.append((ev, (ce.trigger[0] + lo, ce.trigger[1] + lo)))
        return out
