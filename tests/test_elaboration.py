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


SHELLING = "Syrische Regierungstruppen haben am Montag ein Dorf bei Aleppo bombardiert."


def test_a_condemnation_of_the_attack_is_aimed_at_its_perpetrators(coder) -> None:
    for noun in ("den Angriff", "den Vorfall"):
        (ev,) = code(coder, SHELLING + f" Die türkische Regierung verurteilte {noun} scharf.",
                     "ACCUSE")
        assert {a.country for a in ev.source} == {"TUR"}
        assert {a.country for a in ev.target} == {"SYR"}
        assert all(a.start is None for a in ev.target)  # inferred, not read


def test_a_condemnation_of_something_else_is_aimed_at_the_story_country(coder) -> None:
    (ev,) = code(coder, SHELLING + " Die türkische Regierung verurteilte die Reform scharf.",
                 "ACCUSE")
    assert {a.country for a in ev.target} == {"SYR"}  # the story is about Syria
    home = ("In Ankara beriet das Parlament der Türkei am Montag über eine Reform. "
            "Die türkische Opposition verurteilte die Reform scharf.")
    (ev,) = code(coder, home, "ACCUSE")
    assert {a.country for a in ev.target} == {"TUR"}  # a story at home: its own government


def test_a_named_target_is_kept(coder) -> None:
    text = SHELLING + " Die türkische Regierung verurteilte den Angriff auf Russland scharf."
    assert {a.country for a in code(coder, text, "ACCUSE")[0].target} == {"RUS"}


def test_english_condemnation_of_the_attack(coder) -> None:
    text = ("Russian forces shelled a village near Kharkiv on Monday. "
            "The French government condemned the attack.")
    events = coder.code(Article(text=text, lang="en", published="2022-05-04"))
    (ev,) = [e for e in events if e.type == "ACCUSE"]
    assert {a.country for a in ev.target} == {"RUS"}
    twin = coder.code(Article(text=text.replace("the attack", "the reform"), lang="en",
                              published="2022-05-04"))
    # not the attackers: the country the story is about
    assert [{a.country for a in e.target} for e in twin if e.type == "ACCUSE"] == [{"UKR"}]


def test_a_bare_report_of_the_injured_adds_to_the_attack_told_before(coder) -> None:
    (ev,) = code(coder, ATTACK + " Mehr als zwanzig Menschen wurden verletzt.", "ASSAULT")
    assert (ev.dead, ev.injured) == (5, 20)
    # alone, without violence in the sentence, the act is not clear (an accident?): no event
    assert code(coder, "Mehr als zwanzig Menschen wurden in Kabul verletzt.", "ASSAULT") == []
    alone = code(coder, "Mehr als zwanzig Menschen wurden in Kabul bei Schüssen verletzt.",
                 "ASSAULT")
    assert [e.injured for e in alone] == [20]


def test_injured_in_clashes_of_their_own_are_another_act(coder) -> None:
    text = ATTACK + " Bei Zusammenstößen mit der Polizei wurden zwanzig Menschen verletzt."
    assert len(code(coder, text, "ASSAULT")) == 2
