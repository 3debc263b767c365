"""The shipped English tagger+parser loads offline and finds verb roles."""

from __future__ import annotations

import pytest

from eventcoder.language.parse import load_parser, shipped_models


@pytest.fixture(scope="module")
def nlp():
    model = load_parser("en")
    assert model is not None, "the English model must ship in eventcoder/models/"
    return model


def _dependents(doc, verb: str) -> dict[str, list[str]]:
    """Relation -> words attached to the (first) token ``verb``; obl keys carry the preposition."""
    head = next(t for t in doc if t.text == verb)
    out: dict[str, list[str]] = {}
    for child in head.children:
        key = child.dep_
        if key.startswith("obl") and key != "obl:agent":
            preps = [c.lower_ for c in child.children if c.dep_ == "case"]
            key = f"obl[{' '.join(preps)}]"
        out.setdefault(key, []).append(child.text)
    return out


def test_only_languages_with_a_model_get_one(nlp) -> None:
    assert "en" in shipped_models()
    assert load_parser("en") is nlp  # cached, loaded once
    assert load_parser("de") is None


def test_pipeline_has_tagger_and_parser(nlp) -> None:
    assert {"tagger", "morphologizer", "parser"} <= set(nlp.pipe_names)
    doc = nlp("Rebels burned the old bridge.")
    assert (doc[1].pos_, doc[1].tag_, doc[1].dep_) == ("VERB", "VBD", "ROOT")
    assert (doc[4].pos_, doc[4].dep_, doc[4].head.i) == ("NOUN", "obj", 1)


def test_active_clause_subject_object_obliques(nlp) -> None:
    doc = nlp("Police arrested three protesters in the capital on Monday.")
    deps = _dependents(doc, "arrested")
    assert deps["nsubj"] == ["Police"]
    assert deps["obj"] == ["protesters"]
    assert deps["obl[on]"] == ["Monday"]
    fronted = _dependents(nlp("In the capital, police arrested three protesters."), "arrested")
    assert fronted["obl[in]"] == ["capital"]
    assert fronted["nsubj"] == ["police"]


def test_passive_with_by_agent(nlp) -> None:
    doc = nlp("Two villages were shelled by government forces.")
    deps = _dependents(doc, "shelled")
    assert deps["nsubj:pass"] == ["villages"]
    assert deps["obl:agent"] == ["forces"]
    assert "nsubj" not in deps and "obj" not in deps
    active = _dependents(nlp("Government forces shelled two villages."), "shelled")
    assert active["nsubj"] == ["forces"]
    assert active["obj"] == ["villages"]
    assert "obl:agent" not in active
