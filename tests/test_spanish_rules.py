"""Spanish ways of saying things: motive adjuncts, "manifestar" as "demonstrate", clauses with
"cuando", nouns and verbs of the same form, conditional and future forms, counts across a time
adverbial, object pronouns, actors without a knowledge-base name. Each rule has a positive and
a negative twin; all sentences are our own."""

from __future__ import annotations

import pytest

from eventcoder.coding.engine import EventCoder
from eventcoder.coding.numbers import find_casualties
from eventcoder.language import registry
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def code(coder: EventCoder, text: str) -> list[Event]:
    return coder.code(Article(id="t", text=text, lang="es", published="2024-03-06"))


def types(coder: EventCoder, text: str) -> set[str]:
    return {e.type for e in code(coder, text)}


def first(coder: EventCoder, text: str, ptype: str) -> Event:
    return next(e for e in code(coder, text) if e.type == ptype)


def test_a_motive_adjunct_is_coded_besides_the_main_event(coder):
    assert types(coder, "El Senado rechazó la reforma para protestar contra el ministro.") == {
        "REJECT", "PROTEST"}
    assert types(coder, "El Senado rechazó la reforma del ministro.") == {"REJECT"}
    # only the types the language lists (Language.adjunct_events): a support is no motive event
    assert types(coder, "Los obreros marcharon en Quito para apoyar al alcalde.") == {"PROTEST"}


def test_a_noun_motive_does_not_replace_the_strike(coder):
    found = types(coder, "Los mineros iniciaron una huelga en demanda de mejores salarios.")
    assert found == {"PROTEST", "REQUEST"}
    assert types(coder, "Los mineros iniciaron una huelga de tres días.") == {"PROTEST"}


def test_manifestar_without_se_is_to_demonstrate_only_before_a_time_or_place(coder):
    assert "PROTEST" in types(coder, "Miles de campesinos manifestaron el domingo en la capital.")
    assert "PROTEST" in types(coder, "Cientos de jubilados manifestaron frente al Congreso.")
    assert "PROTEST" not in types(coder, "Los obispos manifestaron su preocupación por la crisis.")
    assert "PROTEST" not in types(
        coder, "Los obispos manifestaron el lunes su preocupación por la crisis.")


def test_an_event_in_a_cuando_clause_is_coded(coder):
    assert "PROTEST" in types(
        coder, "La policía llegó al lugar cuando los vecinos protestaban contra el alcalde.")
    assert "PROTEST" not in types(
        coder, "La policía llegó al lugar porque los vecinos protestaban contra el alcalde.")


def test_actors_unknown_to_the_knowledge_base(coder, monkeypatch):
    text = "Los creyentes pidieron un nuevo templo."
    assert types(coder, text) == {"REQUEST"}
    monkeypatch.setattr(registry.get("es"), "unknown_actors", False)
    assert types(coder, text) == set()


def test_a_shared_verb_and_noun_form_after_an_article_is_the_noun(coder):
    found = types(coder, "El ministro decidió anular la gira en señal de protesta por las pruebas.")
    assert "PROTEST" in found and "THREATEN" not in found
    assert "PROTEST" in types(coder, "El sindicato protesta contra los despidos.")


def test_a_decision_is_the_act_a_threat_is_a_threat(coder):
    assert types(coder, "Los negociadores decidieron suspender las negociaciones con el Gobierno.") \
        == {"SANCTION"}
    assert "THREATEN" in types(
        coder, "Los negociadores amenazaron con suspender las negociaciones con el Gobierno.")


def test_conditional_and_future_forms_are_not_asserted(coder):
    assert first(coder, "El ejército atacaría la ciudad.", "ASSAULT").factuality == "rumored"
    assert first(coder, "El ejército atacó la ciudad.", "ASSAULT").factuality == "asserted"
    assert first(coder, "La policía detendrá a los manifestantes.", "COERCE").factuality \
        == "announced"
    assert first(coder, "La policía detuvo a los manifestantes.", "COERCE").factuality \
        == "asserted"
    periphrasis = code(coder, "El gobierno va a atacar a los rebeldes.")
    assert periphrasis and all(e.factuality == "announced" for e in periphrasis)


def test_arrest_counts_across_a_time_adverbial(coder):
    assert first(coder, "La policía detuvo el lunes a 40 personas en Madrid.", "COERCE").arrested \
        == 40
    assert find_casualties("Los soldados mataron anoche a tres civiles.", "es").dead == 3
    assert first(coder, "La policía detuvo el lunes a los líderes del partido.", "COERCE").arrested \
        is None


def test_object_pronouns(coder):
    assert "COERCE" in types(coder, "La policía los detuvo el martes.")
    assert "COERCE" in types(coder, "La policía decidió detenerlos.")
    assert "ASSAULT" in types(coder, "Los soldados la atacaron ayer.")
    assert types(coder, "La policía los vio el martes.") == set()


def test_a_country_adjective_after_the_role_is_one_actor(coder):
    ev = first(coder, "Las tropas rusas atacaron la ciudad.", "ASSAULT")
    assert [(a.country, a.sector) for a in ev.source] == [("RUS", "MIL")]
    ev = first(coder, "El gobierno de Francia criticó a Rusia.", "ACCUSE")
    assert [(a.text, a.country, a.sector) for a in ev.source] == [("gobierno de Francia", "FRA",
                                                                   "GOV")]


def test_apologies_and_backing_down_are_concessions(coder):
    assert types(coder, "El ministro se disculpó ante los vecinos.") == {"CONCEDE"}
    assert types(coder, "El gobierno retiró el proyecto de ley tras las protestas.") == {"CONCEDE"}
    assert "CONCEDE" not in types(coder, "El gobierno presentó el proyecto de ley.")


def test_stated_opposition_is_a_rejection(coder):
    assert types(coder, "La oposición está en contra de la reforma.") == {"REJECT"}
    assert "REJECT" not in types(coder, "La oposición está a favor de la reforma.")


def test_ending_a_protest_and_tear_gas(coder):
    assert types(coder, "Los mineros levantaron la huelga tras el acuerdo.") == {"RETREAT"}
    assert types(coder, "Los mineros iniciaron la huelga tras el acuerdo.") == {"PROTEST"}
    assert types(coder, "La policía lanzó gases lacrimógenos contra los manifestantes.") == {
        "COERCE"}
    assert types(coder, "Los manifestantes lanzaron piedras contra la policía.") == {"ASSAULT"}


def test_a_light_verb_with_a_protest_noun_is_the_first_verb(coder):
    found = types(coder, "Los maestros mantenían una huelga y el gobierno criticó al sindicato.")
    assert "PROTEST" in found
    assert "PROTEST" not in types(coder, "Los maestros mantenían una reunión con el ministro.")


def test_a_crowd_gathering_in_a_public_space_is_a_rally_not_a_meeting(coder):
    assert types(coder, "Unas 8.000 personas se reunieron el sábado en la plaza mayor.") == {
        "PROTEST"}
    assert types(coder, "Los ministros de Chile y Perú se reunieron el sábado en Lima.") == {
        "CONSULT"}


def test_walking_out_in_protest_is_a_boycott_not_a_withdrawal(coder):
    walkout = first(coder, "La delegación de Bolivia se retiró de la cumbre en protesta por el "
                    "discurso.", "PROTEST")
    assert walkout.mode == "boycott"
    assert types(coder, "Las tropas de Bolivia se retiraron de la zona fronteriza.") == {
        "RETREAT"}


def test_taking_a_building_camping_out_and_chaining_oneself_are_protests(coder):
    assert types(coder, "Los estudiantes tomaron la universidad el lunes.") == {"PROTEST"}
    assert "PROTEST" not in types(coder, "El ministro tomó la palabra en la sede del foro.")
    assert types(coder, "Cientos de jubilados acamparon frente al Congreso.") == {"PROTEST"}
    assert "PROTEST" not in types(coder, "Los excursionistas acamparon junto al lago.")
    assert types(coder, "Varias madres se encadenaron a las rejas del tribunal.") == {"PROTEST"}


def test_the_motive_of_an_ended_protest_is_no_new_protest(coder):
    ended = "La activista puso fin el lunes a la huelga de hambre que inició para protestar."
    assert types(coder, ended) == {"RETREAT"}
    rejected = "El sindicato rechazó el plan del gobierno para protestar contra los despidos."
    assert types(coder, rejected) == {"REJECT", "PROTEST"}
