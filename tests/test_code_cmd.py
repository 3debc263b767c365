"""``eventcoder code``: files in, canonical JSONL / JSON / a table out, no store."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventcoder.cli import cli

TEXT = (
    "Die Polizei nahm am Dienstag in Minsk mehr als 200 Demonstranten fest. "
    "Frankreich und Polen verurteilten die Festnahmen.\n"
)


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "minsk.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_jsonl_is_one_article_per_line_with_events(tmp_path: Path) -> None:
    path = _write(tmp_path)
    res = CliRunner().invoke(cli, ["code", str(path), "--lang", "de", "--published", "2023-05-04"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1
    art = lines[0]
    assert art["lang"] == "de" and art["published"] == "2023-05-04"
    types = [e["type"] for e in art["events"]]
    assert types == ["COERCE", "ACCUSE"]
    arrest = art["events"][0]
    assert arrest["date"] == "2023-05-02" and arrest["location"]["country"] == "BLR"
    assert (
        art["text"][arrest["evidence"]["start"] : arrest["evidence"]["end"]]
        == arrest["evidence"]["text"]
    )
    assert all(e["article_id"] == art["id"] and e["id"] for e in art["events"])


def test_table_and_json_formats_and_out_file(tmp_path: Path) -> None:
    path = _write(tmp_path)
    runner = CliRunner()
    table = runner.invoke(cli, ["code", str(path), "--lang", "de", "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "COERCE/arrest 173" in table.output and "[BLR" in table.output
    out = tmp_path / "out.json"
    res = runner.invoke(
        cli, ["code", str(path), "--lang", "de", "--format", "json", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data[0]["events"]


def test_stdin_and_a_missing_file_keep_going_with_exit_code_1(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli,
        ["code", "-", str(tmp_path / "missing.txt"), "--lang", "en"],
        input="Police arrested 40 protesters in Lagos on Friday.\n",
    )
    assert res.exit_code == 1
    first = json.loads(res.stdout.splitlines()[0])
    assert [e["type"] for e in first["events"]] == ["COERCE"]
    assert "missing.txt" in res.stderr


def test_english_cameo_backend(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "Russian troops attacked the Ukrainian city of Kharkiv on Monday, "
        "killing 12 civilians, according to officials.\n",
        encoding="utf-8",
    )
    runs = {}
    for backend in ("lexicon", "cameo"):
        res = CliRunner().invoke(
            cli,
            ["code", str(path), "--lang", "en", "--published", "2023-05-04", "--en-coder", backend],
        )
        assert res.exit_code == 0, res.output
        art = json.loads(res.output.splitlines()[0])
        runs[backend] = art["events"]
        for ev in art["events"]:  # offsets point into the article text
            for span in [ev["evidence"], *ev["source"], *ev["target"]]:
                assert art["text"][span["start"] : span["end"]] == span["text"]
    cameo = runs["cameo"]
    assert cameo and cameo[0]["type"] == "ASSAULT"
    assert cameo[0]["coder"].endswith("/cameo-en")
    assert cameo[0]["source"][0]["country"] == "RUS"
    assert cameo[0]["date"] == "2023-05-01"
    assert not any(e["coder"].endswith("cameo-en") for e in runs["lexicon"])


def test_unknown_english_backend_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["code", str(_write(tmp_path)), "--en-coder", "spacy"])
    assert res.exit_code == 2
