"""Spanish lexicon entries (language/es/verbs.tsv -> triggers.tsv): security forces deployed,
armed strikes, releases, hostage taking, recalled ambassadors, land invasions, burning tyres,
police breaking up rallies, weapons and criticism verbs. Each entry has a sentence that codes its
type and, where a near reading is no such event, a negative twin. All sentences are our own."""

from __future__ import annotations

import pytest

from eventcoder.coding.engine import EventCoder
from eventcoder.model import Article


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def types(coder: EventCoder, text: str) -> set[str]:
    article = Article(id="t", text=text, lang="es", published="2024-03-06")
    return {e.type for e in coder.code(article)}


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        # MOBILIZE: deployments and build-ups of troops and police
        ("Cientos de soldados tomaron posiciones en la ciudad.", "MOBILIZE"),
        ("Dos batallones han tomado posición en las colinas cercanas al aeropuerto.", "MOBILIZE"),
        ("El ejército concentró tropas en la frontera norte.", "MOBILIZE"),
        ("El Gobierno decidió militarizar la zona minera.", "MOBILIZE"),
        ("El Gobierno envió 500 policías a la ciudad.", "MOBILIZE"),
        ("El presidente puso en alerta a las fuerzas armadas.", "MOBILIZE"),
        ("Un dispositivo de seguridad vigila el centro de la capital.", "MOBILIZE"),
        ("Un amplio dispositivo policial rodea el estadio.", "MOBILIZE"),
        # COERCE: a shutdown imposed by an armed group, hostages, deportations, rallies broken up
        ("La guerrilla decretó un paro armado en la región.", "COERCE"),
        ("Los rebeldes tomaron a diez rehenes en la embajada.", "COERCE"),
        ("El Gobierno deportó a veinte inmigrantes.", "COERCE"),
        ("La policía disolvió la manifestación con gases lacrimógenos.", "COERCE"),
        # RETREAT: releases and the end of protests
        ("El juez puso en libertad a los tres detenidos.", "RETREAT"),
        ("Los dirigentes sindicales fueron puestos en libertad el lunes.", "RETREAT"),
        ("Los sindicatos anunciaron la suspensión de las huelgas.", "RETREAT"),
        # ACCUSE and REJECT
        ("El fiscal inculpó al exministro de corrupción.", "ACCUSE"),
        ("La oposición cuestionó la decisión del presidente.", "ACCUSE"),
        ("El senador arremetió contra el Gobierno.", "ACCUSE"),
        ("El obispo fustigó a los diputados por la reforma.", "ACCUSE"),
        ("El ministro se rehusó a renunciar.", "REJECT"),
        # PROTEST: land invasions, burning tyres, civil disobedience
        ("Cientos de campesinos invadieron tierras en el norte del país.", "PROTEST"),
        ("Los vecinos quemaron llantas en la avenida principal.", "PROTEST"),
        (
            "Los agricultores iniciaron una campaña de desobediencia civil contra el impuesto.",
            "PROTEST",
        ),
        # SANCTION: an ambassador recalled, a sentence
        ("Argentina retiró a su embajador en Londres.", "SANCTION"),
        ("México llamó a consultas a su embajador en Cuba.", "SANCTION"),
        ("El tribunal sentenció a los acusados a diez años de prisión.", "SANCTION"),
        # ASSAULT: weapons
        ("Los rebeldes lanzaron cohetes contra la ciudad.", "ASSAULT"),
        ("Hombres armados ametrallaron a los pasajeros de un autobús.", "ASSAULT"),
        ("Los secuestradores torturaron a los rehenes.", "ASSAULT"),
        ("Un comando dinamitó una torre eléctrica.", "ASSAULT"),
    ],
)
def test_new_spanish_triggers(coder, text, ptype):
    assert ptype in types(coder, text)


def test_taking_a_stand_is_no_deployment(coder):
    # "tomar posición" is also "to take a stand": only positions in places are a deployment
    assert "MOBILIZE" in types(coder, "Los soldados tomaron posición en las rutas de acceso.")
    assert "MOBILIZE" not in types(coder, "El Gobierno tomó posición sobre la reforma.")
    assert "MOBILIZE" not in types(coder, "La Iglesia tomó posición en el debate.")


def test_an_armed_strike_is_coercion_a_strike_is_a_protest(coder):
    assert types(coder, "Los camioneros decretaron un paro en la región.") == {"PROTEST"}
    assert "PROTEST" not in types(coder, "La guerrilla decretó un paro armado en la región.")


def test_burning_tyres_is_a_protest_burning_a_bus_an_attack(coder):
    assert "ASSAULT" not in types(coder, "Los vecinos quemaron llantas en la avenida principal.")
    assert "ASSAULT" in types(coder, "Los guerrilleros quemaron un autobús.")


def test_dissolving_a_rally_is_repression_dissolving_parliament_is_not(coder):
    assert "COERCE" not in types(coder, "El presidente disolvió el Parlamento.")


def test_invading_land_is_an_occupation_not_an_attack(coder):
    assert "ASSAULT" not in types(
        coder, "Cientos de campesinos invadieron tierras en el norte del país."
    )


def test_troop_movements_and_the_ambassador_recalled(coder):
    # a plain withdrawal of troops stays RETREAT; of an ambassador it is a sanction
    assert "RETREAT" in types(coder, "El ejército retiró sus tropas de la ciudad.")
    assert "SANCTION" not in types(coder, "El ejército retiró sus tropas de la ciudad.")
    assert "REQUEST" not in types(coder, "México llamó a consultas a su embajador en Cuba.")


def test_freeing_is_a_release_leaving_free_time_is_not(coder):
    assert "RETREAT" not in types(coder, "El nuevo horario deja más tiempo libre a los obreros.")


def test_forces_on_alert_are_a_mobilisation_hospitals_on_alert_are_not(coder):
    assert "MOBILIZE" in types(coder, "El ministro puso a las tropas en alerta máxima.")
    assert "MOBILIZE" not in types(
        coder, "Las autoridades pusieron en alerta a los hospitales por la epidemia."
    )


def test_a_missile_fired_at_a_target_is_an_attack_a_test_launch_is_not(coder):
    assert "ASSAULT" in types(coder, "El ejército lanzó misiles contra posiciones rebeldes.")
    assert "ASSAULT" not in types(coder, "Corea del Norte lanzó un misil de prueba sobre el mar.")


def test_summoning_a_diplomat_is_a_protest_of_words_summoning_witnesses_is_not(coder):
    assert "ACCUSE" in types(coder, "El Gobierno convocó al encargado de negocios de Cuba.")
    assert "ACCUSE" in types(coder, "La cancillería citó al embajador de Chile.")
    assert "ACCUSE" not in types(coder, "El juez citó a los testigos del caso.")


def _coded(coder: EventCoder, text: str) -> list[tuple[str, str]]:
    article = Article(id="t", text=text, lang="es", published="2024-03-06")
    return [(e.type, e.evidence.text) for e in coder.code(article)]


def test_a_relative_clause_does_not_take_the_place_of_the_main_verb(coder):
    coded = _coded(coder, "Los mineros, que exigen mejores salarios, bloquearon la ruta nacional.")
    assert [t for t, _ in coded] == ["REQUEST", "PROTEST"]
    assert "bloquearon" in coded[1][1]
    # without the comma "que" opens the content of the verb: one event, the demand
    assert [t for t, _ in _coded(coder, "Los mineros exigen que se bloquee la ruta nacional.")] \
        == ["REQUEST"]
