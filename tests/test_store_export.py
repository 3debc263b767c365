"""Exporters: canonical JSONL, CSV and Parquet rows of stored events."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.model import Article
from eventcoder.store import open_store
from eventcoder.store.export import EVENT_COLUMNS, write_csv, write_jsonl, write_parquet


def _fill(store, articles):
    for a in articles:
        store.add_article(a)
    return store


def test_jsonl_reingests_to_same_ids(store, sample_articles, tmp_path):
    _fill(store, sample_articles)
    buf = io.StringIO()
    assert write_jsonl(store.iter_articles(), buf) == 3
    lines = buf.getvalue().splitlines()
    docs = [json.loads(line) for line in lines]
    assert {d["id"] for d in docs} == {a.id for a in sample_articles}
    assert "Bürgermeisters" in buf.getvalue()  # UTF-8, not \u escapes
    with open_store(str(tmp_path / "copy.db")) as copy:
        for d in docs:
            assert copy.add_article(Article.from_dict(d))
        for a in sample_articles:
            assert copy.get_article(a.id).to_dict() == store.get_article(a.id).to_dict()
        assert not copy.add_article(Article.from_dict(docs[0]))


def test_csv_rows_and_columns(store, sample_articles):
    _fill(store, sample_articles)
    buf = io.StringIO()
    assert write_csv(store.iter_articles(), buf) == 4
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0].keys()) == EVENT_COLUMNS
    by_type = {r["type"]: r for r in rows}
    coerce = by_type["COERCE"]
    assert coerce["source_text"] == "Police"
    assert coerce["source_sector"] == "COP"
    assert coerce["arrested"] == "12"
    assert coerce["location_name"] == "Lyon"
    assert float(coerce["location_lat"]) == 45.76
    assert coerce["article_url"] == "https://example.org/lyon"
    assert coerce["article_published"] == "2024-03-10"
    agree = by_type["AGREE"]
    assert agree["target_text"] == "rail unions;students"
    assert agree["target_sector"] == "LAB;EDU"
    assert agree["target_country"] == "FRA;"  # aligned with target_text
    assert agree["dead"] == ""
    assert by_type["ASSAULT"]["attributed_to"] == "Bürgermeisters"
    assert by_type["ASSAULT"]["factuality"] == "reported"
    ev = store.get_event(agree["event_id"])
    text = store.get_article(agree["article_id"]).text
    assert text[int(agree["evidence_start"]) : int(agree["evidence_end"])] == agree["evidence_text"]
    assert ev.type == "AGREE"


def test_csv_filtered(store, sample_articles):
    _fill(store, sample_articles)
    buf = io.StringIO()
    assert write_csv(store.iter_articles(country="DEU"), buf) == 1
    assert [r["type"] for r in csv.DictReader(io.StringIO(buf.getvalue()))] == ["REQUEST"]


def test_parquet_schema_and_values(store, sample_articles, tmp_path):
    _fill(store, sample_articles)
    path = tmp_path / "events.parquet"
    assert write_parquet(store.iter_articles(), str(path), batch_rows=3) == 4
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.num_rows == 4
    assert table.schema.field("dead").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    rows = {r["type"]: r for r in table.to_pylist()}
    assert rows["ASSAULT"]["dead"] == 4
    assert rows["ASSAULT"]["date"] == "2024-04"
    assert rows["COERCE"]["location_geonameid"] == 2996944
    assert rows["AGREE"]["location_name"] is None


def test_parquet_empty_store_has_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    with open_store(str(tmp_path / "e.db")) as s:
        assert write_parquet(s.iter_articles(), str(path)) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.column_names == list(EVENT_COLUMNS)


def _formula_article() -> Article:
    from eventcoder.model import Actor, Event, Evidence

    text = "=Die Polizei nahm am Montag zwei Männer fest. Am Abend folgte ein Protest."
    event = Event(
        type="COERCE",
        evidence=Evidence(text="=Die Polizei nahm am Montag zwei Männer fest.", start=0, end=45),
    )
    event.source = [Actor("@SUM(A1:A9)", start=0, end=1)]
    event.target = [Actor("\tzwei Männer", start=28, end=40)]
    event.victims = "-12"  # a plain number stays a number
    return Article(
        text=text,
        title='=HYPERLINK("http://evil.example","klick")',
        url="+cmd|' /C calc'!A0",
        lang="de",
        events=[event],
    )


def test_csv_neutralises_formulas(tmp_path):
    from click.testing import CliRunner

    from eventcoder.cli import cli
    from eventcoder.store.export import csv_safe

    assert csv_safe("=1+2") == "'=1+2" and csv_safe("\rx") == "'\rx" and csv_safe("-") == "'-"
    assert csv_safe("-12") == "-12" and csv_safe("+3.5") == "+3.5" and csv_safe(-4) == -4
    assert csv_safe("Berlin") == "Berlin" and csv_safe(None) is None
    db = str(tmp_path / "f.db")
    with open_store(db) as store:
        store.add_article(_formula_article())
        buf = io.StringIO()
        write_csv(store.iter_articles(), buf)
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    from fastapi.testclient import TestClient

    from eventcoder.web.app import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        web = client.get("/events.csv").text
    for produced in (buf.getvalue(), out.read_text(encoding="utf-8"), web):
        (row,) = list(csv.DictReader(io.StringIO(produced)))
        assert row["article_title"] == "'=HYPERLINK(\"http://evil.example\",\"klick\")"
        assert row["article_url"].startswith("'+cmd")
        assert row["source_text"] == "'@SUM(A1:A9)" and row["target_text"] == "'\tzwei Männer"
        assert row["evidence_text"].startswith("'=Die Polizei")
        assert row["victims"] == "-12" and row["evidence_start"] == "0"
