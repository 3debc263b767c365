"""Places: recognition by evidence and resolution by article context (sentences of our own)."""

from __future__ import annotations

import pytest

from eventcoder.coding.location import article_places, to_location
from eventcoder.knowledge import load_knowledge_base, toponyms


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def places(kb, text: str, lang: str = "en") -> dict[str, object]:
    """Surface -> resolved place mention (the last one of each surface)."""
    raw = kb.match(text, lang, combine=False)
    resolved, _conf = toponyms.resolve(text, raw, kb, lang)
    return {m.text: m for m in toponyms.confirm(text, resolved, kb, lang)}


def test_dublin_in_ohio_and_in_ireland(kb):
    ohio = places(kb, "A water main broke in Dublin, Ohio, north-west of Columbus.")
    assert (ohio["Dublin"].country, ohio["Dublin"].admin1) == ("USA", "OH")
    irish = places(kb, "Irish nurses marched through Dublin to the Dáil on Monday.")
    assert irish["Dublin"].country == "IRL"


def test_london_in_ontario_and_in_england(kb):
    ont = places(kb, "Firefighters in London, Ontario, rescued two children.")
    assert ont["London"].country == "CAN"
    assert ont["Ontario"].precision == "admin1"
    uk = places(kb, "Commuters in London faced delays as Britain braced for snow.")
    assert uk["London"].country == "GBR"


def test_georgia_state_or_country_by_context(kb):
    us = places(kb, "Storms hit Atlanta and Savannah before moving across Georgia.")
    assert (us["Georgia"].kind, us["Georgia"].country, us["Georgia"].precision) == \
        ("place", "USA", "admin1")
    caucasus = places(kb, "Thousands rallied in Tbilisi, the capital of Georgia.")
    assert caucasus["Georgia"].country == "GEO"
    assert caucasus["Georgia"].kind == "country"


def test_capital_is_a_city_place(kb):
    text = "Demonstranten versammelten sich am Samstag in Moskau vor dem Kreml."
    ap = article_places(text, kb.match(text, "de", combine=False), kb, "de")
    moscow = next(m for m in ap.places if m.text == "Moskau")
    loc = to_location(moscow)
    assert loc.precision == "city" and loc.country == "RUS" and loc.name == "Moscow"
    assert 55 < loc.lat < 56.5


def test_common_nouns_are_not_places(kb):
    assert "Basis" not in places(kb, "Die Basis der Partei stimmte dem Vertrag zu.", "de")
    assert "Leipzig" in places(kb, "Die Basis der Partei traf sich in Leipzig.", "de")
    assert "Commerce" not in places(kb, "Commerce officials said exports grew.")
    town = places(kb, "A tornado damaged homes in Commerce, Texas, on Sunday.")
    assert (town["Commerce"].country, town["Commerce"].admin1) == ("USA", "TX")


def test_admin_context_picks_the_namesake(kb):
    texas = places(kb, "Hail fell on Paris, Texas, late on Tuesday.")
    assert (texas["Paris"].country, texas["Paris"].admin1) == ("USA", "TX")
    france = places(kb, "Hail fell on Paris late on Tuesday, French forecasters said.")
    assert france["Paris"].country == "FRA"


def test_one_resolution_per_article(kb):
    text = ("Voters in Dublin, Ohio, went to the polls. Turnout in Dublin was higher than "
            "in 2019, officials in Dublin said.")
    raw = kb.match(text, "en", combine=False)
    resolved, conf = toponyms.resolve(text, raw, kb, "en")
    dublins = [m for m in resolved if m.text == "Dublin"]
    assert len(dublins) == 3
    assert {(m.country, m.admin1) for m in dublins} == {("USA", "OH")}
    assert all(0.5 <= conf[(m.start, m.end)] <= 1.0 for m in dublins)


def test_small_place_needs_evidence(kb):
    """A village name counts after a locative preposition, not as a bare capitalised word."""
    assert toponyms.population(kb, places(kb, "Police arrested two men in Bad Doberan.", "de")
                               ["Bad Doberan"]) < toponyms.SMALL
    assert "Bad Doberan" not in places(kb, "Bad Doberan Wetter heute", "de")


def test_county_and_postal_codes(kb):
    found = places(kb, "Deputies in Cuyahoga County, OH, closed a road.")
    assert found["Cuyahoga County"].precision == "admin2"
    assert found["OH"].precision == "admin1"
    assert "OH" not in places(kb, "OH, what a game that was.")


def test_a_town_name_used_as_a_compound_head_is_a_noun_in_german(kb):
    text = "Viele fanden die diesjährige Matura schwer. Die Mathe-Matura war am schwersten."
    assert "Matura" not in places(kb, text, "de")
    assert "Matura" in places(kb, "In Matura demonstrierten am Montag Bauern.", "de")
    # a place prefix keeps the town: "Ost-Jerusalem" is Jerusalem
    assert "Jerusalem" in places(kb, "In Jerusalem und in Ost-Jerusalem gab es Proteste.", "de")


def test_spanish_function_words_that_open_sentences_are_no_towns(kb):
    found = places(kb, "Una docena de manifestantes fueron detenidos ayer en Asunción.", "es")
    assert "Una" not in found and "Asunción" in found
