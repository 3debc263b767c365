"""Run an evaluation: get predictions (from a file or by coding the gold texts) and score them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventcoder.evaluation.gold import GoldRecord, read_gold
from eventcoder.evaluation.petrarch import score_triples
from eventcoder.evaluation.scorer import prf, score_events
from eventcoder.model import Article, Event


def read_predictions(path: str) -> dict[str, list[Event]]:
    """Canonical eventcoder JSONL (one ``Article.to_dict()`` per line) -> id -> events."""
    out: dict[str, list[Event]] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                events = [Event.from_dict(e) for e in d.get("events") or []]
                out.setdefault(str(d["id"]), []).extend(events)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: not an eventcoder article ({exc})") from exc
    return out


def code_records(records: Iterable[GoldRecord], coder: Any) -> dict[str, list[Event]]:
    """Code each gold text with ``coder`` (anything with ``code(article) -> list[Event]``)."""
    out: dict[str, list[Event]] = {}
    for rec in records:
        article = Article(id=rec.id, text=rec.text, lang=rec.lang, published=rec.published)
        try:
            out[rec.id] = list(coder.code(article))
        except ValueError:  # UnsupportedLanguage: scored as an unsupported record
            if rec.kind != "unsupported":
                raise
            out[rec.id] = []
    return out


def evaluate(
    records: Sequence[GoldRecord], predictions: Mapping[str, list[Event]]
) -> dict[str, Any]:
    """Score every kind of record present.

    Top-level ``precision``/``recall``/``f1`` are micro-averaged over PLOVER events and PETRARCH
    triples together (normally a gold file holds one kind only, so they are that kind's figures).
    """
    plover = [r for r in records if r.kind == "plover"]
    petr = [r for r in records if r.kind == "petrarch"]
    unsupported = [r for r in records if r.kind == "unsupported"]
    known = {r.id for r in records}
    report: dict[str, Any] = {
        "records": len(records),
        "unsupported_records": len(unsupported),
        "unsupported_langs": sorted({r.lang or "?" for r in unsupported}),
        "predictions_for_unknown_ids": sum(1 for k in predictions if k not in known),
    }
    tp = fp = fn = 0
    if plover:
        report["events"] = score_events(plover, predictions)
    if petr:
        report["petrarch"] = score_triples(petr, predictions)
    for part in (report.get("events"), report.get("petrarch")):
        if part:
            tp, fp, fn = tp + part["tp"], fp + part["fp"], fn + part["fn"]
    return {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, **report}


def evaluate_files(
    gold_paths: Sequence[str],
    pred_path: str | None = None,
    *,
    coder: Any = None,
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    verbs: Sequence[str] = (),
    corpus: str | None = None,
) -> dict[str, Any]:
    """Read gold files (offset annotations joined with ``corpus``), code them (or read
    ``pred_path``) and score."""
    records = list(read_gold(gold_paths, corpus=corpus))
    if pred_path:
        predictions = read_predictions(pred_path)
    else:
        if coder is None:
            from eventcoder.coding import get_coder

            coder = get_coder(actors=actors, agents=agents, verbs=verbs)
        predictions = code_records((r for r in records if r.kind != "unsupported"), coder)
    return evaluate(records, predictions)


def trim_errors(report: dict[str, Any], n: int) -> dict[str, Any]:
    """Keep only the first ``n`` misses/false alarms/error records (for JSON output)."""
    out = dict(report)
    if "events" in out:
        ev = dict(out["events"])
        ev["misses"], ev["false_alarms"] = ev["misses"][:n], ev["false_alarms"][:n]
        out["events"] = ev
    if "petrarch" in out:
        out["petrarch"] = {**out["petrarch"], "errors": out["petrarch"]["errors"][:n]}
    return out


def special_kind(path: str) -> str | None:
    """``"ner"`` (GermEval TSV/JSONL), ``"toponyms"`` (GeoWebNews JSONL) or None (events)."""
    if path.endswith(".tsv"):
        return "ner"
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    try:
        rec = json.loads(first)
    except ValueError:
        return None
    if not isinstance(rec, dict):
        return None
    if "toponyms" in rec:
        return "toponyms"
    if "tokens" in rec and "entities" in rec:
        return "ner"
    return None


def evaluate_special(kind: str, path: str) -> dict[str, Any]:
    """Delegate NER/toponym gold to ``eventcoder.evaluation.ner``/``toponyms`` (``evaluate_file``)."""
    import importlib

    try:
        mod = importlib.import_module(f"eventcoder.evaluation.{kind}")
        fn = mod.evaluate_file
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"{path}: {kind} scoring is not available in this build ({exc})") from exc
    return fn(path)
