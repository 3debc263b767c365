"""``eventcoder code``: read articles, code them, write canonical JSONL/JSON or a table."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

import click

from eventcoder.model import Article, Event

FORMATS = ("jsonl", "json", "table")


def _actors(actors: list) -> str:
    return (
        ", ".join(
            f"{a.text} [{a.country or '?'}{'/' + a.sector if a.sector else ''}]" for a in actors
        )
        or "-"
    )


def event_row(ev: Event) -> list[str]:
    """One table row: type, source -> target, where, when, numbers, factuality, evidence."""
    where = "-"
    if ev.location is not None:
        where = f"{ev.location.name or ev.location.text or ''} [{ev.location.country or '?'}]"
    nums = []
    for label, n, words in (
        ("dead", ev.dead, ev.dead_text),
        ("injured", ev.injured, ev.injured_text),
        ("arrested", ev.arrested, ev.arrested_text),
    ):
        if n is not None or words:
            nums.append(
                f"{label} {n if n is not None else ''}{' (' + words + ')' if words else ''}"
            )
    fact = ev.factuality + (f" ({ev.attributed_to.text})" if ev.attributed_to else "")
    kind = ev.type + (f"/{ev.mode}" if ev.mode else "") + (f" {ev.cameo}" if ev.cameo else "")
    return [
        kind,
        f"{_actors(ev.source)} -> {_actors(ev.target)}",
        where,
        ev.date or "-",
        "; ".join(nums) or "-",
        fact,
        ev.evidence.text,
    ]


def write_table(articles: Iterable[Article], out: TextIO) -> None:
    for art in articles:
        head = art.title or art.source or art.id
        out.write(
            f"== {head} ({art.lang or '?'}, {art.published or 'no date'}): "
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
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    help="Language of all inputs (default: detect per article).",
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
    help="Write here instead of standard output.",
)
@click.option(
    "--actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="PETRARCH/TABARI actor dictionary (repeatable).",
)
@click.option(
    "--agents",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="PETRARCH/TABARI agent dictionary (repeatable).",
)
@click.option(
    "--verbs",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="PETRARCH/TABARI verb-pattern dictionary (repeatable).",
)
@click.option(
    "--en-coder",
    type=click.Choice(["lexicon", "cameo"]),
    default="lexicon",
    show_default=True,
    help="English coder: the built-in lexicons, or the PETRARCH-2 CAMEO dictionaries "
    "(better actor countries, slower start-up).",
)
def code(
    files: tuple[str, ...],
    fmt: str,
    lang: str | None,
    published: str | None,
    input_fmt: str | None,
    out: str | None,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    verbs: tuple[str, ...],
    en_coder: str,
) -> None:
    """Code news articles into PLOVER events without a store.

    FILES are text, HTML, JSONL, RSS/Atom or WARC files or folders; "-" or nothing reads
    standard input. Problems with single inputs are reported on standard error; the batch goes
    on and the exit code is 1 at the end.
    """
    from eventcoder.coding import get_coder
    from eventcoder.ingest import InputError, read_inputs

    try:  # read_inputs checks its arguments before reading anything
        items = read_inputs(list(files) or ["-"], lang=lang, published=published, fmt=input_fmt)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    coder = get_coder(actors=actors, agents=agents, verbs=verbs, en_coder=en_coder)
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    failed = False
    coded: list[Article] = []
    try:
        for item in items:
            if isinstance(item, InputError):
                # the message already names the file and line
                click.echo(f"error: {item.message}", err=True)
                failed = True
                continue
            item.events = coder.code(item)
            if fmt == "jsonl":
                stream.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "table":
                write_table([item], stream)
            else:
                coded.append(item)
        if fmt == "json":
            json.dump([a.to_dict() for a in coded], stream, ensure_ascii=False, indent=2)
            stream.write("\n")
    finally:
        if out:
            stream.close()
    if failed:
        sys.exit(1)


COMMANDS: list[click.Command] = [code]
