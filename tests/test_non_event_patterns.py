"""Patterns of type NONE: phrases that look like events and are none (our own sentences)."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.coding.lexicon import parse_lexicon
from eventcoder.coding.triggers import TriggerMatcher
from eventcoder.model import Article

LEXICON = (
    "attack|attacks\tASSAULT\t\t190\tsubj>obj;nom\n"
    "vowed ... fight\tTHREATEN\t\t138\tsubj>obj\n"
    "heart attack\tNONE\t\t\t\n"
    "fight for\tNONE\t\t\t\n"
)


def heads(text: str) -> list[tuple[str, str]]:
    matcher = TriggerMatcher(parse_lexicon(LEXICON, "test.tsv"))
    lowers = text.lower().split()
    return [(lowers[m.head], m.entry.type) for m in matcher.match(lowers)]


def test_a_none_pattern_removes_every_trigger_with_a_word_inside_it() -> None:
    assert heads("he suffered a heart attack") == []
    assert heads("they vowed to fight for reform") == []


def test_without_the_none_phrase_the_triggers_stay() -> None:
    assert heads("rebels launched an attack") == [("attack", "ASSAULT")]
    assert heads("they vowed to fight the rebels") == [("vowed", "THREATEN")]


def test_an_unknown_type_is_still_an_error() -> None:
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        parse_lexicon("heart attack\tNOTHING\t\t\t\n", "bad.tsv")


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def types(coder, text: str) -> list[str]:
    return [e.type for e in coder.code(Article(text=text, lang="en", published="2024-03-05"))]


def test_english_campaigning_and_illness_are_no_assault(coder) -> None:
    assert types(coder, "The senator fought for a higher minimum wage.") == []
    assert types(coder, "The former minister died of a heart attack in Lyon.") == []
    assert types(coder, "The couple fought a long custody battle.") == []
    # the twins: fighting people and attacks are assaults
    assert types(coder, "Rebels fought government troops near Goma.") == ["ASSAULT"]
    assert types(coder, "Gunmen attacked a police station in Lahore.") == ["ASSAULT"]


def test_weather_storms_are_no_storming(coder) -> None:
    assert types(coder, "Severe storms hit the coast of Chile on Monday.") == []
    assert types(coder, "Protesters stormed the parliament in Lima.") == ["ASSAULT"]


def test_pressing_ahead_is_no_demand_pressing_someone_is(coder) -> None:
    assert types(coder, "The government of Chile is pressing ahead with the reform.") == []
    assert types(coder, "Chile pressed Peru to reopen the border.") == ["REQUEST"]


def test_german_help_needed_and_welfare_benefits_are_no_aid(coder) -> None:
    def de(text):
        return [e.type for e in coder.code(Article(text=text, lang="de", published="2024-03-05"))]
    assert de("Die Flüchtlinge in Libyen brauchten dringend Hilfe.") == []
    assert de("Die Regierung Ungarns will die Familienbeihilfe kürzen.") == []
    assert de("Deutschland schickte Hilfe nach Libyen.") == ["AID"]
