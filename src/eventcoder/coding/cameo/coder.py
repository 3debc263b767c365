"""code_english_sentence: dictionary events -> PLOVER events with the sentence rules."""

from __future__ import annotations

from eventcoder.coding.cameo.loading import get_cameo_coder, verb_code
from eventcoder.coding.cameo.records import CodedEvent, make_actor
from eventcoder.coding.cameo.rules import (
    COOPERATIVE,
    HOSTILE,
    agent_countries,
    chains,
    demanded,
    main_clause,
    merge,
    modality,
    nominal,
    passive,
    same_type,
    tokens,
)
from eventcoder.coding.cameo.tables import plover_for
from eventcoder.coding.petrarch import PatternEvent


def convert(sentence: str, pe: PatternEvent) -> CodedEvent | None:
    mapped = plover_for(pe.code, pe.verb, pe.pattern)
    if mapped is None:
        return None
    ptype, mode, context = mapped
    reported = bool(pe.pattern) and verb_code(pe.verb).startswith("01")
    kind, negated, cue = modality(sentence, pe.trigger, reported)
    cameo = pe.code.rstrip("?")
    cooperative = ptype in COOPERATIVE or ptype == "AGREE"
    if negated and cooperative:
        ptype, mode, kind, cameo = "REJECT", None, None, "120"  # "will not accept"
    elif negated and ptype in HOSTILE:
        return None  # "did not attack": nothing happened
    elif kind == "intent" and ptype not in ("AGREE", "THREATEN", "REQUEST"):
        if cooperative:
            ptype, mode, cameo = "AGREE", None, "030"  # CAMEO "express intent to cooperate"
        elif ptype in HOSTILE:
            ptype, mode, cameo = "THREATEN", None, "130"
    elif kind == "demand" and ptype not in ("REQUEST", "ACCUSE", "THREATEN", "REJECT"):
        ptype, mode, cameo = "REQUEST", None, "100"
    ev = CodedEvent(ptype, mode, cameo, pe.trigger, context=context,
                    pattern=pe.pattern, intent=kind == "intent", verb=pe.verb)
    ev._cue = cue if kind == "demand" else None
    if pe.source_code:
        ev.source.append(make_actor(sentence, pe.source_code, pe.source))
    if pe.target_code:
        ev.target.append(make_actor(sentence, pe.target_code, pe.target))
    return ev


def code_english_sentence(sentence: str, date: str | None = None) -> list[CodedEvent]:
    """PLOVER events of one English sentence (offsets relative to ``sentence``)."""
    coder = get_cameo_coder()
    found, actors = coder.code_with_actors(sentence, date, tokens=tokens(sentence))
    events = [ev for ev in (convert(sentence, pe) for pe in found) if ev is not None]
    events = nominal(sentence, events, actors)
    events = main_clause(sentence, merge(chains(sentence, events)), actors)
    demanded(sentence, events, actors)
    passive(sentence, events, actors)
    agent_countries(events, actors)
    return same_type(events)
