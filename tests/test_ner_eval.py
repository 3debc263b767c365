"""GermEval-style NER scoring with the knowledge base (our own sentences and files)."""

from __future__ import annotations

import json

import pytest

from eventcoder.evaluation import ner
from eventcoder.knowledge import load_knowledge_base

TSV = """#\thttp://example.org/a\t[2010-05-01]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tgestern\tO\tO
5\tBerlin\tB-LOC\tO
6\tund\tO\tO
7\tdie\tO\tO
8\tSPD\tB-ORG\tO
9\t.\tO\tO

#\thttp://example.org/b\t[2010-05-02]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tschwieg\tO\tO
5\t.\tO\tO

"""


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_read_tsv_outer_spans(tmp_path):
    p = tmp_path / "ner.tsv"
    p.write_text(TSV, encoding="utf-8")
    sents = list(ner.read_gold(str(p)))
    assert len(sents) == 2
    assert sents[0].gold == {(0, 2, "PER"), (4, 5, "LOC"), (7, 8, "ORG")}
    assert sents[0].date == "2010-05-01"
    assert sents[1].gold == set()  # derived forms are not scored


def test_read_jsonl_keeps_level_one(tmp_path):
    rec = {"tokens": ["Der", "Rhein", "fließt"], "date": None,
           "entities": [{"label": "LOC", "start": 1, "end": 2, "level": 1},
                        {"label": "PER", "start": 1, "end": 2, "level": 2}]}
    p = tmp_path / "ner.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert next(ner.read_gold(str(p))).gold == {(1, 2, "LOC")}


def test_predict_and_score(tmp_path, kb):
    p = tmp_path / "ner.tsv"
    p.write_text(TSV, encoding="utf-8")
    report = ner.score(ner.read_gold(str(p)), kb)
    assert report["f1"] == 1.0
    assert report["PER_gold"] == 1 and report["LOC_precision"] == 1.0


def test_rules_find_people_and_organisations(kb):
    toks = "Gestern sagte Herr Beispielmann , die Talbauern GmbH habe Frau Dr. Muster".split()
    pred = ner.predict(kb, toks)
    assert (3, 4, "PER") in pred  # after a title
    assert (6, 8, "ORG") in pred  # ends in an organisation word
    toks = "Laut Maria Schneidewind kam die Polizei nach Köln .".split()
    pred = ner.predict(kb, toks)
    assert (1, 3, "PER") in pred and (7, 8, "LOC") in pred


def test_scores_count_false_alarms(kb):
    s = ner.Sentence("Die Stadt Köln wächst .".split(), gold=set())
    report = ner.score([s], kb)
    assert report["LOC_precision"] == 0.0 and report["precision"] == 0.0
