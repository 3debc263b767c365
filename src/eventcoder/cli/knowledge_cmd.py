"""CLI: ``eventcoder kb lookup|stats`` and the knowledge scorers ``evaluate-ner``/``evaluate-geo``."""

from __future__ import annotations

import json
import os
import time

import click

from eventcoder.language.registry import languages

KNOWLEDGE_OPTION = click.option(
    "--knowledge", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Your own actors/places: YAML, CSV/TSV or PETRARCH .actors file (repeatable).")


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return 0.0


@click.group("kb")
def kb() -> None:
    """Look things up in the knowledge base (countries, organisations, people, roles, places)."""


@kb.command("lookup")
@click.argument("text")
@click.option("--lang", type=click.Choice(languages()), default="de", show_default=True)
@click.option("--date", help="The article's date (YYYY-MM-DD): who held which office then.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
@KNOWLEDGE_OPTION
def lookup(text, lang, date, as_json, extra):
    """Print the actors, roles and places found in TEXT.

    \b
    Example:
      eventcoder kb lookup "Präsident Tokajew bat die OVKS um Hilfe" --date 2022-01-06
    """
    from eventcoder.knowledge import load_knowledge_base

    base = load_knowledge_base(extra)
    for m in base.match(text, lang, date):
        if as_json:
            click.echo(json.dumps({k: v for k, v in m.to_dict().items()
                                   if v is not None and v is not False},
                                  ensure_ascii=False))
            continue
        where = f" @{m.lat:.2f},{m.lon:.2f} ({m.precision})" if m.lat is not None else ""
        code = m.code or ""
        click.echo(f"{m.start:>5}-{m.end:<5} {m.kind:<8} {m.text!r:<38} "
                   f"{m.country or '-':<5} {m.sector or '-':<4} {code:<10} {m.name or ''}{where}")


@kb.command("stats")
@click.option("--cold", is_flag=True, help="Also time a build from the data files (no cache).")
@click.option("--json", "as_json", is_flag=True)
@KNOWLEDGE_OPTION
def stats(cold, as_json, extra):
    """Entries, phrase keys, start-up time and memory of the knowledge base."""
    from eventcoder.knowledge import cache

    report: dict = {}
    if cold:
        rss0, t0 = _rss_mb(), time.perf_counter()
        cache.build(extra)
        report["build_seconds"] = round(time.perf_counter() - t0, 2)
        report["build_rss_mb"] = round(_rss_mb() - rss0, 1)
    rss0, t0 = _rss_mb(), time.perf_counter()
    base = cache.load(extra)
    report["startup_seconds"] = round(time.perf_counter() - t0, 2)
    report["rss_mb"] = round(_rss_mb() - rss0, 1)
    kinds: dict[str, int] = {}
    for e in base.entries:
        kinds[e[0]] = kinds.get(e[0], 0) + 1
    report["entries"] = len(base.entries)
    report.update({f"entries_{k}": v for k, v in sorted(kinds.items())})
    report["phrase_keys"] = len(base.automaton)
    report["cache_dir"] = str(cache.cache_dir())
    if as_json:
        click.echo(json.dumps(report, indent=1))
    else:
        for k, v in report.items():
            click.echo(f"{k:<22} {v}")


def _print_report(title: str, report: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    click.echo(f"## {title}")
    for k, v in report.items():
        click.echo(f"{k:<22} {v}")


@click.command("evaluate-ner")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=click.Choice(languages()), default="de", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_ner(gold, lang, as_json):
    """Rule-based NER (knowledge base, no statistical model) on GermEval 2014 (TSV or JSONL):
    PER/LOC/ORG precision, recall and F1 on outer spans, exact match.

    \b
    Example:
      eventcoder evaluate-ner ../shared/eval/germeval2014-ner-dev/NER-de-dev.tsv
    """
    from eventcoder.evaluation.ner import evaluate_file

    _print_report(f"NER ({gold})", evaluate_file(gold, lang), as_json)


@click.command("evaluate-geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", type=click.Choice(["tune", "check"]), default=None,
              help="Score one half of the articles (by a hash of the article id).")
@click.option("--worst", type=int, default=10, show_default=True,
              help="How many of the worst geocoding misses to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate_geo(gold, split, worst, as_json):
    """Toponym recognition (P/R/F1, exact spans), geocoding accuracy within 161 km, median
    error, AUC of the error curve and the worst misses on GeoWebNews-style JSONL.

    \b
    Example:
      eventcoder evaluate-geo ../shared/eval/geowebnews/geowebnews.jsonl
    """
    from eventcoder.evaluation.toponyms import evaluate_file

    report = evaluate_file(gold, split=split, worst=worst)
    misses = report.pop("worst_misses")
    if as_json:
        report["worst_misses"] = misses
    _print_report(f"Toponyms ({gold}{', ' + split if split else ''})", report, as_json)
    if not as_json and misses:
        click.echo("worst misses:")
        for line in misses:
            click.echo(f"  {line}")


COMMANDS: list[click.Command] = [kb, evaluate_ner, evaluate_geo]
