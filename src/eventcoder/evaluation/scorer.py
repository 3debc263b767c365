"""Score predicted PLOVER events against gold records.

Counting (see :mod:`eventcoder.evaluation.matching` for when a prediction may match a gold event):

* TP: a required gold event matched by a prediction.
* FN: a required gold event left unmatched (all of them when a record has no prediction).
* FP: a prediction matched to no gold event.
* A prediction matched to an optional gold event (``required: false``) counts nowhere.

Per type, a matched pair counts under the gold type, an FN under the gold type and an FP under
the predicted type, so the per-type counts add up to the overall ones. Per-field accuracy is over
all matched pairs (required and optional) whose gold annotates the field (non-null).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from eventcoder.evaluation.gold import GoldEvent, GoldRecord
from eventcoder.evaluation.matching import (
    evidence_span,
    match_record,
    overlap,
    side_correct,
)
from eventcoder.model import Event

NONE = "(none)"
NUMBER_FIELDS = ("dead", "injured", "arrested")
FIELDS = (
    "mode",
    "cameo_root",
    "date",
    "location_country",
    *NUMBER_FIELDS,
    "factuality",
    "source_country",
    "target_country",
)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1; 0.0 when undefined."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _number_ok(gold: int | str, vague: str | None, pred: Event, name: str) -> bool:
    value = getattr(pred, name)
    if isinstance(gold, int) or (isinstance(gold, str) and gold.strip().isdigit()):
        return value is not None and int(value) == int(gold)
    words = (vague or str(gold)).casefold()
    text = (getattr(pred, f"{name}_text") or "").casefold()
    return bool(text) and (words in text or text in words)


def field_checks(gold: GoldEvent, pred: Event) -> dict[str, bool]:
    """Correctness of every field the gold annotates, for one matched pair."""
    out: dict[str, bool] = {}
    if gold.mode is not None:
        out["mode"] = pred.mode == gold.mode
    if gold.cameo:
        out["cameo_root"] = (pred.cameo or "")[:2] == gold.cameo[:2]
    if gold.date:
        out["date"] = pred.date == gold.date
    if gold.location_country:
        out["location_country"] = bool(pred.location) and pred.location.country == (
            gold.location_country
        )
    for name in NUMBER_FIELDS:
        value, vague = getattr(gold, name), gold.vague.get(name)
        if value is not None or vague:
            out[name] = _number_ok(value if value is not None else "", vague, pred, name)
    if gold.factuality:
        out["factuality"] = pred.factuality == gold.factuality
    for side in ("source", "target"):
        ok = side_correct(gold, pred, side)
        if ok is not None:
            out[f"{side}_country"] = ok
    return out


def _countries(actors: Sequence[Any]) -> list[str]:
    return sorted({a.country for a in actors if a.country})


def _gold_error(rec: GoldRecord, g: GoldEvent, n_misses: int) -> dict[str, Any]:
    return {
        "record": rec.id,
        "type": g.type,
        "source": _countries(g.source),
        "target": _countries(g.target),
        "evidence": g.evidence or rec.text,
        "misses_in_record": n_misses,
    }


def _pred_error(rec: GoldRecord, p: Event) -> dict[str, Any]:
    return {
        "record": rec.id,
        "type": p.type,
        "source": _countries(p.source),
        "target": _countries(p.target),
        "evidence": p.evidence.text,
        "confidence": p.confidence,
    }


def _confuse(rec: GoldRecord, gold: list[GoldEvent], preds: list[Event], matching: dict[int, int],
             confusion: defaultdict[str, Counter[str]]) -> None:
    """Fill the confusion table: matched pairs, then leftovers of the same record paired up."""
    for i, j in matching.items():
        confusion[gold[i].type or NONE][preds[j].type] += 1
    used = set(matching.values())
    free = [j for j in range(len(preds)) if j not in used]
    for i, g in enumerate(gold):
        if i in matching or not g.required:
            continue
        span = evidence_span(rec.text, g)
        if free:
            j = max(free, key=lambda j: overlap(span, (preds[j].evidence.start,
                                                         preds[j].evidence.end)))
            free.remove(j)
            confusion[g.type or NONE][preds[j].type] += 1
        else:
            confusion[g.type or NONE][NONE] += 1
    for j in free:
        confusion[NONE][preds[j].type] += 1


def score_events(
    records: Sequence[GoldRecord], predictions: Mapping[str, list[Event]]
) -> dict[str, Any]:
    """Score PLOVER-coded records; ``predictions`` maps record id -> predicted events.

    A record missing from ``predictions`` has no prediction: its required events are all FN.
    """
    tp = fp = fn = optional_matched = 0
    per_type: defaultdict[str, Counter[str]] = defaultdict(Counter)
    confusion: defaultdict[str, Counter[str]] = defaultdict(Counter)
    fields: defaultdict[str, Counter[str]] = defaultdict(Counter)
    loose = Counter[str]()
    loose_fields: defaultdict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    without = n_gold = n_optional = n_pred = 0

    for rec in records:
        gold = [g for g in rec.events if g.type]
        if rec.id not in predictions:
            without += 1
        preds = list(predictions.get(rec.id, []))
        n_gold += sum(g.required for g in gold)
        n_optional += sum(not g.required for g in gold)
        n_pred += len(preds)

        matching = match_record(rec.text, gold, preds)
        matched_preds = set(matching.values())
        rec_misses = [g for i, g in enumerate(gold) if g.required and i not in matching]
        for i, j in matching.items():
            g = gold[i]
            if g.required:
                tp += 1
                per_type[g.type]["tp"] += 1
            else:
                optional_matched += 1
            for name, ok in field_checks(g, preds[j]).items():
                fields[name]["total"] += 1
                fields[name]["correct"] += ok
        for g in rec_misses:
            fn += 1
            per_type[g.type]["fn"] += 1
            misses.append(_gold_error(rec, g, len(rec_misses)))
        for j, p in enumerate(preds):
            if j not in matched_preds:
                fp += 1
                per_type[p.type]["fp"] += 1
                false_alarms.append(_pred_error(rec, p))
        _confuse(rec, gold, preds, matching, confusion)

        # Variant: type only (countries ignored), with country accuracy on its matches.
        strict_required = {i: j for i, j in matching.items() if gold[i].required}
        tmatch = match_record(rec.text, gold, preds, type_only=True, fixed=strict_required)
        loose["tp"] += sum(gold[i].required for i in tmatch)
        loose["fn"] += sum(g.required and i not in tmatch for i, g in enumerate(gold))
        loose["fp"] += len(preds) - len(tmatch)
        for i, j in tmatch.items():
            sides = [side_correct(gold[i], preds[j], s) for s in ("source", "target")]
            for name, ok in zip(("source_country", "target_country"), sides, strict=True):
                if ok is not None:
                    loose_fields[name]["total"] += 1
                    loose_fields[name]["correct"] += ok
            known = [ok for ok in sides if ok is not None]
            if known:
                loose_fields["both_countries"]["total"] += 1
                loose_fields["both_countries"]["correct"] += all(known)

    return {
        **prf(tp, fp, fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "records": len(records),
        "records_without_prediction": without,
        "gold_events": n_gold,
        "optional_events": n_optional,
        "optional_matched": optional_matched,
        "predicted_events": n_pred,
        "per_type": {
            t: {**prf(c["tp"], c["fp"], c["fn"]), "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}
            for t, c in sorted(per_type.items())
        },
        "confusion": {
            g: dict(sorted(c.items(), key=lambda kv: (kv[0] == NONE, kv[0])))
            for g, c in sorted(confusion.items(), key=lambda kv: (kv[0] == NONE, kv[0]))
        },
        "fields": _accuracies(fields),
        "type_only": {
            **prf(loose["tp"], loose["fp"], loose["fn"]),
            "tp": loose["tp"],
            "fp": loose["fp"],
            "fn": loose["fn"],
            "fields": _accuracies(loose_fields),
        },
        "misses": sorted(misses, key=lambda e: -e["misses_in_record"]),
        "false_alarms": sorted(false_alarms, key=lambda e: -e["confidence"]),
    }


def _accuracies(counts: Mapping[str, Counter[str]]) -> dict[str, dict[str, float]]:
    order = {name: k for k, name in enumerate((*FIELDS, "both_countries"))}
    return {
        name: {
            "correct": c["correct"],
            "total": c["total"],
            "accuracy": c["correct"] / c["total"] if c["total"] else 0.0,
        }
        for name, c in sorted(counts.items(), key=lambda kv: order.get(kv[0], 99))
    }
