#!/usr/bin/env python
"""Deterministic choice of corpus articles to annotate; prints (or writes) their ids in order.

    .venv/bin/python scripts/annotate_select.py de-10kgnad --out eval/de-news/selection.tsv
    .venv/bin/python scripts/annotate_select.py en-news --out eval/en-news/selection.tsv

de-10kgnad, minus the ids already in tests/data/de-dev: tier 1 sections International and Inland
>= 1,500 characters, tier 2 the same sections under 1,500, tier 3 section Panorama, any length. en-news, by distinct politics/conflict keywords (eval/select_keywords.tsv)
in title or text: tier 1 >= 1,500 characters and >= 3 keywords, tier 2 >= 1,500 and exactly 2,
tier 3 1,000-1,499 characters and >= 3, tier 4 1,000-1,499 and exactly 2, tier 5 >= 1,500 and
exactly 1, tier 6 1,000-1,499 and exactly 1, tier 7 >= 1,000 and none, tier 8 the rest (under
1,000 characters). Each tier is shuffled with ``--seed`` (default 10) on its own, so the order is the
annotation order, any prefix of a tier is a random sample of it, and a new tier at the end leaves
the earlier rows in place.
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
SHORT_CHARS = 1000
# de-10kgnad tiers in annotation order: (sections, minimum length, maximum length or None)
DE_TIERS = (
    (DE_SECTIONS, MIN_CHARS, None),
    (DE_SECTIONS, 0, MIN_CHARS),
    (("Panorama",), 0, None),
)
# en-news tiers in annotation order: (minimum length, maximum length or None, keyword test)
EN_TIERS = (
    (MIN_CHARS, None, lambda hits: hits >= 3),
    (MIN_CHARS, None, lambda hits: hits == 2),
    (SHORT_CHARS, MIN_CHARS, lambda hits: hits >= 3),
    (SHORT_CHARS, MIN_CHARS, lambda hits: hits == 2),
    (MIN_CHARS, None, lambda hits: hits == 1),
    (SHORT_CHARS, MIN_CHARS, lambda hits: hits == 1),
    (SHORT_CHARS, None, lambda hits: hits == 0),
    (0, SHORT_CHARS, lambda hits: True),
)


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


def _fits(size: int, low: int, high: int | None) -> bool:
    return size >= low and (high is None or size < high)


def candidates(corpus: str, records: dict[str, dict]) -> list[list[str]]:
    """Candidate ids in tiers (each sorted); annotate tier by tier."""
    if corpus == "de-10kgnad":
        skip = dev_ids()
        return [sorted(i for i, r in records.items() if i not in skip and r.get("label") in sections
                       and _fits(len(r.get("text") or ""), low, high))
                for sections, low, high in DE_TIERS]
    if corpus != "en-news":
        raise ValueError(f"no selection rule for corpus {corpus!r} (de-10kgnad, en-news)")
    words = keywords()
    tiers: list[list[str]] = [[] for _ in EN_TIERS]
    for i, r in records.items():
        text = f"{r.get('title') or ''} {r.get('text') or ''}".casefold()
        hits = sum(w in text for w in words)
        size = len(r.get("text") or "")
        for tier, (low, high, test) in zip(tiers, EN_TIERS, strict=True):
            if _fits(size, low, high) and test(hits):
                tier.append(i)
                break
    return [sorted(t) for t in tiers]


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
