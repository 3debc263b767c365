"""The ``eventcoder`` command line: one click group, one module per family of subcommands."""

from __future__ import annotations

import click

from eventcoder import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventcoder")
def cli() -> None:
    """eventcoder: turn news articles (German, English, ...) into PLOVER event data with evidence.

    \b
    Typical use:
      eventcoder code article.txt --format table     code a file, print a table
      eventcoder ingest articles/ feed.xml news.warc  read, code and store (SQLite by default)
      eventcoder export --format csv > events.csv     export what is stored
      eventcoder evaluate gold.jsonl                  measure accuracy on gold data
      eventcoder serve                                web dashboard and REST API
    """


def _register() -> None:
    from eventcoder.cli import code_cmd, evaluate_cmd, knowledge_cmd, serve_cmd, store_cmd

    for module in (code_cmd, store_cmd, evaluate_cmd, knowledge_cmd, serve_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)
    from eventcoder.cli import monitor_cmd

    for command in monitor_cmd.COMMANDS:
        cli.add_command(command)
    from eventcoder.cli import batch_cmd

    for command in batch_cmd.COMMANDS:
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli()
