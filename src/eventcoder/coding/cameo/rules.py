"""Sentence-level rules on top of the dictionary coder (no parser): modality, verb chains,
clauses, noun events, passive voice, demands, countries of agents."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from eventcoder.coding.cameo.records import CodedEvent, make_actor
from eventcoder.coding.cameo.tables import plover_for, split_actor_code, tables
from eventcoder.coding.petrarch.tokens import Token, tokenize

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
COMPOUND_GAP = frozenset({"AND", ",", "&", "THE"})
SKIPPABLE = frozenset({"NOT", "N'T", "ALSO", "SOON", "NOW", "STILL", "NEVER", "BE", "HAVE", "THEN"})


@lru_cache(maxsize=8)
def _sentence_tokens(sentence: str) -> tuple[list[Token], list[int]]:
    toks = tokenize(sentence)
    return toks, [t.start for t in toks]


def tokens(sentence: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``sentence`` inside [start, end) (the sentence is tokenised once)."""
    toks, starts = _sentence_tokens(sentence)
    if start == 0 and end is None:
        return toks
    i = bisect_left(starts, start)
    if end is None:
        return toks[i:]
    j = bisect_left(starts, end)
    return [t for t in toks[i:j] if t.end <= end]


def modality(
    sentence: str, trigger: tuple[int, int], reported: bool = False
) -> tuple[str | None, bool, int | None]:
    """How the act of the trigger is framed: ("intent" | "demand" | None, negated, cue start).

    "intent": a modal ("will") or "agreed/ready/... to" right before the trigger; "demand":
    "must"/"should"; negated: "not", "n't", "never" between. ``reported``: the trigger is a
    speech verb whose pattern names the act later on ("announced it will withdraw").
    """
    t = tables()
    if reported:
        after = tokens(sentence, trigger[1])[:8]
        negated = any(tk.text in NEGATIONS for tk in after)
        for tk in after:
            if tk.text in t.demands:
                return "demand", negated, tk.start
            if tk.text in t.modals:
                return "intent", negated, None
    toks = tokens(sentence, 0, trigger[0])[-6:]
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


def chains(sentence: str, events: list[CodedEvent]) -> list[CodedEvent]:
    """Resolve "X to Y" verb chains: "agreed to withdraw" keeps the act (as intent),
    "refused to meet", "threatened to ban", "demanded to see" keep the governing verb."""
    t = tables()
    triggers = sorted({e.trigger for e in events})
    drop: set[tuple[int, int]] = set()
    for a, b in zip(triggers, triggers[1:], strict=False):
        gap = [tok.text for tok in tokens(sentence, a[1], b[0])]
        if not gap or gap[-1] != "TO" or len(gap) > 3:
            continue
        if not all(w.endswith("LY") or w in NEGATIONS for w in gap[:-1]):
            drop.add(b)  # "reached a consensus to exchange": the noun's complement
            continue
        first = next(e for e in events if e.trigger == a)
        second = next(e for e in events if e.trigger == b)
        head = tokens(sentence, a[0], a[1])
        if first.type in GOVERNING:
            drop.add(b)
        elif first.verb in t.verb_types and second.type == "THREATEN":
            drop.add(b)  # "agreed to postpone": the agreement, not a threat
        elif first.type == "AGREE" or (head and head[-1].text in t.to_words):
            drop.add(a)
    return [e for e in events if e.trigger not in drop]


def merge(events: list[CodedEvent]) -> list[CodedEvent]:
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


def passive(sentence: str, events: list[CodedEvent], actors: list) -> None:
    """"X was arrested in Y" (no "by"): X is the target; the next actor after the verb
    (usually the place, standing for its authorities) becomes the source."""
    for ev in events:
        before = tokens(sentence, max(0, ev.trigger[0] - 40), ev.trigger[0])
        while before and (before[-1].text in NEGATIONS or before[-1].text.endswith("LY")):
            before.pop()
        if not before or before[-1].text not in BE_FORMS:
            continue
        verb = sentence[ev.trigger[0] : ev.trigger[1]].split()[0].upper()
        if not verb.endswith(("ED", "EN", "WN", "UT", "HT")):
            continue
        after = tokens(sentence, ev.trigger[1])[:5]
        if any(t.text == "BY" for t in after):
            continue
        if not ev.source or ev.source[0].end > ev.trigger[0]:
            continue
        ev.target, ev.source = ev.source, []
        taken = {a.start for a in ev.target}
        nxt = next((a for a in actors if a.start >= ev.trigger[1] and a.start not in taken), None)
        if nxt is not None:
            ev.source = [make_actor(sentence, nxt.code, (nxt.start, nxt.end))]


def demanded(sentence: str, events: list[CodedEvent], actors: list) -> None:
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
            ev.source = [make_actor(sentence, first.code, (first.start, first.end))]
        ev.target = [make_actor(sentence, y.code, (y.start, y.end))]


def _clause_end(toks: list, i: int) -> int:
    """Character offset where the clause of token ``i`` ends."""
    for tk in toks[i:]:
        if tk.text in SUBORDINATE or tk.text in (".", ";"):
            return tk.start
    return toks[-1].end if toks else 0


def nominal(sentence: str, events: list[CodedEvent], actors: list) -> list[CodedEvent]:
    """Noun events after light verbs ("staged a hunger strike") replace what the verb coded;
    a purpose phrase ("... to protest") recodes the first event as a protest."""
    t = tables()
    toks = tokens(sentence)
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
            group = before[-1:]
            for a in reversed(before[:-1]):  # "Israel and Lebanon held talks": both
                gap = {tk.text for tk in tokens(sentence, a.end, group[0].start)}
                if not gap or not gap <= COMPOUND_GAP:
                    break
                group.insert(0, a)
            for a in group:
                ev.source.append(make_actor(sentence, a.code, (a.start, a.end)))
            end = _clause_end(toks, hit)
            mine = {a.code for a in group}
            after = [a for a in actors if toks[hit].start <= a.start < end and a.code not in mine]
            if after:
                a = after[0]
                ev.target.append(make_actor(sentence, a.code, (a.start, a.end)))
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
                    if first.type not in ("PROTEST", "ASSAULT"):
                        first.type, first.mode, first.cameo = "PROTEST", None, code
                    break
    return events


def main_clause(sentence: str, events: list[CodedEvent], actors: list) -> list[CodedEvent]:
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
        toks = tokens(sentence, out[-1].trigger[1], ev.trigger[0])
        if not {t.text for t in toks}.isdisjoint(SUBORDINATE):
            continue
        k = len(toks) - 1
        while k >= 0 and (toks[k].text in SKIPPABLE or toks[k].text.endswith("LY")):
            k -= 1
        if k < 0 or toks[k].text in FINITE_CUES or toks[k].end in ends:
            out.append(ev)
    return out


def agent_countries(events: list[CodedEvent], actors: list) -> None:
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


def same_type(events: list[CodedEvent]) -> list[CodedEvent]:
    """A later event of the same type by the same (or no) source repeats the earlier one
    ("opened investigations against officials suspected of ..."): keep one."""
    out: list[CodedEvent] = []
    for ev in events:
        src = {a.country for a in ev.source}
        prev = next((p for p in out if p.type == ev.type
                     and (not src or src <= {a.country for a in p.source})), None)
        if prev is None:
            out.append(ev)
        elif not prev.target and ev.target:
            prev.target = ev.target
    return out
