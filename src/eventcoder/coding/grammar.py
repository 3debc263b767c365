"""Closed word classes per language (``language/<lang>/grammar.tsv``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventcoder.language import data, registry
from eventcoder.language.base import Language


@dataclass(frozen=True)
class Grammar:
    lang: str
    subordinator: frozenset[str]
    preposition: frozenset[str]
    determiner: frozenset[str]
    passive_aux: frozenset[str]
    conjunction: frozenset[str]
    pronoun: frozenset[str]
    object_pronoun: frozenset[str]  # "ihm", "ihn", "him": a target that refers back
    adverb_suffix: frozenset[str]  # "ly": "..., sharply criticized" still opens with its verb
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
    verbal_attack: frozenset[str]  # attack verbs that are criticism when a person attacks
    release: frozenset[str]  # verbs of releasing: a release frees somebody named (a target)
    noun_head: frozenset[str]  # nouns that make a verb trigger before them a modifier
    origin: frozenset[str]  # "aus X", "of X": an actor's country follows ("rebels in Mali")
    between: frozenset[str]  # "zwischen X und Y": the first is the source, the rest the target
    object_article: frozenset[str]  # "den", "dem", "einen": articles of objects, not subjects
    correlative: frozenset[str]  # "als+auch": words between coordinated actors ("sowohl X als auch Y")
    object_determiner: frozenset[str]  # "dem", "seinen": a noun phrase they open is no subject
    impersonal: frozenset[str]  # "man", "one": a general subject (a statement, no demand)
    indefinite: frozenset[str]  # "a", "an": a noun phrase that brings in someone new
    self_subject: frozenset[str]  # "wir", "es", "we", "it": a modal's subject no one is asked
    additive: frozenset[str]  # "weitere", "zudem": the clause adds to an event told before
    casualty_verb: frozenset[str]  # "verletzt": a source-less report adds to the act told before
    relative: frozenset[str]  # "que" after a comma: a clause on the noun before, not the main one
    definite: frozenset[str]  # "den", "the": before a trigger noun, the act is known already
    event_noun: frozenset[str]  # "Vorfall", "incident": a noun naming an act told before
    agent: tuple[str, ...]  # prepositions of a passive's agent ("von", "durch", "by")
    language: Language  # the grammatical hooks (clause order, case, particles)


@lru_cache(maxsize=8)
def grammar_for(lang: str) -> Grammar:
    """The word classes of ``lang`` (an unregistered language falls back to the default; a
    class the language's ``grammar.tsv`` lacks is empty)."""
    language = registry.get_or_default(lang)
    classes = data.word_classes(language, "grammar.tsv")
    fields = [k for k in Grammar.__dataclass_fields__ if k not in ("lang", "language", "agent")]
    agent = next((w.split() for c, w in data.read_table(language, "grammar.tsv") if c == "agent"), [])
    return Grammar(
        lang=language.code,
        language=language,
        agent=tuple(agent),
        **{k: classes.get(k, frozenset()) for k in fields},
    )
