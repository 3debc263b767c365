"""``eventcoder batch``: code many inputs into a resumable Parquet data set (all cores, Ray)."""

from __future__ import annotations

import os
import sys

import click

from eventcoder.cli.options import coder_options
from eventcoder.config import CoderConfig


@click.command(short_help="Code many inputs into a Parquet data set (all cores or Ray).")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output folder of the data set (created; a re-run resumes it).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="local: worker processes here; ray: a Ray cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes / coder actors. Default: the number of CPUs.")
@click.option("--address", default=None, metavar="ADDR",
              help="Ray cluster to join (auto, or ray://head:10001). Default: start Ray here.")
@click.option("--batch-size", "batch", type=click.IntRange(min=1), default=200,
              show_default=True, help="Articles per shard (one task, one file per day).")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date of all inputs, overriding dates found in them.")
@click.option("--input-format", "fmt", default=None,
              help="Force a reader (text, html, jsonl, feed, warc, parquet).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on standard error.")
@coder_options
def batch(inputs: tuple[str, ...], out: str, engine: str, workers: int | None,
          address: str | None, batch: int, published: str | None, fmt: str | None,
          quiet: bool, config: CoderConfig) -> None:
    """Code INPUTS (folders, text/HTML, JSONL, WARC such as CC-NEWS, Parquet tables with a
    'text' column) with the same coder as 'eventcoder code' and write OUT/articles and
    OUT/events as Parquet, partitioned by publication day (layout: docs/batch.md).

    A manifest in OUT records every finished shard: running the same command again skips
    them, and a killed run loses only the shards in flight. Per-record errors are appended
    to OUT/errors.jsonl and shown on standard error; the run goes on and exits with 1.

    \b
    Examples:
      eventcoder batch news/ --out data/ --workers 2
      eventcoder batch CC-NEWS-*.warc.gz --out /shared/out --engine ray --address auto
      eventcoder ingest data/            # load the data set into the store
    """
    from eventcoder.batch import DatasetMismatch, run_batch

    try:
        summary = run_batch(list(inputs), out, config, engine=engine,
                            workers=workers or os.cpu_count() or 1, address=address,
                            batch=batch, published=published, fmt=fmt,
                            progress=None if quiet else sys.stderr)  # fmt: skip
    except (DatasetMismatch, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    if quiet:
        click.echo(summary.line(), err=True)
    if summary.errors:
        sys.exit(1)


COMMANDS: list[click.Command] = [batch]


def load_datasets(paths: tuple[str, ...], db: str | None) -> None:
    """``eventcoder ingest DIR/`` of batch data sets: bulk load into the store."""
    from eventcoder import api
    from eventcoder.store import StoreError
    from eventcoder.store.bulk import load_dataset

    try:
        store = api.open_store(db)
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from exc
    with store:
        for path in paths:
            try:
                summary = load_dataset(path, store)
            except (StoreError, OSError, ValueError) as exc:
                raise click.ClickException(f"cannot load {path}: {exc}") from exc
            click.echo(f"{path}: {summary.line()}", err=True)


def export_exchange(store: object, fmt: str, out: str | None, filters: dict) -> int:
    """``eventcoder export --format acled|gdelt``: the stored events in that layout."""
    from eventcoder import api, exchange

    store.count_events(**filters)  # type: ignore[attr-defined]  # validates the filters
    articles = store.iter_articles(**filters)  # type: ignore[attr-defined]
    if out is None:
        return exchange.write(articles, fmt, sys.stdout)
    with api.replacing(out) as fh:
        return exchange.write(articles, fmt, fh)
