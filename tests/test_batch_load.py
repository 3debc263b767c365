"""Bulk load of a batch data set into SQLite and PostgreSQL: everything, once."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from eventcoder.batch.output import prepare, write_shard
from eventcoder.cli import cli
from eventcoder.store import open_store
from eventcoder.store.bulk import is_dataset, load_dataset


def _dataset(tmp_path: Path, articles) -> Path:
    for art in articles:  # what the coder gives: ids filled in
        for ev in art.events:
            ev.article_id = art.id
            ev.assign_id()
    out = tmp_path / "ds"
    prepare(out, {"test": True})
    write_shard(out, "000000", articles[:2], [])
    write_shard(out, "000001", articles[2:], [])
    return out


def test_load_into_store_is_idempotent(store_url: str, tmp_path: Path, sample_articles) -> None:
    ds = _dataset(tmp_path, sample_articles)
    assert is_dataset(ds) and not is_dataset(tmp_path)
    n_events = sum(len(a.events) for a in sample_articles)
    with open_store(store_url) as store:
        first = load_dataset(ds, store)
        assert (first.new, first.stored, first.events) == (3, 0, n_events)
        again = load_dataset(ds, store)
        assert (again.new, again.stored, again.events) == (0, 3, 0)
        assert store.count_articles() == 3
        assert store.count_events() == n_events
        original = {e.id: e for a in sample_articles for e in a.events}
        loaded = store.get_article(sample_articles[0].id)
        assert loaded is not None and loaded.text == sample_articles[0].text
        for ev in loaded.events:
            assert ev.to_dict() == original[ev.id].to_dict()
        # the filters work on loaded data (text index, countries)
        assert store.count_events(country=["FRA"]) >= 1
        assert store.count_events(q="Lyon") >= 1


def test_ingest_dir_loads_dataset(tmp_path: Path, sample_articles) -> None:
    ds = _dataset(tmp_path, sample_articles)
    db = tmp_path / "x.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(ds), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "3 new" in first.stderr
    second = runner.invoke(cli, ["ingest", str(ds), "--db", str(db)])
    assert "0 new, 3 already stored" in second.stderr
