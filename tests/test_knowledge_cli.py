"""``eventcoder kb lookup|stats``, ``evaluate-ner`` and ``evaluate-geo``."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventcoder.cli import cli


def test_kb_lookup_table_and_json():
    r = CliRunner().invoke(cli, ["kb", "lookup", "Präsident Tokajew bat die OVKS um Hilfe.",
                                 "--date", "2022-01-06"])
    assert r.exit_code == 0, r.output
    assert "KAZGOV" in r.output and "CSTO" in r.output
    r = CliRunner().invoke(cli, ["kb", "lookup", "Russian troops landed in Almaty.", "--lang",
                                 "en", "--json"])
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert rows[0]["code"] == "RUSMIL" and rows[0]["start"] == 0
    assert rows[1]["kind"] == "place" and rows[1]["locative"] is True


def test_kb_stats():
    r = CliRunner().invoke(cli, ["kb", "stats", "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["entries_country"] > 200 and report["entries_place"] > 30000
    assert report["startup_seconds"] < 2.0


def test_evaluate_commands(tmp_path):
    tsv = tmp_path / "ner.tsv"
    tsv.write_text("#\thttp://example.org\t[2011-01-01]\n1\tIn\tO\tO\n2\tKöln\tB-LOC\tO\n"
                   "3\tregnet\tO\tO\n4\tes\tO\tO\n\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate-ner", str(tsv), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["LOC_f1"] == 1.0
    geo = tmp_path / "geo.jsonl"
    text = "Flooding hit Hamburg."
    geo.write_text(json.dumps({"text": text, "toponyms": [
        {"start": 13, "end": 20, "name": "Hamburg", "lat": 53.55, "lon": 10.0}]}) + "\n")
    r = CliRunner().invoke(cli, ["evaluate-geo", str(geo)])
    assert r.exit_code == 0, r.output
    assert "acc_161km" in r.output and "1.0" in r.output
