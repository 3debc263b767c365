"""Benchmark on a tiny corpus: figures are positive numbers and the output has its keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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
    r = benchmark([BENCH], workers=2, repeat=2, startup=False, min_articles=0)
    assert r["articles"] == 6 and r["sentences"] >= 6 and r["tokens"] > 50
    for run in (r["single"], r["parallel"]):
        for key in ("seconds", "articles_per_s_per_core", "sentences_per_s_per_core",
                    "tokens_per_s_per_core", "cpu_seconds", "sentences_per_cpu_s"):
            assert run[key] > 0
    assert r["parallel"]["workers"] == 2
    p = r["parallel"]
    assert 0 < p["busiest_worker_cpu_s"] <= p["cpu_seconds"] and p["worker_startup_s"] > 0
    assert p["speedup"] == pytest.approx(r["single"]["seconds"] / p["seconds"])
    assert r["peak_rss_mb"] > 0
    md = benchmark_markdown(r)
    assert "| 1 process |" in md and "| 2 processes |" in md
    assert "Speed-up 1 -> 2 processes:" in md and "by CPU time" in md


def test_benchmark_cli_json_with_startup():
    result = CliRunner().invoke(cli, ["benchmark", str(BENCH), "--workers", "1", "--json", "--small-ok"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.output)
    assert r["startup_s"] > 0
    assert "parallel" not in r  # --workers 1: single process only
    assert r["single"]["sentences_per_s_per_core"] > 0
    assert {"cpu", "cores", "python"} <= set(r["machine"])


def test_tiny_corpus_is_refused_with_what_to_pass():
    """A tiny input gives no speed: the CLI says so, names what to pass, prints no figure."""
    result = CliRunner().invoke(cli, ["benchmark", str(BENCH), "--workers", "1", "--no-startup"])
    assert result.exit_code != 0
    assert "no corpus of a meaningful size" in result.output
    assert "holds 3 articles" in result.output
    for what in ("folder", "JSONL", "WARC", "--small-ok"):
        assert what in result.output
    assert "articles/s/core" not in result.output  # no speed table


def test_fresh_clone_without_shared_corpus(monkeypatch, tmp_path):
    """Without ../shared/corpus (a fresh clone) nothing is measured on the examples."""
    import eventcoder.evaluation.benchmark as bench

    clone = tmp_path / "clone"  # a repository with its examples, and no ../shared next to it
    (clone / "examples").mkdir(parents=True)
    (clone / "examples" / "a.en.txt").write_text("Police arrested two people.\n")
    module = clone / "src" / "eventcoder" / "evaluation" / "benchmark.py"
    monkeypatch.setattr(bench, "__file__", str(module))
    monkeypatch.chdir(clone)
    result = CliRunner().invoke(cli, ["benchmark", "--workers", "1", "--no-startup"])
    assert result.exit_code != 0
    assert "../shared/corpus is not there" in result.output
    assert "WARC" in result.output and "| 1 process |" not in result.output


def test_enough_articles_are_measured(tmp_path):
    """The positive twin: a corpus at the minimum size is measured."""
    import eventcoder.evaluation.benchmark as bench

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"n{i}", "lang": "en", "text": f"Police arrested {i} people."}) + "\n"
        for i in range(bench.MIN_ARTICLES)), encoding="utf-8")
    r = benchmark([corpus], workers=1, startup=False)
    assert r["articles"] == bench.MIN_ARTICLES and r["single"]["articles_per_s_per_core"] > 0


def test_records_per_sentence_codes_one_record_per_sentence(tmp_path):
    """--records-per-sentence: each sentence is its own record (gold texts read too), and the
    table says records; without the flag the gold file is skipped and articles are coded."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(
        json.dumps({"id": f"g{i}", "lang": "en", "events": [],
                    "text": f"Police arrested {i} people. The mayor thanked them."}) + "\n"
        for i in range(3)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["benchmark", str(gold), "--records-per-sentence",
                                      "--workers", "1", "--no-startup", "--small-ok", "--json"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.output)
    assert r["records_per_sentence"] is True
    assert r["articles"] == 6 and r["sentences"] == 6  # 3 records x 2 sentences
    assert r["single"]["articles_per_s_per_core"] > 0
    assert "records/s/core" in benchmark_markdown(r) and "One-sentence records:" in \
        benchmark_markdown(r)
    plain = CliRunner().invoke(cli, ["benchmark", str(gold), "--workers", "1", "--no-startup",
                                     "--small-ok"])
    assert plain.exit_code != 0 and "holds 0 articles" in plain.output  # gold skipped


def test_sentence_records_keep_language_and_number_ids():
    from eventcoder.evaluation.benchmark import sentence_records
    from eventcoder.model import Article

    recs = sentence_records([Article(text="Die Polizei kam. Sie nahm zwei Männer fest.",
                                     id="a1", lang="de")])
    assert [(r.id, r.lang) for r in recs] == [("a1-0", "de"), ("a1-1", "de")]
    assert recs[1].text == "Sie nahm zwei Männer fest."
