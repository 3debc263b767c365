"""Checks of a candidate event against its clause: a host's guest, participial adjuncts.

* ``hosts_guest``: "received the Iranian president" hosts a visit; "received a degree" does
  not (frame option ``guest``).
* ``opens_participial_adjunct`` / ``names_target``: "..., blaming Iran" is an act of its own;
  "..., setting fire to mattresses" adds to the main clause's act unless it names a target
  (``Language.participial_adjuncts``); ``continues_gerund_list``: "accused X of violating
  rights, ignoring the law" goes on the accusation.
* ``companion_nouns``: noun events told beside a clause's main event ("bei einer Kundgebung",
  "es kam zu Zusammenstößen und zu Festnahmen").
* ``asks_nobody``: a modal of the speakers themselves or a passive one on things is no demand.
"""

from __future__ import annotations

from eventcoder.coding.clauses import Clause
from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.roles import ActorRef, parse_frame
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.model import Event

GUEST_SECTORS = frozenset({"GOV", "MIL", "IGO", "LEG", "JUD", "OPP", "REB"})


def hosts_guest(target: list[ActorRef], verb: int) -> bool:
    """The verb's direct object, right after it, is a person or an official body ("received
    the Iranian president", not "received the endorsement of a writer")."""
    first = min(target, key=lambda r: r.start_tok, default=None)
    return (first is not None and not first.prep and 0 < first.start_tok - verb <= 3
            and (first.kind == "person" or first.sector in GUEST_SECTORS))


def targets_officials(target: list[ActorRef]) -> bool:
    """Some target is a person, a state, a party or an official body ("unterstützt die Kandidatin",
    not "unterstützen die Landwirte": help, not political support)."""
    return any(r.kind in ("person", "country") or r.sector in GUEST_SECTORS or r.sector == "PTY"
               for r in target)


def asks_nobody(view: DocView, clause: Clause, head: int, passive: bool,
                 target: list[ActorRef], g: Grammar) -> bool:
    """A modal said by a speaker demands nothing of anybody when its subject is the speakers
    themselves or an expletive ("wir müssten", "es müsse schnell gehen"; in a fixed SVO order
    the subject comes before the modal), or when it is passive and its subject is no person
    or official body ("die Fristen müssten verlängert werden"; the auxiliary after an English modal)."""
    svo = g.language.fixed_svo_order
    if any(view.lowers[j] in g.self_subject for j in range(clause.start, head if svo else clause.end)):
        return True
    aux = range(head + 1 if svo else clause.start, clause.end)
    passive = passive or any(view.lowers[j] in g.passive_aux for j in aux)
    return passive and not targets_officials(target)


def opens_participial_adjunct(view: DocView, clause: Clause, m: TriggerMatch, g: Grammar) -> bool:
    """The trigger is the participle that opens an adjunct after a comma ("..., blaming
    Iran for the attack"; ``Language.participial_adjuncts``)."""
    ending, head = g.language.participial_adjuncts, m.head
    return bool(ending) and head == clause.start and head > 0 \
        and view.lowers[head - 1] == "," and view.lowers[head].endswith(ending)


def names_target(ev: Event, view: DocView, clause: Clause) -> bool:
    """The event's clause names its target ("..., blaming Iran"; not "..., citing concerns")."""
    lo, hi = view.idx[clause.start], view.ends[clause.end - 1]
    return any(a.start is not None and lo <= a.start < hi for a in ev.target)


GERUND_LIST_REACH = 12  # tokens before the comma in which a gerund after a preposition is sought


def continues_gerund_list(view: DocView, clause: Clause, g: Grammar) -> bool:
    """The participle goes on a list of gerunds after a preposition ("accused X of violating
    rights, ignoring the law"): part of the act before, not an act of its own."""
    ending, lowers = g.language.participial_adjuncts, view.lowers
    for k in range(clause.start - 2, max(0, clause.start - GERUND_LIST_REACH) - 1, -1):
        if lowers[k] in (".", ";", ":"):
            return False
        if lowers[k].endswith(ending) and k > 0 and lowers[k - 1] in g.preposition:
            return True
    return False


def companion_nouns(view: DocView, here: list[TriggerMatch], main: TriggerMatch,
                    prep_of: dict[int, str], g: Grammar) -> list[TriggerMatch]:
    """Noun events of other types that a clause tells beside its main event: the first in a
    setting phrase ("Bei einer Kundgebung ... nahm die Polizei 10 Menschen fest") and those
    joined to a main noun event by a conjunction ("es kam zu Zusammenstößen und zu
    Festnahmen", "clashes and arrests")."""
    nouns = [m for m in here if m is not main and parse_frame(m.entry.frame).nominal
             and m.entry.type != main.entry.type]
    out = [m for m in nouns if prep_of.get(m.head) in g.setting][:1]
    if parse_frame(main.entry.frame).nominal:
        for m in nouns:
            between = range(main.tokens[-1] + 1, m.head)
            if m not in out and 0 < len(between) <= 3 \
                    and any(view.lowers[j] in g.conjunction and view.lowers[j] != "," for j in between):
                out.append(m)
    return out
