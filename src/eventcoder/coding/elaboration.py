"""Later sentences that tell more about an event already coded, not of a new one.

The codebook codes one event per act; the numbers stated for it are its numbers. News reports
an attack once and then adds to it: "Drei weitere wurden verletzt", "Zudem wurde dabei ein
Passant getötet", "Bei den Angriffen wurden 40 Menschen verletzt". Two marks of such an
elaboration are read from the clause (``grammar.tsv``):

- ``additive``: words that add to something said before ("weitere", "zudem", "another").
- ``definite``: a definite or demonstrative determiner right before a trigger noun of the
  event's own type ("den Angriffen", "the attack"): the act is known to the reader.

An elaboration without an actor of its own is folded into the latest earlier event of its type
in an earlier sentence: that event takes the numbers it lacks, and the elaboration is dropped.
A new attack is introduced as new ("ein Anschlag", "an attack") and stays an event.

The same marks tell whom a reaction is about: "Die Regierung verurteilte den Anschlag"
criticises who carried out the attack told before. A criticism, demand or refusal without a
target read in the text takes the acting side of the act it names (a trigger noun of the act's
type, or an ``event_noun`` such as "Vorfall", after a definite determiner).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventcoder.coding.defaults import ADDRESSED, STANDALONE
from eventcoder.coding.doc import DocView, EventContext
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.predicates import bare_casualty
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.model import Actor, Event

COUNTS = ("dead", "injured", "arrested", "dead_text", "injured_text", "arrested_text", "victims")
NOUN_REACH = 2  # words between the determiner and the trigger noun ("den schweren Angriffen")


def trigger_heads(triggers: Sequence[TriggerMatch]) -> dict[int, set[str]]:
    """The event types of the triggers headed by each token (read once per article)."""
    heads: dict[int, set[str]] = {}
    for m in triggers:
        heads.setdefault(m.head, set()).add(m.entry.type)
    return heads


def fold_elaborations(
    pairs: Sequence[tuple[Event, EventContext]],
    view: DocView,
    heads: dict[int, set[str]],
    g: Grammar,
) -> list[tuple[Event, EventContext]]:
    """``pairs`` without the elaborations of earlier events (their numbers go to them);
    ``heads`` from :func:`trigger_heads`."""
    if not g.additive and not g.definite:
        return list(pairs)
    out: list[tuple[Event, EventContext]] = []
    for ev, ctx in pairs:
        earlier = _earlier_event(out, ev, ctx)
        if earlier is not None and not _elsewhere(ev, ctx, earlier) \
                and _elaborates(ev, ctx, view, heads, g):
            take_counts(earlier, ev)
            continue
        out.append((ev, ctx))
    return out


def _earlier_event(
    out: Sequence[tuple[Event, EventContext]], ev: Event, ctx: EventContext
) -> Event | None:
    """The latest event of ``ev``'s type in an earlier sentence, when ``ev`` may fold into it
    (a protest, attack, coercion or mobilisation without an actor read on its acting side)."""
    if ev.type not in STANDALONE or any(a.start is not None for a in ev.source):
        return None
    for other, octx in reversed(out):
        if other.type == ev.type and octx.sentence[0] < ctx.sentence[0]:
            return other
    return None


def _elsewhere(ev: Event, ctx: EventContext, earlier: Event) -> bool:
    """The event's clause names a place of its own, not the earlier event's: "weitere 25 Tote
    bei Kämpfen in X" after an attack in Y is another act."""
    a, b = ev.location, earlier.location
    lo, hi = ctx.clause or ctx.sentence
    if a is None or a.start is None or not lo <= a.start < hi:
        return False
    return b is None or (a.name, a.country) != (b.name, b.country)


def _elaborates(
    ev: Event, ctx: EventContext, view: DocView, heads: dict[int, set[str]], g: Grammar
) -> bool:
    """The event's clause adds to something said ("drei weitere", "zudem") or names the act
    with a definite determiner ("bei den Angriffen"). An additive word on the trigger noun
    itself ("weitere Proteste") introduces another act of the same kind. A bare report of
    casualties ("Mehr als 30 Menschen wurden verletzt": a ``casualty_verb`` as trigger) adds to
    the act told before, unless the clause names an act of its own ("bei Zusammenstößen ...
    verletzt")."""
    first, last = _clause_tokens(ctx, view)
    if ctx.head is not None and view.lowers[ctx.head] in g.casualty_verb and not any(
            ev.type in heads.get(j, ()) and view.lowers[j] not in g.casualty_verb
            for j in range(first, last)):
        return True
    for i in range(first, last):
        w = view.lowers[i]
        if w not in g.additive and w not in g.definite:
            continue
        noun = any(ev.type in heads.get(j, ()) for j in _nouns_after(view, i, last, g))
        if w in g.additive and not noun:  # "weitere Demonstrationen" is another act
            return True
        if w in g.definite and noun:
            return True
    return False


def _clause_tokens(ctx: EventContext, view: DocView) -> tuple[int, int]:
    """Token range of the event's clause (its sentence when no clause is known)."""
    lo, hi = ctx.clause or ctx.sentence
    return view.tok_at(lo), min(view.tok_end(hi), len(view.lowers))


def _nouns_after(view: DocView, i: int, last: int, g: Grammar) -> list[int]:
    """Tokens within reach of determiner ``i`` that may be its noun (where nouns are
    capitalised, only capitalised words)."""
    reach = range(i + 1, min(i + 2 + NOUN_REACH, last))
    if not g.language.capitalised_nouns:
        return list(reach)
    return [j for j in reach if view.texts[j][:1].isupper()]


def take_counts(earlier: Event, ev: Event) -> None:
    """Give ``earlier`` the numbers ``ev`` states that it lacks."""
    for f in COUNTS:
        if getattr(earlier, f) is None and getattr(ev, f) is not None:
            setattr(earlier, f, getattr(ev, f))


def aim_at_referenced_acts(
    pairs: Sequence[tuple[Event, EventContext]],
    view: DocView,
    heads: dict[int, set[str]],
    g: Grammar,
) -> None:
    """A reaction to an act told before ("verurteilte den Anschlag") without a target of its
    own is aimed at that act's actors (inferred: no offsets)."""
    if not g.definite:
        return
    for k, (ev, ctx) in enumerate(pairs):
        if ev.type not in ADDRESSED or any(a.start is not None for a in ev.target):
            continue
        named = _named_act(ctx, view, heads, g)
        if named is None:
            continue
        act = next(
            (o for o, octx in reversed(pairs[:k]) if o.type in named and octx.sentence < ctx.sentence
             and any(a.country for a in o.source)),
            None,
        )
        if act is None:
            continue
        own = {a.country for a in ev.source}
        doers = [a for a in act.source if a.country and a.country not in own]
        if doers:
            ev.target = [replace(a, start=None, end=None) for a in doers]


def _named_act(
    ctx: EventContext, view: DocView, heads: dict[int, set[str]], g: Grammar
) -> frozenset[str] | None:
    """The types of the act a definite noun of the clause names ("den Anschlag": ASSAULT;
    "den Vorfall": any act that needs no actor), or None."""
    first, last = _clause_tokens(ctx, view)
    for i in range(first, last):
        if view.lowers[i] not in g.definite:
            continue
        for j in _nouns_after(view, i, last, g):
            if view.lowers[j] in g.event_noun:
                return STANDALONE
            types = heads.get(j, set()) & STANDALONE
            if types:
                return frozenset(types)
    return None


CONTINUED_REACH = 6  # earlier sentences in which the same actor's addressee is looked for


def continue_addressees(pairs: Sequence[tuple[Event, EventContext]]) -> None:
    """A speaker goes on addressing the party of their last act: "Kerry traf die FARC. ...
    Kerry rief beide Seiten auf": a demand, criticism or refusal whose target was only
    inferred (the source's own authorities) takes the foreign target the same actor had in
    one of the last sentences (inferred: no offsets)."""
    for k, (ev, ctx) in enumerate(pairs):
        if ev.type not in ADDRESSED or not _inferred_home(ev):
            continue
        who = {_identity(a) for a in ev.source if a.start is not None}
        if not who:
            continue
        seen: set[tuple[int, int]] = set()
        for other, octx in reversed(pairs[:k]):
            if octx.sentence >= ctx.sentence:
                continue
            seen.add(octx.sentence)
            if len(seen) > CONTINUED_REACH:
                break
            if who & {_identity(a) for a in other.source}:
                home = {a.country for a in ev.source}
                foreign = [a for a in other.target if a.start is not None and a.country
                           and a.country not in home]
                if foreign:
                    ev.target = [replace(a, start=None, end=None) for a in foreign]
                break


def _inferred_home(ev: Event) -> bool:
    """The target is only the default addressee: the source country's authorities."""
    return (len(ev.target) == 1 and ev.target[0].start is None
            and ev.target[0].country in {a.country for a in ev.source})


def _identity(a: Actor) -> str:
    return (a.name or a.text).lower()


def drop_bare_casualties(
    pairs: Sequence[tuple[Event, EventContext]], view: DocView, g: Grammar
) -> list[tuple[Event, EventContext]]:
    """Attacks read only from a casualty word, without anybody who acts and without violence
    in the sentence ("Zwei Touristen wurden verletzt"), that did not fold into an act told
    before are no events ("guerrillas killed the chief" names who acts)."""
    return [(ev, ctx) for ev, ctx in pairs
            if not (ev.type == "ASSAULT" and ctx.head is not None
                    and not any(a.start is not None for a in ev.source)
                    and bare_casualty(view, ctx.head, g))]


def drop_restatements(pairs: list[tuple[Event, EventContext]], g: Grammar
                      ) -> list[tuple[Event, EventContext]]:
    """Source-less protests, attacks and coercion after an event of the same type: the
    article tells more about that event ("The attack killed five"), no new one; the numbers
    it states go to that event when it has none. A clause opened by an indefinite article
    ("A student group protested ...") brings in someone new, a place of its own a new act."""
    seen: dict[str, Event] = {}
    out: list[tuple[Event, EventContext]] = []
    for ev, ctx in pairs:
        read = any(a.start is not None for a in ev.source)
        first = seen.get(ev.type)
        if ev.type in STANDALONE and not read and first is not None \
                and ev.evidence.text.split(" ", 1)[0].lower() not in g.indefinite \
                and not _elsewhere(ev, ctx, first):
            take_counts(first, ev)
            continue
        seen.setdefault(ev.type, ev)
        out.append((ev, ctx))
    return out
