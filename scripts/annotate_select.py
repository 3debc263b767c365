#!/usr/bin/env python
"""Deterministic choice of corpus articles to annotate; prints (or writes) their ids in order.

    .venv/bin/python scripts/annotate_select.py de-10kgnad --out eval/de-news/selection.txt
    .venv/bin/python scripts/annotate_select.py en-news --out eval/en-news/selection.txt

de-10kgnad: sections International and Inland, >= 1,500 characters, minus the ids already in
tests/data/de-dev. en-news: >= 1,500 characters and >= 3 distinct politics/conflict keywords
(eval/select_keywords.tsv) in title or text, then (a second tier, after all of the first)
those with exactly 2. Each tier is shuffled with ``--seed`` (default 10), so the order is the
annotation order and any prefix of a tier is a random sample of it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.evaluation.gold_offsets import corpus_records, split_of  # noqa: E402

DE_SECTIONS = ("International", "Inland")
MIN_CHARS = 1500


def keywords(path: Path = REPO / "eval" / "select_keywords.tsv") -> list[str]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#") and ln != "keyword"]


def dev_ids() -> set[str]:
    out = set()
    for path in (REPO / "tests" / "data" / "de-dev").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["id"])
    return out


def candidates(corpus: str, records: dict[str, dict]) -> list[list[str]]:
    """Candidate ids in tiers (each sorted); annotate tier by tier."""
    out: list[str] = []
    second: list[str] = []
    if corpus == "de-10kgnad":
        skip = dev_ids()
        out = [i for i, r in records.items() if r.get("label") in DE_SECTIONS
               and len(r.get("text") or "") >= MIN_CHARS and i not in skip]
    elif corpus == "en-news":
        words = keywords()
        for i, r in records.items():
            text = f"{r.get('title') or ''} {r.get('text') or ''}".casefold()
            hits = sum(w in text for w in words)
            if len(r.get("text") or "") >= MIN_CHARS and hits >= 2:
                (out if hits >= 3 else second).append(i)
    else:
        raise ValueError(f"no selection rule for corpus {corpus!r} (de-10kgnad, en-news)")
    return [sorted(out), sorted(second)] if second else [sorted(out)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", choices=("de-10kgnad", "en-news"))
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--corpus-dir", help="corpus folder (default $EVENTCODER_CORPUS or ../shared/corpus)")
    ap.add_argument("--out", help="write the ids here (one per line) instead of printing them")
    args = ap.parse_args(argv)
    ids: list[str] = []
    lines = []
    for tier, group in enumerate(candidates(args.corpus, corpus_records(args.corpus, args.corpus_dir)), 1):
        random.Random(args.seed).shuffle(group)
        ids.extend(group)
        lines.extend(f"{i}\t{split_of(i)}\t{tier}" for i in group)
    text = "\n".join(["id\tsplit\ttier", *lines]) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{args.out}: {len(ids)} articles", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
