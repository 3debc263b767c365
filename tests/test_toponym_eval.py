"""Toponym recognition and geocoding scores (an article of our own)."""

from __future__ import annotations

import json

from eventcoder.evaluation import toponyms


def article() -> dict:
    text = ("Protests spread from Almaty to other cities of Kazakhstan. In Almaty, police "
            "blocked Zheltoksan Street.")
    def span(name, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(name, i + 1)
        return i, i + len(name)
    a1, a2, k, av = span("Almaty"), span("Almaty", 1), span("Kazakhstan"), span("Zheltoksan Street")
    return {"id": "t1", "text": text, "toponyms": [
        {"start": a1[0], "end": a1[1], "name": "Almaty", "lat": 43.25, "lon": 76.92},
        {"start": k[0], "end": k[1], "name": "Kazakhstan", "lat": 48.0, "lon": 68.0},
        {"start": a2[0], "end": a2[1], "name": "Almaty", "lat": 43.25, "lon": 76.92},
        {"start": av[0], "end": av[1], "name": "Zheltoksan Street", "lat": 43.24, "lon": 76.90},
    ]}


def test_distance():
    assert toponyms.distance_km(52.52, 13.40, 48.14, 11.58) == \
        __import__("pytest").approx(504, abs=5)


def test_score_article(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(article()) + "\n", encoding="utf-8")
    report = toponyms.evaluate_file(str(p))
    assert report["toponyms"] == 4
    assert report["precision"] == 1.0 and report["recall"] == 0.75  # the avenue is unknown
    # the avenue is placed at the article's focus (Almaty): all four within 161 km
    assert report["acc_161km"] == 1.0


def test_far_guess_is_a_miss(tmp_path):
    rec = article()
    rec["toponyms"][0]["lat"], rec["toponyms"][0]["lon"] = -33.9, 18.4  # gold says Cape Town
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert toponyms.evaluate_file(str(p))["acc_161km"] == 0.75


def test_auc_and_worst_misses(tmp_path):
    assert toponyms.auc([0.0, 0.0]) == 0.0
    assert toponyms.auc([toponyms.MAX_KM]) == 1.0
    assert 0 < toponyms.auc([0.0, 500.0]) < 0.5
    rec = article()
    rec["toponyms"][0]["lat"], rec["toponyms"][0]["lon"] = -33.9, 18.4  # gold says Cape Town
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    report = toponyms.evaluate_file(str(p))
    assert report["auc"] > 0
    assert len(report["worst_misses"]) == 1 and report["worst_misses"][0].startswith("t1: Almaty")


def test_only_toponym_types_count(tmp_path):
    """Expressions ("the area") are no toponyms; a predicted demonym is a false positive."""
    rec = article()
    text = rec["text"] + " Kazakhs and the area."
    rec["text"] = text
    d = text.index("Kazakhs")
    a = text.index("area")
    for t in rec["toponyms"]:
        t["type"] = "Literal"
    rec["toponyms"] += [
        {"start": d, "end": d + 7, "name": "Kazakhs", "lat": None, "lon": None, "type": "Demonym"},
        {"start": a, "end": a + 4, "name": "area", "lat": None, "lon": None,
         "type": "Literal_Expression"}]
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    report = toponyms.evaluate_file(str(p))
    assert report["toponyms"] == 4 and report["all_spans"] == 6
    assert report["recall"] == 0.75  # the demonym and the expression are not asked for


def test_split_by_article_id(tmp_path):
    halves = {toponyms.split_of(f"gwn-{i}") for i in range(20)}
    assert halves == {"tune", "check"}
    assert toponyms.split_of("gwn-7") == toponyms.split_of("gwn-7")
    rec = article()
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    mine = toponyms.split_of("t1")
    other = "check" if mine == "tune" else "tune"
    assert toponyms.evaluate_file(str(p), split=mine)["toponyms"] == 4
    assert toponyms.evaluate_file(str(p), split=other)["toponyms"] == 0
