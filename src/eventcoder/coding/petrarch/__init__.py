"""PETRARCH-2 / TABARI dictionaries and a shallow (parser-free) dictionary pattern coder.

Users bring dictionaries they already have (``--actors``, ``--agents``, ``--verbs``, repeatable);
both formats are read: PETRARCH-2 (UTF-8, ``#`` and ``<!-- -->`` comments, ``--- VERB [code] ---``
blocks) and TABARI (latin-1, ``;`` comments, ``VERB [code]`` entries, ``~~FINISH``). Bad lines
are logged as warnings (logger ``eventcoder.petrarch``, "file:line: problem") and skipped.

Loading::

    from eventcoder.coding.petrarch import get_pattern_coder
    coder = get_pattern_coder(actors=[...], agents=[...], verbs=[...], discards=[...])
    # cached per tuple of paths; or build one yourself:
    coder = PatternCoder(actors=load_actors(paths), agents=load_agents(paths),
                         verbs=load_verbs(paths), discards=load_discards(paths))

Coding one sentence (``date`` ISO, resolves date-restricted actor codes)::

    for ev in coder.code_sentence(sentence, date="1995-01-01"):
        ev.code          # event code from the verb dictionary ("064", "1721", "032")
        ev.source_code   # actor codes, agents joined: "ARNGOV", "NGOARN"; "~COP" = agent only
        ev.target_code
        ev.trigger       # (start, end) character span of the verb in ``sentence``
        ev.source, ev.target   # (start, end) spans of the actor phrases
        ev.pattern       # the pattern text that matched, None for the verb's default code

Codes like ``"032:033"`` are already split: source->target gets 032, target->source 033.
Verbs coded ``---`` give no event; ``###`` (actor, verb or pattern) discards the sentence.

``coder.code_with_actors(sentence, date)`` returns the events and the actor phrases from one
analysis; ``ev.verb`` names the verb entry. Options (attributes, off by default = PETRARCH/TABARI
behaviour; the English PLOVER coder ``eventcoder.coding.cameo_english`` turns them on):
``transparent`` (code prefixes such as "01" that do not end a clause segment), ``one_sided``
(events with only a source or a target), ``same_code`` (source and target may share a code),
``chain_to`` ("refused to meet": the verb after "to" is coded too), ``strict_gaps`` (pattern
words do not reach past the next verb, "that" or a comma).

For the engine: offsets are relative to the text passed in, so code each sentence from
``split_sentences`` and add the sentence start. ``coder.actor_mentions(sentence, date)`` gives
the dictionary actor phrases (start, end, code) as extra actor mentions; the PatternEvents are
the extra triggers (map ``ev.code`` to a PLOVER type with your CAMEO crosswalk; the bundled
validation dictionaries use WEIS codes). Dictionaries are indexed once at load (the
PETRARCH-2 production set, 35k actor phrases and 4.6k patterns, loads in about 3 s CPU).

What the coder does (TABARI-style, no parser): longest actor/agent phrase matching (stems and
gaps in TABARI phrases, synonyms, dated codes), agents joined to an adjacent actor or through
"of/in/from" ("police of Arnor"), compound actors ("X, Y and Z" -> one event each), regular
and irregular verb forms, patterns with ``* $ + % ^ _ &SYNSET {A | B}``, source = first actor
of the clause before the verb, target = first actor after it, passive "by" phrases, nouns after
articles are not verbs, one coded verb per clause segment. Not supported: PETRARCH-2
transformation rules (``~`` lines), pronoun coreference across sentences, TABARI options.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from eventcoder.coding.petrarch.actors import ActorDictionary, load_actors
from eventcoder.coding.petrarch.agents import AgentDictionary, load_agents
from eventcoder.coding.petrarch.coder import PatternActor, PatternCoder, PatternEvent
from eventcoder.coding.petrarch.discards import DiscardDictionary, load_discards
from eventcoder.coding.petrarch.verbs import VerbDictionary, load_verbs

__all__ = [
    "ActorDictionary",
    "AgentDictionary",
    "DiscardDictionary",
    "PatternActor",
    "PatternCoder",
    "PatternEvent",
    "VerbDictionary",
    "get_pattern_coder",
    "load_actors",
    "load_agents",
    "load_discards",
    "load_verbs",
]


def get_pattern_coder(
    *,
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    verbs: Sequence[str] = (),
    discards: Sequence[str] = (),
) -> PatternCoder:
    """A PatternCoder for these dictionary files, built once per combination of paths."""
    return _cached(
        tuple(map(str, actors)),
        tuple(map(str, agents)),
        tuple(map(str, verbs)),
        tuple(map(str, discards)),
    )


@lru_cache(maxsize=8)
def _cached(actors: tuple, agents: tuple, verbs: tuple, discards: tuple) -> PatternCoder:
    return PatternCoder(
        actors=load_actors(actors),
        agents=load_agents(agents),
        verbs=load_verbs(verbs),
        discards=load_discards(discards),
    )
