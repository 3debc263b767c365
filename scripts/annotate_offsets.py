#!/usr/bin/env python
"""Turn a working annotation (quoted strings, kept outside the repository) into offset annotations.

    .venv/bin/python scripts/annotate_offsets.py /work/notes/annot/de.jsonl --out-dir eval/de-news
    .venv/bin/python scripts/annotate_offsets.py work.jsonl --out gold.jsonl --corpus ../shared/corpus

Working line: ``{"corpus", "id", "text"?, "events": [{..., "evidence": "quote",
"source": [{"text": "quote" | null, "country", "sector"}], "target": [...],
"location": {"text": "quote", "country", "name"} | null, "dead_text": "quote"?}]}``.
``text`` (optional) is an excerpt of the article: only that part is scored. A quote may be
``{"quote": "...", "n": K}`` to take its K-th occurrence (1-based) in the text or excerpt.
A run of white space in a quote matches any run of white space in the text.

Evidence: the first occurrence at or after the previous event's evidence (the first event: from
the start); when there is none after it, the only occurrence before it; otherwise an error.
Actors, places and number words: an occurrence inside the evidence, else the nearest one
(on a tie the earlier one, i.e. the antecedent). Errors name file and line; the other
records are still written; exit 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.evaluation.gold_offsets import (  # noqa: E402
    NUMBER_FIELDS,
    corpus_records,
    split_of,
    text_sha1,
)

Span = tuple[int, int]


def _pattern(quote: str) -> re.Pattern[str]:
    """The quote as a pattern in which any run of white space matches any other."""
    return re.compile(r"\s+".join(re.escape(part) for part in quote.split()))


def _occurrences(text: str, quote: str, bounds: Span) -> list[Span]:
    """Spans of ``quote`` inside ``bounds`` (white space runs may differ; overlaps included)."""
    pattern, out, i = _pattern(quote), [], bounds[0]
    while (m := pattern.search(text, i, bounds[1])) is not None:
        out.append((m.start(), m.end()))
        i = m.start() + 1
    return out


def _quote(value: Any, what: str) -> tuple[str, int | None]:
    if isinstance(value, str) and value:
        return value, None
    if isinstance(value, dict) and isinstance(value.get("quote"), str) and value["quote"]:
        return value["quote"], int(value["n"]) if value.get("n") is not None else None
    raise ValueError(f"{what}: needs a quoted string (or {{\"quote\", \"n\"}})")


def _nth(text: str, quote: str, n: int, bounds: Span, what: str) -> Span:
    hits = _occurrences(text, quote, bounds)
    if not 1 <= n <= len(hits):
        raise ValueError(f"{what}: {quote!r} occurs {len(hits)} times, not {n}")
    return hits[n - 1]


def _candidates(text: str, value: Any, bounds: Span, what: str) -> tuple[str, list[Span]]:
    """The quote and its occurrences (just the n-th one when the value names ``n``)."""
    quote, n = _quote(value, what)
    if n is not None:
        return quote, [_nth(text, quote, n, bounds, what)]
    hits = _occurrences(text, quote, bounds)
    if not hits:
        raise ValueError(f"{what}: {quote!r} not found in the text")
    return quote, hits


def locate_evidence(text: str, value: Any, after: int, bounds: Span, what: str) -> Span:
    """Span of an evidence quote: the nearest occurrence at or after ``after``."""
    quote, hits = _candidates(text, value, bounds, what)
    if len(hits) == 1:
        return hits[0]
    later = [h for h in hits if h[0] >= after]
    if later:
        return later[0]
    raise ValueError(f"{what}: {quote!r} occurs {len(hits)} times before the previous event; "
                     "give {\"quote\", \"n\"}")


def locate_near(text: str, value: Any, evidence: Span, bounds: Span, what: str) -> Span:
    """Span of an actor/place quote: inside the evidence, else the nearest occurrence."""
    quote, hits = _candidates(text, value, bounds, what)
    if len(hits) == 1:
        return hits[0]
    inside = [h for h in hits if evidence[0] <= h[0] and h[1] <= evidence[1]]
    if inside:
        return inside[0]

    def distance(h: Span) -> int:
        return evidence[0] - h[1] if h[0] < evidence[0] else h[0] - evidence[1]

    return min(hits, key=lambda h: (distance(h), h[0]))  # a tie goes to the earlier one


def _actor(a: Any, text: str, ev: Span, bounds: Span, what: str) -> dict[str, Any]:
    if not isinstance(a, dict):
        raise ValueError(f"{what}: an actor must be an object")
    out: dict[str, Any] = {}
    if a.get("text") is not None:
        start, end = locate_near(text, a["text"], ev, bounds, what)
        out = {"start": start, "end": end}
    out.update({k: a.get(k) for k in ("country", "sector")})
    if a.get("code"):
        out["code"] = a["code"]
    return out


def convert_event(e: dict[str, Any], text: str, after: int, bounds: Span, what: str
                  ) -> dict[str, Any]:
    ev = locate_evidence(text, e.get("evidence"), after, bounds, f"{what}: evidence")
    out: dict[str, Any] = {}
    for key, value in e.items():
        if key in ("evidence", "source", "target", "location") or key.endswith(("_vague", "_text")):
            continue
        out[key] = value
    out["evidence"] = {"start": ev[0], "end": ev[1]}
    for side in ("source", "target"):
        actors = e.get(side) or []
        actors = [actors] if isinstance(actors, dict) else actors
        out[side] = [_actor(a, text, ev, bounds, f"{what}: {side} {i}")
                     for i, a in enumerate(actors, 1)]
    loc = e.get("location")
    if loc:
        place: dict[str, Any] = {}
        if loc.get("text"):
            start, end = locate_near(text, loc["text"], ev, bounds, f"{what}: location")
            place = {"start": start, "end": end}
        place.update({"country": loc.get("country"), "name": loc.get("name")})
        out["location"] = place
    else:
        out["location"] = None
    for name in NUMBER_FIELDS:
        words = e.get(f"{name}_text") or e.get(f"{name}_vague")
        if words:
            start, end = locate_near(text, words, ev, bounds, f"{what}: {name}_text")
            out[f"{name}_text"] = {"start": start, "end": end}
    return out


def convert_record(rec: dict[str, Any], where: str, corpus: str | None,
                   default_corpus: str | None) -> dict[str, Any]:
    """One working record -> one offset record (ValueError naming ``where``)."""
    name = rec.get("corpus") or default_corpus
    if not name:
        raise ValueError(f"{where}: no corpus (give \"corpus\" or --default-corpus)")
    rid = str(rec.get("id") or "")
    article = corpus_records(name, corpus).get(rid)
    if article is None:
        raise ValueError(f"{where}: id {rid!r} is not in corpus {name!r}")
    full = article.get("text") or ""
    out: dict[str, Any] = {"corpus": name, "id": rid, "split": split_of(rid),
                           "sha1": text_sha1(full)}
    bounds = (0, len(full))
    if rec.get("text") and rec["text"] != full:
        hits = [i for i in range(len(full)) if full.startswith(rec["text"], i)][:2]
        if len(hits) != 1:
            raise ValueError(f"{where}: the excerpt occurs {len(hits)} times in {rid!r}")
        bounds = (hits[0], hits[0] + len(rec["text"]))
        out["excerpt"] = {"start": bounds[0], "end": bounds[1]}
    if "published" in rec and rec["published"] != article.get("date"):
        out["published"] = rec["published"]
    events, after = [], bounds[0]
    for i, e in enumerate(rec.get("events") or [], 1):
        ev = convert_event(e, full, after, bounds, f"{where}: event {i}")
        after = ev["evidence"]["start"]
        events.append(ev)
    out["events"] = events
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("working", nargs="+", help="working annotation JSONL file(s)")
    ap.add_argument("--out", help="write all records to this file")
    ap.add_argument("--out-dir", help="write tune.jsonl and check.jsonl into this folder")
    ap.add_argument("--corpus", help="corpus folder (default $EVENTCODER_CORPUS or ../shared/corpus)")
    ap.add_argument("--default-corpus", help="corpus name for records without one")
    args = ap.parse_args(argv)
    if bool(args.out) == bool(args.out_dir):
        ap.error("give exactly one of --out and --out-dir")
    records, failed = [], 0
    for path in args.working:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    records.append(convert_record(json.loads(line), where, args.corpus,
                                                  args.default_corpus))
                except (ValueError, KeyError, TypeError) as exc:
                    failed += 1
                    msg = str(exc) if str(exc).startswith(where) else f"{where}: {exc}"
                    print(f"error: {msg}", file=sys.stderr)
    outputs = ({args.out: records} if args.out else
               {str(Path(args.out_dir) / f"{s}.jsonl"): [r for r in records if r["split"] == s]
                for s in ("tune", "check")})
    for out, recs in outputs.items():
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        events = sum(len(r["events"]) for r in recs)
        required = sum(1 for r in recs for e in r["events"] if e.get("required", True) is not False)
        print(f"{out}: {len(recs)} articles, {events} events ({required} required)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
