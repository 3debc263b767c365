"""Trigger filters: named predicates that reject a trigger candidate in its clause.

Each filter is ``(view, match, clause, grammar) -> bool`` (True: not an event here) and is
registered by name in :data:`FILTERS`; a language lists the filters it runs in
``Language.trigger_filters`` (see ``eventcoder.language``). Word classes come from the
language's ``grammar.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventcoder.coding.clauses import Clause
from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.roles import parse_frame
from eventcoder.coding.triggers import TriggerMatch

TriggerFilter = Callable[[DocView, TriggerMatch, Clause, Grammar], bool]
FILTERS: dict[str, TriggerFilter] = {}


def trigger_filter(name: str) -> Callable[[TriggerFilter], TriggerFilter]:
    """Register a trigger filter under ``name`` (a decorator)."""

    def add(fn: TriggerFilter) -> TriggerFilter:
        FILTERS[name] = fn
        return fn

    return add


def filters_for(g: Grammar) -> tuple[TriggerFilter, ...]:
    """The filters the grammar's language runs (``KeyError`` naming an unknown one)."""
    try:
        return tuple(FILTERS[n] for n in g.language.trigger_filters)
    except KeyError as exc:
        raise KeyError(
            f"{g.lang}: unknown trigger filter {exc.args[0]!r} (known: {', '.join(FILTERS)})"
        ) from None


@trigger_filter("speech_verb")
def speech_verb(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb of saying alone ("sagte", "said") reports an event, it is none."""
    return view.lowers[m.head] in g.speech and (len(m.tokens) == 1 or m.entry.rank == 0)


@trigger_filter("nontrigger")
def nontrigger(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Words that look like triggers but never are ("according", "Wahlkampf")."""
    return view.lowers[m.head] in g.nontrigger


@trigger_filter("verb_case")
def verb_case(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Verbs are lower case: a capitalised verb trigger inside a clause is a noun or a name
    ("die Verletzte", "Bill de Blasio"); with capitalised nouns a lower-case noun trigger
    is no noun ("kämpfen" is no "*kämpfe")."""
    texts, start = view.texts, clause.start
    if parse_frame(m.entry.frame).nominal:
        return g.language.capitalised_nouns and texts[m.head][:1].islower()
    if m.head == start:  # a German finite verb never opens a clause: "Inhaftierte wollten"
        w = texts[m.head]
        return w[:1].isupper() and w.endswith(("te", "ten")) and len(m.tokens) == 1
    if len(m.tokens) > 1 and not texts[m.tokens[-1]][:1].isupper():
        return False  # a pattern that ends in its verb: "Webseiten ... blockiert"
    return texts[m.head][:1].isupper()


@trigger_filter("particle_final")
def particle_not_final(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A separable particle ends its clause: "warf ihm Betrug vor", not "warfen Steine vor
    dem Gebäude" (there "vor" is a preposition)."""
    step, lowers = m.entry.steps[-1], view.lowers
    if len(m.tokens) < 2 or not step.gap or lowers[m.tokens[-1]] not in g.particle:
        return False
    p = m.tokens[-1]
    while p < len(lowers):  # "griff die Stadt an der Grenze an": the last "an" is the particle
        nxt = p + 1
        if nxt >= len(lowers):
            return False
        w = lowers[nxt]
        if not w[:1].isalnum() or w in g.conjunction or w in g.subordinator or w in g.clause_end:
            return False
        p = next((j for j in range(nxt, min(len(lowers), nxt + 12)) if step.test(lowers[j])), -1)
        if p < 0 or any(not lowers[j][:1].isalnum() for j in range(nxt, p)):
            return True
    return True


def zu_infinitive(lowers: Sequence[str], clause: Clause) -> bool:
    """A German zu-infinitive clause (", Luftangriffe zu fliegen", ", einzufrieren")."""
    last = clause.end - 1
    while last > clause.start and not lowers[last][:1].isalnum():
        last -= 1
    return last > clause.start and (lowers[last - 1] == "zu" or "zu" in lowers[last][2:-3])


@trigger_filter("modal_danger")
def modal_danger(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """"Die Krise droht zu eskalieren": a danger, not a threat."""
    return view.lowers[m.head] in g.modal_threat and zu_infinitive(view.lowers, clause)


@trigger_filter("no_bare_generic")
def no_bare_generic(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A generic verb ("make", "take") is no event as a generated single-word entry."""
    return len(m.tokens) == 1 and m.entry.rank == 0 and view.lowers[m.head] in g.no_bare


@trigger_filter("attributive_ed")
def attributive_ed(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """An -ed participle used as an adjective ("two injured workers", "the detained
    journalist") is no event."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    nxt = view.lowers[h + 1] if h + 1 < len(view.lowers) else ""
    prev = view.lowers[h - 1] if h > clause.start else ""
    return (
        view.lowers[h].endswith("ed")
        and (prev in g.determiner or prev in g.numeral or prev[:1].isdigit())
        and nxt.isalpha()
        and view.texts[h + 1][:1].islower()
        and nxt not in g.preposition
        and nxt not in g.conjunction
        and nxt not in g.determiner
        and nxt not in g.passive_aux
    )


@trigger_filter("attributive_participle")
def attributive_participle(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """An inflected participle before a capitalised noun ("sechs inhaftierte
    Oppositionsführer", "ein festgenommener Student") is no event."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    if h == clause.start or h + 1 >= len(view.texts) or not view.texts[h + 1][:1].isupper():
        return False
    word = view.lowers[h]
    if word.endswith(("ter", "tes", "tem", "ener", "enes", "enem")):
        return True  # never a finite verb
    prev = view.lowers[h - 1]
    return word.endswith(("te", "ten", "ene", "enen")) and (
        prev in g.determiner or prev in g.numeral or prev.isdigit()
    )


@trigger_filter("noun_use")
def noun_use(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb trigger used as a noun: "the attack", "of air links", "press officer"."""
    if parse_frame(m.entry.frame).nominal:
        return False
    lowers, start, h = view.lowers, clause.start, m.head
    prev = lowers[h - 1] if h - 1 >= start else ""
    if prev == "to":  # an infinitive
        return False
    if h == start and lowers[h].endswith("ed"):  # "Ousted president X", "Backed by ..."
        return True
    if prev in g.determiner or prev in g.preposition or prev in ("'s", "\u2019s"):
        return True
    if h + 1 < len(lowers) and lowers[h + 1] in g.noun_head:
        return True  # "press officer", "search operation": a noun modifier
    prev2 = lowers[h - 2] if h - 2 >= start else ""
    word = lowers[h]
    return (
        not word.endswith("ed")
        and prev.isalpha()
        and prev not in g.pronoun
        and (prev2 in g.determiner or prev2 in g.preposition)
    )  # "its fisheries dispute"


@trigger_filter("name_use")
def name_use(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A trigger that is part of a name or a date: a capitalised noun inside its clause
    ("the Strike Force"), a capitalised word before a number ("March 28") or before another
    capitalised word ("Press TV said")."""
    texts = view.texts
    if not texts[m.head][:1].isupper():
        return False
    nxt = texts[m.head + 1] if m.head + 1 < len(texts) else ""
    if nxt[:1].isdigit() or (nxt[:1].isupper() and len(m.tokens) == 1):
        return True  # "March 28", "Press TV said"
    return m.head > clause.start and parse_frame(m.entry.frame).nominal


@trigger_filter("mishap")
def mishap(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Deaths in an accident, fire or illness ("a fire killed five", "died of cancer") are
    no assault."""
    if m.entry.type != "ASSAULT" or not g.mishap:
        return False
    lowers = view.lowers
    for t in range(clause.start, clause.end):
        w = lowers[t]
        prev = lowers[t - 1] if t > 0 else ""
        if w in g.mishap and (
            w not in g.ambiguous_mishap or prev in g.determiner or prev in g.mishap_before
        ):
            return True
    return False
