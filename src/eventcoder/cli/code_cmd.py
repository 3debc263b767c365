"""``eventcoder code``: read articles, code them, write canonical JSONL/JSON or a table."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

import click

from eventcoder.cli.options import coder_options
from eventcoder.config import CoderConfig
from eventcoder.model import Article, Event

if TYPE_CHECKING:  # the readers are imported when a command runs (keeps --help fast)
    from eventcoder.ingest.errors import InputError

FORMATS = ("jsonl", "json", "table")

# Terminal escape sequences (CSI, OSC, other ESC sequences), then any remaining control
# character, C1 control or bidirectional override: article text must not drive the terminal.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+")


def clean(text: str | None) -> str:
    """``text`` safe to print on a terminal: escape sequences removed, other control
    characters (newlines, tabs too) turned into one space."""
    if not text:
        return ""
    return _CONTROLS.sub(" ", _ESCAPES.sub("", text))


def _actors(actors: list) -> str:
    return (
        ", ".join(
            f"{clean(a.text)} [{clean(a.country) or '?'}{'/' + clean(a.sector) if a.sector else ''}]"
            for a in actors
        )
        or "-"
    )


def event_row(ev: Event) -> list[str]:
    """One table row: type, source -> target, where, when, numbers, factuality, evidence."""
    where = "-"
    if ev.location is not None:
        place = clean(ev.location.name or ev.location.text)
        where = f"{place} [{ev.location.country or '?'}]"
    nums = []
    for label, n, words in (
        ("dead", ev.dead, ev.dead_text),
        ("injured", ev.injured, ev.injured_text),
        ("arrested", ev.arrested, ev.arrested_text),
    ):
        if n is not None or words:
            nums.append(
                f"{label} {n if n is not None else ''}"
                + (f" ({clean(words)})" if words else "")
            )
    fact = ev.factuality + (f" ({clean(ev.attributed_to.text)})" if ev.attributed_to else "")
    kind = ev.type + (f"/{ev.mode}" if ev.mode else "") + (f" {ev.cameo}" if ev.cameo else "")
    return [
        kind,
        f"{_actors(ev.source)} -> {_actors(ev.target)}",
        where,
        clean(ev.date) or "-",
        "; ".join(nums) or "-",
        fact,
        clean(ev.evidence.text),
    ]


def write_table(articles: Iterable[Article], out: TextIO) -> None:
    for art in articles:
        head = clean(art.title or art.source or art.id)
        out.write(
            f"== {head} ({clean(art.lang) or '?'}, {clean(art.published) or 'no date'}): "
            f"{len(art.events)} events\n"
        )
        for ev in art.events:
            kind, roles, where, when, nums, fact, evidence = event_row(ev)
            out.write(f"  {kind:<22} {roles}\n")
            out.write(
                f"  {'':<22} where: {where}  when: {when}  numbers: {nums}  factuality: {fact}\n"
            )
            out.write(f"  {'':<22} \u201c{evidence}\u201d\n")
        out.write("\n")


@click.command("code")
@click.argument("files", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: one article per line (canonical); json: one list; table: for reading.",
)
@click.option(
    "--published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date (YYYY-MM-DD) of all inputs, overriding dates found in them; "
    "relative dates such as 'gestern' resolve against it.",
)
@click.option(
    "--input-format",
    "input_fmt",
    default=None,
    help="Force a reader (text, html, jsonl, rss, warc); default: by extension/content.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write here instead of standard output (via a temporary file: a failed run leaves "
    "FILE as it was).",
)
@coder_options
def code(
    files: tuple[str, ...],
    fmt: str,
    published: str | None,
    input_fmt: str | None,
    out: str | None,
    config: CoderConfig,
) -> None:
    """Code news articles into PLOVER events without a store.

    FILES are text, HTML, JSONL, RSS/Atom or WARC files or folders; "-" or nothing reads
    standard input. Problems with single inputs (including a record in an unsupported
    language) are reported on standard error; the batch goes on and the exit code is 1 at
    the end. With --out, FILE is only written when the run gets through (and something was
    coded or nothing went wrong).
    """
    from eventcoder import api

    try:  # read checks its arguments before reading anything
        items = api.read(list(files) or ["-"], lang=config.lang, published=published,
                         fmt=input_fmt)  # fmt: skip
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        api.coder(config)  # build it (and check the files) before any output
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if out:
        try:
            with api.replacing(out) as stream:
                coded, failed = _code_all(items, config, fmt, stream)
                if failed and not coded:
                    raise _NothingCoded
        except _NothingCoded:
            click.echo(f"error: nothing was coded; {out} was not written", err=True)
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc}") from exc
    else:
        coded, failed = _code_all(items, config, fmt, sys.stdout)
    if failed:
        sys.exit(1)


class _NothingCoded(Exception):
    """Every input failed: the output file is not written."""


def _code_all(
    items: Iterable[Article | InputError], config: CoderConfig, fmt: str, stream: TextIO
) -> tuple[int, bool]:
    """Code and write every article; return (articles coded, whether any input failed)."""
    from eventcoder import api
    from eventcoder.ingest.errors import InputError

    failed = False
    coded: list[Article] = []
    n = 0
    for item in items:
        if isinstance(item, InputError):  # the message already names the file and line
            click.echo(f"{'warning' if item.warning else 'error'}: {item.message}", err=True)
            failed = failed or not item.warning
            continue
        try:
            api.code(item, config)
        except Exception as exc:  # one bad article must not end the batch
            problem = api.unsupported_language(item)
            where = item.source or item.id
            click.echo(f"error: {problem or f'{where}: could not code article: {exc}'}",
                       err=True)  # fmt: skip
            failed = True
            continue
        n += 1
        if fmt == "jsonl":
            stream.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "table":
            write_table([item], stream)
        else:
            coded.append(item)
    if fmt == "json":
        json.dump([a.to_dict() for a in coded], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return n, failed


COMMANDS: list[click.Command] = [code]
