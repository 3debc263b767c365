"""``eventcoder batch`` (local engine): same events as ``eventcoder code``, resumable runs,
per-record errors, Parquet input. Example sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.batch import DatasetMismatch, run_batch
from eventcoder.cli import cli

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"

RECORDS = [
    {"id": "t1", "lang": "en", "published": "2024-05-02",
     "text": "Police arrested 30 protesters in Lyon on Thursday after a march against the reform."},
    {"id": "t2", "lang": "en", "published": "2024-05-03",
     "text": "The prime minister of Spain met the president of Portugal in Madrid on Friday."},
    {"id": "t3", "lang": "de", "published": "2024-05-03",
     "text": "In Leipzig demonstrierten am Freitag tausende Menschen gegen die Regierung."},
    {"id": "t4", "lang": "en", "published": "2024-05-04",
     "text": "Rebels attacked an army post near the border; four soldiers were killed."},
    {"id": "t5", "lang": "de", "published": "2024-05-05",
     "text": "Die Regierung Polens verurteilte den Angriff scharf und forderte Aufklärung."},
]  # fmt: skip


def make_inputs(root: Path, with_bad: bool = False) -> Path:
    folder = root / "in"
    folder.mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    if with_bad:
        lines.insert(2, "{not json")
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "note.txt").write_text(
        "Berlin, 6. Mai 2024. Die Polizei nahm in Köln zwölf Aktivisten fest.\n", encoding="utf-8"
    )
    _write_warc(folder / "crawl.warc.gz")
    seed = SHARED_SEED / "kasachstan-2022-01-06.de.txt"
    if seed.exists():  # one file of the shared corpus, read at test time
        (folder / "seed.de.txt").write_bytes(seed.read_bytes())
    return folder


def _write_warc(path: Path) -> None:
    """A CC-NEWS-style WARC file with one HTML response record."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (b"<html><head><title>Strike in Turin</title></head><body><article><h1>Strike in "
            b"Turin</h1><p>Thousands of workers went on strike in Turin on Monday to protest "
            b"against the closure of a car plant, the union said.</p><p>The regional "
            b"government of Piedmont called for talks with the company.</p></article>"
            b"</body></html>")  # fmt: skip
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")  # fmt: skip
        record = writer.create_warc_record(
            "https://news.example.org/turin", "response", payload=BytesIO(html),
            http_headers=headers, warc_headers_dict={"WARC-Date": "2024-05-06T10:00:00Z"},
        )  # fmt: skip
        writer.write_record(record)


def code_events(folder: Path) -> set[str]:
    """Event ids that 'eventcoder code' gives for ``folder``."""
    result = CliRunner().invoke(cli, ["code", str(folder)])
    ids = set()
    for line in result.stdout.splitlines():
        ids.update(e["id"] for e in json.loads(line)["events"])
    return ids


def dataset_events(out: Path) -> list[str]:
    return pq.read_table(out / "events", columns=["event_id"]).column("event_id").to_pylist()


def dataset_articles(out: Path) -> list[str]:
    return pq.read_table(out / "articles", columns=["id"]).column("id").to_pylist()


def test_local_two_workers_same_events_as_code(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    expected = code_events(folder)
    assert len(expected) >= 5
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--workers", "2",
                                      "--batch-size", "2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    events = dataset_events(out)
    assert sorted(events) == sorted(expected)  # same events, none twice
    assert "batch:" in result.stderr
    # partitioned by publication day, schema version in rows, metadata and dataset.json
    days = {p.name for p in (out / "events").iterdir()}
    assert {"published_day=2024-05-02", "published_day=2024-05-04"} <= days
    table = pq.read_table(out / "articles")
    assert set(table.column("schema_version").to_pylist()) == {"1"}
    part = next((out / "events").rglob("part-*.parquet"))
    assert pq.read_schema(part).metadata[b"eventcoder_dataset_version"] == b"1"
    assert json.loads((out / "dataset.json").read_text())["dataset_version"] == "1"


def test_rerun_after_kill_completes_without_duplicates(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    expected = code_events(folder)
    out = tmp_path / "out"
    first = run_batch([str(folder)], out, workers=1, batch=2, progress=None, stop_after=1)
    assert first.shards == 1
    done = len(list((out / "_manifest").glob("*.json")))
    assert done == 1  # stopped after the first shard
    # what a kill leaves of a shard in flight: a temporary file and a renamed part file
    day = out / "events" / "published_day=2024-05-05"
    day.mkdir(parents=True, exist_ok=True)
    (day / "part-000099.parquet").write_bytes(b"half")
    (day / ".part-000098.parquet.tmp").write_bytes(b"half")
    again = run_batch([str(folder)], out, workers=2, batch=2, progress=None)
    assert again.skipped == done and again.shards >= 1
    events = dataset_events(out)
    assert len(events) == len(set(events))
    assert set(events) == expected
    ids = dataset_articles(out)
    assert len(ids) == len(set(ids))
    # a third run does nothing
    third = run_batch([str(folder)], out, workers=1, batch=2, progress=None)
    assert third.shards == 0 and third.articles == 0
    assert sorted(dataset_events(out)) == sorted(events)


def test_other_settings_are_refused(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    out = tmp_path / "out"
    run_batch([str(folder)], out, workers=1, batch=10, progress=None)
    with pytest.raises(DatasetMismatch):
        run_batch([str(folder)], out, workers=1, batch=3, progress=None)


def test_bad_records_go_to_errors_file_and_run_goes_on(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path, with_bad=True)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--workers", "1",
                                      "--batch-size", "3"])  # fmt: skip
    assert result.exit_code == 1
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and errors[0]["line"] == 3
    assert "news.jsonl" in errors[0]["message"]
    assert "news.jsonl, line 3" in result.stderr
    assert {"t1", "t2", "t3", "t4", "t5"} <= set(dataset_articles(out))  # the rest was coded


def test_parquet_input_gives_the_same_events_as_jsonl(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    table = tmp_path / "a.parquet"
    rows = [dict(r, url=None, title=None) for r in RECORDS] + [
        {"id": "t6", "lang": "en", "published": None, "text": " ", "url": None, "title": None}
    ]
    pq.write_table(pa.Table.from_pylist(rows), table)
    s1 = run_batch([str(jsonl)], tmp_path / "o1", progress=None)
    s2 = run_batch([str(table)], tmp_path / "o2", progress=None)
    assert s1.errors == 0 and s2.errors == 1  # the empty row, named in errors.jsonl
    err = json.loads((tmp_path / "o2" / "errors.jsonl").read_text())
    assert "row 6" in err["message"]
    assert sorted(dataset_events(tmp_path / "o1")) == sorted(dataset_events(tmp_path / "o2"))
    assert len(dataset_events(tmp_path / "o1")) >= 4
