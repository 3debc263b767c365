"""The accurate English mode (``en_coder="parse"``): roles from the shipped dependency parser,
one event per actor of a coordinated subject, coordinated verbs as events of their own.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.coding.parse_roles import tree_roles
from eventcoder.coding.roles import parse_frame
from eventcoder.coding.sentence_coders import sentence_coder
from eventcoder.config import CoderConfig
from eventcoder.language import registry
from eventcoder.language.parse import load_parser
from eventcoder.model import Article, Event

pytestmark = pytest.mark.skipif(load_parser("en") is None, reason="no shipped English parser")


@pytest.fixture(scope="module")
def parse_coder():
    return get_coder(en_coder="parse")


@pytest.fixture(scope="module")
def lexicon_coder():
    return get_coder()


def code(coder, text: str, lang: str = "en") -> list[Event]:
    return coder.code(Article(text=text, lang=lang, published="2024-03-05"))


def triples(events: list[Event]) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.type, [a.country for a in e.source], [a.country for a in e.target]) for e in events]


def test_tree_roles_read_a_passive_agent_and_its_subject() -> None:
    doc = load_parser("en")("The village was shelled by rebels.")
    roles = tree_roles(doc, 3, parse_frame("subj>obj|on"))
    assert [doc[i].text for i in roles.source] == ["rebels"]
    assert [doc[i].text for i in roles.target] == ["village"]


def test_tree_roles_read_subject_object_and_an_oblique() -> None:
    doc = load_parser("en")("The minister met her counterpart in Cairo.")
    roles = tree_roles(doc, 2, parse_frame("subj>with|obj"))
    assert [doc[i].text for i in roles.source] == ["minister"]
    assert [doc[i].text for i in roles.target] == ["counterpart"]


def test_coordinated_subjects_are_one_event_per_actor(parse_coder, lexicon_coder) -> None:
    text = "France and Germany condemned Iran."
    assert triples(code(parse_coder, text)) == [
        ("ACCUSE", ["FRA"], ["IRN"]),
        ("ACCUSE", ["DEU"], ["IRN"]),
    ]
    assert len(code(lexicon_coder, text)) == 1  # the fast mode codes one event per sentence


def test_coordinated_verbs_with_their_own_subjects_are_two_events(parse_coder) -> None:
    evs = code(parse_coder, "Kenyan police arrested ten students and Ugandan soldiers shelled "
               "the village.")
    assert sorted((e.type, e.source[0].country) for e in evs) == [
        ("ASSAULT", "UGA"),
        ("COERCE", "KEN"),
    ]
    # a single act is still one event
    assert triples(code(parse_coder, "Kenyan police arrested ten students.")) == [
        ("COERCE", ["KEN"], ["KEN"])
    ]


def test_the_codebook_filters_hold_in_the_parse_mode_too(parse_coder) -> None:
    assert code(parse_coder, "Would Russia send troops to Syria?") == []
    assert triples(code(parse_coder, "Russia sent troops to Syria.")) == [
        ("COOPERATE", ["RUS"], ["SYR"])
    ]


def test_parse_mode_is_a_config_option_and_german_keeps_its_coder(parse_coder) -> None:
    assert CoderConfig(en_backend="parse").validate().coder_kwargs()["en_coder"] == "parse"
    assert sentence_coder("parse", registry.get("de")) is None  # no German parser shipped
    text = "Die Polizei nahm in Berlin zwölf Demonstranten fest."
    assert triples(code(parse_coder, text, "de")) == triples(code(get_coder(), text, "de"))
    assert triples(code(parse_coder, text, "de"))  # and it is an event


def test_events_of_the_parse_mode_name_their_coder(parse_coder, lexicon_coder) -> None:
    text = "Germany praised the Russian minister for the plan."
    (ev,) = code(parse_coder, text)
    assert ev.coder.endswith("/parse")
    (fast,) = code(lexicon_coder, text)
    assert not fast.coder.endswith("/parse")


def test_died_in_police_firing_has_the_police_as_source(parse_coder) -> None:
    (ev,) = code(parse_coder, "Two protesters died in police firing in Kolkata.")
    assert ev.type == "ASSAULT"
    assert [(a.text, a.sector) for a in ev.source] == [("police", "COP")]
    assert [a.sector for a in ev.target] == ["CVL"]
    # without anybody firing there is no source to read
    assert code(parse_coder, "Two protesters died in Kolkata.") == []
