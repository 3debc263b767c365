"""English coding, round 2: attribution, coordination, places, counts and false alarms
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str) -> list[Event]:
    return coder.code(Article(text=text, lang="en", published="2024-02-06"))


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def test_according_to_names_the_source_not_the_other_clause(coder) -> None:
    ev = code(
        coder,
        "Soldiers detained 12 students in Mandalay after farmers closed a highway, "
        "according to a regional monitoring group.",
    )[0]
    assert ev.type == "COERCE"
    assert ev.factuality == "reported"
    assert ev.attributed_to is not None
    assert ev.attributed_to.text == "a regional monitoring group"


def test_speaking_by_phone_is_a_phone_consultation(coder) -> None:
    ev = code(coder, "The Kenyan president spoke by telephone with the Ugandan president.")[0]
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "phone", "041")


def test_countries_coordinated_in_an_of_phrase_meet(coder) -> None:
    ev = code(coder, "The defence ministers of Ghana and Togo met in Accra on Sunday.")[0]
    assert ev.type == "CONSULT"
    assert {a.country for a in ev.source} == {"GHA"}
    assert {a.country for a in ev.target} == {"TGO"}


def test_at_least_keeps_the_counted_victims_as_target_and_coordinated_counts(coder) -> None:
    ev = code(coder, "At least nine villagers were killed and scores wounded in the shelling.")[0]
    assert ev.type == "ASSAULT"
    assert (ev.dead, ev.injured, ev.injured_text) == (9, None, "scores")  # vague: words only
    assert [a.text for a in ev.target] == ["villagers"]


def test_month_name_is_no_march(coder) -> None:
    assert "PROTEST" not in types(code(coder, "The vote is expected on March 12 in Lima."))
    assert "PROTEST" in types(code(coder, "Thousands staged a march against the government."))


@pytest.mark.parametrize(
    "text",
    [
        "A fire killed four workers in a warehouse on Monday.",
        "The former senator died of cancer at his home.",
    ],
)
def test_accidents_and_illness_are_no_assault(coder, text: str) -> None:
    assert "ASSAULT" not in types(code(coder, text))


def test_opening_fire_is_still_an_assault(coder) -> None:
    assert "ASSAULT" in types(code(coder, "Troops opened fire on the crowd, killing two."))


def test_press_officer_and_votes_are_no_events(coder) -> None:
    assert types(code(coder, "A police press officer confirmed the figures.")) == []
    assert types(code(coder, "Press Agency Nord said the talks went well.")) == []
    assert types(code(coder, "Two injured miners were flown to Perth.")) == []
    assert types(code(coder, "Protesters will press the government on wages.")) == ["REQUEST"]
    assert types(code(coder, "Lawmakers voted for the new speaker on Thursday.")) == []


def test_office_title_gives_the_sector_of_a_named_person() -> None:
    from eventcoder.coding.refs import _title_sector

    assert _title_sector("Egyptian President Hani Samir", "en") == "GOV"
    assert _title_sector("Opposition leader Hani Samir", "en") == "OPP"
    assert _title_sector("Hani Samir", "en") is None


def test_trigger_candidates_come_in_lexicon_order_whatever_the_word_order() -> None:
    from eventcoder.coding.lexicon import parse_lexicon
    from eventcoder.coding.triggers import _Candidates

    entries = parse_lexicon(
        "send ... troops\tAID\t\t072\tsubj>to\n"
        "send ... envoy\tCONSULT\t\t040\tsubj>to\n"
        "send ... troops\tMOBILIZE\t\t154\tsubj>obj\n"
        "send ... food\tAID\t\t071\tsubj>to\n"
        "send ... warships\tMOBILIZE\t\t154\tsubj>to\n",
        "test",
    )
    cands = _Candidates(entries)
    words = ["envoy", "troops", "send"]  # fewer words than keys: iterated as given
    first = [e.cameo for e in cands.viable(words)]  # type: ignore[arg-type]
    again = [e.cameo for e in cands.viable(list(reversed(words)))]  # type: ignore[arg-type]
    assert first == again == ["072", "040", "154"]


def test_equal_patterns_the_first_in_the_lexicon_wins(coder) -> None:
    # "will not send troops": the earlier (cooperative) reading, refused
    assert types(code(coder, "Sweden will not send troops to Chad.")) == ["REJECT"]


def test_meeting_verbs_need_two_parties(coder) -> None:
    assert types(code(coder, "The mayor visited the flooded village on Monday.")) == []
    met = code(coder, "The leaders of Chile and Peru met in Santiago.")
    assert types(met) == ["CONSULT"]
    assert {a.country for a in met[0].source + met[0].target} == {"CHL", "PER"}
