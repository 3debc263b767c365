"""Score PETRARCH/TABARI validation records: (source code, target code, event code) triples.

A record is coded exactly when the set of predicted triples equals the expected set (so a record
that expects no event is right when nothing is predicted). A predicted event gives one triple per
(source actor, target actor) pair, taking the actor ``code`` and the event's ``cameo`` (the
dictionary's event code); a side without actors or codes gives ``---`` as in the gold files.
Triple-level precision/recall/F1 count set overlaps per record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product
from typing import Any

from eventcoder.evaluation.gold import GoldRecord
from eventcoder.evaluation.scorer import prf
from eventcoder.model import Event

Triple = tuple[str, str, str]
UNKNOWN = "---"


def _codes(codes: list[str | None]) -> list[str]:
    return [c or UNKNOWN for c in codes] or [UNKNOWN]


def predicted_triples(events: Sequence[Event]) -> set[Triple]:
    out: set[Triple] = set()
    for e in events:
        src = _codes([a.code for a in e.source])
        tgt = _codes([a.code for a in e.target])
        out.update((s, t, e.cameo or UNKNOWN) for s, t in product(src, tgt))
    return out


def gold_triples(rec: GoldRecord) -> set[Triple]:
    out: set[Triple] = set()
    for g in rec.events:
        src = _codes([a.code for a in g.source])
        tgt = _codes([a.code for a in g.target])
        out.update((s, t, g.event_code or UNKNOWN) for s, t in product(src, tgt))
    return out


def score_triples(
    records: Sequence[GoldRecord], predictions: Mapping[str, list[Event]]
) -> dict[str, Any]:
    """Triple P/R/F1 and the share of records coded exactly."""
    tp = fp = fn = exact = without = 0
    errors: list[dict[str, Any]] = []
    for rec in records:
        if rec.id not in predictions:
            without += 1
        want = gold_triples(rec)
        got = predicted_triples(predictions.get(rec.id, []))
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        if want == got:
            exact += 1
        else:
            errors.append({
                "record": rec.id,
                "missing": sorted(want - got),
                "extra": sorted(got - want),
                "evidence": rec.text,
            })
    n = len(records)
    return {
        **prf(tp, fp, fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "records": n,
        "records_without_prediction": without,
        "records_exact": exact,
        "exact_rate": exact / n if n else 0.0,
        "errors": errors,
    }
