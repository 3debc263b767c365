"""The components a document passes, the sentence-coder plugins, the spaCy path (the same
steps) and the coder's user knowledge files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.coding import components, sentence_coders
from eventcoder.coding.engine import EventCoder
from eventcoder.coding.pipeline import stages_for
from eventcoder.coding.tokenizer import tokenize
from eventcoder.language import registry
from eventcoder.model import Article

GERMAN = "Die Polizei nahm am Montag in Minsk 40 Demonstranten fest."
ENGLISH = "Police arrested 40 protesters in Minsk on Monday."


def test_every_language_pipeline_names_registered_components() -> None:
    assert set(components.COMPONENTS) >= {"segment", "triggers", "mentions", "places", "events"}
    for lang in registry.languages():
        assert components.components_for(registry.get(lang).pipeline)
    with pytest.raises(KeyError, match="unknown component 'nope'"):
        components.components_for(("segment", "nope"))


def test_components_fill_the_doc_layer_by_layer() -> None:
    stages = stages_for("de")
    doc = components.Doc(tokenize(GERMAN), "a1", "2024-05-08")
    components.segment(stages, doc)
    assert doc.sentences == [(0, len(GERMAN))]
    components.triggers(stages, doc)
    assert [doc.view.lowers[t.head] for t in doc.triggers] == ["nahm"]
    components.mentions(stages, doc)
    assert "Minsk" in [m.text for m in doc.mentions]
    components.places(stages, doc)
    assert "BLR" in doc.places.ranked
    components.events(stages, doc)
    assert [e.type for e in doc.events] == ["COERCE"]
    assert [c.coder for c in doc.event_context] == ["lexicon"]
    assert doc.events[0].date is None  # the "dates" component sets it
    for name in ("numbers", "dates", "factuality", "merge"):
        components.COMPONENTS[name](stages, doc)
    assert doc.events[0].date == "2024-05-06"  # "am Montag" before Wednesday 8 May
    assert stages.finish(doc) == stages.run(tokenize(GERMAN), "a1", "2024-05-08")
    assert doc.events[0].id and doc.events[0].article_id == "a1"


def test_without_a_trigger_the_knowledge_base_is_not_asked() -> None:
    stages = stages_for("de")
    doc = components.Doc(tokenize("Die Polizei war am Montag in Minsk."))
    for step in components.components_for(registry.get("de").pipeline):
        step(stages, doc)
    assert doc.triggers == [] and doc.mentions is None and doc.places is None
    assert doc.events == []


def test_sentence_coders_are_plugins_chosen_by_name() -> None:
    assert {"lexicon", "cameo"} <= set(sentence_coders.backends())
    assert sentence_coders.sentence_coder("lexicon", registry.get("en")) is None
    # a language without PETRARCH dictionaries is coded by its lexicons
    assert sentence_coders.sentence_coder("cameo", registry.get("de")) is None
    assert sentence_coders.sentence_coder("cameo", registry.get("en")).name == "cameo-en"
    with pytest.raises(ValueError, match="unknown sentence coder 'llm'"):
        sentence_coders.sentence_coder("llm", registry.get("en"))
    with pytest.raises(ValueError, match="en_coder must be one of"):
        EventCoder(en_coder="llm")


def test_a_registered_plugin_codes_sentences() -> None:
    from eventcoder.model import Event, Evidence

    class EverySentence:
        name = "toy"

        def events(self, text, lo, hi, published):
            return [(Event(type="CONSULT", evidence=Evidence(text[lo:hi], lo, hi)), (lo, lo + 1))]

    sentence_coders.register_sentence_coder("toy-every")(lambda language: EverySentence())
    try:
        events = EventCoder(en_coder="toy-every").code(Article(text="Nothing at all.", lang="en"))
        assert [(e.type, e.coder) for e in events] == [("CONSULT", "eventcoder-0.1.0/toy")]
    finally:
        sentence_coders._BACKENDS.pop("toy-every")
    assert EventCoder().code(Article(text="Nothing at all.", lang="en")) == []


def _spacy_events(coder: EventCoder, text: str, lang: str) -> list:
    nlp = coder.pipeline(lang)
    doc = nlp.make_doc(text)
    doc.user_data.update({"article_id": Article(text=text, lang=lang).id})
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.events


@pytest.mark.parametrize("en_coder", ["lexicon", "cameo"])
def test_the_spacy_pipeline_runs_the_same_steps_and_honours_en_coder(en_coder: str) -> None:
    coder = EventCoder(en_coder=en_coder)
    fast = coder.code(Article(text=ENGLISH, lang="en"))
    spacy_events = _spacy_events(coder, ENGLISH, "en")
    assert [(e.type, e.coder) for e in spacy_events] == [(e.type, e.coder) for e in fast]
    assert fast and fast[0].type == "COERCE"
    assert fast[0].coder.endswith("/cameo-en") == (en_coder == "cameo")


def test_the_spacy_pipeline_honours_user_lexicons(tmp_path: Path) -> None:
    lex = tmp_path / "mine.tsv"
    lex.write_text("pattern\ttype\tmode\tcameo\tframe\nblorfed\tASSAULT\t\t190\tsubj>obj\n", "utf-8")
    text = "Russia blorfed Ukraine on Monday."
    coder = EventCoder(lexicons=[str(lex)])
    assert [e.type for e in coder.code(Article(text=text, lang="en"))] == ["ASSAULT"]
    assert [e.type for e in _spacy_events(coder, text, "en")] == ["ASSAULT"]
    assert EventCoder().code(Article(text=text, lang="en")) == []


def test_user_knowledge_files_name_actors_while_coding(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "cache"))
    kfile = tmp_path / "mine.yaml"
    kfile.write_text(
        "actors:\n  - name: Zorblat Brigade\n    kind: org\n    country: MLI\n    sector: REB\n",
        "utf-8",
    )
    text = "The Zorblat Brigade attacked soldiers in Gao."
    with_file = EventCoder(knowledge=[str(kfile)]).code(Article(text=text, lang="en"))
    assert [a.country for e in with_file for a in e.source] == ["MLI"]
    without = EventCoder().code(Article(text=text, lang="en"))
    assert not [a for e in without for a in e.source if a.text == "Zorblat Brigade"]
