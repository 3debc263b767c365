"""Rule-based NER on GermEval 2014 with the knowledge base (no statistical model).

PER/LOC/ORG come from knowledge-base mentions (places and country names -> LOC, organisations
-> ORG, known people -> PER) plus two lexicon rules: a known given name followed by capitalised
words is a person; a capitalised phrase ending in an organisation word ("... AG", "... Verlag")
is an organisation. Scored on the outer (level 1) spans, exact match, per label and micro.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

LABELS = ("PER", "LOC", "ORG")
_CAP = re.compile(r"^[A-ZÄÖÜ][\w\-.'’]*$")
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ&]{2,5}$")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The word lists of ``knowledge/data/ner_rules.yaml`` (as sets, plus a suffix regex)."""
    from eventcoder.knowledge.lexicon import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "ner_rules.yaml").read_text("utf-8"))
    out: dict[str, Any] = {k: set(v) for k, v in data.items()}
    out["noun_endings"] = tuple(data["noun_endings"])
    out["suffix_re"] = re.compile(r"(?<=.{3})(" + "|".join(sorted(data["org_suffixes"])) + ")$")
    out["loc_re"] = re.compile(r"(?<=.{3})(" + "|".join(map(re.escape, data["loc_suffixes"]))
                               + ")$")
    out["town_re"] = re.compile(r"(?<=.{3})(" + "|".join(data["town_suffixes"]) + ")s?$")
    return out


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


def predict(kb, tokens: list[str], lang: str = "de", date: str | None = None
            ) -> set[tuple[int, int, str]]:
    """Predicted outer (start, end, label) token spans for one tokenised sentence."""
    text = " ".join(tokens)
    starts, ends, pos = {}, {}, 0
    for i, t in enumerate(tokens):
        starts[pos] = i
        ends[pos + len(t)] = i + 1
        pos += len(t) + 1
    spans: list[tuple[int, int, str, int]] = []  # (start, end, label, priority)
    for m in kb.match(text, lang, date, combine=False):
        label = _label(m)
        if label and m.form == "metonym" and not _is_place_name(kb, m.text):
            label = None  # "Bundesregierung", "Kreml": institutions, not named places
        if label and m.start in starts and m.end in ends:
            spans.append((starts[m.start], ends[m.end], label, 2))
    spans.extend((s, e, "PER", 3) for s, e in _person_rule(kb, tokens))
    spans.extend((s, e, "PER", 1) for s, e in _lone_name_rule(kb, tokens))
    spans.extend((s, e, "PER", 2) for s, e in _surname_pair_rule(kb, tokens))
    spans.extend((s, e, "PER", 1) for s, e in _cue_rule(kb, tokens))
    spans.extend((s, e, "ORG", p) for s, e, p in _org_rule(tokens))
    spans.extend((s, e, "LOC", p) for s, e, p in _loc_rule(tokens))
    spans.sort(key=lambda x: (-x[3], x[0] - x[1]))
    taken: set[int] = set()
    out = set()
    for s, e, label, _p in spans:
        if taken.isdisjoint(range(s, e)):
            taken.update(range(s, e))
            out.add((s, e, label))
    return out


def _is_place_name(kb, text: str) -> bool:
    from eventcoder.knowledge.matcher import lookup

    hit = lookup(kb.automaton, text)
    return bool(hit) and any(kb.entries[eid][0] == "place" for _x, _s, eid, _l in hit[1])


def _label(m) -> str | None:
    if m.kind == "place" and m.form != "description":
        return "LOC" if m.form != "adj" else None
    if m.kind == "country":
        return "LOC" if m.form in ("name", "genitive", "capital", "metonym") else None
    if m.kind == "org":
        return "ORG"
    if m.kind == "person":
        return "PER"
    return None


def _person_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """Given name(s) or title, optional initials/particles, then one capitalised surname."""
    first = kb.tables.first_names
    r = rules()
    titles, particles = r["titles"], r["name_particles"]
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if (t not in first and t not in titles) or t in r["not_names"]:
            i += 1
            continue
        start = i + 1 if t in titles else i
        j = i + 1
        while j < n and (tokens[j] in first or _INITIAL.match(tokens[j])):
            j += 1  # further given names, initials ("Mary Ella", "John F.")
        while j < n and tokens[j] in particles:
            j += 1
        if j < n and _CAP.match(tokens[j]) and not _INITIAL.match(tokens[j]):
            j += 1
            if j - start >= 2 or t in titles:
                yield start, j
                i = j
                continue
        i += 1


def _loc_rule(tokens: list[str]) -> Iterator[tuple[int, int, int]]:
    """Streets and landmarks ("Schwanitzstraße", "Lehrter Bahnhof"), unknown towns after a
    locative preposition ("in Taiskirchen")."""
    r = rules()
    for i, t in enumerate(tokens):
        if not _CAP.match(t):
            continue
        if r["loc_re"].search(t) and i > 0:
            end = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].isdigit())
            yield i, end, 1
        elif t in r["loc_heads"] and i > 0 and _CAP.match(tokens[i - 1]) \
                and tokens[i - 1][-2:] in ("er", "en", "es"):
            yield i - 1, i + 1, 1
        elif i > 0 and tokens[i - 1] in r["locative_words"] and r["town_re"].search(t):
            yield i, i + 1, 1


def _cue_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """"sagte Müller", "Trainer Jürgen Klopp": one or two capitalised words after a cue."""
    r = rules()
    cues, common, dets = r["person_cues"], r["not_names"], r["determiners"]
    n = len(tokens)
    for i in range(n - 1):
        if tokens[i] not in cues:
            continue
        j = i + 1
        while j < n and j - i <= 2 and _CAP.match(tokens[j]) and tokens[j].isalpha() \
                and tokens[j] not in common and tokens[j] not in cues \
                and not tokens[j].lower().endswith(r["noun_endings"]):
            j += 1
        if j > i + 1 and (j == n or not _CAP.match(tokens[j]) or tokens[j] in dets):
            yield i + 1, j


def _surname_pair_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """"Gennadij Chalepo": an unknown capitalised word before a known family name."""
    last, common = kb.tables.surnames, rules()["not_names"]
    for i in range(1, len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if b in last and b not in common and _CAP.match(a) and a.isalpha() and \
                not a.lower().endswith(rules()["noun_endings"]) and a not in common and \
                tokens[i - 1].lower() not in rules()["determiners"]:
            yield i, i + 2


def _lone_name_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """A lone known given name or family name, not after an article and not sentence-first."""
    first, last = kb.tables.first_names, kb.tables.surnames
    dets, common = rules()["determiners"], rules()["not_names"]
    for i, t in enumerate(tokens):
        if i == 0 or t in common or not (t in first or t in last or (t.endswith("s") and t[:-1] in last)):
            continue
        prev = tokens[i - 1].lower()
        if prev in dets or (i > 1 and tokens[i - 2].lower() in dets and prev[-1:] in "enrs"):
            continue
        if tokens[i - 1] in (".", "!", "?", ":", "\"", "„", "(") and i == 1:
            continue
        yield i, i + 1


def _org_rule(tokens: list[str]) -> Iterator[tuple[int, int, int]]:
    """(start, end, priority): named heads and clubs outrank the lexicon, acronyms do not."""
    r = rules()
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t in r["org_heads"] and i > 0 and _CAP.match(tokens[i - 1]):
            j = i - 1
            while j > 0 and _CAP.match(tokens[j - 1]) and i - j < 4:
                j -= 1
            yield j, i + 1, 3
        elif t in r["club_prefixes"] and i + 1 < n and _CAP.match(tokens[i + 1]):
            j = i + 2 if i + 2 < n and (tokens[i + 2][:1].isdigit() or
                                        _CAP.match(tokens[i + 2])) else i + 1
            yield (i - 1 if i and tokens[i - 1] == "1." else i), j + (j == i + 1), 3
        elif _ACRONYM.match(t) and t not in r["not_org_acronyms"]:
            yield i, i + 1, 1
        elif r["suffix_re"].search(t) and t[:1].isupper():
            yield i, i + 1, 1
        elif t in r["institutions"] and i + 2 < n and tokens[i + 1] in ("für", "der", "des") \
                and _CAP.match(tokens[i + 2]):
            j = i + 3
            while j + 1 < n and tokens[j] in ("und", "für") and _CAP.match(tokens[j + 1]):
                j += 2
            yield i, j, 3


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
