"""English PLOVER coding with the PETRARCH-2 production dictionaries (CAMEO.2.0 + Phoenix).

The dictionaries ship in ``eventcoder/language/en/cameo/`` (MIT, (c) 2014 Open Event Data; see
the README there). They are coded by the shallow pattern coder of
:mod:`eventcoder.coding.petrarch`; CAMEO event codes become PLOVER types through the project's
crosswalk (:func:`eventcoder.coding.crosswalk.cameo_to_plover`, plus ``plover_codes.tsv`` for
01x/02x), actor codes are split into country and sector (``actor_codes.tsv``).

Usage::

    from eventcoder.coding.cameo_english import code_english_sentence
    for ev in code_english_sentence(sentence, date="2020-03-01"):
        ev.type, ev.mode, ev.cameo          # "ASSAULT", None, "190"
        ev.trigger                           # (start, end) in ``sentence``
        ev.source, ev.target                 # [CodedActor(text, start, end, code, country, sector)]

How the engine should call it (English event layer): run it on every English sentence from
``split_sentences(text, "en")`` with the article's ``published`` date; add the sentence start
to every offset; turn each CodedEvent into an ``Event`` with ``type``/``mode``/``cameo``,
``source``/``target`` = ``Actor(text, start, end, country=..., sector=..., code=...)``,
``evidence`` = the sentence span (or ``min(trigger, actors)..max(...)``) and
``coder="cameo-en"``. One CodedEvent per trigger: compound actors are lists, not extra events.

The built dictionaries are pickled once under ``~/.cache/eventcoder/`` (``EVENTCODER_CACHE``
overrides), keyed by a hash of the data files and the coder's source; loading the pickle takes
a fraction of building (about 6 s).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventcoder.coding.crosswalk import cameo_to_plover
from eventcoder.coding.petrarch import (
    PatternCoder,
    PatternEvent,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)
from eventcoder.coding.petrarch.tokens import Token, tokenize

log = logging.getLogger("eventcoder.cameo")

ACTOR_FILES = (
    "eventcoder.actors.txt",  # additions first: earlier files win
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILES = ("Phoenix.agents.txt",)
VERB_FILES = ("CAMEO.2.0.txt",)
DISCARD_FILES = ("Phoenix.discards.txt",)
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "ACCUSE", "REJECT", "PROTEST"})
NEGATIONS = frozenset({"NOT", "N'T", "NEVER"})
COOPERATIVE = frozenset({"SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "CONSULT"})
GOVERNING = frozenset({"REJECT", "THREATEN", "REQUEST", "ACCUSE", "PROTEST", "CONCEDE"})
SUBORDINATE = frozenset({"WHO", "WHICH", "WHERE", "WHOSE", "WHOM", "WHEN", "AFTER", "BEFORE",
                         "SINCE", "UNTIL", "BECAUSE", "WHILE", "IF", "UNLESS", "AS", "SAYING",
                         "CALLING", "CITING", "DESPITE", "FOLLOWING", ":", ";"})
FINITE_CUES = frozenset({"AND", "BUT", "TO", "HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE",
                         "BE", "BEEN", "WILL", "WOULD", "SHALL", "CAN", "COULD", "MAY", "MIGHT",
                         "MUST", "SHOULD", "DID", "DOES", "DO", "THEY", "HE", "SHE", "IT", "WE"})
BE_FORMS = frozenset({"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"})
BREAK_WORDS = frozenset({".", ";", ":", "AND", "BUT", "WHO", "WHICH", "THAT", "TO", "BY"})
SKIPPABLE = frozenset({"NOT", "N'T", "ALSO", "SOON", "NOW", "STILL", "NEVER", "BE", "HAVE", "THEN"})


@dataclass
class CodedActor:
    """An actor of a coded event: words, span in the sentence, CAMEO code, country, sector."""

    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None


@dataclass
class CodedEvent:
    """One event of a sentence: PLOVER type and mode, CAMEO code, trigger span and actors."""

    type: str
    mode: str | None
    cameo: str
    trigger: tuple[int, int]
    source: list[CodedActor] = field(default_factory=list)
    target: list[CodedActor] = field(default_factory=list)
    context: tuple[str, ...] = ()
    pattern: str | None = None  # the CAMEO.2.0 pattern that matched (None: the verb's default)
    intent: bool = False  # promised/intended ("will withdraw"): coded AGREE or THREATEN
    verb: str | None = None  # the CAMEO.2.0 verb block ("AGREE", "KILL")
    _cue: int | None = field(default=None, repr=False, compare=False)  # start of "must"


def data_dir() -> Path:
    """The folder of the shipped dictionaries and tables."""
    return Path(str(resources.files("eventcoder.language").joinpath("en/cameo")))


def _rows(name: str) -> list[list[str]]:
    text = (data_dir() / name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


@dataclass(frozen=True)
class _Tables:
    countries: dict[str, str | None]
    orgs: dict[str, str]
    sectors: dict[str, str]
    plover: dict[str, str]
    verb_types: dict[str, str]
    modals: frozenset[str]
    to_words: frozenset[str]
    demands: frozenset[str]
    nominal: dict[str, list[tuple[tuple[str, ...], str]]]  # verb -> [(noun words, code)]
    purpose: list[tuple[tuple[str, ...], str]]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """The small mapping tables (actor codes, extra PLOVER codes, verb types, intent cues)."""
    countries: dict[str, str | None] = {}
    orgs: dict[str, str] = {}
    sectors: dict[str, str] = {}
    for kind, code, value in ((r + [""] * 3)[:3] for r in _rows("actor_codes.tsv")):
        if kind == "country":
            countries[code] = value or None
        elif kind == "org":
            orgs[code] = value
        elif kind == "sector":
            sectors[code] = value
    plover = {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("plover_codes.tsv")}
    verb_types = {r[0]: r[1] for r in _rows("verb_types.tsv")}
    intent = _rows("intent.tsv")
    nominal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    purpose: list[tuple[tuple[str, ...], str]] = []
    for verbs, nouns, code in _rows("nominal_events.tsv"):
        for noun in nouns.split("|"):
            words = tuple(noun.split("_"))
            if verbs == "*":
                purpose.append((words, code))
            for verb in verbs.split("|") if verbs != "*" else ():
                nominal.setdefault(verb, []).append((words, code))
    return _Tables(
        countries,
        orgs,
        sectors,
        plover,
        verb_types,
        frozenset(w for k, w in intent if k == "modal"),
        frozenset(w for k, w in intent if k == "to"),
        frozenset(w for k, w in intent if k == "demand"),
        nominal,
        purpose,
    )


def split_actor_code(code: str) -> tuple[str | None, str | None]:
    """Country (ISO alpha-3 or org code) and sector of a CAMEO actor code.

    ``USAGOV`` -> (USA, GOV); ``IGOUNOKID`` -> (UNICEF, IGO); ``~COP`` -> (None, COP);
    ``NGOPSE`` -> (NGO, NGO); regions (``MEAREB``) -> (None, REB).
    """
    t = tables()
    if not code:
        return None, None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if code.startswith("~"):
        country, rest = None, [code[i : i + 3] for i in range(1, len(code), 3)]
    elif chunks[0] in ("IGO", "NGO", "IMG"):
        prefix = next((code[:n] for n in range(len(code), 2, -1) if code[:n] in t.orgs), "IGO")
        country = t.orgs.get(prefix, chunks[0])
        rest = [chunks[0], *chunks[1:]] if chunks[0] != "IMG" else ["REB"]
    else:
        country = t.countries.get(chunks[0], chunks[0])
        rest = chunks[1:]
    sector = next((t.sectors[c] for c in rest if c in t.sectors), None)
    return country, sector


def plover_for(code: str, verb: str | None = None, pattern: str | None = None):
    """(type, mode, context) of a CAMEO event code, or None when it is no PLOVER event."""
    t = tables()
    code = code.rstrip("?")
    if verb and pattern is None and verb in t.verb_types:
        return t.verb_types[verb], None, ()
    for n in range(len(code), 1, -1):
        if code[:n] in t.plover:
            ptype = t.plover[code[:n]]
            return (ptype, None, ()) if ptype else None
    pc = cameo_to_plover(code)
    if pc is None or not pc.type:
        return None
    return pc.type, pc.mode, pc.context


# -- loading ------------------------------------------------------------------------------------


def _data_hash() -> str:
    h = hashlib.sha1()
    petrarch = Path(__file__).with_name("petrarch")
    files = [data_dir() / f for f in (*ACTOR_FILES, *AGENT_FILES, *VERB_FILES, *DISCARD_FILES)]
    files += [data_dir() / "verb_defaults.tsv", Path(__file__)]
    files += sorted(petrarch.glob("*.py")) + sorted((petrarch / "data").glob("*"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_path() -> Path:
    base = os.environ.get("EVENTCODER_CACHE") or Path.home() / ".cache" / "eventcoder"
    return Path(base) / f"cameo-en-{_data_hash()}.pickle"


def build_coder() -> PatternCoder:
    """Read the shipped dictionaries into a PatternCoder (slow: about 6 s)."""
    d = data_dir()
    verbs = load_verbs([d / f for f in VERB_FILES])
    defaults = {r[0]: r[1] for r in _rows("verb_defaults.tsv")}
    for entry in verbs.entries:
        if entry.code in (None, "---") and entry.name in defaults:
            entry.code = defaults[entry.name]
    return PatternCoder(
        actors=load_actors([d / f for f in ACTOR_FILES]),
        agents=load_agents([d / f for f in AGENT_FILES]),
        verbs=verbs,
        discards=load_discards([d / f for f in DISCARD_FILES]),
    )


@lru_cache(maxsize=1)
def get_cameo_coder() -> PatternCoder:
    """The PatternCoder over the shipped dictionaries, set up for PLOVER coding."""
    coder = _load_coder()
    coder.transparent = ("01", "---")  # "said (010) it would ...": the next verb counts
    coder.one_sided = True  # PLOVER events may lack a target ("protesters marched")
    coder.same_code = True  # domestic events: the government against its own rebels
    coder.chain_to = True  # "agreed to withdraw", "refused to meet": both verbs are coded
    coder.strict_gaps = True  # no parse tree: keep pattern words inside the verb's phrase
    return coder


def _load_coder() -> PatternCoder:
    """From the disk cache, else built and cached."""
    path = _cache_path()
    gc.disable()  # millions of small objects: the collector would triple the load time
    try:
        with path.open("rb") as fh:
            coder = pickle.load(fh)
        if isinstance(coder, PatternCoder):
            return coder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    finally:
        gc.enable()
    logging.getLogger("eventcoder.petrarch").setLevel(logging.ERROR)  # known upstream typos
    coder = build_coder()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(coder, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.warning("cannot cache the CAMEO dictionaries in %s: %s", path, exc)
    return coder


# -- coding -------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _sentence_tokens(sentence: str) -> tuple[list[Token], list[int]]:
    toks = tokenize(sentence)
    return toks, [t.start for t in toks]


def _tokens(sentence: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``sentence`` inside [start, end) (the sentence is tokenised once)."""
    toks, starts = _sentence_tokens(sentence)
    if start == 0 and end is None:
        return toks
    i = bisect_left(starts, start)
    if end is None:
        return toks[i:]
    j = bisect_left(starts, end)
    return [t for t in toks[i:j] if t.end <= end]


def _modality(
    sentence: str, trigger: tuple[int, int], reported: bool = False
) -> tuple[str | None, bool, int | None]:
    """How the act of the trigger is framed: ("intent" | "demand" | None, negated, cue start).

    "intent": a modal ("will") or "agreed/ready/... to" right before the trigger; "demand":
    "must"/"should"; negated: "not", "n't", "never" between. ``reported``: the trigger is a
    speech verb whose pattern names the act later on ("announced it will withdraw").
    """
    t = tables()
    if reported:
        after = _tokens(sentence, trigger[1])[:8]
        negated = any(tk.text in NEGATIONS for tk in after)
        for tk in after:
            if tk.text in t.demands:
                return "demand", negated, tk.start
            if tk.text in t.modals:
                return "intent", negated, None
    toks = _tokens(sentence, 0, trigger[0])[-6:]
    negated = False
    while toks and (toks[-1].text in SKIPPABLE or toks[-1].text.endswith("LY")):
        negated = negated or toks[-1].text in NEGATIONS
        toks.pop()
    if not toks:
        return None, negated, None
    last = toks[-1]
    if last.text in t.modals:
        return "intent", negated, last.start
    if last.text in t.demands:
        return "demand", negated, last.start
    if last.text == "TO" and len(toks) > 1:
        k = len(toks) - 2
        while k > 0 and toks[k].text.endswith("LY"):
            k -= 1
        if toks[k].text in t.to_words:
            return "intent", negated, toks[k].start
    return None, negated, None


@lru_cache(maxsize=1)
def _verb_codes() -> dict[str, str]:
    return {e.name: e.code or "" for e in get_cameo_coder().verbs.entries}


def _verb_code(name: str | None) -> str:
    """The default code of a verb entry ("" when unknown or uncoded)."""
    return _verb_codes().get(name or "", "")


def _actor(sentence: str, code: str, span: tuple[int, int]) -> CodedActor:
    country, sector = split_actor_code(code)
    start, end = span
    return CodedActor(sentence[start:end], start, end, code, country, sector)


def _convert(sentence: str, pe: PatternEvent) -> CodedEvent | None:
    mapped = plover_for(pe.code, pe.verb, pe.pattern)
    if mapped is None:
        return None
    ptype, mode, context = mapped
    reported = bool(pe.pattern) and _verb_code(pe.verb).startswith("01")
    kind, negated, cue = _modality(sentence, pe.trigger, reported)
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
        ev.source.append(_actor(sentence, pe.source_code, pe.source))
    if pe.target_code:
        ev.target.append(_actor(sentence, pe.target_code, pe.target))
    return ev


def _chains(sentence: str, events: list[CodedEvent]) -> list[CodedEvent]:
    """Resolve "X to Y" verb chains: "agreed to withdraw" keeps the act (as intent),
    "refused to meet", "threatened to ban", "demanded to see" keep the governing verb."""
    t = tables()
    triggers = sorted({e.trigger for e in events})
    drop: set[tuple[int, int]] = set()
    for a, b in zip(triggers, triggers[1:], strict=False):
        gap = [tok.text for tok in _tokens(sentence, a[1], b[0])]
        if not gap or gap[-1] != "TO" or len(gap) > 3:
            continue
        first = next(e for e in events if e.trigger == a)
        second = next(e for e in events if e.trigger == b)
        head = _tokens(sentence, a[0], a[1])
        if first.type in GOVERNING:
            drop.add(b)
        elif first.verb in t.verb_types and second.type == "THREATEN":
            drop.add(b)  # "agreed to postpone": the agreement, not a threat
        elif first.type == "AGREE" or (head and head[-1].text in t.to_words):
            drop.add(a)
    return [e for e in events if e.trigger not in drop]


def _merge(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per trigger and type: compound and reciprocal actors join the lists."""
    out: dict[tuple, CodedEvent] = {}
    for ev in events:
        key = (ev.trigger, ev.type)
        have = out.get(key)
        if have is None:
            out[key] = ev
            continue
        seen = {(a.start, a.code) for a in (*have.source, *have.target)}
        for side in ("source", "target"):
            for a in getattr(ev, side):
                if (a.start, a.code) not in seen:
                    getattr(have, side).append(a)
                    seen.add((a.start, a.code))
    return list(out.values())


def code_english_sentence(sentence: str, date: str | None = None) -> list[CodedEvent]:
    """PLOVER events of one English sentence (offsets relative to ``sentence``)."""
    coder = get_cameo_coder()
    found, actors = coder.code_with_actors(sentence, date, tokens=_tokens(sentence))
    events = [ev for ev in (_convert(sentence, pe) for pe in found) if ev is not None]
    events = _nominal(sentence, events, actors)
    events = _main_clause(sentence, _merge(_chains(sentence, events)), actors)
    _demanded(sentence, events, actors)
    _passive(sentence, events, actors)
    _agent_countries(events, actors)
    return events


def _passive(sentence: str, events: list[CodedEvent], actors: list) -> None:
    """"X was arrested in Y" (no "by"): X is the target; the next actor after the verb
    (usually the place, standing for its authorities) becomes the source."""
    for ev in events:
        before = _tokens(sentence, max(0, ev.trigger[0] - 40), ev.trigger[0])
        while before and (before[-1].text in NEGATIONS or before[-1].text.endswith("LY")):
            before.pop()
        if not before or before[-1].text not in BE_FORMS:
            continue
        verb = sentence[ev.trigger[0] : ev.trigger[1]].split()[0].upper()
        if not verb.endswith(("ED", "EN", "WN", "UT", "HT")):
            continue
        after = _tokens(sentence, ev.trigger[1])[:5]
        if any(t.text == "BY" for t in after):
            continue
        if not ev.source or ev.source[0].end > ev.trigger[0]:
            continue
        ev.target, ev.source = ev.source, []
        taken = {a.start for a in ev.target}
        nxt = next((a for a in actors if a.start >= ev.trigger[1] and a.start not in taken), None)
        if nxt is not None:
            ev.source = [_actor(sentence, nxt.code, (nxt.start, nxt.end))]


def _demanded(sentence: str, events: list[CodedEvent], actors: list) -> None:
    """"X said Y must act": Y (the actor right before "must") is the target of X's demand."""
    for ev in events:
        if ev._cue is None:
            continue
        before = [a for a in actors if a.end <= ev._cue and ev._cue - a.end <= 12]
        if not before:
            continue
        y = before[-1]
        if any(a.start == y.start for a in ev.source) and len(ev.source) == 1:
            first = next((a for a in actors if a.end <= y.start), None)
            if first is None:
                continue
            ev.source = [_actor(sentence, first.code, (first.start, first.end))]
        ev.target = [_actor(sentence, y.code, (y.start, y.end))]


def _clause_end(toks: list, i: int) -> int:
    """Character offset where the clause of token ``i`` ends."""
    for tk in toks[i:]:
        if tk.text in SUBORDINATE or tk.text in (".", ";"):
            return tk.start
    return toks[-1].end if toks else 0


def _nominal(sentence: str, events: list[CodedEvent], actors: list) -> list[CodedEvent]:
    """Noun events after light verbs ("staged a hunger strike") replace what the verb coded;
    a purpose phrase ("... to protest") recodes the first event as a protest."""
    t = tables()
    toks = _tokens(sentence)
    words = [tk.text for tk in toks]
    found: list[CodedEvent] = []
    for i, w in enumerate(words):
        for noun, code in t.nominal.get(w, ()):
            hit = next((j for j in range(i + 1, min(i + 7, len(words)))
                        if tuple(words[j : j + len(noun)]) == noun), None)
            if hit is None or any(words[k] in BREAK_WORDS for k in range(i + 1, hit)):
                continue
            ptype, mode, context = plover_for(code) or ("PROTEST", None, ())
            ev = CodedEvent(ptype, mode, code, (toks[i].start, toks[i].end), context=context)
            before = [a for a in actors if a.end <= toks[i].start]
            if before:
                a = before[-1]
                ev.source.append(_actor(sentence, a.code, (a.start, a.end)))
            end = _clause_end(toks, hit)
            after = [a for a in actors if toks[hit].start <= a.start < end]
            if after:
                a = after[0]
                ev.target.append(_actor(sentence, a.code, (a.start, a.end)))
            found.append(ev)
            break
    if found:
        spans = {e.trigger for e in found}
        events = [e for e in events if e.trigger not in spans] + found
    if events and t.purpose:
        first = min(events, key=lambda e: e.trigger)
        for noun, code in t.purpose:
            for j in range(len(words) - len(noun) + 1):
                if tuple(words[j : j + len(noun)]) == noun and toks[j].start > first.trigger[1]:
                    if first.type not in ("PROTEST", "ASSAULT", "COERCE"):
                        first.type, first.mode, first.cameo = "PROTEST", None, code
                    break
    return events


def _main_clause(sentence: str, events: list[CodedEvent], actors: list) -> list[CodedEvent]:
    """Keep the first event and later ones only when they head a clause of their own.

    Dropped: events of subordinate clauses ("..., where 24 people were killed") and later
    verbs that are no finite verb of a clause: participles ("..., citing", "aid seized last
    year"). A later verb counts when an auxiliary, "to", "and"/"but" or its own subject (an
    actor) comes right before it.
    """
    if len(events) < 2:
        return events
    events = sorted(events, key=lambda e: e.trigger)
    ends = {a.end for a in actors}
    out = [events[0]]
    for ev in events[1:]:
        toks = _tokens(sentence, out[-1].trigger[1], ev.trigger[0])
        if not {t.text for t in toks}.isdisjoint(SUBORDINATE):
            continue
        k = len(toks) - 1
        while k >= 0 and (toks[k].text in SKIPPABLE or toks[k].text.endswith("LY")):
            k -= 1
        if k < 0 or toks[k].text in FINITE_CUES or toks[k].end in ends:
            out.append(ev)
    return out


def _agent_countries(events: list[CodedEvent], actors: list) -> None:
    """Agents without a country ("the president", "rebels") take the nearest actor's country."""
    known = []
    for a in actors:
        country, _sector = split_actor_code(a.code)
        if country and not a.code.startswith("~"):
            known.append((a.start, a.end, a.code[:3], country))
    if not known:
        return
    for ev in events:
        for actor in (*ev.source, *ev.target):
            if actor.country is None:  # an agent ("~GOV") or a region/group code ("MEAREB")
                start, end, prefix, country = min(
                    known, key=lambda k: (max(k[0] - actor.end, actor.start - k[1], 0), -k[0])
                )
                actor.country = country
                if actor.code.startswith("~"):
                    actor.code = prefix + actor.code[1:]
