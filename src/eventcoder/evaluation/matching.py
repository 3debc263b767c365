"""Which predicted event may stand for which gold event, and a maximum matching per record.

Compatibility rule (``strict``, the default):

1. Type: the predicted type is the gold ``type`` or one of its ``type_alternatives``.
2. Countries: for each gold side (source, target) that names at least one country, some
   predicted actor on the same side has one of those countries. A gold side without a country
   (absent, null or text only) constrains nothing. For the reciprocal types CONSULT and AGREE
   ("A and B met / agreed") the sides may also be swapped.
3. A gold country that is a generic group code (``IGO``, ``NGO``, ``IMG``, ``ISM`` in PLOVER
   GSR) is satisfied by a predicted actor whose ``country``, ``sector`` or ``code`` starts with it,
   or, for ``IGO``, by any organisation code (a predicted country that is not a 3-letter ISO
   code, e.g. ``EU``, ``NATO``, ``CSTO``).

``type_only`` drops rule 2. The "type only" variant keeps the strict pairs of required events
and matches the remaining gold and predictions on type alone (preferring candidates with more
countries right); its country accuracy is the share of all those pairs whose countries are right.

The matching is a maximum bipartite matching (augmenting paths): required gold events first, so
the number of matched required events is maximal, then optional ones on the remaining predictions.
Candidates are tried in order of evidence overlap with the gold event, so ties go to the
prediction read from the same words.
"""

from __future__ import annotations

from eventcoder.evaluation.gold import SIDES, GoldEvent
from eventcoder.model import Actor, Event

RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE"})
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})


def actor_has_country(actor: Actor, country: str) -> bool:
    """True when a predicted actor carries the gold ``country`` (see rule 3 for group codes)."""
    if actor.country == country:
        return True
    if country in GROUP_CODES:
        if actor.sector and actor.sector.startswith(country):
            return True
        if actor.code and actor.code.startswith(country):
            return True
        c = actor.country or ""
        return country == "IGO" and bool(c) and not (len(c) == 3 and c.isalpha() and c.isupper())
    return False


def side_ok(gold_countries: set[str], actors: list[Actor]) -> bool:
    """A gold side is satisfied when it names no country or a predicted actor has one of them."""
    if not gold_countries:
        return True
    return any(actor_has_country(a, c) for a in actors for c in gold_countries)


def countries_ok(gold: GoldEvent, pred: Event) -> bool:
    """Rule 2: both sides right, or (reciprocal types) both sides right when swapped."""
    src, tgt = gold.countries("source"), gold.countries("target")
    if side_ok(src, pred.source) and side_ok(tgt, pred.target):
        return True
    if gold.type in RECIPROCAL_TYPES:
        return side_ok(src, pred.target) and side_ok(tgt, pred.source)
    return False


def side_correct(gold: GoldEvent, pred: Event, side: str) -> bool | None:
    """Country accuracy of one side on a matched pair; ``None`` when the gold names no country.

    For reciprocal types the other predicted side counts too.
    """
    wanted = gold.countries(side)
    if not wanted:
        return None
    if side_ok(wanted, getattr(pred, side)):
        return True
    if gold.type in RECIPROCAL_TYPES:
        other = SIDES[1 - SIDES.index(side)]
        return side_ok(wanted, getattr(pred, other))
    return False


def compatible(gold: GoldEvent, pred: Event, *, type_only: bool = False) -> bool:
    if not gold.accepts(pred.type):
        return False
    return type_only or countries_ok(gold, pred)


def evidence_span(text: str, gold: GoldEvent) -> tuple[int, int]:
    """Character span of the gold evidence in ``text`` (the whole text when absent/not found)."""
    if gold.evidence:
        i = text.find(gold.evidence)
        if i >= 0:
            return i, i + len(gold.evidence)
    return 0, len(text)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_record(
    text: str,
    gold: list[GoldEvent],
    preds: list[Event],
    *,
    type_only: bool = False,
    fixed: dict[int, int] | None = None,
) -> dict[int, int]:
    """Maximum matching gold index -> prediction index; required gold events first.

    ``fixed`` (gold -> prediction) pairs are kept as they are and the rest is matched on what
    they leave (used to extend the strict pairs when matching on type only). With
    ``type_only``, candidates with more sides' countries right are tried first.
    """
    fixed = dict(fixed or {})
    taken = set(fixed.values())
    adj: list[list[int]] = []
    for i, g in enumerate(gold):
        if i in fixed:
            adj.append([])
            continue
        span = evidence_span(text, g)
        cands = [j for j, p in enumerate(preds)
                 if j not in taken and compatible(g, p, type_only=type_only)]
        cands.sort(key=lambda j: (
            -sum(side_correct(g, preds[j], s) is True for s in SIDES) if type_only else 0,
            -overlap(span, (preds[j].evidence.start, preds[j].evidence.end)),
        ))
        adj.append(cands)
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    order = [i for i, g in enumerate(gold) if g.required]
    order += [i for i, g in enumerate(gold) if not g.required]
    for i in order:
        if i not in fixed:
            augment(i, set())
    return {**fixed, **{i: j for j, i in owner.items()}}
