"""Spanish reading details: a conditional after a reporting verb (future in the past), a purpose
clause ("para que"), a word in quotes, the clitic "se" opening a sentence, a reflexive change of
state, "estar" + participle. Each rule has a positive and a negative twin; all sentences are our
own."""

from __future__ import annotations

import pytest

from eventcoder.coding import predicates
from eventcoder.coding.clauses import Clause
from eventcoder.coding.engine import EventCoder
from eventcoder.coding.grammar import grammar_for
from eventcoder.coding.lexicon import parse_lexicon
from eventcoder.coding.tokenizer import tokenize
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def code(coder: EventCoder, text: str) -> list[Event]:
    return coder.code(Article(id="t", text=text, lang="es", published="2024-03-06"))


def first(coder: EventCoder, text: str, ptype: str) -> Event:
    return next(e for e in code(coder, text) if e.type == ptype)


def test_a_conditional_after_a_reporting_verb_is_announced(coder):
    said = "El portavoz dijo que la policía detendría a los cabecillas."
    assert first(coder, said, "COERCE").factuality == "announced"
    # without the reporting verb the conditional stays hypothetical
    bare = "La policía detendría a los cabecillas."
    assert first(coder, bare, "COERCE").factuality == "rumored"
    # a past tense after the reporting verb is a report, not an announcement
    past = "El portavoz dijo que la policía detuvo a los cabecillas."
    assert first(coder, past, "COERCE").factuality == "reported"
    # "según X" with a conditional is a hedged report, not a future in the past
    hedged = "Según fuentes locales, el ejército bombardearía la aldea."
    assert first(coder, hedged, "ASSAULT").factuality == "rumored"
    # a modal of possibility after a reporting verb stays hedged
    modal = "El alcalde afirmó que el ejército podría atacar la aldea."
    assert first(coder, modal, "THREATEN").factuality == "rumored"


def test_a_purpose_clause_with_para_que_is_wished_not_asserted(coder):
    wished = "Los diputados presionan para que haya una investigación sobre el alcalde."
    assert first(coder, wished, "ACCUSE").factuality == "announced"
    wished = "Los diputados presionan a fin de que haya una investigación sobre el alcalde."
    assert first(coder, wished, "ACCUSE").factuality == "announced"
    # without "para" the same noun after "que" is not a purpose
    fact = "Los diputados saben que hubo una investigación sobre el alcalde."
    assert first(coder, fact, "ACCUSE").factuality == "asserted"
    # "habrá" (there will be) is a future like "detendrá"
    future = "Los diputados saben que habrá una investigación sobre el alcalde."
    assert first(coder, future, "ACCUSE").factuality == "announced"


def test_a_word_in_single_quotes_is_read_as_a_word(coder):
    view = tokenize("un 'cacerolazo' y Iran's")
    assert view.lowers == ["un", "'", "cacerolazo", "'", "y", "iran", "'s"]
    quoted = "Los vecinos hicieron un 'cacerolazo' contra el alcalde de Quito."
    assert [e.type for e in code(coder, quoted)] == ["PROTEST"]
    # the same sentence with a quoted word that is no event word codes nothing
    other = "Los vecinos hicieron un 'almuerzo' con el alcalde de Quito."
    assert code(coder, other) == []


def test_se_opening_a_sentence_is_no_place(coder):
    ev = first(coder, "Se detuvo a cuatro estudiantes el lunes.", "COERCE")
    assert all(a.text != "Se" for a in ev.source + ev.target)
    assert ev.location is None
    # a real place at the start of a sentence is still read as one
    ev = first(coder, "Lima vivió el lunes una huelga de transportistas.", "PROTEST")
    assert ev.location is not None and ev.location.country == "PER"


def test_a_reflexive_change_of_state_is_no_attack(coder):
    assert code(coder, "El depósito de madera se incendió durante la noche.") == []
    # the same verb with an agent and an object is an attack
    acted = "Los encapuchados incendiaron el depósito durante la noche."
    assert [e.type for e in code(coder, acted)] == ["ASSAULT"]


def test_a_participle_after_estar_is_a_passive(coder):
    charged = "El exministro está procesado por corrupción desde marzo."
    assert [e.type for e in code(coder, charged)] == ["ACCUSE"]
    # a participle without an auxiliary (a noun) is no event
    assert code(coder, "Los procesados esperan en silencio desde marzo.") == []


def test_the_anticausative_filter_alone():
    lexicon = "pattern\ttype\tmode\tcameo\tframe\nincendió|incendiaron\tASSAULT\t\t190\tsubj>obj\n"
    matcher = TriggerMatcher(parse_lexicon(lexicon, "test.tsv"))

    def rejects(text: str) -> bool:
        view = tokenize(text)
        (m,) = matcher.match(view.lowers)
        return predicates.FILTERS["anticausative"](
            view, m, Clause(0, len(view.lowers)), grammar_for("es"))

    assert rejects("El granero se incendió anoche.")
    assert not rejects("Los atacantes incendiaron el granero anoche.")
