"""Benchmark on a tiny corpus: figures are positive numbers and the output has its keys."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.evaluation.benchmark import benchmark, benchmark_markdown, read_corpus

BENCH = Path(__file__).parent / "data" / "eval" / "bench"


def test_read_corpus_languages_and_gold_skipped(tmp_path):
    arts = list(read_corpus([BENCH]))
    assert len(arts) == 3
    assert {a.lang for a in arts} == {"de", "en"}
    gold = tmp_path / "expected.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": "x", "events": []}) + "\n")
    assert list(read_corpus([gold])) == []


def test_benchmark_single_and_parallel():
    r = benchmark([BENCH], workers=2, repeat=2, startup=False)
    assert r["articles"] == 6 and r["sentences"] >= 6 and r["tokens"] > 50
    for run in (r["single"], r["parallel"]):
        for key in ("seconds", "articles_per_s_per_core", "sentences_per_s_per_core",
                    "tokens_per_s_per_core", "cpu_seconds", "sentences_per_cpu_s"):
            assert run[key] > 0
    assert r["parallel"]["workers"] == 2
    assert r["peak_rss_mb"] > 0
    md = benchmark_markdown(r)
    assert "| 1 process |" in md and "| 2 processes |" in md


def test_benchmark_cli_json_with_startup():
    result = CliRunner().invoke(cli, ["benchmark", str(BENCH), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.output)
    assert r["startup_s"] > 0
    assert "parallel" not in r  # --workers 1: single process only
    assert r["single"]["sentences_per_s_per_core"] > 0
    assert {"cpu", "cores", "python"} <= set(r["machine"])
