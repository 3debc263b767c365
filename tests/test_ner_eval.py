"""GermEval-style NER scoring with the knowledge base (our own sentences and files)."""

from __future__ import annotations

import json

from eventcoder.evaluation import ner

TSV = """#\thttp://example.org/a\t[2010-05-01]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tgestern\tO\tO
5\tBerlin\tB-LOC\tO
6\tund\tO\tO
7\tdie\tO\tO
8\tSPD\tB-ORG\tO
9\t.\tO\tO

#\thttp://example.org/b\t[2010-05-02]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tschwieg\tO\tO
5\t.\tO\tO

"""


def test_read_tsv_outer_spans(tmp_path):
    p = tmp_path / "ner.tsv"
    p.write_text(TSV, encoding="utf-8")
    sents = list(ner.read_gold(str(p)))
    assert len(sents) == 2
    assert sents[0].gold == {(0, 2, "PER"), (4, 5, "LOC"), (7, 8, "ORG")}
    assert sents[0].date == "2010-05-01"
    assert sents[1].gold == set()  # derived forms are not scored


def test_read_jsonl_keeps_level_one(tmp_path):
    rec = {"tokens": ["Der", "Rhein", "fließt"], "date": None,
           "entities": [{"label": "LOC", "start": 1, "end": 2, "level": 1},
                        {"label": "PER", "start": 1, "end": 2, "level": 2}]}
    p = tmp_path / "ner.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert next(ner.read_gold(str(p))).gold == {(1, 2, "LOC")}


def test_predict_and_score(tmp_path, kb):
    p = tmp_path / "ner.tsv"
    p.write_text(TSV, encoding="utf-8")
    report = ner.score(ner.read_gold(str(p)), kb)
    assert report["f1"] == 1.0
    assert report["PER_gold"] == 1 and report["LOC_precision"] == 1.0


def test_rules_find_people_and_organisations(kb):
    toks = "Gestern sagte Herr Beispielmann , die Talbauern GmbH habe Frau Dr. Muster".split()
    pred = ner.predict(kb, toks)
    assert (3, 4, "PER") in pred  # after a title
    assert (6, 8, "ORG") in pred  # ends in an organisation word
    toks = "Laut Maria Schneidewind kam die Polizei nach Köln .".split()
    pred = ner.predict(kb, toks)
    assert (1, 3, "PER") in pred and (7, 8, "LOC") in pred


def test_scores_count_false_alarms(kb):
    s = ner.Sentence("Die Stadt Köln wächst .".split(), gold=set())
    report = ner.score([s], kb)
    assert report["LOC_precision"] == 0.0 and report["precision"] == 0.0


def _tags(text: str) -> set[tuple[str, str]]:
    from eventcoder.knowledge.ner import tag_entities

    return {(text[s:e], label) for s, e, label in tag_entities(text, "de")}


def test_tag_entities_gives_character_spans():
    from eventcoder.knowledge.ner import tag_entities

    text = "Gestern besuchte Angela Merkel die Stadt Köln."
    spans = tag_entities(text, "de")
    assert (17, 30, "PER") in spans and (41, 45, "LOC") in spans
    assert all(text[s:e].strip() == text[s:e] for s, e, _label in spans)


def test_landmarks_need_a_name_and_common_compounds_are_not_places():
    tags = _tags("Die Marienkapelle liegt am Wochenmarkt , nahe St . Ulrich , im Seitental .")
    assert ("Marienkapelle", "LOC") in tags and ("St . Ulrich", "LOC") in tags
    assert not {t for t in tags if t[0] in ("Wochenmarkt", "Seitental")}


def test_small_towns_after_a_preposition_or_a_place_word():
    tags = _tags("Er zog nach Oberammergau und später in die Gemeinde Kleinblittersdorf .")
    assert tags == {("Oberammergau", "LOC"), ("Kleinblittersdorf", "LOC")}
    assert not _tags("Das Gesetz trat in Kraft .")


def test_bare_family_names_in_name_positions():
    tags = _tags("Quirrenbach erklärte am Montag , dass Zorbinger nicht kommt .")
    assert tags == {("Quirrenbach", "PER"), ("Zorbinger", "PER")}
    assert ("Quastenbergs", "PER") in _tags("Quastenbergs Rede war kurz .")
    assert ("Quastenberg", "PER") in _tags("Damit will Quastenberg schon im Mai beginnen .")
    assert not _tags("Dennoch erklärte er das nicht .")
    assert not _tags("Experten warnten vor dem Sturm .")  # plural verb: a bare plural noun


def test_full_names_initials_and_repeated_family_names():
    assert _tags("Zusammen mit J. Quirrenbach schrieb er .") == {("J. Quirrenbach", "PER")}
    tags = _tags("Anna Quastenberg kam spät ; erst dann sprach Quastenberg .")
    assert tags == {("Anna Quastenberg", "PER"), ("Quastenberg", "PER")}
    assert ("Beispielfrau", "PER") in _tags("Das sagte die CSU-Politikerin Beispielfrau .")


def test_organisation_patterns():
    tags = _tags("Die Firma Zylotron hat ihren Sitz an der Universität Heidelberg .")
    assert tags == {("Zylotron", "ORG"), ("Universität Heidelberg", "ORG")}
    tags = _tags("Er lehrte am Quendlin Institute of Technology .")
    assert ("Quendlin Institute of Technology", "ORG") in tags
    tags = _tags("Er leitet die Bundesstiftung für Umwelt und Natur des Saarlandes .")
    assert ("Bundesstiftung für Umwelt und Natur des Saarlandes", "ORG") in tags
    assert ("Berliner Zeitung", "ORG") in _tags("Das berichtete die Berliner Zeitung .")
    assert ("FC Quarzheim 04", "ORG") in _tags("Er spielt beim FC Quarzheim 04 .")


def test_names_inside_words_are_not_entities():
    assert not _tags("Ein Sprecher der EU-Kommission sagte das .")


def test_a_name_defined_with_its_acronym_is_an_organisation():
    tags = _tags("Der Verband Quendliner Kleinbrauer ( VQK ) kritisierte die Steuer .")
    assert {("Verband Quendliner Kleinbrauer", "ORG"), ("VQK", "ORG")} <= tags
    # one word before the bracket is a term, and letters that do not spell it link nothing
    assert not _tags("Das Gas enthält Quarzylchloride ( QC ) in Spuren .")
    assert ("Verband Quendliner Kleinbrauer", "ORG") not in _tags(
        "Der Verband Quendliner Kleinbrauer ( ZZX ) kritisierte die Steuer .")


def test_a_type_noun_before_a_named_organisation_is_not_part_of_the_name():
    assert ("Quendel Radio", "ORG") in _tags("Der Spartensender Quendel Radio sendet Jazz .")
    assert ("Quendel Radio", "ORG") in _tags("Das Quendel Radio sendet Jazz .")
    assert not any("Spartensender" in name for name, _label in
                   _tags("Der Spartensender Quendel Radio sendet Jazz ."))


def test_numbered_roads_are_places():
    assert ("A 7", "LOC") in _tags("Der Stau auf der A 7 reichte weit .")
    assert ("B27", "LOC") in _tags("Auf der B27 krachte es .")
    assert ("A 113", "LOC") in _tags("Die Autobahn A 113 ist gesperrt .")
    # an aircraft type and a grade are no roads
    assert not _tags("Der Flug mit der A380 landete .")
    assert not _tags("Er bekam die Note A 1 nicht .")


def test_a_list_item_next_to_a_place_is_a_place():
    tags = _tags("Der Bus hält in Kehl , Marbrunn , Stuttgart und Ulm .")
    assert ("Marbrunn", "LOC") in tags
    # the same word in a list without a place is not made one
    assert ("Marbrunn", "LOC") not in _tags("Es sangen Lotte , Marbrunn , Quendel und Jo .")
