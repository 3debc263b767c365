"""Trigger lexicons, the matcher, the crosswalk and clause splitting (no knowledge base needed)."""

import pytest

from eventcoder.coding.clauses import split_clauses
from eventcoder.coding.crosswalk import cameo_to_plover
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import NO_EVENT, builtin_lexicon, parse_lexicon
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.model import PLOVER_TYPES


def _match(lexicon: str, sentence: str) -> list[tuple[str, list[str]]]:
    words = sentence.split()
    m = TriggerMatcher(parse_lexicon(lexicon, "test.tsv"))
    lowers = [w.lower() for w in words]
    return [(x.entry.type, [words[t] for t in x.tokens]) for x in m.match(lowers)]


def test_separable_verb_with_gap() -> None:
    lex = "nahm|nahmen ... fest\tCOERCE\tarrest\t173\tsubj>obj\n"
    got = _match(lex, "Die Polizei nahm am Abend zwei Männer fest .")
    assert got == [("COERCE", ["nahm", "fest"])]
    assert _match(lex, "Die Polizei nahm am Abend teil . Dann fest") == []


def test_a_gap_skips_a_short_parenthesis_not_a_long_one() -> None:
    lex = "lehnte ... ab\tREJECT\t\t120\tsubj>obj\n"
    got = _match(lex, "Der Minister lehnte ( SPD ) den Plan ab .")
    assert got == [("REJECT", ["lehnte", "ab"])]
    long = "Der Minister lehnte ( das sagte er am Montag in Berlin ) den Plan ab ."
    assert _match(lex, long) == []


def test_suffix_matches_compounds_and_the_bare_noun() -> None:
    lex = "*festnahme|*festnahmen\tCOERCE\tarrest\t173\tsubj>obj;nom;bare\n"
    assert _match(lex, "Massenfestnahmen in der Stadt")[0][1] == ["Massenfestnahmen"]
    assert _match(lex, "Festnahmen gab es viele")[0][1] == ["Festnahmen"]
    assert _match(lex, "Die Festnahmeeinheit kam") == []


def test_longer_pattern_wins_over_single_word() -> None:
    lex = "lift|lifted\tCONCEDE\t\t080\t-\nlifted ... curfew\tRETREAT\tease\t085\t-\n"
    assert _match(lex, "The army lifted the curfew")[0] == ("RETREAT", ["lifted", "curfew"])


def test_bad_lexicon_line_names_file_and_line() -> None:
    with pytest.raises(ValueError, match=r"bad.tsv:2: unknown PLOVER type"):
        parse_lexicon("# header\nattack\tFIGHT\n", "bad.tsv")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_builtin_lexicons_cover_all_plover_types(lang: str) -> None:
    types = {e.type for e in builtin_lexicon(lang)} - {NO_EVENT}
    assert types == set(PLOVER_TYPES)


def test_crosswalk_falls_back_to_shorter_codes() -> None:
    assert cameo_to_plover("173").type == "COERCE"
    assert cameo_to_plover("173").mode == "arrest"
    assert cameo_to_plover("1419").type == "PROTEST"  # 1419 is not listed, 141 is
    assert cameo_to_plover("010") is None  # statements have no PLOVER type


def test_clauses_split_at_subordinator_and_coordinated_verb() -> None:
    g = grammar_for("de")
    words = "Er sprach mit Putin und kritisierte , dass die Armee angriff".split()
    lowers = [w.lower() for w in words]
    heads = {1, 5, 10}
    clauses = split_clauses(lowers, words, 0, len(words), g, heads, {3}, {4})
    assert [words[c.start] for c in clauses] == ["Er", "kritisierte", "dass"]
    assert clauses[1].after_conj and clauses[2].marker == "dass"


def test_actor_list_comma_does_not_split() -> None:
    g = grammar_for("de")
    words = "Russland , China und Iran kritisierten".split()
    lowers = [w.lower() for w in words]
    clauses = split_clauses(lowers, words, 0, len(words), g, {5}, {0, 2, 4}, {1, 3, 5})
    assert len(clauses) == 1
