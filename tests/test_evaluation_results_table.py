"""scripts/results_table.py: rows from real scoring, README block replaced in place."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventcoder.evaluation.evaluate import read_predictions

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("results_table", REPO / "scripts/results_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class ReplayCoder:
    """Returns the hand-made predictions of tests/data/eval/pred_common.jsonl."""

    def __init__(self):
        self.preds = read_predictions(str(DATA / "pred_common.jsonl"))

    def code(self, article):
        return self.preds.get(article.id, [])


def test_event_row_uses_the_scorer(script):
    row = script.event_row("common", DATA / "gold_common.jsonl", False, coder=ReplayCoder())
    # see test_evaluation_scorer: P 0.5, R 0.6, F1 6/11; type-only F1 8/11; countries 4/5
    assert row[0] == "common" and row[2] == "5 events"
    assert row[4:7] == [pytest.approx(0.5), pytest.approx(0.6), pytest.approx(6 / 11)]
    assert "type-only F1 0.727" in row[7] and "4/5" in row[7]


def test_readme_block_is_replaced(script, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nbefore\n{script.START}\nold table\n{script.END}\nafter\n")
    block = script.render([["x", "en", "1 events", "m", 1.0, 0.5, 2 / 3, ""]], None, False)
    script.update_readme(readme, block)
    text = readme.read_text()
    assert "old table" not in text
    assert "| x | en | 1 events | m | 1.000 | 0.500 | 0.667 |  |" in text
    assert text.startswith("# Title\n\nbefore\n") and text.endswith(f"{script.END}\nafter\n")
    assert text.count(script.START) == 1 and "cores, Python" in text
    script.update_readme(readme, block)  # idempotent
    assert readme.read_text() == text


def test_readme_without_markers_is_refused(script, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n")
    with pytest.raises(SystemExit):
        script.update_readme(readme, "x")
