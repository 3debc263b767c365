"""Reliability of the store under abuse (issue 14 item 18): kill -9 in the middle of an SQLite
ingest leaves a sound database holding whole articles only, and a re-run completes it; two
ingests at once (SQLite, PostgreSQL) store everything exactly once, without errors."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventcoder.model import Actor, Article, Event, Evidence
from eventcoder.store import open_store

pytestmark = pytest.mark.slow


def _articles(n: int) -> list[Article]:
    """``n`` canonical articles, each with two events (sentences written for this test)."""
    out = []
    for i in range(n):
        text = (
            f"Die Polizei nahm am Montag in Ort {i} drei Demonstranten fest. "
            f"Die Regierung kündigte am Abend Gespräche mit der Opposition an ({i})."
        )
        cut = text.index(". ") + 1
        first = Event(
            type="COERCE",
            mode="arrest",
            date="2024-03-04",
            evidence=Evidence(text=text[:cut], start=0, end=cut),
            source=[Actor("Die Polizei", start=0, end=11, country="DEU", sector="COP")],
        )
        second = Event(
            type="CONSULT",
            date="2024-03-04",
            evidence=Evidence(text=text[cut + 1 :], start=cut + 1, end=len(text)),
        )
        article = Article(text=text, title=f"Bericht {i}", lang="de", published="2024-03-04")
        article.events = [first, second]
        out.append(article)
    return out


def _jsonl(path: Path, articles: list[Article]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    return path


def _ingest_cmd(db: str, *files: Path) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "ingest", "--keep-events", "--no-progress",
            "--db", db, *map(str, files)]  # fmt: skip


def _contents(db: str) -> dict[str, dict]:
    with open_store(db) as store:
        return {a.id: a.to_dict() for a in store.iter_articles()}


def _whole_articles_only(path: str) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        partial = con.execute(
            "SELECT a.id FROM articles a WHERE a.n_events != "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)"
        ).fetchall()
        assert partial == []
        orphans = con.execute(
            "SELECT COUNT(*) FROM event_docs d WHERE d.id NOT IN (SELECT id FROM events)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        con.close()


def _count(path: str) -> int:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_during_sqlite_ingest_then_rerun_completes_it(tmp_path):
    articles = _articles(4000)
    data = _jsonl(tmp_path / "batch.jsonl", articles)
    reference = str(tmp_path / "reference.db")
    done = subprocess.run(_ingest_cmd(reference, data), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    db = str(tmp_path / "killed.db")
    proc = subprocess.Popen(_ingest_cmd(db, data), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    stored = _count(db)
    assert 0 < stored < len(articles)
    _whole_articles_only(db)
    rerun = subprocess.run(_ingest_cmd(db, data), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    _whole_articles_only(db)
    assert _contents(db) == _contents(reference)


def _two_at_once(db: str, tmp_path: Path) -> None:
    articles = _articles(600)
    forward = _jsonl(tmp_path / "forward.jsonl", articles)
    backward = _jsonl(tmp_path / "backward.jsonl", articles[::-1])
    procs = [
        subprocess.Popen(_ingest_cmd(db, f), stderr=subprocess.PIPE, text=True)
        for f in (forward, backward)
    ]
    outputs = [p.communicate(timeout=300)[1] for p in procs]
    for proc, err in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "error:" not in err and " 0 errors" in err, err
    with open_store(db) as store:
        assert store.count_articles() == 600 and store.count_events() == 1200
    expected = {a.id for a in articles}
    assert set(_contents(db)) == expected


def test_two_concurrent_ingests_into_sqlite(tmp_path):
    db = str(tmp_path / "both.db")
    _two_at_once(db, tmp_path)
    _whole_articles_only(db)


@pytest.mark.postgres
def test_two_concurrent_ingests_into_postgres(pg_url, tmp_path):
    _two_at_once(pg_url, tmp_path)
