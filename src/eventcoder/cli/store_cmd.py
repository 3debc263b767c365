"""``eventcoder ingest`` (read, code, store) and ``eventcoder export`` (stored data to files)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

import click

from eventcoder.model import Article
from eventcoder.store.export import FORMATS

_DB_HELP = (
    "Database: an SQLite file path or a postgresql://user:password@host/db URL. "
    "Default: $EVENTCODER_DB, else eventcoder.db in the current directory."
)
_DICT_PATH = click.Path(exists=True, dir_okay=False)
# Articles are stored in batches (one transaction, each article still all or nothing):
# at most this many, and at most this many seconds after the previous batch.
_BATCH = 200
_BATCH_SECONDS = 2.0


@dataclass
class _Summary:
    read: int = 0
    new: int = 0
    stored: int = 0
    errors: int = 0
    events: int = 0

    def line(self) -> str:
        return (
            f"read {self.read} articles: {self.new} new, {self.stored} already stored, "
            f"{self.errors} errors, {self.events} events stored"
        )


@click.command(short_help="Read, code and store articles.")
@click.argument("files", nargs=-1, required=True)
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    help="Language of all inputs. Default: detected per article (German or English).",
)
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
    "--actors",
    multiple=True,
    type=_DICT_PATH,
    help="PETRARCH/TABARI actor dictionary (repeatable).",
)
@click.option(
    "--agents",
    multiple=True,
    type=_DICT_PATH,
    help="PETRARCH/TABARI agent dictionary (repeatable).",
)
@click.option(
    "--verbs", multiple=True, type=_DICT_PATH, help="PETRARCH/TABARI verb dictionary (repeatable)."
)
@click.option(
    "--keep-events",
    is_flag=True,
    help="Keep the events that JSONL input already carries (e.g. an export) instead of "
    "coding the articles again; articles without events are still coded.",
)
def ingest(
    files: tuple[str, ...],
    db: str | None,
    lang: str | None,
    published: str | None,
    fmt: str,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    verbs: tuple[str, ...],
    keep_events: bool,
) -> None:
    """Read FILES, code the events of each article and store both.

    FILES are text, HTML, JSONL, RSS/Atom feeds or WARC archives; directories are walked and
    '-' reads standard input. An article already in the database (same id: the content hash,
    or the id given in JSONL) is skipped, so running the same command twice adds nothing.
    Each article is stored together with its events or not at all.

    A problem with one input is printed as 'error: PATH, line N: message' and the rest of the
    batch goes on; the exit code is then 1. A summary goes to standard error.

    \b
    Examples:
      eventcoder ingest articles/ news.warc
      eventcoder ingest --lang de --published 2024-05-03 meldung.txt
      eventcoder ingest --db postgresql://me:pw@localhost/events feed.xml
    """
    from tqdm import tqdm

    from eventcoder.coding import get_coder
    from eventcoder.ingest import InputError, read_inputs
    from eventcoder.store import StoreError, open_store

    try:
        inputs = read_inputs(
            list(files), lang=lang, published=published, fmt=None if fmt == "auto" else fmt
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_store(db)
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from exc
    coder = get_coder(actors=actors, agents=agents, verbs=verbs)
    summary = _Summary()
    bar = tqdm(unit=" articles", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)

    def error(where: str | None, message: str) -> None:
        summary.errors += 1
        prefix = f"{where}: " if where else ""
        tqdm.write(f"error: {prefix}{message}", file=sys.stderr)

    pending: list[Article] = []
    last_flush = time.monotonic()

    def flush() -> None:
        nonlocal last_flush
        try:
            results: list[bool | Exception] = store.add_articles(pending)
        except Exception as exc:  # the database failed: none of the batch is stored
            results = [exc] * len(pending)
        for article, result in zip(pending, results, strict=True):
            if isinstance(result, Exception):
                error(
                    article.source or article.id, f"could not store article {article.id}: {result}"
                )
            elif result:
                summary.new += 1
                summary.events += len(article.events)
            else:  # stored meanwhile (a duplicate in this batch or another process)
                summary.stored += 1
        pending.clear()
        last_flush = time.monotonic()

    with store:
        for item in inputs:
            if isinstance(item, InputError):
                error(None, item.message)  # the message already names the file and line
                continue
            summary.read += 1
            bar.update(1)
            try:
                if store.has_article(item.id):
                    summary.stored += 1
                    continue
                if not (keep_events and item.events):
                    item.events = coder.code(item)
            except Exception as exc:  # one bad article must not end the batch
                error(item.source or item.id, f"could not code article {item.id}: {exc}")
                continue
            pending.append(item)
            if len(pending) >= _BATCH or time.monotonic() - last_flush > _BATCH_SECONDS:
                flush()
        flush()
        bar.close()
    click.echo(summary.line(), err=True)
    if summary.errors:
        sys.exit(1)


@click.command(short_help="Export stored events (JSONL, CSV, Parquet).")
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
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
    from eventcoder.store import StoreError, open_store
    from eventcoder.store.export import write_csv, write_jsonl, write_parquet

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
    with store:
        try:
            store.count_events(**filters)  # validates the filters before any output
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
        articles = store.iter_articles(**filters)
        if fmt == "parquet":
            n = write_parquet(articles, out)
            what = "events"
        else:
            writer = write_jsonl if fmt == "jsonl" else write_csv
            what = "articles" if fmt == "jsonl" else "events"
            if out:
                with open(out, "w", encoding="utf-8", newline="") as fh:
                    n = writer(articles, fh)
            else:
                n = writer(articles, sys.stdout)
    click.echo(f"exported {n} {what}" + (f" to {out}" if out else ""), err=True)


COMMANDS: list[click.Command] = [ingest, export]
