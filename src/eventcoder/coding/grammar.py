"""Closed word classes per language (``language/<lang>/grammar.tsv``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Grammar:
    lang: str
    subordinator: frozenset[str]
    preposition: frozenset[str]
    determiner: frozenset[str]
    passive_aux: frozenset[str]
    conjunction: frozenset[str]
    pronoun: frozenset[str]
    clause_punct: frozenset[str]
    background: frozenset[str]  # subordinators of background clauses (no events coded there)
    complementizer: frozenset[str]  # "dass", "that": opens the content of a verb
    nontrigger: frozenset[str]  # words that look like triggers but never are ("according")
    no_bare: frozenset[str]  # generic verbs: generated single-verb entries are not used
    light: frozenset[str]  # light verbs: with a noun event in the clause the noun is the event
    speech: frozenset[str]  # verbs of saying: a noun in a PP of their clause is a topic
    numeral: frozenset[str]  # number words ("sechs inhaftierte ..." is an adjective use)
    setting: frozenset[str]  # "bei einer Kundgebung": a noun event there is an event of its own
    modal_threat: frozenset[str]  # "droht zu eskalieren": with a zu-infinitive no threat
    particle: frozenset[str]  # separable verb particles ("nahm ... fest"): end their clause
    clause_end: frozenset[str]  # words a clause-final separable particle may stand before
    attribution: frozenset[str]  # first words of "laut X", "X zufolge": not the clause subject
    locative: frozenset[str]  # prepositions of place: their actor is no fallback target
    quantifier: frozenset[str]  # "at least", "at most": the preposition modifies a number
    approximate: frozenset[str]  # "about 200", "up to 30": prepositions before a number
    mishap: frozenset[str]  # "a fire killed five", "died of cancer": deaths but no assault
    ambiguous_mishap: frozenset[str]  # mishap words only after a determiner ("a fire")
    mishap_before: frozenset[str]  # words that make an ambiguous one a mishap ("caught fire")
    noun_head: frozenset[str]  # nouns that make a verb trigger before them a modifier


@lru_cache(maxsize=8)
def grammar_for(lang: str) -> Grammar:
    """The word classes of ``lang`` (``de`` or ``en``; anything else falls back to ``en``)."""
    folder = resources.files("eventcoder.language").joinpath(lang if lang in ("de", "en") else "en")
    classes: dict[str, frozenset[str]] = {}
    for line in folder.joinpath("grammar.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        name, words = line.split("\t", 1)
        classes[name.strip()] = frozenset(words.split())
    return Grammar(
        lang=lang,
        **{k: classes.get(k, frozenset()) for k in Grammar.__dataclass_fields__ if k != "lang"},
    )
