"""CI smoke run: the real coder on a subset of the shared dev sets, checking scorer invariants.

No thresholds on accuracy or speed: whatever the engine predicts, the counts must add up.
Skipped when ../shared is not there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.coding import get_coder
from eventcoder.evaluation.evaluate import code_records, evaluate
from eventcoder.evaluation.gold import read_gold
from eventcoder.evaluation.petrarch import gold_triples, predicted_triples

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = [
    SHARED / "corpus/seed/expected.jsonl",
    SHARED / "eval/plover-gsr/plover_gsr.jsonl",
]
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared not available")


@pytest.fixture(scope="module")
def coder():
    return get_coder()


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.parent.name)
def test_event_scores_add_up(path, coder):
    if not path.exists():
        pytest.skip(f"{path} missing")
    records = list(read_gold([str(path)]))[:60]
    preds = code_records(records, coder)
    r = evaluate(records, preds)
    ev = r["events"]
    n_pred = sum(len(v) for v in preds.values())
    assert ev["predicted_events"] == n_pred
    assert ev["tp"] + ev["fn"] == ev["gold_events"]
    assert ev["tp"] + ev["fp"] + ev["optional_matched"] == n_pred
    assert ev["type_only"]["tp"] >= ev["tp"]  # dropping the country condition only adds matches
    for key in ("tp", "fp", "fn"):
        assert sum(d[key] for d in ev["per_type"].values()) == ev[key]
    assert sum(sum(row.values()) for g, row in ev["confusion"].items() if g != "(none)") >= (
        ev["gold_events"]
    )
    for value in (r["precision"], r["recall"], r["f1"]):
        assert 0.0 <= value <= 1.0
    json.dumps(r)  # the --json output is serialisable


def test_petrarch_scores_add_up():
    path = SHARED / "eval/petrarch-validation/petrarch_validation_clean.jsonl"
    if not path.exists():
        pytest.skip(f"{path} missing")
    d = path.parent / "dictionaries"
    records = [r for r in read_gold([str(path)]) if r.id.startswith("PETR-UT:")][:60]
    coder = get_coder(actors=[str(d / "PETR.Validate.actors.txt")],
                      agents=[str(d / "PETR.Validate.agents.txt")],
                      verbs=[str(d / "PETR.Validate.verbs.txt")])
    try:
        preds = code_records(records, coder)
    except ModuleNotFoundError as exc:  # dictionary support not installed in this build
        pytest.skip(f"coder cannot load PETRARCH dictionaries: {exc}")
    pt = evaluate(records, preds)["petrarch"]
    assert pt["records"] == 60
    assert pt["tp"] + pt["fn"] == sum(len(gold_triples(r)) for r in records)
    assert pt["tp"] + pt["fp"] == sum(len(predicted_triples(preds[r.id])) for r in records)
    # a record is exact only when nothing is missing or extra
    exact = sum(gold_triples(r) == predicted_triples(preds[r.id]) for r in records)
    assert pt["records_exact"] == exact == 60 - len(pt["errors"])
