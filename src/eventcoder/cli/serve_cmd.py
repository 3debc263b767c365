"""``eventcoder serve``: the web dashboard and REST API on the store."""

from __future__ import annotations

import os

import click

from eventcoder.cli.options import coder_options
from eventcoder.config import CoderConfig

MAX_BODY = 2 * 1024 * 1024  # same default as eventcoder.web.security (kept light to import)


@click.command("serve")
@click.option("--db", "db", default=None, help="Store: SQLite path or postgresql:// URL "
              "(default: $EVENTCODER_DB or ./eventcoder.db).")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", default=None, help="Token the write endpoints require "
              "(default: $EVENTCODER_TOKEN); needed when --host is not a loopback address.")  # fmt: skip
@click.option("--max-body", default=MAX_BODY, show_default=True, type=int,
              help="Largest accepted request body in bytes (larger: 413).")  # fmt: skip
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))  # fmt: skip
@coder_options
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    max_body: int,
    log_level: str,
    config: CoderConfig,
) -> None:
    """Serve the dashboard (/) and the REST API (OpenAPI at /docs) on the store.

    \b
    Pages: / (dashboard), /ui/events, /ui/map, /ui/timeline, /ui/network, /ui/paste
    API:   POST /articles, GET /events, /events/{id}, /articles/{id}, /stats, /timeline,
           /network, /events.csv, /events.jsonl, /articles.jsonl

    Posted and pasted articles are coded with the coder options given here (the same
    options as 'eventcoder code' and 'ingest').
    """
    import uvicorn

    from eventcoder.web.app import create_app

    token = token or os.environ.get("EVENTCODER_TOKEN") or None
    try:
        app = create_app(db, token=token, host=host, max_body=max_body, config=config)
    except ValueError as e:
        raise click.UsageError(str(e)) from e
    click.echo(
        f"eventcoder: serving on http://{host}:{port}/ (API docs at /docs); write endpoints "
        + ("need the token" if token else "are open to this machine only"),
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)


COMMANDS: list[click.Command] = [serve]
