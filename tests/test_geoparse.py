"""The library geoparser: each way of placing a toponym, with sentences of our own."""

from __future__ import annotations

import pytest

from eventcoder.evaluation.toponyms import distance_km
from eventcoder.knowledge import load_knowledge_base
from eventcoder.knowledge.geoparse import ArticleGeo, geoparse, resolve_toponym


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def place(kb, text: str, name: str):
    geo = geoparse(kb, text, "en")
    start = text.find(name)
    mention = geo.mention(start, start + len(name)) if start >= 0 else None
    return resolve_toponym(kb, name, "en", mention, geo)


def test_own_mention_with_admin_context(kb):
    r = place(kb, "Flooding closed roads in Nashville and nearby Franklin, Tennessee.",
              "Franklin")
    assert (r.how, r.precision, r.country) == ("mention", "city", "USA")
    assert distance_km(*r.point, 35.93, -86.87) < 30
    assert 0.5 <= r.confidence <= 1.0


def test_state_is_admin1_not_a_town(kb):
    r = place(kb, "Flooding closed roads in Nashville and nearby Franklin, Tennessee.",
              "Tennessee")
    assert (r.how, r.precision) == ("mention", "admin1")


def test_union_of_states_is_a_region(kb):
    r = place(kb, "EU ministers met in Brussels on Monday to discuss tariffs.", "EU")
    assert (r.how, r.precision) == ("union", "region")
    assert 45 < r.lat < 52


def test_unnamed_street_goes_to_the_articles_focus(kb):
    text = "Police in Denver, Colorado, said a fire was out. Officers closed Elm Street."
    r = place(kb, text, "Elm Street")
    assert r.how == "focus" and r.confidence < 0.5
    assert distance_km(*r.point, 39.74, -104.98) < 30


def test_unrecognised_town_of_the_articles_state(kb):
    r = place(kb, "Voters in Ohio lined up early in Dayton and Columbus.", "Zanesville")
    assert (r.how, r.country) == ("region", "USA")
    assert distance_km(*r.point, 39.94, -82.01) < 30


def test_place_named_inside_a_facility(kb):
    r = place(kb, "A crowd gathered outside the British Embassy Tokyo on Friday.",
              "British Embassy Tokyo")
    assert (r.how, r.country) == ("inner", "JPN")


def test_article_without_places_uses_its_actors_country(kb):
    geo = geoparse(kb, "Putin's spokesman said the talks would resume.", "en")
    assert geo.toponyms == [] and geo.focus_how == "actors"
    r = resolve_toponym(kb, "Old Mill Road", "en", None, geo)
    assert (r.how, r.precision) == ("actors", "country")
    # the positive twin: a named place is its own point, not the actors' country
    other = place(kb, "Putin's spokesman spoke in Novosibirsk.", "Novosibirsk")
    assert other.how == "mention" and other.precision == "city"


def test_nothing_to_go_on_is_none(kb):
    assert resolve_toponym(kb, "Qzxv Qqqq", "en", None, ArticleGeo([], [], None)) is None


def test_place_adjective_as_modifier_is_a_toponym(kb):
    geo = geoparse(kb, "A Korean carmaker and Sicilian farmers signed a deal.", "en")
    found = {m.text: m for m in geo.toponyms}
    assert (found["Korean"].kind, found["Korean"].country) == ("country", "KOR")
    assert (found["Sicilian"].precision, found["Sicilian"].country) == ("admin1", "ITA")
    r = resolve_toponym(kb, "Korean", "en", found["Korean"], geo)
    assert (r.how, r.precision) == ("mention", "country")


def test_language_and_plural_demonym_are_not_toponyms(kb):
    geo = geoparse(kb, "She speaks Korean and English. Koreans voted on Sunday.", "en")
    assert not {"Korean", "Koreans", "English"} & {m.text for m in geo.toponyms}


def test_english_as_a_modifier_names_england_not_the_language(kb):
    geo = geoparse(kb, "An English brewer bought two Welsh pubs. Lessons are taught in English.",
                   "en")
    found = {m.text: m for m in geo.toponyms}
    assert (found["English"].name, found["English"].precision) == ("England", "admin1")
    assert found["Welsh"].country == "GBR"
    assert [m.text for m in geo.toponyms].count("English") == 1  # "in English": the language


def test_county_named_alone_in_the_articles_country(kb):
    focus = (51.5, -0.12, "city")
    r = resolve_toponym(kb, "Leicestershire", "en", None, ArticleGeo([], ["GBR"], focus))
    assert (r.how, r.precision, r.country) == ("division", "admin2", "GBR")
    assert distance_km(*r.point, 52.65, -1.21) < 30
    # abroad it is no evidence: the article's focus
    other = resolve_toponym(kb, "Leicestershire", "en", None, ArticleGeo([], ["USA"], focus))
    assert other.how == "focus"


def site(kb, text: str, name: str):
    """Place an unrecognised site by its span, as the GeoWebNews scorer does."""
    geo = geoparse(kb, text, "en")
    start = text.index(name)
    return resolve_toponym(kb, name, "en", geo.mention(start, start + len(name)), geo,
                           (start, start + len(name)))


def test_site_in_a_town_is_at_that_town(kb):
    text = "The choir sang at the Harmony Hall in Tulsa before a tour of Texas and Ohio."
    r = site(kb, text, "Harmony Hall")
    assert (r.how, r.name, r.country) == ("host", "Tulsa", "USA")
    assert distance_km(*r.point, 36.15, -95.99) < 30
    without = resolve_toponym(kb, "Harmony Hall", "en", None, geoparse(kb, text, "en"))
    assert without is None or without.how != "host"  # the span is what links it


def test_possessive_town_hosts_a_site(kb):
    r = site(kb, "Buses stopped at Leeds's Quarry Hill depot after the storm.", "Quarry Hill depot")
    assert (r.how, r.name) == ("host", "Leeds")


def test_town_after_a_comma_hosts_only_when_it_ends_the_phrase(kb):
    ends = site(kb, "The final is at the Riverside Arena, Nottingham. Tickets sold out.",
                "Riverside Arena")
    assert (ends.how, ends.name) == ("host", "Nottingham")
    subject = site(kb, "Beyond the Riverside Arena, Nottingham plans two new stadiums.",
                   "Riverside Arena")
    assert subject is None or subject.how != "host"
