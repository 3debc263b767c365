"""Measure the PETRARCH/TABARI pattern coder on the PETRARCH-2 / TABARI validation records.

Reads ``petrarch_validation_clean.jsonl`` and the validation dictionaries bundled next to it
(test fixtures, never shipped), codes every record and prints the share of records coded
exactly (predicted set of (source, target, code) triples == expected set) per suite.

    .venv/bin/python scripts/petrarch_validation.py [--errors] [--suite PETR-UT|TABARI]
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from eventcoder.coding.petrarch import (
    PatternCoder,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "petrarch-validation"
SUITES = {
    "PETR-UT": {
        "actors": ["PETR.Validate.actors.txt"],
        "agents": ["PETR.Validate.agents.txt"],
        "verbs": ["PETR.Validate.verbs.txt"],
        "discards": ["PETR.Validate.discards.txt"],
    },
    "TABARI": {
        "actors": ["TABARI.Demo.actors.txt"],
        "agents": ["Validate.agents.txt"],
        "verbs": ["TABARI.Demo.verbs.txt"],
        "discards": [],
    },
}


def make_coder(folder: Path, files: dict[str, list[str]]) -> PatternCoder:
    d = folder / "dictionaries"
    return PatternCoder(
        actors=load_actors([d / f for f in files["actors"]]),
        agents=load_agents([d / f for f in files["agents"]]),
        verbs=load_verbs([d / f for f in files["verbs"]]),
        discards=load_discards([d / f for f in files["discards"]]),
    )


def expected(record: dict) -> set[tuple[str, str, str]]:
    out = set()
    for ev in record.get("events") or []:
        src = (ev.get("source") or [{}])[0].get("code")
        tgt = (ev.get("target") or [{}])[0].get("code")
        out.add((src, tgt, ev.get("event_code")))
    return out


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_DIR, show_default=True)
@click.option("--errors", is_flag=True, help="List the records not coded exactly.")
@click.option("--suite", type=click.Choice(sorted(SUITES)), default=None)
def main(data: Path, errors: bool, suite: str | None) -> None:
    coders = {name: make_coder(data, files) for name, files in SUITES.items()}
    records = [
        json.loads(line)
        for line in (data / "petrarch_validation_clean.jsonl").open(encoding="utf-8")
    ]
    totals: dict[str, list[int]] = {}
    failures = []
    t0 = time.perf_counter()
    for rec in records:
        name = rec["id"].split(":")[0]
        if suite and name != suite:
            continue
        events = coders[name].code_sentence(rec["text"], rec.get("date"))
        got = {(e.source_code, e.target_code, e.code) for e in events}
        want = expected(rec)
        ok = got == want
        totals.setdefault(name, [0, 0])
        totals[name][0] += ok
        totals[name][1] += 1
        if not ok:
            failures.append((rec, want, got))
    elapsed = time.perf_counter() - t0
    if errors:
        for rec, want, got in failures:
            click.echo(f"{rec['id']}: {rec['text']}")
            click.echo(f"    expected {sorted(want)}")
            click.echo(f"    got      {sorted(got)}")
    n_ok = sum(v[0] for v in totals.values())
    n_all = sum(v[1] for v in totals.values())
    for name, (ok, n) in sorted(totals.items()):
        click.echo(f"{name:8s} {ok:4d}/{n:4d} exact = {ok / n:6.1%}")
    click.echo(f"{'overall':8s} {n_ok:4d}/{n_all:4d} exact = {n_ok / max(n_all, 1):6.1%}")
    click.echo(f"({n_all / elapsed:,.0f} records/s)")


if __name__ == "__main__":
    main()
