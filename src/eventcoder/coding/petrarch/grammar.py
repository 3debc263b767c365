"""Closed-class English words of the shallow PETRARCH parser (``data/grammar.yaml``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from eventcoder.coding.petrarch.agents import Agent


def _grammar() -> dict:
    path = Path(__file__).with_name("data") / "english_grammar.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


_G = _grammar()  # closed-class English words the shallow parser needs (a data file)
CLAUSE_WORDS = frozenset(_G["clause_words"])
CONJUNCTIONS = frozenset(_G["conjunctions"])
PREPOSITIONS = frozenset(_G["prepositions"])
ARTICLES = frozenset(_G["articles"])
POSSESSIVES = frozenset(_G["possessives"])
DETERMINERS = ARTICLES | POSSESSIVES
PRONOUNS = frozenset(_G["pronouns"])
BE_FORMS = frozenset(_G["be_forms"])
AGENT_LINKS = frozenset(_G["agent_links"])
AUXILIARY_NEXT = frozenset(_G["auxiliary_next"])
SEGMENT_BREAKS = CLAUSE_WORDS | {"AND", "OR", ","}
BREAKS = CLAUSE_WORDS | CONJUNCTIONS | PREPOSITIONS | frozenset(_G["other_breaks"])
NOT_VERBS = frozenset(_G.get("not_verbs", ()))
FORMER = _G["former"]
ELITE = Agent(_G["elite_agent"])  # PETRARCH convention: "former" officials are elites
GAP_BREAKS = frozenset({"THAT", "WHO", "WHICH", ",", ";", ":"})
NULL_CODES = frozenset({"---", "+++"})
DISCARD_CODE = "###"
