"""Gazetteer names must not break up people, words or country names (sentences of our own)."""

from __future__ import annotations

from kb_helpers import find


def test_place_inside_title_and_name_is_part_of_the_person(kb):
    m = find(kb.match("Judge Ana Rivera opened an inquiry on Monday.", "en"), "Judge Ana Rivera")
    assert (m.kind, m.sector, m.name) == ("person", "JUD", "Ana Rivera")
    # the twin: the same name alone is the Uruguayan place
    m = find(kb.match("The governor visited Rivera on Monday.", "en"), "Rivera")
    assert (m.kind, m.country) == ("place", "URY")


def test_place_extending_past_the_name_keeps_the_place(kb):
    ms = kb.match("Governor Andrew Kellerby New York said.", "en")
    assert find(ms, "New York").kind == "place"
    assert [m.kind for m in ms] == ["role", "place"]


def test_apostrophe_inside_a_word_is_no_word_boundary(kb):
    ms = kb.match("Members of the Ba'ath party met in Ba on Monday.", "en")
    assert [(m.text, m.start) for m in ms if m.kind == "place"] == [("Ba", 35)]
    m = find(kb.match("Iran's minister spoke.", "en"), "Iran's minister")
    assert (m.kind, m.country) == ("actor", "IRN")


def test_country_names_that_are_also_divisions_stay_countries(kb):
    ms = kb.match("Israeli forces left the West Bank and Taiwan protested.", "en")
    assert (find(ms, "West Bank").kind, find(ms, "West Bank").country) == ("country", "PSE")
    assert (find(ms, "Taiwan").kind, find(ms, "Taiwan").country) == ("country", "TWN")


def test_compass_words_are_not_provinces(kb):
    ms = kb.match("Fighting flared in Western Cambodia.", "en")
    assert [m.text for m in ms] == ["Cambodia"]
    assert find(ms, "Cambodia").country == "KHM"


def test_small_place_needs_place_evidence(kb):
    assert [m.kind for m in kb.match("The Ba police chief resigned.", "en")] == ["role"]
    m = find(kb.match("Floods hit the town of Ba on Monday.", "en"), "Ba")
    assert (m.kind, m.country) == ("place", "FJI")


def test_coder_resolves_event_places_in_context():
    from eventcoder.coding.engine import EventCoder
    from eventcoder.model import Article

    coder = EventCoder()
    text = "Police arrested 20 protesters in Paris, Texas on Monday."
    [ev] = coder.code(Article(text=text, lang="en", published="2020-01-01"))
    assert (ev.location.name, ev.location.country, ev.location.admin1) == ("Paris", "USA", "TX")
    [ev] = coder.code(Article(text=text.replace(", Texas", ""), lang="en",
                              published="2020-01-01"))
    assert (ev.location.name, ev.location.country) == ("Paris", "FRA")


def test_a_state_named_like_a_given_name_is_part_of_the_person(kb):
    ms = kb.match("Police director Vladimir Petrak said 40 people were held.", "en")
    assert not [m for m in ms if m.kind == "place"]
    # the twin: the region alone is a place
    m = find(kb.match("Officials in Vladimir said 40 people were held.", "en"), "Vladimir")
    assert (m.kind, m.country) == ("place", "RUS")


def test_a_place_of_several_words_opening_with_a_given_name_stays_a_place(kb):
    m = find(kb.match("Wine makers in Santa Barbara met on Monday.", "en"), "Santa Barbara")
    assert m.kind == "place"
