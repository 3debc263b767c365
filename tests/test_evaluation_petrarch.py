"""PETRARCH/TABARI triple scoring on hand-made records.

gold_petrarch.jsonl:                    pred_petrarch.jsonl:
  pt-1 {XAN/YOR/032, YOR/XAN/033}          both triples            -> exact, TP 2
  pt-2 {} (expects no event)               no events               -> exact
  pt-3 {XAN/YOR/111}                       XAN/YOR/112             -> FP 1, FN 1
  pt-4 {XANGOV/YOR/0231}                   (no prediction)         -> FN 1
TP 2, FP 1, FN 2: P = 2/3, R = 2/4, F1 = 2*(2/3)*(1/2)/(2/3+1/2) = 4/7; exact 2/4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluation.evaluate import evaluate, read_predictions
from eventcoder.evaluation.gold import read_gold
from eventcoder.evaluation.petrarch import predicted_triples
from eventcoder.model import Actor, Event, Evidence

DATA = Path(__file__).parent / "data" / "eval"


def test_triple_scores():
    records = list(read_gold([str(DATA / "gold_petrarch.jsonl")]))
    r = evaluate(records, read_predictions(str(DATA / "pred_petrarch.jsonl")))
    pt = r["petrarch"]
    assert (pt["tp"], pt["fp"], pt["fn"]) == (2, 1, 2)
    assert pt["precision"] == pytest.approx(2 / 3)
    assert pt["recall"] == pytest.approx(0.5)
    assert pt["f1"] == pytest.approx(4 / 7)
    assert pt["records_exact"] == 2 and pt["exact_rate"] == pytest.approx(0.5)
    assert pt["records_without_prediction"] == 1
    assert r["f1"] == pytest.approx(4 / 7)  # only one kind of record: same figures on top
    assert "events" not in r
    assert {e["record"] for e in pt["errors"]} == {"pt-3", "pt-4"}


def test_predicted_triples_expand_compound_actors():
    e = Event(type="CONSULT", evidence=Evidence("x", 0, 1), cameo="040",
              source=[Actor("a", code="AAA"), Actor("b", code="BBB")], target=[])
    assert predicted_triples([e]) == {("AAA", "---", "040"), ("BBB", "---", "040")}
