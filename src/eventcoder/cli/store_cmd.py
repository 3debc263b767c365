"""``eventcoder ingest`` (read, code, store) and ``eventcoder export`` (stored data to files)."""

from __future__ import annotations

import sys

import click

from eventcoder.cli.options import coder_options
from eventcoder.config import CoderConfig
from eventcoder.exchange import FORMATS as EXCHANGE_FORMATS
from eventcoder.store.export import FORMATS

_DB_HELP = (
    "Database: an SQLite file path or a postgresql://user:password@host/db URL. "
    "Default: $EVENTCODER_DB, else eventcoder.db in the current directory."
)


@click.command(short_help="Read, code and store articles.")
@click.argument("files", nargs=-1, required=True)
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) of all inputs, overriding dates found in them; "
    "anchors relative dates such as 'yesterday'.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "html", "jsonl", "feed", "warc"]),
    default="auto",
    show_default=True,
    help="Input format. auto decides by file extension and content.",
)
@click.option(
    "--keep-events",
    is_flag=True,
    help="Keep the events that JSONL input already carries (e.g. an export) instead of "
    "coding the articles again; articles without events are still coded.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on standard error (default: when it is a terminal).",
)
@coder_options
def ingest(
    files: tuple[str, ...],
    db: str | None,
    published: str | None,
    fmt: str,
    keep_events: bool,
    progress: bool | None,
    config: CoderConfig,
) -> None:
    """Read FILES, code the events of each article and store both.

    FILES are text, HTML, JSONL, RSS/Atom feeds or WARC archives; directories are walked and
    '-' reads standard input. An article already in the database (same id: the content hash,
    or the id given in JSONL) is skipped, so running the same command twice adds nothing.
    Each article is stored together with its events or not at all.

    A problem with one input (including a record in an unsupported language) is printed as
    'error: PATH, line N: message' and the rest of the batch goes on; the exit code is then
    1. A storage failure (a full disk) stops the batch at once with one message; what was
    stored before is kept. A summary goes to standard error.

    \b
    Examples:
      eventcoder ingest articles/ news.warc
      eventcoder ingest --lang de --published 2024-05-03 meldung.txt
      eventcoder ingest --db postgresql://me:pw@localhost/events feed.xml
    """
    from tqdm import tqdm

    from eventcoder import api
    from eventcoder.store import StoreError
    from eventcoder.store.bulk import is_dataset

    if all(is_dataset(f) for f in files):  # data sets of 'eventcoder batch': bulk load
        from eventcoder.cli.batch_cmd import load_datasets

        load_datasets(files, db)
        return
    try:
        inputs = api.read(
            list(files), lang=config.lang, published=published, fmt=None if fmt == "auto" else fmt
        )
        api.coder(config)  # build it (and check the files) before opening the store
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = api.open_store(db)
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from exc

    def error(message: str) -> None:
        tqdm.write(f"error: {message}", file=sys.stderr)

    def warning(message: str) -> None:
        tqdm.write(f"warning: {message}", file=sys.stderr)

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with store:
            summary = api.ingest_articles(inputs, store, config, on_error=error,
                                          on_warning=warning, keep_events=keep_events,
                                          progress=show)  # fmt: skip
    except api.StorageFailure as exc:
        click.echo(f"error: {exc}", err=True)
        click.echo(exc.summary.line(), err=True)
        sys.exit(1)
    click.echo(summary.line(), err=True)
    if summary.errors:
        sys.exit(1)


@click.command(short_help="Export stored events (JSONL, CSV, Parquet).")
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS + EXCHANGE_FORMATS),
    required=True,
    help="jsonl: one article per line with its events (canonical, can be ingested again); "
    "csv, parquet: one row per event with flat columns.",
)
@click.option("--since", metavar="DATE", help="Only events on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE (YYYY-MM-DD).")
@click.option(
    "--country",
    multiple=True,
    metavar="CODE",
    help="Only events with this country (ISO alpha-3 or organisation code) as source, target "
    "or location. Repeatable or comma-separated.",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Only events of this PLOVER type (e.g. PROTEST). Repeatable or comma-separated.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Output file. Default: standard output (jsonl, csv); required for parquet.",
)
def export(
    db: str | None,
    fmt: str,
    since: str | None,
    until: str | None,
    country: tuple[str, ...],
    types: tuple[str, ...],
    out: str | None,
) -> None:
    """Write the stored articles and events to a file or standard output.

    Event dates are the dates the events happened (falling back to the article's publication
    date). With filters, JSONL holds the articles that have a matching event, each with only
    its matching events.

    \b
    Examples:
      eventcoder export --format csv > events.csv
      eventcoder export --format jsonl --since 2024-01-01 --country DEU -o de.jsonl
      eventcoder export --format parquet --type PROTEST,ASSAULT --out events.parquet
    """
    from eventcoder import api
    from eventcoder.store import StoreError, open_store

    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs --out FILE (Parquet is a binary file).")
    filters = {
        "since": since,
        "until": until,
        "country": [c for value in country for c in value.split(",")] or None,
        "type": [t for value in types for t in value.split(",")] or None,
    }
    try:
        store = open_store(db)
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from exc
    what = "articles" if fmt == "jsonl" else "events"
    with store:
        try:
            if fmt in EXCHANGE_FORMATS:  # ACLED / GDELT layouts (docs/batch.md)
                from eventcoder.cli.batch_cmd import export_exchange

                n = export_exchange(store, fmt, out, filters)
            else:
                n = api.export(store, fmt, out, **filters)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc}") from exc
    click.echo(f"exported {n} {what}" + (f" to {out}" if out else ""), err=True)


COMMANDS: list[click.Command] = [ingest, export]
