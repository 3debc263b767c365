"""``eventcoder evaluate``: JSON keys, Markdown tables, --errors, coding gold texts itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventcoder.coding
from eventcoder.cli import cli
from eventcoder.model import Actor, Article, Event, Evidence

DATA = Path(__file__).parent / "data" / "eval"
GOLD, PRED = str(DATA / "gold_common.jsonl"), str(DATA / "pred_common.jsonl")


def run(*args: str):
    result = CliRunner().invoke(cli, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_output_has_top_level_scores():
    out = json.loads(run(GOLD, "--pred", PRED, "--json"))
    assert {"precision", "recall", "f1"} <= set(out)
    assert out["precision"] == pytest.approx(0.5) and out["recall"] == pytest.approx(0.6)
    assert out["events"]["misses"] == []  # --errors 0: no lists
    out = json.loads(run(GOLD, "--pred", PRED, "--json", "--errors", "1"))
    assert len(out["events"]["misses"]) == 1 and len(out["events"]["false_alarms"]) == 1


def test_markdown_output_and_errors():
    out = run(GOLD, "--pred", PRED, "--errors", "5")
    assert "| overall | 3 | 3 | 2 | 0.500 | 0.600 | 0.545 |" in out
    assert "| type only | 4 | 2 | 1 |" in out
    assert "Worst misses" in out and "Estonian troops were deployed to the border" in out
    assert "Worst false alarms" in out and "nothing else happened" in out


def test_several_gold_files_micro_average(tmp_path):
    # common (TP 3 FP 3 FN 2) + petrarch (TP 2 FP 1 FN 2): TP 5 FP 4 FN 4
    pred = tmp_path / "pred.jsonl"
    pred.write_text(Path(PRED).read_text() + (DATA / "pred_petrarch.jsonl").read_text())
    out = json.loads(run(GOLD, str(DATA / "gold_petrarch.jsonl"), "--pred", str(pred), "--json"))
    assert (out["tp"], out["fp"], out["fn"]) == (5, 4, 4)
    assert out["precision"] == pytest.approx(5 / 9)


class FakeCoder:
    """Codes every text as one THREATEN by NOR against SWE."""

    version = "fake"

    def __init__(self, **dictionaries):
        self.dictionaries = dictionaries

    def code(self, article: Article) -> list[Event]:
        return [Event(type="THREATEN", article_id=article.id,
                      evidence=Evidence(article.text[:5], 0, 5),
                      source=[Actor("x", country="NOR")], target=[Actor("y", country="SWE")])]


def test_codes_gold_texts_without_pred(monkeypatch, tmp_path):
    seen = {}

    def fake_get_coder(**kw):
        seen.update(kw)
        return FakeCoder(**kw)

    monkeypatch.setattr(eventcoder.coding, "get_coder", fake_get_coder)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "a", "lang": "en", "text": "Norway warned Sweden.", "events": [
            {"type": "THREATEN", "source": {"country": "NOR"}, "target": {"country": "SWE"}}]})
        + "\n"
        + json.dumps({"id": "b", "lang": "en", "text": "Quiet day.", "events": []}) + "\n",
        encoding="utf-8",
    )
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("# none\n")
    out = json.loads(run(str(gold), "--json", "--verbs", str(verbs)))
    # a: TP 1; b: FP 1 -> P 0.5, R 1.0
    assert (out["tp"], out["fp"], out["fn"]) == (1, 1, 0)
    assert out["recall"] == pytest.approx(1.0)
    assert list(seen["verbs"]) == [str(verbs)]


def test_bad_gold_file_is_a_clean_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("nope\n")
    result = CliRunner().invoke(cli, ["evaluate", str(bad), "--pred", PRED])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output


def test_toponym_gold_is_dispatched(monkeypatch, tmp_path):
    import sys
    import types

    fake = types.ModuleType("eventcoder.evaluation.toponyms")
    fake.evaluate_file = lambda path: {"items": 1, "exact": 0.5, "acc_at_161km": 0.75}
    monkeypatch.setitem(sys.modules, "eventcoder.evaluation.toponyms", fake)
    gold = tmp_path / "gwn.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": "In Paris.", "toponyms": []}) + "\n")
    assert "| acc_at_161km | 0.750 |" in run(str(gold))
    assert json.loads(run(str(gold), "--json"))["exact"] == 0.5


def test_missing_ner_scorer_is_a_clean_error(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "eventcoder.evaluation.ner", None)  # import fails
    gold = tmp_path / "ner.tsv"
    gold.write_text("#\tx\n1\tBerlin\tB-LOC\tO\n")
    result = CliRunner().invoke(cli, ["evaluate", str(gold)])
    assert result.exit_code == 1 and "ner scoring is not available" in result.output
