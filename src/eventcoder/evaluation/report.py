"""Render an evaluation report (the dict from :func:`evaluate`) as Markdown tables."""

from __future__ import annotations

from typing import Any

from eventcoder.evaluation.scorer import NONE


def table(header: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table; floats are shown with three decimals."""

    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    if not rows:
        return "(none)"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _prf_row(name: str, d: dict[str, Any]) -> list[Any]:
    return [name, d["tp"], d["fp"], d["fn"], d["precision"], d["recall"], d["f1"]]


PRF_HEADER = ["", "TP", "FP", "FN", "precision", "recall", "F1"]


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def events_markdown(ev: dict[str, Any], errors: int = 0) -> str:
    parts = [
        "### PLOVER events",
        f"{ev['records']} records ({ev['records_without_prediction']} without prediction), "
        f"{ev['gold_events']} required gold events, {ev['optional_events']} optional "
        f"({ev['optional_matched']} matched, not counted), {ev['predicted_events']} predicted.",
        "",
        table(PRF_HEADER, [
            _prf_row("type + countries (strict)", ev),
            _prf_row("type only", ev["type_only"]),
        ]),
        "",
        "#### Per type (strict matching; matches and misses count under the gold type)",
        table(PRF_HEADER, [_prf_row(t, d) for t, d in ev["per_type"].items()]),
        "",
        "#### Field accuracy on matched events (strict matching)",
        table(["field", "correct", "total", "accuracy"],
              [[k, d["correct"], d["total"], d["accuracy"]] for k, d in ev["fields"].items()]),
        "",
        "#### Country accuracy on type-only matches",
        table(["field", "correct", "total", "accuracy"],
              [[k, d["correct"], d["total"], d["accuracy"]]
               for k, d in ev["type_only"]["fields"].items()]),
        "",
        "#### Confusion (rows gold type, columns predicted type)",
    ]
    conf = ev["confusion"]
    cols = sorted({p for row in conf.values() for p in row} - {NONE}) + [NONE]
    parts.append(table(["gold \\ pred", *cols],
                       [[g, *(row.get(c, 0) for c in cols)] for g, row in conf.items()]))
    if errors:
        parts += ["", f"#### Worst misses (up to {errors})"]
        parts.append(table(["record", "type", "source", "target", "evidence"], [
            [e["record"], e["type"], ",".join(e["source"]), ",".join(e["target"]),
             _short(e["evidence"])] for e in ev["misses"][:errors]]))
        parts += ["", f"#### Worst false alarms (up to {errors})"]
        parts.append(table(["record", "type", "source", "target", "confidence", "evidence"], [
            [e["record"], e["type"], ",".join(e["source"]), ",".join(e["target"]),
             e["confidence"], _short(e["evidence"])] for e in ev["false_alarms"][:errors]]))
    return "\n".join(parts)


def petrarch_markdown(pt: dict[str, Any], errors: int = 0) -> str:
    parts = [
        "### PETRARCH/TABARI triples (source code, target code, event code)",
        f"{pt['records']} records ({pt['records_without_prediction']} without prediction); "
        f"coded exactly: {pt['records_exact']} ({pt['exact_rate']:.3f}).",
        "",
        table(PRF_HEADER, [_prf_row("triples", pt)]),
    ]
    if errors:
        parts += ["", f"#### Records not coded exactly (up to {errors})"]
        parts.append(table(["record", "missing", "extra", "text"], [
            [e["record"], " ".join("/".join(t) for t in e["missing"]),
             " ".join("/".join(t) for t in e["extra"]), _short(e["evidence"])]
            for e in pt["errors"][:errors]]))
    return "\n".join(parts)


def to_markdown(report: dict[str, Any], errors: int = 0) -> str:
    """The whole report as Markdown."""
    parts = [
        "## Evaluation",
        table(PRF_HEADER, [_prf_row("overall", report)]),
    ]
    if report["unsupported_records"]:
        parts.append(f"\n{report['unsupported_records']} records skipped: language not supported "
                     f"({', '.join(report['unsupported_langs'])}).")
    if report["predictions_for_unknown_ids"]:
        parts.append(f"\n{report['predictions_for_unknown_ids']} predicted articles have ids "
                     "not in the gold files (ignored).")
    if "events" in report:
        parts += ["", events_markdown(report["events"], errors)]
    if "petrarch" in report:
        parts += ["", petrarch_markdown(report["petrarch"], errors)]
    return "\n".join(parts) + "\n"


def scalars_markdown(title: str, report: dict[str, Any]) -> str:
    """A two-column table of the numbers in a flat report (NER, toponyms)."""
    rows = [[k, v] for k, v in report.items() if isinstance(v, int | float | str)]
    return f"## {title}\n{table(['measure', 'value'], rows)}\n"
