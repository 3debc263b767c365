"""Evaluative speech: "&name" synset steps in trigger patterns, the ``judged_object`` filter
and short quoted phrases inside a clause."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder, predicates
from eventcoder.coding.clauses import Clause, split_clauses
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import builtin_lexicon, parse_lexicon
from eventcoder.coding.tokenizer import tokenize
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.language import data
from eventcoder.model import Article

SYNSETS = {"bad": frozenset({"farce", "sham"}), "good": frozenset({"triumph"})}


def code(text: str, lang: str = "en") -> list[tuple[str, list[str], list[str]]]:
    arts = get_coder().code(Article(id="t", text=text, lang=lang, published="2024-03-05"))
    return [(e.type, [a.text for a in e.source], [a.text for a in e.target]) for e in arts]


def test_synset_step_matches_its_words_only() -> None:
    entries = parse_lexicon("called ... &bad\tACCUSE\tdisapprove\t111\tsubj>obj\n", "t.tsv",
                            synsets=SYNSETS)
    matcher = TriggerMatcher(entries)
    hit = tokenize("He called the vote a sham on Monday.")
    miss = tokenize("He called the vote a triumph on Monday.")
    assert [hit.lowers[t] for t in matcher.match(hit.lowers)[0].tokens] == ["called", "sham"]
    assert matcher.match(miss.lowers) == []


def test_unknown_synset_names_file_line_and_known_sets() -> None:
    with pytest.raises(ValueError, match=r"t\.tsv:2: unknown synset '&ugly' \(known: bad, good\)"):
        parse_lexicon("pattern\ttype\ncalled ... &ugly\tACCUSE\n", "t.tsv", synsets=SYNSETS)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bundled_synsets_load_and_are_used(lang: str) -> None:
    sets = data.word_classes(lang, "synsets.tsv")
    assert "disapproval" in sets and len(sets["disapproval"]) > 20
    used = [e for e in builtin_lexicon(lang) if e.steps[-1].exact >= sets["disapproval"]]
    assert used, "no pattern uses the disapproval synset"


@pytest.mark.parametrize(
    ("rejected", "kept"),
    [
        ("The mayor called the terrible crisis the worst in years.",
         "The mayor called the new budget a terrible mistake."),
        ('The mayor called the terrible plan "modest".', 'The mayor called the plan "terrible".'),
        ("The mayor called the terrible flood victims heroes.",
         "The mayor called the budget plan terrible."),
    ],
)
def test_judgement_must_be_said_of_the_object(rejected: str, kept: str) -> None:
    entries = parse_lexicon("called ... terrible|mistake\tACCUSE\tdisapprove\t111\tsubj>obj;judge\n",
                            "t.tsv")
    matcher, g = TriggerMatcher(entries), grammar_for("en")
    results = []
    for text in (rejected, kept):
        view = tokenize(text)
        (m,) = matcher.match(view.lowers)
        results.append(predicates.FILTERS["judged_object"](view, m, Clause(0, len(view.lowers)), g))
    assert results == [True, False]


def test_naming_a_judgement_is_accuse_and_praise_is_support() -> None:
    assert code('Chancellor Olaf Scholz called the Russian plan a "cynical farce".') == [
        ("ACCUSE", ["Chancellor Olaf Scholz"], ["Russian"])]
    praise = code("Chancellor Olaf Scholz called Emmanuel Macron a courageous statesman.")
    assert [(t, s) for t, s, _ in praise] == [("SUPPORT", ["Chancellor Olaf Scholz"])]
    neutral = code("Chancellor Olaf Scholz called Emmanuel Macron a neighbour.")
    assert not {t for t, _, _ in neutral} & {"ACCUSE", "SUPPORT"}


def test_a_short_quoted_phrase_stays_in_its_clause() -> None:
    view = tokenize('She called the ruling a "grave error" and left.')
    g = grammar_for("en")
    clauses = split_clauses(view.lowers, view.texts, 0, len(view.lowers), g, set(), set(), set())
    first = " ".join(view.texts[clauses[0].start:clauses[0].end])
    assert first.startswith('She called the ruling a " grave error')
    quoted = tokenize('She said: "The ruling is wrong."')
    parts = split_clauses(quoted.lowers, quoted.texts, 0, len(quoted.lowers), g, set(), set(), set())
    assert len(parts) > 1  # a quoted sentence after a colon is its own clause


def test_german_naming_as_praise_or_criticism() -> None:
    praise = code("Die Ministerin bezeichnete das Abkommen mit Frankreich als Durchbruch.", "de")
    blame = code("Die Ministerin bezeichnete das Abkommen mit Frankreich als Fehler.", "de")
    assert [t for t, _, _ in praise] == ["SUPPORT"]
    assert [t for t, _, _ in blame] == ["ACCUSE"]


def test_congratulating_and_thanking_are_praise() -> None:
    assert code("President Joe Biden congratulated Chancellor Olaf Scholz.") == [
        ("SUPPORT", ["President Joe Biden"], ["Chancellor Olaf Scholz"])]
    assert code("President Joe Biden thanked Chancellor Olaf Scholz for the talks.")[0][0] \
        == "SUPPORT"
    assert code("President Joe Biden met Chancellor Olaf Scholz.")[0][0] == "CONSULT"


def test_german_donating_praise_is_praise_not_aid() -> None:
    praise = code("Der Bundespräsident spendete der Regierung in Wien ausdrücklich Lob.", "de")
    gift = code("Der Bundespräsident spendete dem Roten Kreuz in Wien 10.000 Euro.", "de")
    assert [t for t, _, _ in praise] == ["SUPPORT"]
    assert [t for t, _, _ in gift] == ["AID"]


def test_an_english_judgement_in_reported_speech_is_criticism_by_the_speaker() -> None:
    for text in ('"The sanctions are unacceptable," said the foreign minister of Chile.',
                 "The sanctions are unacceptable, the Chilean foreign minister said.",
                 "The Chilean foreign minister said the sanctions were a disgrace."):
        ((ptype, source, _),) = code(text)
        assert ptype == "ACCUSE" and "minister" in " ".join(source), text
    # the twins: the same judgement that nobody says, and a neutral statement
    assert code("The sanctions are unacceptable.") == []
    assert code("The Chilean foreign minister said the sanctions were in force.") == []


def test_a_negated_virtue_in_reported_speech_is_criticism() -> None:
    ((ptype, source, _),) = code("Der Plan sei nicht vertretbar, sagte die SPÖ.", "de")
    assert (ptype, source) == ("ACCUSE", ["SPÖ"])
    ((ptype, _, _),) = code("The plan is not acceptable, said the foreign minister of Chile.")
    assert ptype == "ACCUSE"
    # the twins: the virtue itself, and a negation nobody says
    assert code("Der Plan sei vertretbar, sagte die SPÖ.", "de") == []
    assert code("Der Plan ist nicht vertretbar.", "de") == []


def test_a_report_called_untrue_in_reported_speech_is_a_denial() -> None:
    ((ptype, source, _),) = code("Das stimmt nicht, sagte die Regierung Polens.", "de")
    assert (ptype, source) == ("REJECT", ["Regierung Polens"])
    ((ptype, _, _),) = code("That is not true, said the spokesman of the Polish government.")
    assert ptype == "REJECT"
    # the twin: nobody says it
    assert code("Das stimmt nicht.", "de") == []


def test_the_speaker_after_a_subordinate_clause_is_found() -> None:
    text = "Das ist ein Skandal, weil niemand zuständig ist, sagte die Regierung Polens."
    assert [(t, s) for t, s, _ in code(text, "de")] == [("ACCUSE", ["Regierung Polens"])]
    # the twin: with no speaker after the subordinate clause there is no criticism
    assert code("Das ist ein Skandal, weil niemand zuständig ist.", "de") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Reform sei völlig konzeptlos, sagte die SPÖ.", "de"),
        ("Das war eine Fehlentscheidung, sagte die SPÖ.", "de"),
        ("Die SPÖ hält die Reform für unverantwortlich.", "de"),
        ('"Cutting the funds was a blunder," said the foreign minister of Chile.', "en"),
    ],
)
def test_judgements_of_conduct_in_reported_speech_are_criticism(text: str, lang: str) -> None:
    assert [t for t, _, _ in code(text, lang)] == ["ACCUSE"]
    # the twin: the same judgement with nobody who says it
    bare = text.split(",")[0].strip('"') if "," in text else "Die Reform ist unverantwortlich."
    assert code(bare, lang) == []
