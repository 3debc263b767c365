"""CLI rough edges (issue 14): escapes in tables, full disks, atomic --out files."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder import api
from eventcoder.cli import cli
from eventcoder.store import open_store
from eventcoder.store.base import Store

TEXT = "Police arrested two men in Paris on Monday.\n"


def _jsonl(path: Path, n: int) -> Path:
    lines = [
        {"id": f"n{i}", "lang": "en", "text": f"Police arrested {i + 2} men in Paris on Monday."}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


# -- item 4: article text must not drive the terminal -----------------------------------------
def test_table_strips_ansi_escapes_and_control_characters(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    record = {
        "id": "esc",
        "lang": "en",
        "title": "\x1b[31mRed\x1b[0m title\x1b]0;owned\x07 here\x08",
        "text": "Police arrested \x1b[2Jtwo men\x1b[0m in Paris\x9b1m on Monday.",
    }
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["code", str(bad), "--format", "table"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "COERCE/arrest" in out  # the event is still there
    assert "Red title here" in out and "arrested two men in Paris" in out
    for ch in ("\x1b", "\x07", "\x08", "\x9b"):
        assert ch not in out
    assert "owned" not in out  # the window-title sequence is dropped whole


def test_clean_keeps_ordinary_text() -> None:
    from eventcoder.cli.code_cmd import clean

    assert clean("Grüße aus Köln – «gut»") == "Grüße aus Köln – «gut»"
    assert clean("zwei\nZeilen\tund\u202eumgedreht") == "zwei Zeilen und umgedreht"


# -- item 12: a full disk stops the batch at once ---------------------------------------------
@pytest.mark.parametrize(
    "exc",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
    ids=["sqlite-full", "enospc"],
)
def test_full_disk_stops_at_first_failure_and_keeps_what_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception
) -> None:
    src = _jsonl(tmp_path / "many.jsonl", 6)
    db = str(tmp_path / "full.db")
    monkeypatch.setattr(api, "BATCH", 2)  # store in batches of two
    real = Store.add_articles
    calls = []

    def add_articles(self, articles):
        calls.append(len(articles))
        if len(calls) == 2:  # the second batch finds the disk full
            raise exc
        return real(self, articles)

    monkeypatch.setattr(Store, "add_articles", add_articles)
    res = CliRunner().invoke(cli, ["ingest", "--db", db, str(src)])
    assert res.exit_code != 0
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, res.stderr  # one clear message, not one per remaining article
    assert "disk is full" in errors[0] and "run the same command again" in errors[0]
    assert calls == [2, 2]  # nothing tried after the failure
    with open_store(db) as store:  # what was stored before is kept
        assert store.count_articles() == 2
        assert store.has_article("n0") and store.has_article("n1")
    monkeypatch.setattr(Store, "add_articles", real)  # space freed: the re-run completes
    again = CliRunner().invoke(cli, ["ingest", "--db", db, str(src)])
    assert again.exit_code == 0, again.stderr
    assert "4 new, 2 already stored" in again.stderr


def test_full_disk_reported_per_article_also_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store reports the failure per article (savepoints): still one message, a stop."""
    src = _jsonl(tmp_path / "many.jsonl", 4)
    monkeypatch.setattr(api, "BATCH", 2)

    def add_articles(self, articles):
        return [sqlite3.OperationalError("database or disk is full") for _ in articles]

    monkeypatch.setattr(Store, "add_articles", add_articles)
    res = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "d.db"), str(src)])
    assert res.exit_code != 0
    assert res.stderr.count("error:") == 1 and "disk is full" in res.stderr


def test_other_store_errors_stay_per_article(tmp_path: Path, monkeypatch) -> None:
    """The twin: a non-storage problem of one article is reported and the batch goes on."""
    src = _jsonl(tmp_path / "many.jsonl", 3)
    real = Store.add_articles

    def add_articles(self, articles):
        results = real(self, [a for a in articles if a.id != "n1"])
        it = iter(results)
        return [ValueError("bad row") if a.id == "n1" else next(it) for a in articles]

    monkeypatch.setattr(Store, "add_articles", add_articles)
    db = str(tmp_path / "e.db")
    res = CliRunner().invoke(cli, ["ingest", "--db", db, str(src)])
    assert res.exit_code == 1
    assert res.stderr.count("error:") == 1 and "bad row" in res.stderr
    with open_store(db) as store:
        assert store.count_articles() == 2


def test_is_storage_full_recognises_postgres_and_causes() -> None:
    class DiskFull(Exception):  # stands in for psycopg.errors.DiskFull
        sqlstate = "53100"

    assert api.is_storage_full(DiskFull("could not extend file"))
    wrapped = RuntimeError("commit failed")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert api.is_storage_full(wrapped)
    assert not api.is_storage_full(sqlite3.IntegrityError("UNIQUE constraint failed"))
    psycopg = pytest.importorskip("psycopg")
    assert api.is_storage_full(psycopg.errors.DiskFull("disk full"))


# -- item 13: --out is written whole or not at all --------------------------------------------
def test_out_file_is_not_left_empty_or_partial(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    runner = CliRunner()
    # every input fails: no empty file is created
    res = runner.invoke(cli, ["code", str(tmp_path / "missing.txt"), "--out", str(out)])
    assert res.exit_code == 1 and not out.exists()
    # a crash in the middle of writing: the earlier FILE stays as it was, no temporary left
    out.write_text("earlier results\n", encoding="utf-8")
    from eventcoder.model import Article

    calls = []
    real = Article.to_dict

    def to_dict(self, *a, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("writer crashed")
        return real(self, *a, **kw)

    monkeypatch.setattr(Article, "to_dict", to_dict)
    res = runner.invoke(cli, ["code", str(src), str(src), "--out", str(out)])
    assert res.exit_code != 0 and isinstance(res.exception, RuntimeError)
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "events.jsonl"]
    # the positive twin: a run that gets through replaces FILE
    monkeypatch.setattr(Article, "to_dict", real)
    res = runner.invoke(cli, ["code", str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["events"]
    assert out.stat().st_mode & 0o044  # readable like a file open() creates
