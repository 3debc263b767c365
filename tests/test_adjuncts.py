"""Checks of a candidate event against its clause (coding/adjuncts.py): a host's guest,
participial adjuncts, one event per clause in English."""

from __future__ import annotations

from eventcoder.coding import get_coder
from eventcoder.model import Article


def types(text: str) -> list[str]:
    events = get_coder().code(Article(id="t", text=text, lang="en", published="2024-03-05"))
    return [e.type for e in events]


def test_received_is_a_visit_only_with_a_guest() -> None:
    assert types("President Vladimir Putin received the Iranian foreign minister on Monday.") \
        == ["CONSULT"]
    assert types("President Vladimir Putin received the endorsement of a writer on Monday.") == []


def test_a_participial_adjunct_is_an_event_with_its_target_or_as_speech() -> None:
    speech = types("The Iranian government rejected the report, blaming Saudi Arabia for the attack.")
    assert speech == ["REJECT", "ACCUSE"]
    no_target = types("Inmates rioted at the prison in Athens, setting fire to their mattresses.")
    assert "ASSAULT" not in no_target and "COERCE" not in no_target
    assert "PROTEST" in no_target


def test_injuries_are_an_assault_only_with_violence_in_the_sentence() -> None:
    assert types("Twelve passengers were injured when the bus overturned near Leeds.") == []
    assert types("Twelve protesters were injured in clashes with police in Leeds.") == ["ASSAULT"]


def test_attending_an_event_is_no_meeting() -> None:
    assert types("Relatives of the boy attended the ceremony on the French island of Corsica.") \
        == []
    assert types("Relatives of the boy met the French president on the island of Corsica.") \
        == ["CONSULT"]


def test_an_inferred_side_does_not_keep_two_events_of_one_type_apart() -> None:
    text = "Serbia lodged a protest with Albania on Monday, blaming its neighbour for the unrest."
    events = get_coder().code(Article(id="t", text=text, lang="en", published="2024-03-05"))
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and [a.country for a in accuse[0].target] == ["ALB"]


def test_a_participle_that_goes_on_a_gerund_list_is_part_of_the_act() -> None:
    text = ("Human Rights Watch accused the government of Chile of jailing critics, blaming "
            "Peru for the unrest.")
    assert types(text) == ["ACCUSE"]
    twin = "The government of Chile jailed critics, blaming Peru for the unrest."
    assert types(twin) == ["COERCE", "ACCUSE"]  # after a clause of its own: an act


def test_generic_verbs_of_the_generated_dictionary_need_more_than_one_word() -> None:
    assert types("The Supreme Court is led by President Brenda Hale.") == []
    assert types("Osama bin Laden founded al-Qaeda in 1988.") == []
    assert types("Germany shared intelligence with France on the attackers.") == ["COOPERATE"]
