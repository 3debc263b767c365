"""Rule-based NER on places and names: celestial bodies, role nouns that are no names
(sentences of our own)."""

from __future__ import annotations

import pytest

from eventcoder.knowledge import load_knowledge_base
from eventcoder.knowledge.ner import predict


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def labels(kb, sentence: str) -> dict[str, str]:
    tokens = sentence.split()
    return {" ".join(tokens[s:e]): label for s, e, label in predict(kb, tokens, "de")}


def test_celestial_bodies_after_an_article_are_places(kb):
    found = labels(kb, "Die Sonde soll im Mai den Mars erreichen .")
    assert found.get("Mars") == "LOC"
    found = labels(kb, "Die Erde dreht sich um die Sonne .")
    assert found.get("Erde") == "LOC" and found.get("Sonne") == "LOC"
    assert labels(kb, "Mars verkaufte im Jahr mehr Riegel .").get("Mars") != "LOC"


def test_role_nouns_where_names_stand_are_no_persons(kb):
    assert "Polizist" not in labels(kb, "Damit will Polizist nun klagen .")
    assert "Wähler" not in labels(kb, "Wähler stimmte gestern ab .")
    assert labels(kb, "Damit will Quastenberg nun klagen .").get("Quastenberg") == "PER"
