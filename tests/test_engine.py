"""End-to-end behaviour of the coding engine on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str, lang: str, published: str | None = "2023-03-14") -> list[Event]:
    return coder.code(Article(text=text, lang=lang, published=published))


def countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def one(events: list[Event], ptype: str) -> Event:
    hits = [e for e in events if e.type == ptype]
    assert hits, f"no {ptype} in {[e.type for e in events]}"
    return hits[0]


def test_separable_verb_arrest_with_place_and_number(coder) -> None:
    text = "Die Polizei nahm am Montag in Minsk mehr als 200 Demonstranten fest."
    ev = one(code(coder, text, "de"), "COERCE")
    assert ev.mode == "arrest" and ev.cameo == "173"
    assert ev.location is not None and ev.location.country == "BLR"
    assert ev.source and ev.source[0].sector == "COP"
    assert countries(ev.source) == {"BLR"}  # a bare role takes the country of the event
    assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    assert ev.date == "2023-03-13" and ev.date_precision == "day"


def test_coordinated_sources_and_verb_beats_noun(coder) -> None:
    events = code(coder, "Frankreich und Polen verurteilten den Angriff auf das Kraftwerk.", "de")
    assert [e.type for e in events] == ["ACCUSE"]
    assert countries(events[0].source) == {"FRA", "POL"}


def test_partner_from_mit_phrase_and_inverted_subject(coder) -> None:
    text = "Am Dienstag telefonierte der französische Präsident mit dem ukrainischen Präsidenten."
    ev = one(code(coder, text, "de"), "CONSULT")
    assert ev.mode == "phone"
    assert countries(ev.source) == {"FRA"} and countries(ev.target) == {"UKR"}


def test_passive_with_agent_swaps_roles(coder) -> None:
    text = "Mehrere Journalisten wurden in Teheran von der iranischen Polizei festgenommen."
    ev = one(code(coder, text, "de"), "COERCE")
    assert countries(ev.source) == {"IRN"}
    assert ev.source[0].sector == "COP"


def test_pronoun_refers_to_previous_sentence(coder) -> None:
    text = (
        "Der kanadische Premierminister besuchte am Freitag Warschau. "
        "Er sagte Polen weitere Unterstützung zu."
    )
    events = code(coder, text, "de")
    support = one(events, "SUPPORT")
    assert support.source[0].text == "Er"
    assert countries(support.source) == {"CAN"}
    assert countries(support.target) == {"POL"}


def test_reported_event_is_attributed_to_the_speaker(coder) -> None:
    text = "Das spanische Innenministerium teilte mit, dass Demonstranten die Polizei angegriffen hätten."
    ev = one(code(coder, text, "de"), "ASSAULT")
    assert ev.factuality == "reported"
    assert ev.attributed_to is not None and ev.attributed_to.country == "ESP"
    assert "Innenministerium" not in " ".join(a.text for a in ev.source)


def test_nominal_event_without_actor_needs_a_standalone_noun(coder) -> None:
    events = code(coder, "In Lima kam es zu Zusammenstößen.", "de")
    assert [e.type for e in events] == ["ASSAULT"]
    assert code(coder, "Die Unterstützung ist groß.", "de") == []


def test_english_passive_by_agent(coder) -> None:
    ev = one(code(coder, "The embassy in Kabul was attacked by Taliban fighters.", "en"), "ASSAULT")
    assert ev.location is not None and ev.location.country == "AFG"
    assert not any(a.text.lower().startswith("embassy") for a in ev.source)


def test_english_coordinated_rejection(coder) -> None:
    ev = one(
        code(coder, "Russia and China rejected the draft resolution on Monday.", "en"), "REJECT"
    )
    assert countries(ev.source) == {"RUS", "CHN"}


def test_english_promise_of_aid_is_agree(coder) -> None:
    events = code(coder, "Japan will send emergency aid to Turkey.", "en")
    assert [e.type for e in events] == ["AGREE"]
    assert countries(events[0].source) == {"JPN"} and countries(events[0].target) == {"TUR"}


def test_english_obligation_stated_by_a_speaker_is_request(coder) -> None:
    ev = one(
        code(coder, "Germany said on Tuesday that Iran must release the sailors.", "en"), "REQUEST"
    )
    assert countries(ev.source) == {"DEU"} and countries(ev.target) == {"IRN"}


def test_events_carry_ids_article_and_coder(coder) -> None:
    art = Article(text="Police arrested 30 protesters in Cairo.", lang="en")
    events = coder.code(art)
    assert events and all(e.article_id == art.id and e.id.startswith("e") for e in events)
    assert all(e.coder == coder.version for e in events)
    assert events[0].arrested == 30


def test_empty_and_eventless_text(coder) -> None:
    assert code(coder, "", "de") == []
    assert code(coder, "Das Wetter war am Wochenende sonnig und warm.", "de") == []


def test_announced_hostile_act_is_a_threat_and_refusal_a_rejection(coder) -> None:
    threat = code(coder, "Canada plans to impose new sanctions on Venezuela.", "en")
    assert [e.type for e in threat] == ["THREATEN"]
    assert countries(threat[0].target) == {"VEN"}
    refusal = code(coder, "Norway will not send troops to Mali.", "en")
    assert [e.type for e in refusal] == ["REJECT"]


def test_german_noun_is_not_read_as_a_verb(coder) -> None:
    assert code(coder, "Die Verletzte wurde ins Krankenhaus gebracht.", "de") == []
    events = code(coder, "Die Armee beschoss in der Nacht mehrere Dörfer in Mali.", "de")
    assert [e.type for e in events] == ["ASSAULT"] and events[0].location.country == "MLI"


def test_deployed_units_keep_their_origin_and_place_is_the_destination(coder) -> None:
    ev = one(
        code(coder, "Hunderte Soldaten aus Polen wurden am Freitag nach Litauen entsandt.", "de"),
        "AID",
    )
    assert countries(ev.source) == {"POL"} and countries(ev.target) == {"LTU"}
    assert ev.location is not None and ev.location.country == "LTU"


def test_an_unregistered_language_is_an_error_naming_the_supported_ones(coder) -> None:
    from eventcoder.coding.engine import UnsupportedLanguage
    from eventcoder.language import registry

    with pytest.raises(UnsupportedLanguage) as err:
        code(coder, "La police a arrêté trente manifestants à Lyon.", "fr")
    assert isinstance(err.value, ValueError)
    assert "'fr'" in str(err.value)
    assert all(c in str(err.value) for c in registry.languages())
    # the twin: a registered language is coded
    assert [e.type for e in code(coder, "Die Polizei nahm in Lyon 30 Demonstranten fest.", "de")] == ["COERCE"]
