"""Each named trigger filter on its own: a sentence it rejects and its twin it keeps."""

from __future__ import annotations

import pytest

from eventcoder.coding import predicates
from eventcoder.coding.clauses import Clause
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import parse_lexicon
from eventcoder.coding.tokenizer import tokenize
from eventcoder.coding.triggers import TriggerMatcher

LEXICON = """pattern\ttype\tmode\tcameo\tframe
attack|attacked\tASSAULT\t\t190\tsubj>obj
arrested|detained|injured\tCOERCE\tarrest\t173\tsubj>obj
killed\tASSAULT\t\t190\tsubj>obj
getötet|verletzt\tASSAULT\t\t190\tsubj>obj
strike\tPROTEST\t\t140\tsubj;nom
nahm|nahmen ... fest\tCOERCE\tarrest\t173\tsubj>obj
warf|warfen ... vor\tACCUSE\t\t112\tsubj>dat
inhaftierte|festgenommener\tCOERCE\tarrest\t173\tsubj>obj
*angriff\tASSAULT\t\t190\tsubj;nom
droht\tTHREATEN\t\t130\tsubj>dat
said\tCONSULT\t\t010\tsubj
said ... goodbye\tCONSULT\t\t010\tsubj
spoke|dispute\tCONSULT\t\t010\tsubj
forderte|gefordert\tREQUEST\t\t100\tsubj>obj
"""
_MATCHERS = {lang: TriggerMatcher(parse_lexicon(LEXICON, "test.tsv")) for lang in ("de", "en")}


def rejects(name: str, text: str, lang: str, word: str) -> bool:
    """Does filter ``name`` reject the trigger headed by ``word`` in the one-clause ``text``?"""
    view = tokenize(text)
    matches = [m for m in _MATCHERS[lang].match(view.lowers) if view.lowers[m.head] == word]
    assert matches, f"no trigger {word!r} in {text!r}"
    clause = Clause(0, len(view.lowers))
    longest = max(matches, key=lambda m: len(m.tokens))
    return predicates.FILTERS[name](view, longest, clause, grammar_for(lang))


@pytest.mark.parametrize(
    ("name", "lang", "word", "rejected", "kept"),
    [
        ("speech_verb", "en", "said", "The minister said nothing new.",
         "The minister said goodbye to his staff."),
        ("noun_use", "en", "attack", "The attack on the depot failed.",
         "Rebels attack the depot at night."),
        ("noun_use", "en", "attack", "The border attack ended on Monday.",
         "The rebels attack the depot at night."),
        ("noun_use", "en", "dispute", "Its fisheries dispute with Norway ended.",
         "Fishermen dispute the plan with Norway."),
        ("noun_use", "en", "spoke", "The bicycle's spoke broke.",
         "The envoy spoke with Norway on Monday."),
        ("name_use", "en", "strike", "The Strike Force arrived on Monday.",
         "Workers began a strike on Monday."),
        ("mishap", "en", "killed", "A fire killed five workers.",
         "Gunmen killed five workers."),
        ("mishap", "de", "verletzt", "Zwei Arbeiter wurden bei Arbeitsunfällen schwer verletzt.",
         "Zwei Arbeiter wurden bei einem Angriff schwer verletzt."),
        ("mishap", "de", "getötet", "Bei einem Brand in Linz wurden drei Menschen getötet.",
         "Bei einem Anschlag in Linz wurden drei Menschen getötet."),
        ("attributive_ed", "en", "injured", "Two injured workers were flown out.",
         "Police injured two workers."),
        ("particle_final", "de", "warfen", "Sie warfen Steine vor dem Gebäude.",
         "Sie warfen ihm Betrug vor."),
        ("modal_danger", "de", "droht", "Die Krise droht zu eskalieren.",
         "Die Regierung droht den Rebellen."),
        ("death_toll", "de", "gefordert", "Der Anschlag hat 129 Tote gefordert.",
         "Die Angehörigen der Toten haben eine Untersuchung gefordert."),
        ("attributive_participle", "de", "inhaftierte", "Sechs inhaftierte Journalisten kamen frei.",
         "Die Polizei inhaftierte sechs Journalisten."),
    ],
)
def test_filter_rejects_and_keeps(name, lang, word, rejected, kept) -> None:
    assert rejects(name, rejected, lang, word)
    assert not rejects(name, kept, lang, word)


def test_verb_case_lower_case_noun_and_capitalised_verb() -> None:
    # German nouns are capitalised: "bekämpfen" is no "*kampf" noun, "Luftangriff" is
    assert rejects("verb_case", "Die Armee meldete einen luftangriff.", "de", "luftangriff")
    assert not rejects("verb_case", "Die Armee meldete einen Luftangriff.", "de", "luftangriff")
    # a capitalised verb inside a clause is a name or a noun
    assert rejects("verb_case", "The group Detained Voices met.", "en", "detained")
    assert not rejects("verb_case", "The police detained voices.", "en", "detained")


def test_particle_after_a_preposition_phrase_still_ends_the_clause() -> None:
    assert not rejects("particle_final", "Er warf ihm Betrug vor.", "de", "warf")
    assert rejects("particle_final", "Sie warfen Steine vor dem Gebäude.", "de", "warfen")


def test_each_language_lists_known_filters_and_english_runs_the_english_ones() -> None:
    en, de = grammar_for("en").language, grammar_for("de").language
    assert {"noun_use", "name_use", "mishap", "attributive_ed"} <= set(en.trigger_filters)
    assert "attributive_participle" in de.trigger_filters
    assert "noun_use" not in de.trigger_filters
    assert len(predicates.filters_for(grammar_for("en"))) == len(en.trigger_filters)


def test_an_unknown_filter_name_is_a_clear_error(monkeypatch) -> None:
    g = grammar_for("en")
    monkeypatch.setattr(type(g.language), "trigger_filters", ("no_such_filter",))
    with pytest.raises(KeyError, match="unknown trigger filter 'no_such_filter'"):
        predicates.filters_for(g)
