"""Toponym scoring on GeoWebNews-style gold: recognition P/R/F1, Acc@161 km, AUC, worst misses.

Recognition: knowledge-base mentions that name a place (places, countries, capitals) against
the gold toponyms, exact character spans. Following Gritta et al. (2019), a toponym is a span of
a toponym type (literal, metonymic, mixed, modifiers, embedded, coercion); GeoWebNews also
marks expressions ("the area"), demonyms, languages, homonyms and non-toponyms ("Bank of
Japan"): those are not toponyms, and a prediction on them is a false positive. Records
without ``type`` count every span. ``all_spans_recall`` is recall against every gold span. Resolution: every gold toponym with coordinates is
geocoded by the library's geoparser (``eventcoder.knowledge.geoparse.resolve_toponym``: its
own mention, else the town it is named with ("X in Y"), else a town of that name in the
article's state, else the gazetteer, else a place named inside it, else the article's focus); a hit is within 161 km (100 miles) of the
gold point. Also reported: mean and median error in km.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Iterator

from eventcoder.knowledge.geoparse import geoparse, resolve_toponym

ACC_KM = 161.0
MAX_KM = 20038.0  # half the earth's circumference
TOPONYM_TYPES = frozenset({
    "Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal", "Metonymic",
    "Non_Literal_Modifier", "Embedded_Non_Lit"})


def read_gold(path: str) -> Iterator[dict]:
    """Articles with ``text`` and ``toponyms`` (start, end, name, lat, lon)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def is_gold_toponym(t: dict) -> bool:
    """A gold span of a toponym type (every span when the gold has no types)."""
    return t.get("type") is None or t["type"] in TOPONYM_TYPES


def auc(errors: list[float]) -> float:
    """Area under the curve of log errors (Gritta et al.): 0 is perfect, 1 all maximal."""
    if not errors:
        return 0.0
    return sum(math.log1p(min(e, MAX_KM)) for e in errors) / (len(errors) * math.log1p(MAX_KM))


def score(records, kb, lang: str = "en", worst: int = 10) -> dict:
    tp = fp = fn = all_tp = all_n = 0
    resolved = hits = unresolved = 0
    errors: list[float] = []
    misses: list[tuple[float, str, str, str]] = []
    for rec in records:
        text = rec["text"]
        geo = geoparse(kb, text, lang, kb.match(text, lang, rec.get("date"), combine=False))
        by_span = {(m.start, m.end): m for m in geo.toponyms}
        spans_found = set(by_span)
        valid = [t for t in rec["toponyms"] if t.get("offset_ok", True)]
        gold = [t for t in valid if is_gold_toponym(t)]
        pred = set(spans_found)
        spans = {(t["start"], t["end"]) for t in gold}
        tp += len(pred & spans)
        fp += len(pred - spans)
        fn += len(spans - pred)
        every = {(t["start"], t["end"]) for t in valid}
        all_tp += len(pred & every)
        all_n += len(every)
        for t in gold:
            if t.get("lat") is None or t.get("lon") is None:
                continue
            resolved += 1
            found = resolve_toponym(kb, t["name"], lang, by_span.get((t["start"], t["end"])),
                                    geo, (t["start"], t["end"]))
            if found is None:
                unresolved += 1
                errors.append(MAX_KM)
                misses.append((MAX_KM, rec.get("id", ""), t["name"], "not found"))
                continue
            point = found.point
            d = distance_km(point[0], point[1], float(t["lat"]), float(t["lon"]))
            errors.append(d)
            hits += d <= ACC_KM
            if d > ACC_KM:
                misses.append((d, rec.get("id", ""), t["name"],
                               f"{point[0]:.2f},{point[1]:.2f}"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    errors.sort()
    return {
        "toponyms": tp + fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "with_coordinates": resolved,
        "acc_161km": round(hits / resolved, 4) if resolved else 0.0,
        "not_found": unresolved,
        "median_error_km": round(errors[len(errors) // 2], 1) if errors else 0.0,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else 0.0,
        "auc": round(auc(errors), 4),
        "all_spans": all_n,
        "all_spans_recall": round(all_tp / all_n, 4) if all_n else 0.0,
        "worst_misses": [f"{i}: {n} -> {where} ({d:.0f} km)"
                         for d, i, n, where in sorted(misses, reverse=True)[:worst]],
    }


def split_of(record_id: str) -> str:
    """``tune`` or ``check``: a stable half of the articles by a hash of their id."""
    return "tune" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "check"


def evaluate_file(path: str, lang: str = "en", split: str | None = None,
                  worst: int = 10) -> dict:
    """Score the knowledge base on a GeoWebNews JSONL file (optionally one hash half)."""
    from eventcoder.knowledge import load_knowledge_base

    records = read_gold(path)
    if split:
        records = (r for r in records if split_of(str(r.get("id", ""))) == split)
    return score(records, load_knowledge_base(), lang, worst)
