"""Role nouns, productive compounds and group + role actors (sentences of our own)."""

from __future__ import annotations

import pytest

from eventcoder.knowledge import Mention
from kb_helpers import find


def sig(m: Mention) -> tuple:
    return m.kind, m.country, m.sector


@pytest.mark.parametrize("sentence, span, expected", [
    ("Am Abend beschossen Regierungstruppen ein Dorf.", "Regierungstruppen", ("role", None, "MIL")),
    ("Ein Armeesprecher bestätigte den Vorfall.", "Armeesprecher", ("role", None, "MIL")),
    ("Der Polizeichef trat zurück.", "Polizeichef", ("role", None, "COP")),
    ("Der Polizeipräsident lud ein.", "Polizeipräsident", ("role", None, "COP")),
    ("Mehrere Rebellenführer flohen ins Ausland.", "Rebellenführer", ("role", None, "REB")),
    ("Die Oppositionsführerin forderte Neuwahlen.", "Oppositionsführerin", ("role", None, "OPP")),
    ("Der Palästinenserpräsident reiste nach Kairo.", "Palästinenserpräsident",
     ("actor", "PSE", "GOV")),
    ("Tamilenrebellen griffen einen Stützpunkt an.", "Tamilenrebellen", ("actor", "LKA", "REB")),
    ("Der Kremlsprecher wies das zurück.", "Kremlsprecher", ("actor", "RUS", "GOV")),
    ("Ein Kremlkritiker wurde verhaftet.", "Kremlkritiker", ("actor", "RUS", "OPP")),
    ("Die Talibanführung kündigte Gespräche an.", "Talibanführung", ("actor", "AFG", "REB")),
])
def test_german_compounds(kb, sentence, span, expected):
    assert sig(find(kb.match(sentence, "de"), span)) == expected


@pytest.mark.parametrize("sentence, span, sector", [
    ("Die Staatsanwaltschaft erhob Anklage.", "Staatsanwaltschaft", "JUD"),
    ("Das Oberste Gericht verwarf die Klage.", "Oberste Gericht", "JUD"),
    ("Der Stadtrat beschloss ein Verbot.", "Stadtrat", "GOV"),
    ("Das Wachpersonal schloss die Tore.", "Wachpersonal", "COP"),
    ("Sanitäter versorgten die Verletzten.", "Sanitäter", "HLH"),
    ("Eine Beobachtungsstelle meldete neue Kämpfe.", "Beobachtungsstelle", "NGO"),
    ("Der Kronprinz empfing die Gäste.", "Kronprinz", "GOV"),
    ("Bewaffnete Männer stürmten das Gebäude.", "Bewaffnete Männer", "REB"),
])
def test_german_role_nouns(kb, sentence, span, sector):
    m = find(kb.match(sentence, "de"), span)
    assert (m.kind, m.sector) == ("role", sector)


def test_lowercase_adjective_is_no_german_role(kb):
    ms = kb.match("Nach offiziellen Angaben blieb es ruhig.", "de")
    assert not any(m.kind == "role" for m in ms)


def test_former_office_holder(kb):
    m = find(kb.match("Der ehemalige Außenminister schwieg.", "de"), "ehemalige Außenminister")
    assert (m.kind, m.sector) == ("role", "ELI")
    m = find(kb.match("A former defense minister was detained.", "en"), "former defense minister")
    assert (m.kind, m.sector) == ("role", "ELI")


@pytest.mark.parametrize("lang, sentence, span, expected", [
    ("de", "Hamas-Kommandeure trafen sich heimlich.", "Hamas-Kommandeure",
     ("actor", "PSE", "REB")),
    ("de", "Nato-Soldaten patrouillierten.", "Nato-Soldaten", ("actor", "NATO", "MIL")),
    ("de", "Assad-Truppen rückten vor.", "Assad-Truppen", ("actor", "SYR", "MIL")),
    ("en", "Taliban commanders met in secret.", "Taliban commanders", ("actor", "AFG", "REB")),
    ("en", "UN peacekeepers left the town.", "UN peacekeepers", ("actor", "UN", "MIL")),
])
def test_organisation_or_person_and_role(kb, lang, sentence, span, expected):
    assert sig(find(kb.match(sentence, lang, "2015-01-01"), span)) == expected


def test_english_sector_noun_and_generic_head(kb):
    ms = kb.match("The militia commander and a police spokeswoman spoke.", "en")
    assert sig(find(ms, "militia commander")) == ("role", None, "REB")
    assert sig(find(ms, "police spokeswoman")) == ("role", None, "COP")


@pytest.mark.parametrize("sentence, span, sector", [
    ("The appeals court overturned the ruling.", "appeals court", "JUD"),
    ("Firefighters fought the blaze.", "Firefighters", "NGO"),
    ("Armed men opened fire on a bus.", "Armed men", "REB"),
    ("Hundreds of mourners gathered.", "mourners", "CVL"),
])
def test_english_role_nouns(kb, sentence, span, sector):
    m = find(kb.match(sentence, "en"), span)
    assert (m.kind, m.sector) == ("role", sector)


def test_armed_groups_and_parties(kb):
    ms = kb.match("Die Tigray-Volksbefreiungsfront und die Muslimbruderschaft lehnten ab.", "de")
    assert find(ms, "Tigray-Volksbefreiungsfront").country == "ETH"
    assert find(ms, "Muslimbruderschaft").country == "EGY"
    ms = kb.match("Kämpfer der al-Schabab griffen an.", "de")
    assert sig(find(ms, "Kämpfer der al-Schabab")) == ("actor", "SOM", "REB")


def test_role_before_organisation_is_the_organisation(kb):
    m = find(kb.match("Die Terrormiliz IS bekannte sich.", "de"), "Terrormiliz IS")
    assert (m.kind, m.country, m.role) == ("org", "IS", "Terrormiliz")
    m = find(kb.match("The militant group Hamas denied it.", "en"), "militant group Hamas")
    assert (m.kind, m.country) == ("org", "PSE")


@pytest.mark.parametrize("adjective, country", [
    ("nigrischen", "NER"), ("nigerianische", "NGA"), ("kongolesischen", "COD"),
    ("emiratische", "ARE"), ("taiwanischen", "TWN"), ("bolivianische", "BOL"),
    ("kosovarische", "XKX"), ("srilankischen", "LKA"),
])
def test_country_adjective_and_role_noun(kb, adjective, country):
    m = find(kb.match(f"Die {adjective} Soldaten zogen ab.", "de"), f"{adjective} Soldaten")
    assert sig(m) == ("actor", country, "MIL")


def test_role_of_organisation(kb):
    m = find(kb.match("Kämpfer der Hamas feuerten Raketen.", "de"), "Kämpfer der Hamas")
    assert sig(m) == ("actor", "PSE", "REB")
    m = find(kb.match("Officials from the OSCE arrived.", "en"), "Officials from the OSCE")
    assert (m.kind, m.country) == ("actor", "OSCE")


def test_title_name_and_known_person_with_particle(kb):
    ms = kb.match("President Omar Hassan al-Bashir spoke in Khartoum.", "en", "2005-01-01")
    m = find(ms, "President Omar Hassan al-Bashir")
    assert (m.kind, m.country, m.name) == ("person", "SDN", "Omar al-Bashir")
