"""``eventcoder ingest`` and ``eventcoder export`` end to end (click's CliRunner)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.model import Actor, Event, Evidence
from eventcoder.store import open_store
from eventcoder.store.export import EVENT_COLUMNS

TEXT_DE = (
    "Streik im Hafen\n\n"
    "Hamburg, 4. März 2024. Hunderte Hafenarbeiter legten am Montag die Arbeit nieder. "
    "Die Gewerkschaft forderte höhere Löhne von den Betreibern der Terminals."
)
TEXT_EN = (
    "Talks resume in Geneva. Delegations from both countries met on Tuesday and agreed "
    "to continue the negotiations next month."
)


class FakeCoder:
    """Stands in for the engine: one PROTEST event per article that mentions 'Arbeit'."""

    version = "fake-1"

    def code(self, article):
        i = article.text.find("legten")
        if i < 0:
            return []
        ev = Event(
            type="PROTEST",
            evidence=Evidence(article.text[i : i + 6], i, i + 6),
            article_id=article.id,
            source=[Actor("Hafenarbeiter", country="DEU", sector="LAB")],
            date="2024-03-04",
        )
        ev.assign_id()
        return [ev]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    txt = tmp_path / "streik.txt"
    txt.write_text(TEXT_DE, encoding="utf-8")
    jsonl = tmp_path / "batch.jsonl"
    lines = [
        {"id": "genf-1", "text": TEXT_EN, "title": "Geneva talks", "published": "2024-02-06"},
        {"id": "genf-2", "text": "A short note on the weather.", "published": "2024-02-07"},
    ]
    jsonl.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return txt, jsonl


@pytest.fixture
def fake_coder(monkeypatch):
    import eventcoder.coding

    monkeypatch.setattr(eventcoder.coding, "get_coder", lambda **kw: FakeCoder())


def _ingest(runner, db, *args):
    return runner.invoke(cli, ["ingest", "--db", db, *map(str, args)])


def test_ingest_twice_adds_nothing(runner, store_url, files, fake_coder):
    txt, jsonl = files
    first = _ingest(runner, store_url, txt, jsonl)
    assert first.exit_code == 0, first.output
    assert "read 3 articles: 3 new, 0 already stored, 0 errors, 1 events stored" in first.stderr
    with open_store(store_url) as s:
        assert s.count_articles() == 3
        assert s.has_article("genf-1") and s.has_article("genf-2")
        assert s.count_events(type="PROTEST") == 1
    second = _ingest(runner, store_url, txt, jsonl)
    assert second.exit_code == 0
    assert "0 new, 3 already stored" in second.stderr
    with open_store(store_url) as s:
        assert s.count_articles() == 3
        assert s.count_events() == 1


def test_bad_file_among_good_ones(runner, tmp_path, files, fake_coder):
    db = str(tmp_path / "e.db")
    txt, jsonl = files
    assert _ingest(runner, db, jsonl).exit_code == 0
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "ok-1", "text": "The council met."}\n{"id": broken\n', encoding="utf-8")
    result = _ingest(runner, db, bad, tmp_path / "missing.txt", txt)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {bad}, line 2: ")
    assert str(tmp_path / "missing.txt") in errors[1]
    assert "2 new, 0 already stored, 2 errors" in result.stderr
    with open_store(db) as s:
        assert s.count_articles() == 4  # two before, plus ok-1 and the text file
        assert s.has_article("ok-1")
        assert s.get_article("genf-1").title == "Geneva talks"  # earlier data untouched


def test_coder_failure_is_an_error_not_a_crash(runner, tmp_path, files, monkeypatch):
    import eventcoder.coding

    class Broken:
        version = "x"

        def code(self, article):
            raise RuntimeError("engine exploded")

    monkeypatch.setattr(eventcoder.coding, "get_coder", lambda **kw: Broken())
    db = str(tmp_path / "e.db")
    result = _ingest(runner, db, files[1])
    assert result.exit_code == 1
    assert "engine exploded" in result.stderr
    with open_store(db) as s:
        assert s.count_articles() == 0


def test_bad_arguments(runner, tmp_path, files):
    result = _ingest(runner, str(tmp_path / "e.db"), "--published", "someday", files[0])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "e.db"), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output
    result = runner.invoke(
        cli, ["export", "--db", str(tmp_path / "e.db"), "--format", "csv", "--type", "RIOT"]
    )
    assert result.exit_code == 2 and "RIOT" in result.output


def test_export_formats_and_reingest(runner, store_url, tmp_path, files, fake_coder):
    txt, jsonl = files
    assert _ingest(runner, store_url, txt, jsonl).exit_code == 0

    out = runner.invoke(cli, ["export", "--db", store_url, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(docs) == 3
    assert sum(len(d["events"]) for d in docs) == 1

    # JSONL re-ingests to the same ids (with its events when asked to keep them)
    path = tmp_path / "export.jsonl"
    path.write_text(out.stdout, encoding="utf-8")
    copy_db = str(tmp_path / "copy.db")
    again = runner.invoke(cli, ["ingest", "--db", copy_db, "--keep-events", str(path)])
    assert again.exit_code == 0, again.output
    with open_store(copy_db) as c, open_store(store_url) as s:
        for d in docs:
            assert c.get_article(d["id"]).to_dict() == s.get_article(d["id"]).to_dict()
    # and into the original store: everything is already there
    assert "0 new, 3 already stored" in _ingest(runner, store_url, path).stderr

    csv_out = runner.invoke(cli, ["export", "--db", store_url, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert len(rows) == 1
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert rows[0]["type"] == "PROTEST" and rows[0]["source_sector"] == "LAB"

    pq_path = tmp_path / "e.parquet"
    res = runner.invoke(
        cli, ["export", "--db", store_url, "--format", "parquet", "--out", str(pq_path)]
    )
    assert res.exit_code == 0 and "exported 1 events" in res.stderr
    assert pq.read_table(pq_path).column_names == list(EVENT_COLUMNS)

    filtered = runner.invoke(
        cli, ["export", "--db", store_url, "--format", "csv", "--country", "FRA"]
    )
    assert list(csv.DictReader(io.StringIO(filtered.stdout))) == []
    since = runner.invoke(
        cli, ["export", "--db", store_url, "--format", "jsonl", "--since", "2024-03-01"]
    )
    assert [json.loads(x)["events"][0]["type"] for x in since.stdout.splitlines()] == ["PROTEST"]


def test_help_texts(runner):
    for command in ("ingest", "export"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0
        assert "--db" in result.output and "EVENTCODER_DB" in result.output
