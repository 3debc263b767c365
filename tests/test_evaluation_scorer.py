"""Scorer figures on hand-made gold/prediction files, worked out by hand.

tests/data/eval/gold_common.jsonl (required gold events g*, optional o*):
  r1: g1 COERCE NOR->NOR (arrest, Oslo/NOR, arrested 12, asserted)
      g2 CONSULT SWE->NOR (phone, 2023-03-07, asserted)
      o3 PROTEST NOR (required: false)
  r2: g4 AGREE source [DNK, FIN] (list), no target
      g5 AID DNK->ISL, type_alternatives [COOPERATE]
  r3: g6 MOBILIZE EST                      (no prediction for r3 at all)
  r4: no events
  r5: Portuguese -> unsupported, not scored
tests/data/eval/pred_common.jsonl:
  r1: p1 COERCE NOR->NOR (arrest, NOR, 12, *reported*)      -> g1
      p2 CONSULT NOR->SWE (sides swapped; *meet*)           -> g2 (reciprocal type)
      p3 PROTEST NOR                                        -> o3 (neither TP nor FP)
      p4 ASSAULT NOR->NOR                                   -> FP
  r2: p5 AGREE FIN->DNK (FIN is one of the gold sources)    -> g4
      p6 COOPERATE DNK->NOR (alternative type, wrong target) -> FP; g5 FN
  r4: p7 THREATEN USA                                       -> FP
  zz-not-in-gold: ignored

Strict: TP 3 (g1 g2 g4), FP 3 (p4 p6 p7), FN 2 (g5 g6)
  P = 3/6 = 0.5, R = 3/5 = 0.6, F1 = 2*0.5*0.6/1.1 = 6/11
Type only: p6 now matches g5: TP 4, FP 2 (p4 p7), FN 1 (g6)
  P = 4/6, R = 4/5, F1 = 2*(2/3)*(4/5)/(2/3+4/5) = 8/11
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluation.evaluate import evaluate, read_predictions
from eventcoder.evaluation.gold import read_gold

DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture(scope="module")
def report():
    records = list(read_gold([str(DATA / "gold_common.jsonl")]))
    return evaluate(records, read_predictions(str(DATA / "pred_common.jsonl")))


def test_overall_strict(report):
    assert (report["tp"], report["fp"], report["fn"]) == (3, 3, 2)
    assert report["precision"] == pytest.approx(0.5)
    assert report["recall"] == pytest.approx(0.6)
    assert report["f1"] == pytest.approx(6 / 11)


def test_record_bookkeeping(report):
    ev = report["events"]
    assert ev["records"] == 4  # the Portuguese record is not scored
    assert report["unsupported_records"] == 1 and report["unsupported_langs"] == ["pt"]
    assert ev["records_without_prediction"] == 1  # r3
    assert report["predictions_for_unknown_ids"] == 1
    assert ev["gold_events"] == 5 and ev["optional_events"] == 1
    assert ev["optional_matched"] == 1
    assert ev["predicted_events"] == 7


def test_type_only_variant(report):
    loose = report["events"]["type_only"]
    assert (loose["tp"], loose["fp"], loose["fn"]) == (4, 2, 1)
    assert loose["precision"] == pytest.approx(4 / 6)
    assert loose["recall"] == pytest.approx(4 / 5)
    assert loose["f1"] == pytest.approx(8 / 11)
    # country accuracy on the 5 type-only pairs (g1 g2 o3 g4 g5): only g5's target (ISL vs NOR)
    # is wrong; o3 and g4 have no gold target country.
    f = loose["fields"]
    assert (f["source_country"]["correct"], f["source_country"]["total"]) == (5, 5)
    assert (f["target_country"]["correct"], f["target_country"]["total"]) == (2, 3)
    assert (f["both_countries"]["correct"], f["both_countries"]["total"]) == (4, 5)


def test_field_accuracy_on_matched_pairs(report):
    # matched pairs: g1-p1, g2-p2, o3-p3, g4-p5
    f = {k: (v["correct"], v["total"]) for k, v in report["events"]["fields"].items()}
    assert f["mode"] == (1, 2)  # arrest right, phone != meet
    assert f["date"] == (1, 1)
    assert f["location_country"] == (1, 1)
    assert f["arrested"] == (1, 1)
    assert f["factuality"] == (1, 2)  # g1 asserted != reported
    assert f["source_country"] == (4, 4)
    assert f["target_country"] == (2, 2)  # g2 via the reciprocal swap
    assert "dead" not in f and "cameo_root" not in f  # not annotated -> not scored


def test_per_type_adds_up(report):
    per = report["events"]["per_type"]
    assert per["COERCE"]["tp"] == 1 and per["COERCE"]["f1"] == pytest.approx(1.0)
    assert per["AID"]["fn"] == 1 and per["AID"]["recall"] == 0.0
    assert per["COOPERATE"]["fp"] == 1
    assert per["THREATEN"]["fp"] == 1
    assert "PROTEST" not in per  # optional events count nowhere
    for key in ("tp", "fp", "fn"):
        assert sum(d[key] for d in per.values()) == report["events"][key]


def test_confusion(report):
    conf = report["events"]["confusion"]
    assert conf["AID"] == {"COOPERATE": 1}  # same record, type right but target wrong
    assert conf["MOBILIZE"] == {"(none)": 1}
    assert conf["(none)"] == {"ASSAULT": 1, "THREATEN": 1}
    assert conf["COERCE"] == {"COERCE": 1}
    assert list(conf)[-1] == "(none)"


def test_errors_have_evidence(report):
    ev = report["events"]
    assert {(e["record"], e["type"]) for e in ev["misses"]} == {("r2", "AID"), ("r3", "MOBILIZE")}
    miss = next(e for e in ev["misses"] if e["type"] == "AID")
    assert miss["evidence"] == "Denmark sent food aid to Iceland"
    # false alarms: most confident first
    assert [e["type"] for e in ev["false_alarms"]] == ["ASSAULT", "COOPERATE", "THREATEN"]
    assert ev["false_alarms"][0]["evidence"] == "arrested"


def test_no_predictions_at_all():
    records = list(read_gold([str(DATA / "gold_common.jsonl")]))
    r = evaluate(records, {})
    assert (r["tp"], r["fp"], r["fn"]) == (0, 0, 5)
    assert r["precision"] == 0.0 and r["recall"] == 0.0 and r["f1"] == 0.0
    assert r["events"]["records_without_prediction"] == 4


def test_plover_gsr_shape():
    """GSR: reciprocal actors in `source`, IGO, alpha-2 location codes.

    gsr-1 AGREE [CHL, PER] -> pred PER->CHL: source PER is a gold source -> TP; Lima PE = PER.
    gsr-2 ACCUSE IGO -> pred source AU/IGO -> TP.
    gsr-3 ASSAULT COD->COD dead 5, Goma CD -> pred dead 4 -> TP, dead wrong.
    P = R = F1 = 1; location 2/2; dead 0/1.
    """
    records = list(read_gold([str(DATA / "gold_gsr.jsonl")]))
    r = evaluate(records, read_predictions(str(DATA / "pred_gsr.jsonl")))
    assert (r["tp"], r["fp"], r["fn"]) == (3, 0, 0)
    assert r["f1"] == pytest.approx(1.0)
    f = {k: (v["correct"], v["total"]) for k, v in r["events"]["fields"].items()}
    assert f["location_country"] == (2, 2)
    assert f["dead"] == (0, 1)
    assert "mode" not in f  # GSR mode null here -> not annotated
