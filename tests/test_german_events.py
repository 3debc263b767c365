"""German events by the codebook: meetings need a partner, questions and possibilities are no
events, speech acts without a named addressee address the source's own authorities, subjects
after a preposed quote, infinitives after "würde" are no passives, verb frames of criticism
and refusal."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str) -> list[Event]:
    return coder.code(Article(text=text, lang="de", published="2016-05-04"))


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def one(events: list[Event], ptype: str) -> Event:
    hits = [e for e in events if e.type == ptype]
    assert hits, f"no {ptype} in {types(events)}"
    return hits[0]


def texts(actors) -> list[str]:
    return [a.text for a in actors]


def test_a_visit_without_a_partner_is_no_meeting(coder) -> None:
    assert "CONSULT" not in types(code(coder, "Die Schüler besuchen die Schule in Graz."))
    ev = one(code(coder, "Der Kanzler traf den französischen Präsidenten in Wien."), "CONSULT")
    assert {a.country for a in ev.target} == {"FRA"}


def test_an_organisation_meets_its_members(coder) -> None:
    ev = one(code(coder, "Die Arabische Liga kündigte für Dienstag ein Krisentreffen an."), "CONSULT")
    assert {a.country for a in ev.target} == {"ARL"}


def test_the_place_of_a_meeting_is_no_partner(coder) -> None:
    ev = one(code(coder, "Putin und Merkel trafen sich in Berlin."), "CONSULT")
    assert texts(ev.source) == ["Putin"] and texts(ev.target) == ["Merkel"]


def test_a_question_is_no_event(coder) -> None:
    assert code(coder, "Wird die Polizei die Demonstration in Graz verbieten?") == []
    assert types(code(coder, "Die Polizei hat die Demonstration in Graz verboten.")) == ["COERCE"]


def test_a_possibility_is_no_event(coder) -> None:
    assert code(coder, "Die Polizei könnte die Demonstration in Graz verbieten.") == []
    assert types(code(coder, "Die Polizei hat die Demonstration in Graz verboten.")) == ["COERCE"]


def test_a_conditional_is_no_event_but_reported_speech_is(coder) -> None:
    text = "Wenn die Lage eskaliert, würde die Regierung die Opposition scharf kritisieren."
    assert "ACCUSE" not in types(code(coder, text))
    text = "Der Sprecher sagte, die Regierung würde die Opposition scharf kritisieren."
    assert "ACCUSE" in types(code(coder, text))


def test_an_infinitive_after_wuerde_is_no_passive(coder) -> None:
    ev = one(code(coder, "Der Sprecher sagte, die Regierung würde die Opposition kritisieren."), "ACCUSE")
    assert texts(ev.source) == ["Regierung"] and texts(ev.target) == ["Opposition"]
    ev = one(code(coder, "Die Opposition wurde von der Regierung kritisiert."), "ACCUSE")
    assert texts(ev.source) == ["Regierung"] and texts(ev.target) == ["Opposition"]


def test_criticism_without_a_named_target_addresses_the_own_authorities(coder) -> None:
    ev = one(code(coder, "Die NEOS kritisierten das neue Schulgesetz scharf."), "ACCUSE")
    assert [(a.country, a.sector, a.start) for a in ev.target] == [("AUT", "GOV", None)]
    ev = one(code(coder, "Die NEOS kritisierten die FPÖ scharf."), "ACCUSE")
    assert texts(ev.target) == ["FPÖ"]  # a named target is kept, nothing inferred


def test_the_subject_follows_the_verb_after_a_quote(coder) -> None:
    text = "Das werden wir nicht hinnehmen, droht der türkische Premier Ahmet Demiroglu."
    ev = one(code(coder, text), "THREATEN")
    assert {a.country for a in ev.source} == {"TUR"}
    # an object with its article after a verb-first clause is no subject
    text = "Der Kanzler kam am Montag an, kritisierte den Präsidenten der Türkei."
    ev = one(code(coder, text), "ACCUSE")
    assert texts(ev.source) == ["Kanzler"]


@pytest.mark.parametrize(
    ("text", "ptype", "target"),
    [
        ("Der Kanzler wandte sich gegen die Pläne der ÖVP.", "ACCUSE", "ÖVP"),
        ("Die NEOS gingen mit der ÖVP hart ins Gericht.", "ACCUSE", "ÖVP"),
        ("Die KPÖ erteilte der FPÖ eine Absage.", "REJECT", "FPÖ"),
        ("Die Grünen haben sich gegen die FPÖ ausgesprochen.", "REJECT", "FPÖ"),
        ("Die Grünen sprachen sich für die SPÖ aus.", "SUPPORT", "SPÖ"),
    ],
)
def test_frames_of_criticism_refusal_and_support(coder, text, ptype, target) -> None:
    ev = one(code(coder, text), ptype)
    assert texts(ev.target) == [target]


def test_violating_a_law_hurts_nobody(coder) -> None:
    assert "ASSAULT" not in types(code(coder, "Die Landesregierung verletzt damit das Völkerrecht."))
    ev = one(code(coder, "Die Soldaten verletzten zwei Demonstranten."), "ASSAULT")
    assert texts(ev.target) == ["Demonstranten"]


def test_a_general_norm_with_man_asks_nobody(coder) -> None:
    text = "Der Minister sagte, man müsse die Regeln europaweit vereinheitlichen."
    assert "REQUEST" not in types(code(coder, text))
    text = "Der Minister sagte, die Türkei müsse die Regeln europaweit vereinheitlichen."
    ev = one(code(coder, text), "REQUEST")
    assert {a.country for a in ev.target} == {"TUR"}


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte, es müsse jetzt alles sehr schnell gehen.",
        "Der Minister sagte, dann müssten wir den Plan ändern.",
        "Der Minister sagte, die Fristen müssten verlängert werden.",
    ],
)
def test_a_necessity_without_an_addressee_asks_nobody(coder, text) -> None:
    assert "REQUEST" not in types(code(coder, text))
    twin = "Der Minister sagte, die Regierung müsse die Gefangenen freilassen."
    assert texts(one(code(coder, twin), "REQUEST").target) == ["Regierung"]


def test_a_motion_of_no_confidence_accuses_the_government(coder) -> None:
    ev = one(code(coder, "Die Opposition hat einen Misstrauensantrag gegen die Regierung gestellt."), "ACCUSE")
    assert texts(ev.source) == ["Opposition"] and texts(ev.target) == ["Regierung"]


def test_a_judgement_in_a_quote_is_criticism_by_the_speaker(coder) -> None:
    ev = one(code(coder, "Die Reform der Regierung ist absurd, sagte Kogler."), "ACCUSE")
    assert texts(ev.source) == ["Kogler"] and texts(ev.target) == ["Regierung"]
    assert "ACCUSE" not in types(code(coder, "Das Wetter war absurd heiß."))  # nobody says so


def test_an_attack_mentioned_in_a_phrase_is_background(coder) -> None:
    text = "Nach den Anschlägen in Paris dachte die Innenministerin über Grenzkontrollen nach."
    assert "ASSAULT" not in types(code(coder, text))
    assert "ASSAULT" in types(code(coder, "Bei den Anschlägen in Paris wurden 130 Menschen getötet."))


def test_es_kam_zu_reports_the_event(coder) -> None:
    assert "COERCE" in types(code(coder, "In der Hauptstadt kam es am Abend zu Festnahmen."))
    assert "COERCE" not in types(code(coder, "Der Streit um die Festnahmen dauert an."))


@pytest.mark.parametrize(("text", "ptype"), [
    ("Die Ministerin zeigte sich sehr kritisch gegenüber den Plänen Polens.", "ACCUSE"),
    ("Kritisch äußerte sich der Außenminister zu den Vorschlägen Ungarns.", "ACCUSE"),
    ("Der tschechische Premier stellt den Vertrag mit Russland infrage.", "ACCUSE"),
    ("Der Präsident geißelte die Politik der russischen Regierung.", "ACCUSE"),
    ("Die Kanzlerin zeigte sich zufrieden mit dem Angebot Frankreichs.", "SUPPORT"),
])
def test_judgements_said_with_an_adjective(coder, text: str, ptype: str) -> None:
    assert types(code(coder, text)) == [ptype]


def test_a_critical_situation_and_a_question_put_are_no_judgement(coder) -> None:
    assert code(coder, "Die Lage in der Ukraine sei kritisch, sagte der Minister.") == []
    assert code(coder, "Der Minister stellte sich den Fragen der Journalisten.") == []


def test_a_chancellor_attacking_the_opposition_criticises_rebels_attack(coder) -> None:
    assert types(code(coder, "Der Kanzler griff den Oppositionsführer scharf an.")) == ["ACCUSE"]
    assert types(code(coder, "Rebellen griffen einen Militärposten an.")) == ["ASSAULT"]


def test_a_condition_that_opens_the_sentence_is_background(coder) -> None:
    assert code(coder, "Wenn die Grünen den Kandidaten der SPÖ unterstützen, gewinnt er.") == []
    assert types(code(coder, "Die Grünen unterstützen den Kandidaten der SPÖ.")) == ["SUPPORT"]


@pytest.mark.parametrize(("text", "ptype"), [
    ("In Ankara wurden drei Journalisten in Haft genommen.", "COERCE"),
    ("Die Regierung Ungarns hat den Notstand über das ganze Land verhängt.", "COERCE"),
    ("Die Polizei setzte Wasserwerfer gegen die Demonstranten in Athen ein.", "COERCE"),
    ("Der Bürgermeister von Wien widerspricht dem Innenminister.", "REJECT"),
    ("Die Regierung Italiens hat Fehler bei der Kontrolle zugegeben.", "CONCEDE"),
    ("Der französische Präsident gratulierte Polen zum Wahlsieg.", "SUPPORT"),
    ("Der Minister verlange mehr Soldaten an der Grenze zu Serbien.", "REQUEST"),
    ("Ungarn öffnete seine Grenze zu Serbien am Montag.", "RETREAT"),
    ("In Kairo wurde ein Mann von einer Menge zu Tode geprügelt.", "ASSAULT"),
    ("Der Präsident Frankreichs warb in Rom um Zustimmung zu dem Vertrag.", "REQUEST"),
    ("Die Opposition Polens reichte Klage gegen das Gesetz ein.", "ACCUSE"),
    ("Die Staatsanwaltschaft in Rom leitete Ermittlungen gegen den Bürgermeister ein.", "ACCUSE"),
    ("Die Regierung Serbiens pochte auf die Einhaltung des Abkommens.", "REQUEST"),
    ("Der Präsident Polens entschuldigte sich bei der Ukraine.", "CONCEDE"),
    ("Die Partei wurde in Wien zu einer Geldbuße verurteilt.", "SANCTION"),
])
def test_german_verbs_of_the_long_tail(coder, text: str, ptype: str) -> None:
    assert ptype in types(code(coder, text))


def test_near_readings_of_the_long_tail_verbs_are_no_events(coder) -> None:
    assert code(coder, "Das Museum öffnete am Montag seine Türen.") == []
    assert code(coder, "Der Gast warb mit einem Lächeln für sich.") == []
    assert code(coder, "Der Trainer leitete das Training am Montag.") == []


def test_a_closed_road_is_no_coercion_a_blocked_website_is(coder) -> None:
    assert code(coder, "Die Autobahn bei Graz wurde wegen eines Unfalls gesperrt.") == []
    assert types(code(coder, "Die Regierung Russlands sperrte den Zugang zu der Webseite.")) \
        == ["COERCE"]


def test_a_ban_named_as_a_topic_is_no_event_a_ban_imposed_is(coder) -> None:
    assert code(coder, "Das Rauchverbot ist ein gutes Beispiel für kluge Politik.") == []
    assert types(code(coder, "Die Regierung verhängte ein Rauchverbot.")) == ["COERCE"]


def test_support_in_the_passive_needs_a_supporter(coder) -> None:
    assert code(coder, "Das Projekt in Mali soll mit drei Millionen Euro unterstützt werden.") == []
    assert types(code(coder, "Frankreich unterstützt die Regierung Malis.")) == ["SUPPORT"]


def test_a_noun_event_after_a_complete_phrase_is_reported(coder) -> None:
    events = code(coder, "Der Außenminister führte in Wien Gespräche mit der Regierung Polens.")
    assert types(events) == ["CONSULT"]
    # the twin: a noun event inside the phrase is only mentioned
    assert "CONSULT" not in types(code(coder, "Nach den Gesprächen in Wien reiste der Außenminister ab."))


def test_travel_with_the_verb_at_the_end_is_a_visit(coder) -> None:
    (ev,) = code(coder, "Der polnische Außenminister ist am Montag nach Wien gereist.")
    assert (ev.type, [a.country for a in ev.target]) == ("CONSULT", ["AUT"])
    # the twin: the destination named without travel is no visit
    assert code(coder, "Der polnische Außenminister sprach am Montag über Wien.") == []


def test_a_treaty_named_without_its_parties_acting_is_no_agreement(coder) -> None:
    assert code(coder, "Das Atomabkommen mit dem Iran gilt seit 2015.") == []
    assert types(code(coder, "Die EU und die Türkei schlossen ein Abkommen.")) == ["AGREE"]


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("Die Regierung hat dem Nachbarland ihre Solidarität bekundet.", "SUPPORT"),
        ("Er sagte, dass die Regierung dem Nachbarland ihre Solidarität bekundete.", "SUPPORT"),
        ("Die Abgeordneten der Opposition haben aus Protest den Saal verlassen.", "PROTEST"),
        ("Der Kanzler hat der Forderung der Gewerkschaft eine klare Absage erteilt.", "REJECT"),
    ],
)
def test_a_verb_pattern_holds_when_the_verb_closes_the_clause(coder, text, ptype) -> None:
    """Perfect and verb-final clauses put the verb of a phrase pattern last (verb_final.tsv)."""
    assert types(code(coder, text)) == [ptype]


def test_an_infinitive_of_aim_at_the_clause_end_is_no_act(coder) -> None:
    aim = "Die SPD und die CDU versuchten, sich auf einen Kandidaten zu einigen."
    assert "AGREE" not in types(code(coder, aim))
    ev = one(code(coder, "Die SPD und die CDU haben sich auf einen Kandidaten geeinigt."), "AGREE")
    # coordinated parties of a joint act are each other's partners, of one country too
    assert texts(ev.source) == ["SPD"] and texts(ev.target) == ["CDU"]


def test_noun_events_joined_by_und_are_both_told(coder) -> None:
    events = code(coder, "In Wien kam es zu Zusammenstößen und zur Festnahme eines Aktivisten.")
    assert sorted(types(events)) == ["ASSAULT", "COERCE"]
    # the twin: one noun event alone is one event
    assert types(code(coder, "In Wien kam es zur Festnahme eines Aktivisten.")) == ["COERCE"]


def test_speaking_of_a_scandal_is_criticism(coder) -> None:
    ev = one(code(coder, "Die Opposition sprach von einem Skandal."), "ACCUSE")
    assert texts(ev.source) == ["Opposition"]
    assert "ACCUSE" not in types(code(coder, "Die Opposition sprach von einem Kompromiss."))


def test_sending_is_aid_only_for_what_helps(coder) -> None:
    for text in ("Österreich schickte Polizisten nach Mazedonien.",
                 "Österreich hat Polizisten nach Mazedonien geschickt."):
        ev = one(code(coder, text), "AID")
        assert [a.country for a in ev.source] == ["AUT"]
    assert "AID" not in types(code(coder, "Österreich schickte die Dokumente nach Mazedonien."))


def test_a_sentence_asked_for_in_court_is_no_political_demand(coder) -> None:
    for text in ("Der Staatsanwalt forderte zwei Jahre Haft für den Angeklagten.",
                 "Der Staatsanwalt hat zwei Jahre Haft für den Angeklagten gefordert."):
        assert "REQUEST" not in types(code(coder, text))
    assert "REQUEST" in types(code(coder, "Die Opposition forderte den Rücktritt des Innenministers."))


def test_a_possible_or_planned_act_is_no_event(coder) -> None:
    assert "ASSAULT" not in types(code(coder, "Die Polizei fürchtete einen möglichen Anschlag in Berlin."))
    assert "ASSAULT" in types(code(coder, "Islamisten verübten einen Anschlag in Berlin."))
