"""German actors: domestic parties, offices and people without a country in the text
(knowledge/data/domestic_actors.tsv), names the knowledge base does not know, and countries
from titles ("der polnische Parteichef X", "SPÖ-Sprecher X")."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.knowledge import load_knowledge_base
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str) -> list[Event]:
    return coder.code(Article(text=text, lang="de", published="2016-05-04"))


def one(events: list[Event], ptype: str) -> Event:
    hits = [e for e in events if e.type == ptype]
    assert hits, f"no {ptype} in {[e.type for e in events]}"
    return hits[0]


def countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def test_a_shared_party_name_takes_the_country_the_article_names() -> None:
    kb = load_knowledge_base()
    austrian = kb.match("Die Grünen stimmten mit der SPÖ in Wien.", "de")
    german = kb.match("Die Grünen stimmten mit der SPD in Berlin.", "de")
    assert [m.country for m in austrian if m.text == "Die Grünen"] == ["AUT"]
    assert [m.country for m in german if m.text == "Die Grünen"] == ["DEU"]


def test_the_federal_government_is_the_one_of_the_article(coder) -> None:
    ev = one(code(coder, "Die Bundesregierung in Wien lehnte die Forderung der ÖVP ab."), "REJECT")
    assert countries(ev.source) == {"AUT"}
    ev = one(code(coder, "Die Bundesregierung lehnte die Forderung der CDU ab."), "REJECT")
    assert countries(ev.source) == {"DEU"}


def test_austrian_parties_and_politicians_are_austrian(coder) -> None:
    ev = one(code(coder, "Die NEOS kritisierten Innenminister Sobotka scharf."), "ACCUSE")
    assert countries(ev.source) == {"AUT"} and countries(ev.target) == {"AUT"}


def test_a_title_with_a_country_makes_an_unknown_name_an_actor(coder) -> None:
    ev = one(code(coder, "Das sei eine Zumutung, kritisierte Landeshauptmann Josef Wurzer."), "ACCUSE")
    assert [a.text for a in ev.source] == ["Landeshauptmann Josef Wurzer"]
    assert countries(ev.source) == {"AUT"}


def test_an_unknown_person_and_later_the_surname_alone_are_actors(coder) -> None:
    text = (
        "Der Gewerkschafter Harald Brunnmayr kritisierte den Plan der ÖVP. "
        "Brunnmayr forderte den Kanzler zum Rücktritt auf."
    )
    ev = one(code(coder, text), "REQUEST")
    assert [a.text for a in ev.source] == ["Brunnmayr"]
    assert countries(ev.source) == {"AUT"}  # the article's country: ÖVP, Kanzler
    assert countries(ev.target) == {"AUT"}


def test_a_surname_after_an_article_is_a_noun(coder) -> None:
    text = "Christian Kern kritisierte die ÖVP. Im Kern forderte die Gewerkschaft mehr Geld."
    ev = one(code(coder, text), "REQUEST")
    assert [a.text for a in ev.source] == ["Gewerkschaft"]
    # the positive twin: the surname alone after the full name is the person
    ev = one(code(coder, "Christian Kern kritisierte die ÖVP. Kern forderte mehr Geld."), "REQUEST")
    assert [a.text for a in ev.source] == ["Kern"]


def test_a_party_compound_title_gives_its_country(coder) -> None:
    ev = one(code(coder, "SPÖ-Sozialsprecher Gerhard Pichlbauer warf dem Minister Versagen vor."), "ACCUSE")
    assert countries(ev.source) == {"AUT"}
    assert [a.text for a in ev.target] == ["Minister"]


def test_a_country_adjective_before_a_title_belongs_to_the_person(coder) -> None:
    text = "Der polnische Parteichef Jan Kowalczyk hat Deutschland Wahlbetrug vorgeworfen."
    ev = one(code(coder, text), "ACCUSE")
    assert [a.text for a in ev.source] == ["Jan Kowalczyk"]
    assert countries(ev.source) == {"POL"} and countries(ev.target) == {"DEU"}


@pytest.mark.parametrize(("text", "ptype", "country"), [
    ("In Spanien wurde ein Algerier festgenommen.", "COERCE", "DZA"),
    ("Die Behörden nahmen zwei Belgierinnen in Gewahrsam.", "COERCE", "BEL"),
    ("Die Regierung warf zwei Tunesiern Spionage vor.", "ACCUSE", "TUN"),
    ("Die Polizei nahm einen Kroaten fest.", "COERCE", "HRV"),
])
def test_a_nationality_noun_is_an_actor_of_its_country(coder, text: str, ptype: str,
                                                        country: str) -> None:
    ev = one(code(coder, text), ptype)
    assert country in countries(ev.target)


def test_a_nationality_noun_is_no_place() -> None:
    kb = load_knowledge_base()
    hits = {m.text: m for m in kb.match("Ein Algerier und eine Belgierin wurden verhört.", "de")}
    assert hits["Algerier"].kind == "country" and hits["Algerier"].country == "DZA"
    assert hits["Belgierin"].country == "BEL"


@pytest.mark.parametrize(
    "text",
    [
        "Dem Minister wirft Merkel ideologische Gründe vor.",
        "Dem früheren Minister wirft Merkel ideologische Gründe vor.",
    ],
)
def test_a_dative_object_before_the_verb_is_the_target_not_the_subject(coder, text) -> None:
    ev = one(code(coder, text), "ACCUSE")
    assert [a.text for a in ev.source] == ["Merkel"]
    assert [a.text for a in ev.target] == ["Minister"]
    # the twin with a nominative subject first: that subject acts
    twin = one(code(coder, "Der Minister wirft Merkel ideologische Gründe vor."), "ACCUSE")
    assert [a.text for a in twin.source] == ["Minister"]


def test_correlative_coordination_gives_both_actors_an_event(coder) -> None:
    both = [e for e in code(coder, "Sowohl Merkel als auch Macron verurteilten die Übergriffe.")
            if e.type == "ACCUSE"]
    assert {a.text for e in both for a in e.source} == {"Merkel", "Macron"}
    # "als" alone coordinates nothing: Macron is no actor of the condemnation
    alone = [e for e in code(coder, "Merkel verurteilte die Übergriffe schärfer als Macron.")
             if e.type == "ACCUSE"]
    assert alone and {a.text for e in alone for a in e.source} == {"Merkel"}


def test_an_office_before_a_known_name_gives_the_capacity_the_person_acts_in(coder) -> None:
    ev = one(code(coder, "EU-Ratspräsident Donald Tusk gratulierte Frankreich zum Wahlsieg."),
             "SUPPORT")
    assert countries(ev.source) == {"EU"}
    # the same person without the office keeps the country the knowledge base gives him
    twin = one(code(coder, "Donald Tusk gratulierte Frankreich zum Wahlsieg."), "SUPPORT")
    assert countries(twin.source) == {"POL"}
