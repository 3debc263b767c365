"""``eventcoder watch`` (poll feeds and folders), ``stories`` (list clustered stories) and
``report`` (a situation report for one country)."""

from __future__ import annotations

import csv
import json
import logging
import signal
import sys
import threading

import click

from eventcoder.monitor.report import report_languages

_DB_HELP = (
    "Database: an SQLite file path or a postgresql://user:password@host/db URL. "
    "Default: $EVENTCODER_DB, else eventcoder.db in the current directory."
)


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from eventcoder import api
    from eventcoder.store import StoreError

    try:
        return api.open_store(db)
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"cannot open the database: {exc}") from exc


@click.command(short_help="Poll feeds and folders; code, cluster stories, fire alerts.")
@click.argument("config", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option("--once", is_flag=True, help="Poll every source once, then exit (cron, tests).")
@click.option("-v", "--verbose", is_flag=True, help="Log every fetch and delivery.")
def watch(config: str, db: str | None, once: bool, verbose: bool) -> None:
    """Watch the sources of CONFIG (YAML) and store what they bring.

    \b
    sources:
      - feed: https://example.org/world.rss     # RSS or Atom; items' links are fetched
        every: 15m
      - folder: /data/drops                     # new .html/.txt/.jsonl/.warc(.gz) files
    alerts:
      - name: deadly-clashes
        when: {type: [ASSAULT], country: [KAZ], min_dead: 5}
        notify: {webhook: http://127.0.0.1:9000/hook}

    Pages are fetched politely (robots.txt, one request per host per second, conditional
    GET, retries). What was seen is kept in the database, so a restart resumes. A bad feed
    or page is reported and skipped; the exit code of --once is then 1. Without --once the
    watcher runs until SIGINT/SIGTERM and stops cleanly after the current item.
    See docs/monitor.md.
    """
    from eventcoder.monitor import ConfigError, load_config
    from eventcoder.monitor.watch import Watcher

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    with _open(db) as store:
        watcher = Watcher(cfg, store, None)
        if once:
            summary = watcher.run_once()
            for message in summary.errors:
                click.echo(f"error: {message}", err=True)
            click.echo(summary.line(), err=True)
            if summary.errors:
                sys.exit(1)
            return
        stop = threading.Event()

        def _stop(signum: int, frame: object) -> None:
            click.echo(f"received signal {signum}: stopping", err=True)
            stop.set()

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        watcher.run(stop, on_round=lambda s: click.echo(s.line(), err=True))
    click.echo("stopped", err=True)


@click.command(short_help="List stories: events clustered across sources and languages.")
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option("--country", multiple=True, help="ISO 3166 alpha-3 code (repeatable).")
@click.option("--type", "etype", multiple=True, help="PLOVER type of the story (repeatable).")
@click.option("--since", metavar="DATE", help="Stories with events on or after DATE.")
@click.option("--until", metavar="DATE", help="Stories with events on or before DATE.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--events", "with_events", is_flag=True, help="jsonl: include each mention.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
    show_default=True,
)  # fmt: skip
def stories(
    db: str | None, country: tuple[str, ...], etype: tuple[str, ...], since: str | None,
    until: str | None, limit: int, with_events: bool, fmt: str,
) -> None:  # fmt: skip
    """Print the stories that `eventcoder watch` built, most recent first."""
    from eventcoder.monitor.query import COLUMNS, flat_row, get_story, list_stories
    from eventcoder.monitor.store import MonitorStore

    with _open(db) as store:
        mstore = MonitorStore(store)
        found = list_stories(mstore, country=country, type=etype, since=since, until=until,
                             limit=limit)  # fmt: skip
        if fmt == "jsonl":
            for story in found:
                if with_events:
                    story = get_story(mstore, story["id"]) or story
                click.echo(json.dumps(story, ensure_ascii=False))
        elif fmt == "csv":
            writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS))
            writer.writeheader()
            for story in found:
                writer.writerow(flat_row(story))
        else:
            for s in found:
                numbers = ", ".join(f"{n} {s[n]}" for n in ("dead", "injured", "arrested")
                                    if s.get(n) is not None) or "-"  # fmt: skip
                click.echo(
                    f"{s['id']}  {s['type']:<9} {'/'.join(s['countries']) or '-':<12} "
                    f"{s['first_day']}..{s['last_day']}  mentions {s['mentions']}  "
                    f"langs {'+'.join(s['languages'])}  {numbers}"
                )
                click.echo(f"    {s.get('title') or ''}  [{', '.join(s['sources'])}]")
            click.echo(f"{len(found)} stories", err=True)


@click.command(short_help="Write a situation report for one country (md, html, pdf).")
@click.option("--db", "db", metavar="URL", help=_DB_HELP)
@click.option("--country", required=True, help="ISO 3166 alpha-3 code, e.g. KAZ.")
@click.option("--since", metavar="DATE", help="Stories with events on or after DATE.")
@click.option("--until", metavar="DATE", help="Stories with events on or before DATE.")
@click.option("--lang", type=click.Choice(report_languages()), default="en", show_default=True,
              help="Language of the report's headings.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="html",
              show_default=True)  # fmt: skip
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Output file.")
def report(
    db: str | None, country: str, since: str | None, until: str | None, lang: str, fmt: str,
    out: str,
) -> None:  # fmt: skip
    """Headline numbers with their sources, a timeline, a map, the main actors, who did what
    to whom and the reactions, each claim linked to its evidence. PDF needs Chromium
    (EVENTCODER_CHROMIUM or chromium on PATH) or WeasyPrint."""
    from eventcoder.monitor.report import ReportError, build_report, write_report
    from eventcoder.monitor.store import MonitorStore

    with _open(db) as store:
        data = build_report(MonitorStore(store), country=country, since=since, until=until,
                            lang=lang)  # fmt: skip
    try:
        write_report(data, fmt, out)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from exc
    h = data["headline"]
    click.echo(f"wrote {out}: {h['stories']} stories, dead {h['dead']}, injured {h['injured']}, "
               f"arrested {h['arrested']}", err=True)  # fmt: skip


COMMANDS = (watch, stories, report)
