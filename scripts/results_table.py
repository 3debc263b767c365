#!/usr/bin/env python
"""Regenerate the README's results table (evaluation sets + benchmark) from the current code.

    .venv/bin/python scripts/results_table.py            # rewrite the README block
    .venv/bin/python scripts/results_table.py --print    # only print the block
    .venv/bin/python scripts/results_table.py --quick --print   # fast subset (CI smoke run)

The block sits between ``<!-- results:start -->`` and ``<!-- results:end -->`` in README.md.
Evaluation sets are read from ``--shared`` (default ``../shared`` next to the repository);
sets that are absent are left out; Spanish is scored when the language is registered.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.evaluation.benchmark import benchmark, benchmark_markdown, machine  # noqa: E402
from eventcoder.evaluation.evaluate import code_records, evaluate, evaluate_special  # noqa: E402
from eventcoder.evaluation.gold import GoldRecord, read_gold  # noqa: E402
from eventcoder.evaluation.gold_offsets import split_of  # noqa: E402
from eventcoder.evaluation.report import table  # noqa: E402

START, END = "<!-- results:start -->", "<!-- results:end -->"
PETR_DICTS = "eval/petrarch-validation/dictionaries"
COUNT_KEYS = ("sentences", "articles", "toponyms", "items", "entities")
HEADER = ["set", "lang", "items", "measure", "precision", "recall", "F1", "notes"]


def _coder(actors: Sequence[str] = (), agents: Sequence[str] = (), verbs: Sequence[str] = ()):
    from eventcoder.coding import get_coder

    return get_coder(actors=actors, agents=agents, verbs=verbs)


def _records(path: Path, quick: bool, keep: Callable[[GoldRecord], bool] = lambda r: True):
    records = [r for r in read_gold([str(path)]) if keep(r)]
    return records[:50] if quick else records


def event_row(name: str, path: Path, quick: bool, coder: Any = None, split: str | None = None
              ) -> list[Any]:
    """One row for a PLOVER gold set: strict P/R/F1, type-only F1 and country accuracy.

    ``split`` keeps only the records of that hash split (``tune`` or ``check``)."""
    records = _records(path, quick, lambda r: split is None or split_of(r.id) == split)
    report = evaluate(records, code_records(records, coder or _coder()))
    ev = report["events"]
    countries = ev["type_only"]["fields"].get("both_countries", {})
    notes = (f"type-only F1 {ev['type_only']['f1']:.3f}; countries right on "
             f"{countries.get('correct', 0)}/{countries.get('total', 0)} type-only matches")
    langs = sorted({r.lang or "?" for r in records})
    return [name, ",".join(langs), f"{ev['gold_events']} events", "type + countries",
            ev["precision"], ev["recall"], ev["f1"], notes]


def petrarch_rows(shared: Path, quick: bool) -> list[list[Any]]:
    """PETR-UT and TABARI records of the clean validation file, each with its dictionaries."""
    path = shared / "eval/petrarch-validation/petrarch_validation_clean.jsonl"
    d = shared / PETR_DICTS
    suites = [
        ("PETR-UT", "PETR-UT:", [d / "PETR.Validate.actors.txt"], [d / "PETR.Validate.agents.txt"],
         [d / "PETR.Validate.verbs.txt"]),
        ("TABARI", "TABARI:", [d / "TABARI.Demo.actors.txt"], [d / "Validate.agents.txt"],
         [d / "TABARI.Demo.verbs.txt"]),
    ]
    rows = []
    exact = total = 0
    for label, prefix, actors, agents, verbs in suites:
        records = _records(path, quick, lambda r, p=prefix: r.id.startswith(p))
        coder = _coder(*([str(p) for p in group if p.exists()] for group in (actors, agents, verbs)))
        try:
            pt = evaluate(records, code_records(records, coder))["petrarch"]
        except ImportError as exc:  # a build without PETRARCH dictionary support
            rows.append([f"petrarch-validation {label} (clean)", "en", f"{len(records)} records",
                         "code triples", "", "", "", f"not run: {exc}"])
            continue
        rows.append([f"petrarch-validation {label} (clean)", "en", f"{pt['records']} records",
                     "code triples", pt["precision"], pt["recall"], pt["f1"],
                     f"coded exactly {pt['records_exact']}/{pt['records']}"])
        exact += pt["records_exact"]
        total += pt["records"]
    if total:
        rows.append(["petrarch-validation, both suites (clean)", "en", f"{total} records",
                     "records coded exactly", "", "", "", f"{exact}/{total} = {exact / total:.3f}"])
    return rows


def plugin_row(module: str, name: str, path: Path) -> list[Any] | None:
    """NER / toponym rows from the knowledge engineer's modules, when they exist."""
    try:
        r = evaluate_special(module, str(path))
    except ValueError:
        return None
    extra = {k: v for k, v in r.items() if k not in ("precision", "recall", "f1")
             and isinstance(v, float)}
    if len(extra) > 4:  # per-label figures: show F1 only; toponyms: the geoparsing measures
        f1s = {k: v for k, v in extra.items() if k.endswith("_f1")}
        keep = ("acc_161km", "median_error_km", "mean_error_km", "auc")
        extra = f1s or {k: v for k, v in extra.items() if k in keep}
    notes = "; ".join(f"{k} {v:.3f}" for k, v in extra.items())
    counts = [f"{v} {k}" for k, v in r.items() if isinstance(v, int) and k in COUNT_KEYS]
    return [name, "de" if module == "ner" else "en", ", ".join(counts), module,
            r.get("precision", ""), r.get("recall", ""), r.get("f1", ""), notes]


def evaluation_rows(shared: Path, quick: bool) -> list[list[Any]]:
    rows: list[list[Any]] = []
    seed = shared / "corpus/seed/expected.jsonl"
    if seed.exists():
        rows.append(event_row("seed (Kazakhstan 2022-01-06)", seed, quick))
    for dev in sorted((REPO / "tests/data/de-dev").glob("*.jsonl")):
        rows.append(event_row(f"de-dev/{dev.name}", dev, quick))
    for news in ("de-news", "en-news"):
        for split in ("tune", "check"):
            path = REPO / "eval" / news / f"{split}.jsonl"
            if path.exists() and (shared / "corpus").exists():
                rows.append(event_row(f"eval/{news} ({split})", path, quick))
    gsr = shared / "eval/plover-gsr/plover_gsr.jsonl"
    if gsr.exists():
        rows.append(event_row("plover-gsr", gsr, quick))
    if (shared / "eval/petrarch-validation").exists():
        rows += petrarch_rows(shared, quick)
    es_dev = shared / "eval/spanish-plover-dev/spanish_plover_dev.jsonl"
    if es_dev.exists():
        from eventcoder.language import registry

        if registry.is_supported("es"):
            for split in ("tune", "check"):
                rows.append(event_row(f"spanish-plover-dev ({split})", es_dev, quick, split=split))
        else:
            rows.append(["spanish-plover-dev", "es", "", "—", "", "", "", "Spanish is not supported"])
    for module, name, rel in (
        ("ner", "germeval2014-ner-dev", "eval/germeval2014-ner-dev/NER-de-dev.tsv"),
        ("toponyms", "geowebnews", "eval/geowebnews/geowebnews.jsonl"),
    ):
        if (shared / rel).exists():
            row = plugin_row(module, name, shared / rel)
            if row:
                rows.append(row)
    return rows


def render(rows: list[list[Any]], bench: dict[str, Any] | None, quick: bool) -> str:
    m = machine()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        START,
        f"Generated {now} by `scripts/results_table.py`{' --quick (subset)' if quick else ''} "
        f"on {m['cpu']}, {m['cores']} cores, Python {m['python']} ({m['platform']}).",
        "",
        table(HEADER, rows),
        "",
        "PLOVER sets: an event counts when type and the gold source/target countries match "
        "(rules: `eventcoder evaluate --help`; errors: `eventcoder evaluate GOLD --errors 10`); "
        "type-only: type alone, with the share of those matches whose countries are right. "
        "PETRARCH sets: (source, target, event code) triples with the bundled validation "
        "dictionaries.",
    ]
    if bench:
        lines += ["", "Speed (`eventcoder benchmark`, raw text to canonical JSONL):", "",
                  benchmark_markdown(bench).rstrip()]
    lines += ["", "Regenerate: `.venv/bin/python scripts/results_table.py`", END]
    return "\n".join(lines) + "\n"


def update_readme(readme: Path, block: str) -> None:
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{readme}: add the lines {START} and {END} where the table goes")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    readme.write_text(head + block.rstrip("\n") + tail, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--print", dest="print_only", action="store_true",
                    help="print the block, leave README.md alone")
    ap.add_argument("--quick", action="store_true",
                    help="first 50 records per set, small single-process benchmark")
    ap.add_argument("--no-benchmark", action="store_true")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--readme", type=Path, default=REPO / "README.md")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)

    rows = evaluation_rows(args.shared, args.quick)
    bench = None
    if not args.no_benchmark:
        corpus = [args.shared / "corpus"] if (args.shared / "corpus").is_dir() else []
        bench = benchmark(corpus, workers=1 if args.quick else args.workers,
                          limit=20 if args.quick else None)
    block = render(rows, bench, args.quick)
    if args.print_only:
        sys.stdout.write(block)
    else:
        update_readme(args.readme, block)
        print(f"updated {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
