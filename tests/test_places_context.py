"""Places in context: states, abbreviations, stop-listed towns, people named like towns, unions
of states, capitals against namesakes (sentences of our own)."""

from __future__ import annotations

import pytest

from eventcoder.evaluation import toponyms as geo
from eventcoder.knowledge import load_knowledge_base, toponyms
from eventcoder.knowledge.geoparse import ArticleGeo, resolve_toponym


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def places(kb, text: str, lang: str = "en") -> dict[str, object]:
    """Surface -> resolved place mention (the last one of each surface)."""
    raw = kb.match(text, lang, combine=False)
    resolved, _conf = toponyms.resolve(text, raw, kb, lang)
    return {m.text: m for m in toponyms.confirm(text, resolved, kb, lang)}


def test_state_beats_its_namesake_towns(kb):
    state = places(kb, "A federal judge in Wyoming blocked the new drilling rule.")
    assert (state["Wyoming"].precision, state["Wyoming"].admin1) == ("admin1", "WY")
    town = places(kb, "Wyoming, Michigan, opened a new library on Saturday.")
    assert (town["Wyoming"].precision, town["Wyoming"].admin1) == ("city", "MI")


def test_state_abbreviations_are_states(kb):
    found = places(kb, "Growers near Fresno, Calif., and Yakima, Wash., feared frost.")
    assert (found["Calif."].precision, found["Calif."].admin1) == ("admin1", "CA")
    assert (found["Wash."].precision, found["Wash."].admin1) == ("admin1", "WA")
    assert found["Fresno"].admin1 == "CA"
    city = places(kb, "The council met in Washington, D.C., on Monday.")
    assert city["Washington, D.C."].precision == "city"


def test_stop_listed_town_before_its_state(kb):
    found = places(kb, "Voters in Austin, Texas, and Jackson, Miss., went to the polls.")
    assert (found["Austin"].kind, found["Austin"].admin1) == ("place", "TX")
    assert (found["Jackson"].precision, found["Jackson"].admin1) == ("city", "MS")
    assert "Austin" not in places(kb, "Austin said the plan would cost too much.")


def test_town_named_like_the_articles_person(kb):
    person = places(kb, "Councillor Dewly Nelson backed the grid. Nelson said it would pay off.")
    assert "Nelson" not in person
    town = places(kb, "The road to Nelson was closed by snow on Monday.")
    assert town["Nelson"].kind == "place"


def test_of_is_no_cue_for_a_common_noun(kb):
    assert "Commerce" not in places(kb, "The Chamber of Commerce backed the new bridge.")
    assert "Justice" not in places(kb, "The Ministry of Justice said the law would change.")


def test_capital_against_a_namesake(kb):
    us = places(kb, "Residents of Athens said the University of Georgia would reopen; "
                    "Atlanta was spared.")
    assert (us["Athens"].country, us["Athens"].admin1) == ("USA", "GA")
    greece = places(kb, "Athens was quiet on Sunday after the vote.")
    assert greece["Athens"].country == "GRC"


def test_county_reading_of_a_town_name(kb):
    found = places(kb, "Golfers played in Fife and Perth as rain swept across Scotland.")
    assert (found["Fife"].country, found["Fife"].precision) == ("GBR", "admin2")
    assert found["Perth"].country == "GBR"


def test_a_name_is_no_evidence_for_itself(kb):
    found = places(kb, "Cambridge researchers and Cambridge students marched on Friday.")
    assert found["Cambridge"].country == "GBR"


def test_union_of_states_is_a_place_at_europe(kb):
    text = "EU ministers met on Monday. NATO ministers met on Tuesday."
    found = places(kb, text)
    assert "EU" in found and "NATO" not in found
    seat = toponyms.union_seat(kb, found["EU"])
    assert seat is not None and 45 < seat[5] < 52 and 5 < seat[6] < 15


def test_unrecognised_town_in_the_articles_state():
    kb = load_knowledge_base()
    focus = (36.16, -86.78, "city")
    tn = resolve_toponym(kb, "Franklin", "en", None,
                         ArticleGeo([], ["USA"], focus, ("USA", "TN")))
    ma = resolve_toponym(kb, "Franklin", "en", None,
                         ArticleGeo([], ["USA"], focus, ("USA", "MA")))
    assert tn.how == ma.how == "region"
    assert geo.distance_km(*tn.point, 35.93, -86.87) < 30
    assert geo.distance_km(*ma.point, 42.08, -71.40) < 30
