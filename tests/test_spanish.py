"""Spanish, added as data: triggers, factuality, numbers, dates, sentences, language id and
knowledge names. All example sentences are our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventcoder.coding.engine import EventCoder
from eventcoder.coding.mentions import knowledge_base
from eventcoder.coding.numbers import find_casualties
from eventcoder.ingest.langid import detect_language
from eventcoder.language import data, registry
from eventcoder.language.segment import split_sentences
from eventcoder.model import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def code(coder: EventCoder, text: str, published: str = "2024-03-06") -> list:
    return coder.code(Article(id="t", text=text, lang="es", published=published))


def test_spanish_is_registered_with_its_data():
    es = registry.get("es")
    assert es.lingua_name == "SPANISH"
    for name in ("triggers.tsv", "abbreviations.txt", "numbers.tsv", "casualties.tsv",
                 "dates.tsv", "factuality.tsv", "grammar.tsv", "intent.tsv", "wordlists.tsv"):
        assert es.has_data(name), name
        assert data.read_table(es, name), name  # header and licence checked by the loader


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("La policía detuvo a doce periodistas en Quito.", "COERCE"),
        ("Miles de estudiantes se manifestaron contra el Gobierno.", "PROTEST"),
        ("Los sindicatos exigieron al Gobierno un aumento salarial.", "REQUEST"),
        ("Los rebeldes atacaron un cuartel del ejército.", "ASSAULT"),
        ("El canciller se reunió con el embajador ruso.", "CONSULT"),
        ("El ministro fue detenido por la policía.", "COERCE"),
        ("La oposición rechazó el plan del Gobierno.", "REJECT"),
        ("Los maestros iniciaron una huelga de hambre.", "PROTEST"),
        ("El Gobierno presentó una protesta formal ante la embajada.", "ACCUSE"),
    ],
)
def test_triggers(coder, text, ptype):
    assert ptype in [e.type for e in code(coder, text)]


def test_stop_is_no_arrest_but_arrest_of_people_is(coder):
    # "detener" with a thing is "stop"; with "a" + people it is an arrest
    assert not any(e.type == "COERCE" for e in code(coder, "El Gobierno quiere detener el proceso de paz."))
    events = code(coder, "Los soldados detuvieron a dos periodistas.")
    assert [e.type for e in events] == ["COERCE"]


def test_negated_and_reported(coder):
    negated = code(coder, "La policía no detuvo a los manifestantes.")
    assert [(e.type, e.factuality) for e in negated] == [("COERCE", "negated")]
    reported = code(coder, "Según la policía, los rebeldes atacaron un cuartel del ejército.")
    assert [(e.type, e.factuality) for e in reported] == [("ASSAULT", "reported")]
    asserted = code(coder, "Los rebeldes atacaron un cuartel del ejército.")
    assert [e.factuality for e in asserted] == ["asserted"]


def test_numbers_exact_and_vague():
    exact = find_casualties("La policía informó de doce muertos y 1.200 heridos.", "es")
    assert (exact.dead, exact.injured) == (12, 1200)
    assert exact.dead_text is None
    assert find_casualties("Murieron veintitrés soldados.", "es").dead == 23
    vague = find_casualties("Decenas de personas resultaron heridas en los disturbios.", "es")
    assert vague.injured_text == "Decenas"  # the vague words are kept, not an exact count
    assert vague.dead is None


def test_arrest_count_on_the_event(coder):
    (event,) = code(coder, "La policía detuvo a doce manifestantes en Madrid.")
    assert (event.type, event.arrested) == ("COERCE", 12)
    assert [a.sector for a in event.source] == ["COP"]
    assert [a.text for a in event.target] == ["manifestantes"]


def test_relative_dates(coder):
    (yesterday,) = code(coder, "La policía detuvo ayer a doce manifestantes en Madrid.")
    assert yesterday.date == "2024-03-05"
    (monday,) = code(coder, "Miles de estudiantes se manifestaron el pasado lunes en Caracas.")
    assert monday.date == "2024-03-04"  # published on Wednesday 6 March 2024


def test_sentences_with_spanish_abbreviations():
    text = ("El Sr. García viajó a EE.UU. el lunes. Allí se reunió con la Dra. López en la "
            "calle núm. 5. Después volvió.")
    assert [text[a:b] for a, b in split_sentences(text, "es")] == [
        "El Sr. García viajó a EE.UU. el lunes.",
        "Allí se reunió con la Dra. López en la calle núm. 5.",
        "Después volvió.",
    ]


def test_language_detection():
    paragraph = ("El Gobierno anunció ayer que enviará ayuda humanitaria a las regiones "
                 "afectadas por las inundaciones, según informó el ministro del Interior.")
    assert detect_language(paragraph) == "es"
    assert detect_language("The government said on Monday that it would send aid.") == "en"
    # very short texts are told by Spanish function words (wordlists.tsv, "stopwords")
    assert detect_language("Protestas contra el Gobierno") == "es"
    assert detect_language("Die Polizei nahm zwei fest") == "de"


def test_knowledge_names_in_spanish():
    kb = knowledge_base(())
    found = {(m.text, m.kind, m.country, m.sector)
             for m in kb.match("La policía chilena y la OTAN condenaron a Moscú.", "es",
                               "2024-01-01")}
    # the adjective follows the role noun: one actor (Language.postnominal_adjectives)
    assert ("policía chilena", "actor", "CHL", "COP") in found
    assert ("OTAN", "org", "NATO", "IGO") in found
    assert ("Moscú", "country", "RUS", "GOV") in found
    roles = {(m.text, m.sector, m.country)
             for m in kb.match("el presidente ruso", "es", "2024-01-01")}
    assert ("presidente ruso", "GOV", "RUS") in roles
    # a comma between them: two mentions, not one actor
    apart = {m.text for m in kb.match("el presidente, ruso de origen", "es", "2024-01-01")}
    assert "presidente" in apart and "presidente, ruso" not in apart


def test_trigger_builder_conjugates():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_es_triggers import convert
    finally:
        sys.path.pop(0)
    plain, perfect, proclitic, enclitic = convert("arrestar\tCOERCE\tarrest\t173\tsubj>a|obj", 1, "t")
    assert proclitic.startswith("lo|la|los|las|le|les ") and "arrestaron" in proclitic
    assert "|arresta|" not in proclitic.split("\t")[0] + "|"  # "la arresta" could be a noun
    assert "arrestarlos" in enclitic and "arrestándola" in enclitic
    assert len(convert("protestar\tPROTEST\tdemo\t141\tsubj>contra|obj", 4, "t")) == 2
    forms = plain.split("\t")[0].split("|")
    assert {"arrestó", "arrestaron", "arresta", "arrestará", "arrestar"} <= set(forms)
    assert perfect.startswith("ha|han|") and "arrestados" in perfect
    reflexive = convert("se reunir\tCONSULT\tmeet\t040\tsubj>con\treúne reúnen", 2, "t")
    assert reflexive[0].startswith("se ") and "reunió" in reflexive[0] and "reúne" in reflexive[0]
    assert reflexive[2].split("\t")[0] == "reunirse|reuniéndose"
    with pytest.raises(ValueError, match="t:3"):
        convert("protestar", 3, "t")


def test_bundled_triggers_are_up_to_date():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_es_triggers import build
    finally:
        sys.path.pop(0)
    folder = ROOT / "src" / "eventcoder" / "language" / "es"
    assert build(str(folder / "verbs.tsv")) == (folder / "triggers.tsv").read_text("utf-8")
