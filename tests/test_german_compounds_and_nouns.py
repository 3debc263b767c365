"""German: portfolio compounds of ministers are government actors; a town name right after an
article is a common noun."""

from __future__ import annotations

from eventcoder.coding import get_coder
from eventcoder.coding.location import article_places
from eventcoder.coding.mentions import knowledge_base
from eventcoder.model import Article


def types(text: str) -> list[str]:
    """The event types coded in a German ``text``."""
    return [e.type for e in get_coder().code(
        Article(id="t", text=text, lang="de", published="2024-03-05"))]


def test_portfolio_ministers_are_government_actors() -> None:
    text = "Der Bildungsminister telefonierte am Montag mit der Sozialministerin."
    events = get_coder().code(Article(id="t", text=text, lang="de", published="2024-03-05"))
    assert [(e.type, [a.sector for a in e.source], [a.sector for a in e.target])
            for e in events] == [("CONSULT", ["GOV"], ["GOV"])]


def test_a_town_name_after_an_article_is_a_noun() -> None:
    kb = knowledge_base()
    noun = "Die Schüler erhielten bei der Matura gute Noten."
    town = "Die Schüler reisten am Montag nach Matura."
    names = []
    for text in (noun, town):
        places = article_places(text, kb.match(text, lang="de"), kb, "de").places
        names.append([m.text for m in places])
    assert names == [[], ["Matura"]]


def test_an_office_title_gives_the_country_the_person_acts_for() -> None:
    # the knowledge base lists Juncker as Luxembourg's; "EU-Kommissionschef" says he acts for the EU
    text = "EU-Kommissionschef Jean-Claude Juncker kritisierte die Regierung in Warschau."
    (ev,) = get_coder().code(Article(id="t", text=text, lang="de", published="2016-03-05"))
    assert (ev.type, [a.country for a in ev.source], [a.country for a in ev.target]) == (
        "ACCUSE", ["EU"], ["POL"])
    plain = "Jean-Claude Juncker kritisierte die Regierung in Warschau."
    (ev,) = get_coder().code(Article(id="t", text=plain, lang="de", published="2016-03-05"))
    assert [a.country for a in ev.source] == ["LUX"]  # no title: the knowledge base's country


def test_german_injuries_need_violence_in_the_sentence() -> None:
    assert types("Zwei Touristen wurden am Sonntag in Wien schwer verletzt.") == []
    assert types("Zwei Polizisten wurden am Sonntag bei Zusammenstößen in Wien schwer "
                 "verletzt.") == ["ASSAULT"]
    assert types("Bei einem Messerangriff in Wien wurden zwei Menschen verletzt.") == ["ASSAULT"]


def test_casualty_reports_fold_into_the_attack_before() -> None:
    de = "Bei einem Anschlag in Kabul starben am Montag zwei Soldaten. Mehr als 30 Menschen " \
         "wurden verletzt."
    en = "A bomb exploded in Kabul on Monday, killing two soldiers. More than 30 people were " \
         "injured."
    for text, lang in ((de, "de"), (en, "en")):
        events = get_coder().code(Article(id="t", text=text, lang=lang, published="2024-03-05"))
        assert [(e.type, e.dead, e.injured) for e in events] == [("ASSAULT", 2, 30)], lang


def test_german_support_is_political_backing_not_help() -> None:
    assert "SUPPORT" not in types("Zwanzig Soldaten des Bundesheeres unterstützen die Landwirte "
                                  "in Kärnten.")
    assert "SUPPORT" in types("Die SPÖ unterstützt die Kandidatin der Grünen.")


def test_an_attack_noun_without_actors_place_or_victims_tells_no_act() -> None:
    assert types("Im vergangenen Jahr gab es mehr als tausend Angriffe.") == []
    assert types("Bei einem Anschlag in Kabul gab es am Montag viel Zerstörung.") == ["ASSAULT"]
    # the object of a verb of doing is an act: "gab ... Schüsse ab", "verübten einen Anschlag"
    assert types("Der Mann hatte durch das Fenster mehrere Schüsse abgegeben.") == ["ASSAULT"]


def test_arrests_for_ordinary_crime_are_no_political_event() -> None:
    assert types("Die Polizei nahm in Graz drei Mitglieder einer Einbrecherbande fest.") == []
    assert types("Die Polizei nahm in Graz drei Demonstranten fest.") == ["COERCE"]
