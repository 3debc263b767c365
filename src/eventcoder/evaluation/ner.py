"""GermEval 2014 NER scoring of the rule-based tagger (``eventcoder.knowledge.ner``).

Gold from the original TSV or the converted JSONL; scored on the outer (level 1) PER/LOC/ORG
spans, exact match, per label and micro (derived and part forms do not count).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eventcoder.knowledge.ner import predict

__all__ = ["LABELS", "Score", "Sentence", "evaluate_file", "predict", "read_gold", "score"]

LABELS = ("PER", "LOC", "ORG")


@dataclass
class Sentence:
    tokens: list[str]
    gold: set[tuple[int, int, str]] = field(default_factory=set)  # outer PER/LOC/ORG
    date: str | None = None


def read_gold(path: str) -> Iterator[Sentence]:
    """GermEval sentences from the converted JSONL or the original TSV."""
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                r = json.loads(line)
                gold = {(e["start"], e["end"], e["label"]) for e in r["entities"]
                        if e.get("level", 1) == 1 and e["label"] in LABELS}
                yield Sentence(r["tokens"], gold, r.get("date"))
        return
    tokens: list[str] = []
    tags: list[str] = []
    date = None
    with open(path, encoding="utf-8") as f:
        for line in [*f, "\n"]:
            line = line.rstrip("\n")
            if line.startswith("#"):
                m = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", line)
                date = m.group(1) if m else None
                continue
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, _spans(tags), date)
                tokens, tags = [], []
                continue
            cols = line.split("\t")
            tokens.append(cols[1])
            tags.append(cols[2])


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out = set()
    start, label = None, None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == label):
            if label in LABELS:
                out.add((start, i, label))
            start = label = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, label = i, t[2:]
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(sentences: Iterable[Sentence], kb, lang: str = "de") -> dict:
    """Per-label and micro precision/recall/F1 (outer spans, exact match)."""
    per = {label: Score() for label in LABELS}
    n = 0
    for s in sentences:
        n += 1
        pred = predict(kb, s.tokens, lang, s.date)
        for label in LABELS:
            g = {x for x in s.gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            per[label].tp += len(g & p)
            per[label].fp += len(p - g)
            per[label].fn += len(g - p)
    micro = Score(sum(x.tp for x in per.values()), sum(x.fp for x in per.values()),
                  sum(x.fn for x in per.values()))
    report: dict = {"sentences": n}
    p, r, f = micro.prf()
    report.update({"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    for label, sc in per.items():
        p, r, f = sc.prf()
        report.update({f"{label}_precision": round(p, 4), f"{label}_recall": round(r, 4),
                       f"{label}_f1": round(f, 4), f"{label}_gold": sc.tp + sc.fn})
    return report


def evaluate_file(path: str, lang: str = "de") -> dict:
    """Score the knowledge-base NER on a GermEval file (JSONL or TSV)."""
    from eventcoder.knowledge import load_knowledge_base

    return score(read_gold(path), load_knowledge_base(), lang)
