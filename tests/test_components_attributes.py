"""The attribute components alone: numbers, dates, factuality and merge, each on a Doc whose
events (and their EventContext) were made by hand or by the components before it."""

from __future__ import annotations

import pytest

from eventcoder.coding import components
from eventcoder.coding.doc import EventContext
from eventcoder.coding.pipeline import stages_for
from eventcoder.coding.tokenizer import tokenize
from eventcoder.language import registry
from eventcoder.model import Actor, Event, Evidence

UP_TO_EVENTS = ("segment", "triggers", "mentions", "places", "events")


def _doc(text: str, *events: tuple[Event, EventContext], published: str | None = None):
    doc = components.Doc(tokenize(text), "a1", published)
    doc.sentences = [(0, len(text))]
    doc.events = [ev for ev, _ in events]
    doc.event_context = [ctx for _, ctx in events]
    return doc


def _event(text: str, kind: str = "ASSAULT", **fields) -> Event:
    return Event(type=kind, evidence=Evidence(text, 0, len(text)), **fields)


def _coded(lang: str, text: str, published: str = "2024-05-08"):
    stages = stages_for(lang)
    doc = components.Doc(tokenize(text), "a1", published)
    for name in UP_TO_EVENTS:
        components.COMPONENTS[name](stages, doc)
    return stages, doc


def test_the_default_pipeline_runs_the_attribute_components_after_events() -> None:
    names = registry.get("de").pipeline
    assert names[names.index("events") + 1 :] == ("numbers", "dates", "factuality", "merge")


def test_numbers_counts_where_the_coder_left_it_to_this_step() -> None:
    text = "Bei dem Angriff wurden 12 Menschen getötet und 30 verletzt."
    stages = stages_for("de")
    left = EventContext("sentence", (0, len(text)), 0)
    left.count_span = (0, len(text))
    done = EventContext("lexicon", (0, len(text)), 0)  # counted inside "events"
    doc = _doc(text, (_event(text), left), (_event(text), done))
    components.numbers(stages, doc)
    assert (doc.events[0].dead, doc.events[0].injured) == (12, 30)
    assert left.count_span is None  # counted once
    assert doc.events[1].dead is None and doc.events[1].injured is None


def test_dates_takes_the_mention_nearest_to_the_trigger_else_the_publication_date() -> None:
    text = "Am 3. März 2021 protestierten Tausende. Danach blieb es ruhig."
    second = text.index("Danach")
    stages = stages_for("de")
    near = EventContext("dictionary", (0, second - 1), text.index("protestierten"))
    plain = EventContext("dictionary", (second, len(text)), second)
    doc = _doc(text, (_event(text, "PROTEST"), near), (_event(text, "PROTEST"), plain),
               published="2021-03-09")
    components.dates(stages, doc)
    assert (doc.events[0].date, doc.events[0].date_precision) == ("2021-03-03", "day")
    assert doc.events[1].date == "2021-03-09"


@pytest.mark.parametrize(
    ("lang", "text", "label", "says"),
    [
        ("de", "Laut der Regierung nahm die Polizei am Montag 40 Demonstranten fest.",
         "reported", "der Regierung"),
        ("en", "According to the ministry, police arrested 40 protesters in Minsk.",
         "reported", "the ministry"),
        ("en", "Police did not arrest the protesters in Minsk.", "negated", None),
        ("en", "Police arrested 40 protesters in Minsk.", "asserted", None),
    ],
)
def test_factuality_labels_lexicon_events_with_their_role_context(lang, text, label, says):
    stages, doc = _coded(lang, text)
    assert [e.factuality for e in doc.events] == ["asserted"]  # not yet assessed
    assert doc.event_context[0].finder is not None and doc.event_context[0].source_refs
    components.factuality(stages, doc)
    ev = doc.events[0]
    assert ev.factuality == label
    assert (ev.attributed_to.text if ev.attributed_to else None) == says
    assert [a.text.lower() for a in ev.source] == ["polizei" if lang == "de" else "police"]


def test_factuality_of_a_sentence_coder_event_comes_from_its_trigger_span() -> None:
    text = "Police did not arrest the protesters."
    trigger = (text.index("arrest"), text.index("arrest") + 6)
    stages = stages_for("en")
    ctx = EventContext("sentence", (0, len(text)), trigger[0], trigger)
    dictionary = EventContext("dictionary", (0, len(text)), trigger[0], trigger)
    doc = _doc(text, (_event(text, "COERCE"), ctx), (_event(text, "COERCE"), dictionary))
    components.factuality(stages, doc)
    assert [e.factuality for e in doc.events] == ["negated", "asserted"]


def test_merge_joins_one_type_per_sentence_when_the_actors_agree() -> None:
    text = "Sentence one. Sentence two."
    stages = stages_for("en")
    rus = [Actor(text="Russia", start=0, end=6, country="RUS")]
    ukr = [Actor(text="Ukraine", start=7, end=14, country="UKR")]

    def ctx(group: int | None) -> EventContext:
        return EventContext("lexicon", (0, len(text)), 0, merge_group=group)

    strong = _event(text, source=rus, target=ukr, confidence=0.9)
    weak = _event(text, source=rus, dead=5, confidence=0.6)
    elsewhere = _event(text, source=rus, confidence=0.6)  # another sentence: kept
    unmerged = _event(text, source=ukr, confidence=0.5)  # a sentence coder's: kept
    doc = _doc(text, (weak, ctx(0)), (strong, ctx(0)), (elsewhere, ctx(14)),
               (unmerged, ctx(None)))
    components.merge(stages, doc)
    assert doc.events == [strong, elsewhere, unmerged]
    assert strong.dead == 5  # the twin's count is kept
    assert len(doc.event_context) == 3 and doc.event_context[0].merge_group == 0


def test_merge_keeps_events_whose_actors_contradict() -> None:
    text = "One sentence."
    stages = stages_for("en")
    a = _event(text, source=[Actor(text="A", start=0, end=1, country="RUS")], confidence=0.9)
    b = _event(text, source=[Actor(text="B", start=2, end=3, country="FRA")], confidence=0.8)
    doc = _doc(text, (a, EventContext("lexicon", (0, 13), 0, merge_group=0)),
               (b, EventContext("lexicon", (0, 13), 0, merge_group=0)))
    components.merge(stages, doc)
    assert doc.events == [a, b]


def test_the_spacy_pipes_are_the_language_components() -> None:
    from eventcoder.coding.engine import EventCoder

    nlp = EventCoder().pipeline("de")
    assert nlp.pipe_names == [f"eventcoder_{n}" for n in registry.get("de").pipeline]


def test_a_failing_casualty_counter_is_logged_and_coding_goes_on(monkeypatch, caplog) -> None:
    from eventcoder.coding import attributes

    def broken(*args, **kwargs):
        raise RuntimeError("counter bug")

    ev = Event(type="ASSAULT", evidence=Evidence("Rebels killed 12 soldiers.", 0, 26))
    view = tokenize("Rebels killed 12 soldiers.")
    assert attributes.set_numbers(ev, view, "en", (0, 26)) != []  # the working counter
    monkeypatch.setattr(attributes, "find_casualties", broken)
    with caplog.at_level("WARNING", logger="eventcoder.coding.attributes"):
        assert attributes.set_numbers(ev, view, "en", (0, 26)) == []
    assert "casualty counter failed" in caplog.text and "counter bug" in caplog.text
