#!/usr/bin/env python
"""Inter-annotator agreement between two offset annotations of the same articles.

    .venv/bin/python scripts/annotation_agreement.py compare A.jsonl B.jsonl [--corpus DIR]
    .venv/bin/python scripts/annotation_agreement.py sample eval/de-news/tune.jsonl --n 15

``compare`` joins both files to the corpus (``eventcoder.evaluation.gold.read_gold``), keeps
the ids present in both and scores B against A with the project's own event matching
(``eventcoder.evaluation.matching``): A is the gold, B the prediction (B's events keep only their
main type, its ``type_alternatives`` are ignored in that direction); then the other way round;
"symmetric" is the mean of the two F1. Two variants, as in the scorer: *strict* (type and the gold
source/target countries) and *type only* (strict pairs kept, the rest matched on type alone).

Optional events (``required: false``) mirror the scorer on both sides: a required gold event is
TP when matched, FN otherwise; an optional gold event counts nowhere; a prediction matched to
nothing is FP only when it is required (an optional prediction is a borderline reading and
counts only when it matches a required gold event). Required predictions are matched first,
optional ones only to the gold events they leave. A stricter variant drops every optional
event on both sides first (a borderline event one annotator required is then a disagreement).

``sample`` picks articles for a second annotation without showing their events: the ids of the
file sorted by ``sha1(seed + "|" + id)``, keeping those with >= 1 required event and at most
``--max-chars`` characters, minus ``--exclude``; the first ``--n``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.evaluation.gold import SIDES, GoldEvent, GoldRecord, read_gold  # noqa: E402
from eventcoder.evaluation.gold_offsets import corpus_records  # noqa: E402
from eventcoder.evaluation.matching import (  # noqa: E402
    compatible,
    evidence_span,
    match_record,
    overlap,
    side_correct,
)
from eventcoder.evaluation.scorer import prf  # noqa: E402
from eventcoder.model import Actor, Event, Evidence  # noqa: E402

Matching = dict[int, int]


def as_prediction(text: str, g: GoldEvent) -> Event:
    """A second annotator's event as a prediction: main type, actors, evidence offsets."""
    start, end = evidence_span(text, g)
    side = {s: [Actor(text=a.text or "", country=a.country, sector=a.sector, code=a.code)
                for a in getattr(g, s)] for s in SIDES}
    return Event(type=g.type or "", evidence=Evidence(text[start:end], start, end),
                 source=side["source"], target=side["target"], factuality=g.factuality or "")


def match_pair(text: str, gold: list[GoldEvent], pred: list[GoldEvent], *,
               type_only: bool = False, fixed: Matching | None = None) -> Matching:
    """Gold index -> prediction index: required predictions first, then optional ones."""
    preds = [as_prediction(text, p) for p in pred]
    req = [j for j, p in enumerate(pred) if p.required]
    opt = [j for j, p in enumerate(pred) if not p.required]
    order = req + opt  # positions in ``order`` -> index in ``pred``
    ordered = [preds[j] for j in order]
    back = {j: k for k, j in enumerate(order)}
    fixed_k = {i: back[j] for i, j in (fixed or {}).items()}
    first = match_record(text, gold, ordered[:len(req)], type_only=type_only, fixed=fixed_k)
    both = match_record(text, gold, ordered, type_only=type_only, fixed=first)
    out = {i: order[k] for i, k in both.items()}
    return _same_words(text, gold, preds, out, type_only, set(fixed or {}))


def _same_words(text: str, gold: list[GoldEvent], preds: list[Event], m: Matching,
                type_only: bool, keep: set[int]) -> Matching:
    """Break ties between equal matchings toward the pair read from the same words.

    A prediction held by a gold event whose evidence it does not overlap moves to an unmatched,
    compatible gold event it does overlap, when both are required or both optional (counts
    unchanged).
    """
    spans = [evidence_span(text, g) for g in gold]
    owner = {j: i for i, j in m.items()}
    for i, g in enumerate(gold):
        if i in m:
            continue
        for j, p in enumerate(preds):
            k = owner.get(j)
            if (k is None or k in keep or gold[k].required != g.required
                    or not compatible(g, p, type_only=type_only)):
                continue
            pspan = (p.evidence.start, p.evidence.end)
            if overlap(spans[i], pspan) > 0 and overlap(spans[k], pspan) == 0:
                del m[k]
                m[i], owner[j] = j, i
                break
    return m


@dataclass
class Direction:
    """Counts of one direction (gold -> prediction)."""

    strict: Counter[str] = field(default_factory=Counter)
    loose: Counter[str] = field(default_factory=Counter)
    per_type: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    sides: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    kinds: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)  # type matches: same ``required``?
    details: list[dict[str, Any]] = field(default_factory=list)

    def add(self, rec_id: str, text: str, gold: list[GoldEvent], pred: list[GoldEvent]) -> None:
        strict = match_pair(text, gold, pred)
        fixed = {i: j for i, j in strict.items() if gold[i].required}
        loose = match_pair(text, gold, pred, type_only=True, fixed=fixed)
        for name, m in (("strict", strict), ("loose", loose)):
            counts = getattr(self, name)
            counts["tp"] += sum(gold[i].required for i in m)
            counts["fn"] += sum(g.required and i not in m for i, g in enumerate(gold))
            used = set(m.values())
            counts["fp"] += sum(p.required and j not in used for j, p in enumerate(pred))
            for i, g in enumerate(gold):
                if g.required:
                    self.per_type[g.type or ""][f"{name}_tp" if i in m else f"{name}_fn"] += 1
            for j, p in enumerate(pred):
                if p.required and j not in used:
                    self.per_type[p.type or ""][f"{name}_fp"] += 1
        preds = [as_prediction(text, p) for p in pred]
        for i, j in loose.items():
            self.flags["both" if gold[i].required == pred[j].required else "one"] += 1
            if not (gold[i].required or pred[j].required):
                continue
            known = []
            for side in SIDES:
                ok = side_correct(gold[i], preds[j], side)
                if ok is not None:
                    self.sides[side]["total"] += 1
                    self.sides[side]["correct"] += ok
                    known.append(ok)
            if not all(known):
                self._detail("countries differ", rec_id, gold[i], pred[j])
        self._leftovers(rec_id, text, gold, pred, loose)

    def _leftovers(self, rec_id: str, text: str, gold: list[GoldEvent], pred: list[GoldEvent],
                   m: Matching) -> None:
        """Unmatched required events: a type disagreement on overlapping evidence, or a miss."""
        used = set(m.values())
        free = [j for j in range(len(pred)) if j not in used]
        spans = [evidence_span(text, p) for p in pred]
        for i, g in enumerate(gold):
            if i in m or not g.required:
                continue
            span = evidence_span(text, g)
            near = [j for j in free if overlap(span, spans[j]) > 0]
            if near:
                j = max(near, key=lambda j: overlap(span, spans[j]))
                free.remove(j)
                self._detail(f"type differs: {g.type} -> {pred[j].type}", rec_id, g, pred[j])
            else:
                self._detail("only in gold", rec_id, g, None)
        for j in free:
            if pred[j].required:
                self._detail("only in prediction", rec_id, None, pred[j])

    def _detail(self, kind: str, rec_id: str, g: GoldEvent | None, p: GoldEvent | None) -> None:
        self.kinds[kind.split(":")[0]] += 1
        self.details.append({"kind": kind, "id": rec_id, "gold": _brief(g), "pred": _brief(p)})


def _brief(e: GoldEvent | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"type": e.type, "required": e.required, "evidence": e.evidence,
            "source": sorted(e.countries("source")), "target": sorted(e.countries("target"))}


def read_by_id(path: str, corpus: str | None) -> dict[str, GoldRecord]:
    return {r.id: r for r in read_gold([path], corpus=corpus)}


def agreement(a: dict[str, GoldRecord], b: dict[str, GoldRecord]) -> dict[str, Any]:
    """Scores of B against A, A against B and their mean over the ids both files hold."""
    common = sorted(set(a) & set(b))
    ab, ba, ab_req, ba_req = Direction(), Direction(), Direction(), Direction()
    for rid in common:
        ga = [e for e in a[rid].events if e.type]
        gb = [e for e in b[rid].events if e.type]
        ab.add(rid, a[rid].text, ga, gb)
        ba.add(rid, a[rid].text, gb, ga)
        ra, rb = [e for e in ga if e.required], [e for e in gb if e.required]
        ab_req.add(rid, a[rid].text, ra, rb)
        ba_req.add(rid, a[rid].text, rb, ra)
    out: dict[str, Any] = {
        "articles": len(common), "only_in_a": sorted(set(a) - set(b)),
        "only_in_b": sorted(set(b) - set(a)),
        "required": {"a": _required(a, common), "b": _required(b, common)},
        "optional": {"a": _required(a, common, False), "b": _required(b, common, False)},
    }
    for key, name, fwd_d, rev_d in (("strict", "strict", ab, ba), ("loose", "loose", ab, ba),
                                    ("required_only", "strict", ab_req, ba_req),
                                    ("required_only_loose", "loose", ab_req, ba_req)):
        fwd = prf(**{k: getattr(fwd_d, name)[k] for k in ("tp", "fp", "fn")})
        rev = prf(**{k: getattr(rev_d, name)[k] for k in ("tp", "fp", "fn")})
        out[key] = {"a_gold": {**fwd, **getattr(fwd_d, name)},
                    "b_gold": {**rev, **getattr(rev_d, name)},
                    "symmetric_f1": (fwd["f1"] + rev["f1"]) / 2}
    out["required_flag"] = {"same": ab.flags["both"], "pairs": sum(ab.flags.values())}
    out["sides"] = {d: {s: dict(c) for s, c in x.sides.items()} for d, x in (("a_gold", ab),
                                                                            ("b_gold", ba))}
    out["per_type"] = _per_type(ab, ba)
    out["disagreements"] = dict(ab.kinds)
    out["details"] = ab.details
    return out


def _required(recs: dict[str, GoldRecord], ids: list[str], required: bool = True) -> int:
    return sum(1 for i in ids for e in recs[i].events if e.type and e.required is required)


def _per_type(ab: Direction, ba: Direction) -> dict[str, dict[str, Any]]:
    out = {}
    for t in sorted(set(ab.per_type) | set(ba.per_type)):
        c, r = ab.per_type[t], ba.per_type[t]
        row: dict[str, Any] = {"a": c["strict_tp"] + c["strict_fn"],
                               "b": r["strict_tp"] + r["strict_fn"]}
        for name in ("strict", "loose"):
            f_ab = prf(c[f"{name}_tp"], c[f"{name}_fp"], c[f"{name}_fn"])["f1"]
            f_ba = prf(r[f"{name}_tp"], r[f"{name}_fp"], r[f"{name}_fn"])["f1"]
            row[name] = f_ab
            row[f"{name}_symmetric"] = (f_ab + f_ba) / 2
        out[t] = row
    return out


def markdown(res: dict[str, Any], title: str = "") -> str:
    """The agreement as Markdown tables."""
    lines = [f"### {title}" if title else "", "",
             f"{res['articles']} articles; required events A {res['required']['a']}, "
             f"B {res['required']['b']}; optional A {res['optional']['a']}, "
             f"B {res['optional']['b']}.", "",
             "| measure | P (A gold) | R (A gold) | F1 (A gold) | F1 (B gold) | symmetric F1 |",
             "|---|---|---|---|---|---|"]
    for name, label in (("strict", "type + countries"), ("loose", "type only"),
                        ("required_only", "type + countries, optional events dropped"),
                        ("required_only_loose", "type only, optional events dropped")):
        x = res[name]
        fa, fb = x["a_gold"], x["b_gold"]
        lines.append(f"| {label} (TP {fa['tp']}, FP {fa['fp']}, FN {fa['fn']}) | "
                     f"{fa['precision']:.3f} | {fa['recall']:.3f} | {fa['f1']:.3f} | "
                     f"{fb['f1']:.3f} | {x['symmetric_f1']:.3f} |")
    for side in SIDES:
        cells = []
        for d in ("a_gold", "b_gold"):
            c = res["sides"][d].get(side, {})
            cells.append(f"{c.get('correct', 0)}/{c.get('total', 0)}")
        lines.append(f"| {side} country on type matches | | | {cells[0]} | {cells[1]} | |")
    lines += ["", "| type | required A | required B | strict F1 | type-only F1 | "
              "symmetric type-only F1 |", "|---|---|---|---|---|---|"]
    for t, row in res["per_type"].items():
        lines.append(f"| {t} | {row['a']} | {row['b']} | {row['strict']:.2f} | "
                     f"{row['loose']:.2f} | {row['loose_symmetric']:.2f} |")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(res["disagreements"].items()))
    flag = res["required_flag"]
    lines += ["", f"Disagreements (A gold, type-only matching): {kinds or 'none'}. "
              f"Type matches with the same `required` flag: {flag['same']}/{flag['pairs']}."]
    return "\n".join(lines).lstrip("\n") + "\n"


def sample(path: str, n: int, seed: str, max_chars: int | None, exclude: set[str],
           corpus: str | None) -> list[str]:
    """Ids for a second annotation: hash order, >= 1 required event, short enough."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rid, name = str(rec["id"]), rec["corpus"]
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: not an offset annotation ({exc})") from exc
            if rid in exclude or not any(e.get("required", True) is not False
                                         for e in rec.get("events") or []):
                continue
            text = (corpus_records(name, corpus, path).get(rid) or {}).get("text") or ""
            if max_chars is not None and len(text) > max_chars:
                continue
            rows.append((hashlib.sha1(f"{seed}|{rid}".encode()).hexdigest(), rid))
    return [rid for _, rid in sorted(rows)[:n]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    cmp_ = sub.add_parser("compare", help="agreement of B with A")
    cmp_.add_argument("a", help="first annotation (offset JSONL), the gold")
    cmp_.add_argument("b", help="second annotation (offset JSONL), the prediction")
    cmp_.add_argument("--corpus", help="corpus folder (default: as eventcoder evaluate)")
    cmp_.add_argument("--title", default="", help="heading of the Markdown output")
    cmp_.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    cmp_.add_argument("--details", action="store_true",
                      help="also list every disagreement (quotes text: terminal only)")
    smp = sub.add_parser("sample", help="ids for a second annotation")
    smp.add_argument("gold", help="first annotation (offset JSONL)")
    smp.add_argument("--n", type=int, default=15)
    smp.add_argument("--seed", default="iaa-2026")
    smp.add_argument("--max-chars", type=int, default=None)
    smp.add_argument("--exclude", nargs="*", default=[])
    smp.add_argument("--corpus")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "sample":
            for rid in sample(args.gold, args.n, args.seed, args.max_chars, set(args.exclude),
                              args.corpus):
                print(rid)
            return 0
        res = agreement(read_by_id(args.a, args.corpus), read_by_id(args.b, args.corpus))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not res["articles"]:
        print(f"error: {args.a} and {args.b} share no article id", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(markdown(res, args.title), end="")
        if res["only_in_b"]:
            print(f"\nNot in A (skipped): {', '.join(res['only_in_b'])}")
        if args.details:
            for d in res["details"]:
                print(json.dumps(d, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
