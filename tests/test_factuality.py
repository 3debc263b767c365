"""Factuality: reported / rumored / announced / negated / asserted, with cue and speaker."""

import pytest

from eventcoder.coding.factuality import assess_factuality


def judge(text, trigger, lang, context_before=""):
    start = text.index(trigger)
    return assess_factuality(text, start, start + len(trigger), lang, context_before)


@pytest.mark.parametrize(
    ("text", "trigger", "label", "source"),
    [
        (
            "Das bayerische Innenministerium teilte den Medien mit, dass bei Krawallen "
            "Polizisten angegriffen worden seien.",
            "angegriffen",
            "reported",
            "Das bayerische Innenministerium",
        ),
        (
            "AFP, DPA und zahlreiche lokale Beobachter berichteten, dass Soldaten in die Menge "
            "geschossen hätten.",
            "geschossen",
            "reported",
            "AFP, DPA und zahlreiche lokale Beobachter",
        ),
        ("Laut Feuerwehr wurden drei Häuser zerstört.", "zerstört", "reported", "Feuerwehr"),
        (
            "Nach Angaben der Vereinten Nationen flohen Tausende über die Grenze.",
            "flohen",
            "reported",
            "der Vereinten Nationen",
        ),
        (
            "Dem Roten Kreuz zufolge wurden zwei Helfer entführt.",
            "entführt",
            "reported",
            "Dem Roten Kreuz",
        ),
        (
            "Rebellen besetzten den Flughafen, wie ein Regierungssprecher mitteilte.",
            "besetzten",
            "reported",
            "ein Regierungssprecher",
        ),
        (
            "Die Miliz zog sich aus der Stadt zurück, sagte der Bürgermeister.",
            "zog",
            "reported",
            "der Bürgermeister",
        ),
        (
            "Am Dienstag erklärte die Staatsanwaltschaft, der Verdächtige sei festgenommen worden.",
            "festgenommen",
            "reported",
            "die Staatsanwaltschaft",
        ),
        ("Es gibt Gerüchte, dass der Präsident geflohen sei.", "geflohen", "rumored", None),
        ("Die Rebellen sollen ein Krankenhaus beschossen haben.", "beschossen", "rumored", None),
        ("Angeblich wurden zwei Journalisten verhaftet.", "verhaftet", "rumored", None),
        (
            "Unbestätigten Berichten zufolge griffen Drohnen eine Raffinerie an.",
            "griffen",
            "rumored",
            None,
        ),
        (
            "Schweden kündigte an, Hilfsgüter in das Erdbebengebiet zu schicken.",
            "schicken",
            "announced",
            "Schweden",
        ),
        ("Die Regierung plant, das Parlament aufzulösen.", "aufzulösen", "announced", None),
        ("Die Opposition will den Wahlausgang anfechten.", "anfechten", "announced", None),
        ("Polen wird weitere Panzer liefern.", "liefern", "announced", None),
        ("Die Blauhelme sollen im Frühjahr abgezogen werden.", "abgezogen", "announced", None),
        ("Die Polizei griff bei den Protesten nicht ein.", "griff", "negated", None),
        ("Die Nachbarländer verhängten keine Sanktionen.", "verhängten", "negated", None),
        (
            "Die Armee scheint nicht bereit zu sein, Truppen an die Grenze zu verlegen.",
            "verlegen",
            "negated",
            None,
        ),
        (
            "Das Militär bestritt, dass Soldaten auf Zivilisten geschossen hätten.",
            "geschossen",
            "negated",
            "Das Militär",
        ),
        (
            "Die Polizei teilte mit, die Beamten hätten keine Gewalt angewendet.",
            "angewendet",
            "negated",
            "Die Polizei",
        ),
        ("Ein nicht genannter Offizier schlug den Reporter.", "schlug", "asserted", None),
        (
            "Nicht nur Studenten, auch Bauern blockierten die Autobahn.",
            "blockierten",
            "asserted",
            None,
        ),
        ("Demonstranten besetzten das Rathaus.", "besetzten", "asserted", None),
        (
            "Die Armee griff die Stellungen an und der Minister war nicht erreichbar.",
            "griff",
            "asserted",
            None,
        ),
    ],
)
def test_german(text, trigger, label, source):
    f = judge(text, trigger, "de")
    assert f.label == label
    if label != "asserted":
        assert f.cue is not None and f.cue_start is not None
    if source is not None:
        assert f.source_text == source
        assert text[f.source_start : f.source_end] == source


@pytest.mark.parametrize(
    ("text", "trigger", "label", "source"),
    [
        ("Officials said rebels seized the airport.", "seized", "reported", "Officials"),
        (
            "Rebels seized the airport, the defence ministry said.",
            "seized",
            "reported",
            "the defence ministry",
        ),
        (
            "Rebels seized the airport, said a military spokesman.",
            "seized",
            "reported",
            "a military spokesman",
        ),
        (
            "According to the Red Cross, two aid workers were abducted.",
            "abducted",
            "reported",
            "the Red Cross",
        ),
        (
            "Witnesses told reporters that soldiers beat the students.",
            "beat",
            "reported",
            "Witnesses",
        ),
        (
            "Police in the capital on Friday said they detained the suspect.",
            "detained",
            "reported",
            "Police in the capital",
        ),
        ("The militia reportedly burned the market.", "burned", "rumored", None),
        ("The guards allegedly tortured the prisoners.", "tortured", "rumored", None),
        ("There are rumours that the general fled the country.", "fled", "rumored", None),
        ("Japan will send rescue teams.", "send", "announced", "Japan"),
        ("The union plans to strike next week.", "strike", "announced", "The union"),
        ("Canada is set to expel two diplomats.", "expel", "announced", "Canada"),
        (
            "The president said the country would impose tariffs.",
            "impose",
            "announced",
            "The president",
        ),
        ("Police did not arrest the organisers.", "arrest", "negated", None),
        ("The army hasn't withdrawn its troops.", "withdrawn", "negated", None),
        (
            "The ministry denied that troops shelled the village.",
            "shelled",
            "negated",
            "The ministry",
        ),
        ("Not only students but also farmers blocked the road.", "blocked", "asserted", None),
        ("Guards beat prisoners who did not obey.", "beat", "asserted", None),
        ("Farmers blocked the highway.", "blocked", "asserted", None),
    ],
)
def test_english(text, trigger, label, source):
    f = judge(text, trigger, "en")
    assert f.label == label
    if source is not None:
        assert f.source_text == source
        assert text[f.source_start : f.source_end] == source


def test_priority_negated_beats_rumored_beats_reported():
    f = judge("Laut Polizei sollen die Täter nicht geschossen haben.", "geschossen", "de")
    assert f.label == "negated"
    assert f.source_text == "Polizei"  # the speaker is kept with a stronger label
    f = judge("Officials said the militia reportedly burned the market.", "burned", "en")
    assert f.label == "rumored"


def test_cue_offsets_point_into_the_text():
    text = "Die Polizei teilte am Abend mit, dass drei Männer verhaftet worden seien."
    f = judge(text, "verhaftet", "de")
    assert f.label == "reported"
    assert text[f.cue_start : f.cue_end] == "teilte am Abend mit"


def test_speech_verb_event_returns_the_speaker():
    # the engine decides whether the speaker is the actor of the event (see module docstring)
    f = judge("Der Kanzler sagte, er unterstütze die Regierung.", "unterstütze", "de")
    assert (f.label, f.source_text) == ("reported", "Der Kanzler")


def test_context_before_with_colon():
    f = judge("Drei Soldaten wurden getötet.", "getötet", "de", "Die Armee teilte mit:")
    assert f.label == "reported"
    assert f.source_text == "Die Armee"
    assert f.source_start is None
    assert judge("Drei Soldaten wurden getötet.", "getötet", "de", "Es regnete.").label == (
        "asserted"
    )


def test_a_cue_never_governs_itself():
    assert judge("Die Regierung kündigte Neuwahlen an.", "kündigte", "de").label == "asserted"


def test_speaker_with_apposition_and_cut_noun_phrases():
    text = "Maria Lopez, a spokeswoman for the regional government, said troops shelled the town."
    assert judge(text, "shelled", "en").source_text == (
        "Maria Lopez, a spokeswoman for the regional government"
    )
    text = "In der Nacht ist nach Angaben des Zivilschutzes ein Wohnhaus zerstört worden."
    assert judge(text, "zerstört", "de").source_text == "des Zivilschutzes"
    text = "Die Agentur berichtete, ihre Quelle sagte, zwei Dörfer seien geräumt worden."
    assert judge(text, "geräumt", "de").label == "reported"


@pytest.mark.parametrize(
    ("text", "trigger", "label"),
    [
        ("Die EU wird Sanktionen verhängen.", "Sanktionen", "announced"),
        ("Man erwartet, dass Ungarn Soldaten entsenden wird.", "entsenden", "announced"),
        ("Es wird von Protesten berichtet.", "Protesten", "asserted"),
        ("Man erwartet, dass Soldaten entsandt werden.", "entsandt", "asserted"),
    ],
)
def test_german_future_versus_passive(text, trigger, label):
    assert judge(text, trigger, "de").label == label


def test_announcement_participle_after_the_event_noun():
    text = "Der Minister sagte, dass Polen die Lieferung von Panzern angekündigt habe."
    f = judge(text, "Lieferung", "de")
    assert f.label == "announced"
    assert f.source_text == "Der Minister"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Die Soldaten töteten nach eigenen Angaben zwei Kämpfer.", "töteten"),
        ("Die Armee erschoss nach palästinensischen Angaben einen Mann.", "erschoss"),
        ("Die Soldaten töteten nach Armeeangaben zwei Kämpfer.", "töteten"),
        ("Bei dem Gefecht wurden demnach drei Polizisten getötet.", "getötet"),
    ],
)
def test_german_attribution_phrases(text, trigger):
    f = judge(text, trigger, "de")
    assert f.label == "reported"
    assert f.source_text is None  # "nach eigenen Angaben" names nobody after it
