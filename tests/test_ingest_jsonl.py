"""JSONL batches: ids kept, bad lines reported with their number, canonical re-ingest."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.ingest import InputError, read_inputs
from eventcoder.model import Article, Event, Evidence

DATA = Path(__file__).parent / "data" / "ingest"


def test_batch_keeps_ids_and_reports_the_bad_line():
    items = list(read_inputs([str(DATA / "batch.jsonl")]))
    articles = [a for a in items if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [a.id for a in articles] == ["batch-001", "batch-002", "4"]
    first, second, fourth = articles
    assert first.title == "Parliament passes budget"
    assert first.url == "https://news.example.org/budget"
    assert (first.published, first.lang) == ("2023-04-11", "en")
    assert second.lang == "de"
    assert fourth.published == "2023-04-14"
    assert fourth.published_raw == "Fri, 14 Apr 2023 08:00:00 GMT"
    [error] = errors
    assert error.line == 3
    assert error.path == str(DATA / "batch.jsonl")
    assert "line 3" in error.message and "batch.jsonl" in error.message


def test_line_without_text(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "x"}\n[1, 2]\n{"id": "y", "text": "Troops withdrew."}\n')
    items = list(read_inputs([str(path)]))
    assert [getattr(i, "line", None) for i in items[:2]] == [1, 2]
    assert all(isinstance(i, InputError) for i in items[:2])
    assert items[2].id == "y"


def test_truncated_last_line(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "ok", "text": "The talks ended."}\n{"id": "cut", "text": "The pol')
    items = list(read_inputs([str(path)]))
    assert items[0].id == "ok"
    assert isinstance(items[1], InputError) and items[1].line == 2
    assert "truncated" in items[1].message


def test_reingesting_an_export_gives_the_same_ids(tmp_path):
    text = "Police arrested three journalists in Eastport on Monday.\r\nThey were released."
    original = Article(
        text=text.replace("\r\n", "\n"),
        title="Arrests",
        lang="en",
        published="2024-02-05",
        published_raw="5 February 2024",
        source="x.txt",
    )
    event = Event(
        type="COERCE",
        evidence=Evidence("Police arrested three journalists", 0, 33),
        article_id=original.id,
    )
    event.assign_id()
    original.events = [event]
    plain = Article(text="Die Armee verließ die Stadt.", lang="de")
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in (original, plain)))
    again = list(read_inputs([str(path)]))
    assert [a.id for a in again] == [original.id, plain.id]
    assert again[0].to_dict() == original.to_dict()
    assert again[0].events[0].id == event.id
