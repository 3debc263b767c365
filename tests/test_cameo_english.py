"""English PLOVER coding with the shipped PETRARCH-2 production dictionaries."""

from __future__ import annotations

import pytest

from eventcoder.coding.cameo_english import (
    CodedEvent,
    code_english_sentence,
    data_dir,
    plover_for,
    split_actor_code,
)


def one(sentence: str) -> CodedEvent:
    events = code_english_sentence(sentence)
    assert len(events) == 1, events
    return events[0]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("USAGOV", "USA", "GOV"),
        ("IGOUNOKID", "UNICEF", "IGO"),
        ("IGOUNO", "UN", "IGO"),
        ("IGOEUREEC", "EU", "IGO"),
        ("IGOWSTNAT", "NATO", "IGO"),
        ("~COP", None, "COP"),
        ("NGOPSE", "NGO", "NGO"),
        ("MEAREB", None, "REB"),  # a region is no country
        ("TMP", "TLS", None),  # CAMEO East Timor -> ISO
        ("PSEREBHMS", "PSE", "REB"),
    ],
)
def test_split_actor_code(code, country, sector):
    assert split_actor_code(code) == (country, sector)


def test_plover_mapping_uses_crosswalk_and_extra_table():
    assert plover_for("190")[0] == "ASSAULT"
    assert plover_for("173")[:2] == ("COERCE", "arrest")
    assert plover_for("020")[0] == "REQUEST"  # appeals: plover_codes.tsv
    assert plover_for("010") is None  # statements are no events
    assert plover_for("050", verb="AGREE")[0] == "AGREE"  # verb_types.tsv


def test_data_files_carry_attribution():
    readme = (data_dir() / "README.md").read_text("utf-8")
    assert "Copyright (c) 2014 Open Event Data" in readme
    for name in ("actor_codes.tsv", "plover_codes.tsv", "intent.tsv", "verb_defaults.tsv"):
        assert (data_dir() / name).read_text("utf-8").startswith("#")


def test_attack_with_agents_and_countries():
    ev = one("Russian troops attacked Ukrainian soldiers near the border.")
    assert ev.type == "ASSAULT"
    assert countries(ev.source) == ["RUS"] and ev.source[0].sector == "MIL"
    assert countries(ev.target) == ["UKR"]
    assert ev.source[0].text == "Russian troops"
    s, e = ev.trigger
    assert "Russian troops attacked Ukrainian soldiers near the border."[s:e] == "attacked"


def test_compound_source_is_one_event():
    ev = one("Brazil and Argentina agreed to a ceasefire.")
    assert ev.type == "AGREE"
    assert sorted(countries(ev.source)) == ["ARG", "BRA"]


def test_promise_of_aid_is_agree():
    ev = one("France will send aid to Mali.")
    assert ev.type == "AGREE" and ev.intent
    assert countries(ev.source) == ["FRA"] and countries(ev.target) == ["MLI"]


def test_refusal_governs_the_verb_after_to():
    ev = one("The Canadian government refused to meet the Chinese delegation.")
    assert ev.type == "REJECT"
    assert countries(ev.source) == ["CAN"] and countries(ev.target) == ["CHN"]


def test_threat_keeps_threaten():
    ev = one("The French president threatened to impose sanctions on Iran.")
    assert ev.type == "THREATEN"
    assert countries(ev.source) == ["FRA"] and countries(ev.target) == ["IRN"]


def test_agent_without_country_takes_nearest_country():
    ev = one("Police arrested 20 opposition activists in Cairo.")
    assert ev.type == "COERCE" and ev.mode == "arrest"
    assert countries(ev.source) == ["EGY"] and ev.source[0].sector == "COP"


def test_event_without_target():
    ev = one("Thousands of students protested in Nairobi on Monday.")
    assert ev.type == "PROTEST"
    assert countries(ev.source) == ["KEN"]


def test_statement_is_no_event_and_subordinate_clause_is_dropped():
    assert code_english_sentence("The minister said the weather was good.") == []
    events = code_english_sentence(
        "Chile accused Peru of spying, after talks in Lima collapsed and troops attacked a post."
    )
    assert [e.type for e in events] == ["ACCUSE"]


def test_strike_after_light_verb_is_protest():
    ev = one("Thousands of workers staged a general strike in Chile on Monday.")
    assert (ev.type, ev.mode, ev.cameo) == ("PROTEST", "boycott", "143")
    assert countries(ev.source) == ["CHL"]


def test_purpose_phrase_makes_a_protest():
    ev = one("Farmers blocked the main roads in Peru to protest the new tax.")
    assert ev.type == "PROTEST" and ev.mode == "obstruct"


def test_passive_without_by_puts_the_subject_in_the_target():
    ev = one("A Canadian journalist was arrested in Iran on Sunday.")
    assert ev.type == "COERCE"
    assert countries(ev.target) == ["CAN"] and countries(ev.source) == ["IRN"]


def test_must_is_a_demand_on_the_actor_before_it():
    ev = one("Spain said Morocco must release the fishermen.")
    assert ev.type == "REQUEST"
    assert countries(ev.source) == ["ESP"] and countries(ev.target) == ["MAR"]


def test_negated_cooperation_is_rejection():
    ev = one("Egypt will not accept the American proposal.")
    assert ev.type == "REJECT" and ev.cameo == "120"
    assert countries(ev.source) == ["EGY"] and countries(ev.target) == ["USA"]


def test_negated_attack_is_no_event():
    assert code_english_sentence("Syrian troops did not attack the Turkish post.") == []


def test_offsets_point_into_the_sentence():
    text = "On Friday, Kenyan police arrested twelve Somali men in Nairobi."
    ev = one(text)
    assert text[ev.trigger[0] : ev.trigger[1]] == "arrested"
    for a in (*ev.source, *ev.target):
        assert text[a.start : a.end] == a.text


def test_talks_after_light_verb_with_compound_source():
    ev = one("Chile and Peru resumed talks on the border dispute in Lima.")
    assert ev.type == "CONSULT" and ev.cameo == "046"
    assert sorted(countries(ev.source)) == ["CHL", "PER"]
    assert ev.target == []  # the place of the talks is no party to them


def test_noun_complement_is_no_verb_chain():
    ev = one("Bolivia reached a consensus to share water data with Chile.")
    assert ev.type == "AGREE"
    assert countries(ev.source) == ["BOL"] and countries(ev.target) == ["CHL"]


def test_generic_verbs_need_a_pattern():
    # "head" (OVERSEE_MANAGE) has no default code (verb_defaults.tsv), only patterns
    assert code_english_sentence("A Bolivian engineer will head the new project.") == []


def test_repeated_type_by_same_source_is_one_event():
    events = code_english_sentence(
        "Peru opened investigations against ten Chilean officers suspected of spying."
    )
    assert [e.type for e in events] == ["ACCUSE"]
    assert countries(events[0].source) == ["PER"] and countries(events[0].target) == ["CHL"]
