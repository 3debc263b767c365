"""A later clause that tells more about an event already coded ("zwölf weitere wurden
verletzt", "bei dem Angriff") is folded into it; a new act of the same kind stays an event
(``coding/elaboration.py``)."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article, Event

ATTACK = "Bei einem Anschlag auf einen Markt in Kabul sind am Montag fünf Menschen getötet worden."


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str, ptype: str) -> list[Event]:
    events = coder.code(Article(text=text, lang="de", published="2016-05-04"))
    return [e for e in events if e.type == ptype]


def test_further_victims_are_the_numbers_of_the_attack_told_before(coder) -> None:
    (ev,) = code(coder, ATTACK + " Zwölf weitere wurden verletzt.", "ASSAULT")
    assert (ev.dead, ev.injured) == (5, 12)
    assert ev.evidence.text.startswith("Bei einem Anschlag")


def test_a_definite_mention_of_the_attack_folds_into_it(coder) -> None:
    (ev,) = code(coder, ATTACK + " Bei dem Angriff wurden zwölf Menschen verletzt.", "ASSAULT")
    assert (ev.dead, ev.injured) == (5, 12)


def test_a_new_attack_introduced_as_new_stays_an_event(coder) -> None:
    text = ATTACK + " Am Dienstag wurden bei einem Angriff in Herat zwölf Menschen verletzt."
    events = code(coder, text, "ASSAULT")
    assert [(e.dead, e.injured) for e in events] == [(5, None), (None, 12)]
    assert [e.location.name for e in events] == ["Kabul", "Herat"]


def test_further_victims_in_another_place_are_another_act(coder) -> None:
    text = ATTACK + " Zwölf weitere Menschen wurden bei Kämpfen in Herat getötet."
    assert len(code(coder, text, "ASSAULT")) == 2
    assert len(code(coder, ATTACK + " Zwölf weitere Menschen wurden getötet.", "ASSAULT")) == 1


def test_further_protests_are_new_protests(coder) -> None:
    first = "In Leipzig haben am Samstag Tausende gegen die Regierung demonstriert."
    assert len(code(coder, first + " Am Sonntag kam es zu weiteren Protesten.", "PROTEST")) == 2
    assert len(code(coder, first + " Die Proteste verliefen zudem friedlich.", "PROTEST")) == 1


def test_an_elaboration_with_its_own_actor_stays_an_event(coder) -> None:
    text = ATTACK + " Zudem griffen Soldaten der Armee ein Dorf bei Herat an."
    assert len(code(coder, text, "ASSAULT")) == 2
