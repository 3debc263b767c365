"""Object pronouns ("ihm", "ihn", "him") as targets: they refer to the nearest earlier actor
that is not their clause's subject, else to the previous sentence's subject. Verbs after an
apposition set off by commas, and after an adverb, keep the subject before the apposition."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article


def code(text: str, lang: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    events = get_coder().code(Article(id="t", text=text, lang=lang, published="2024-03-05"))
    return [(e.type, [a.country for a in e.source], [a.country for a in e.target])
            for e in events]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der russische Außenminister Sergej Lawrow reiste nach Berlin. Die Kanzlerin "
           "kritisierte ihn scharf."),
    ("de", "Der russische Außenminister Sergej Lawrow reiste nach Berlin. Die Kanzlerin "
           "telefonierte danach mit ihm."),
    ("en", "Russian Foreign Minister Sergei Lavrov arrived in Berlin. The chancellor "
           "criticised him sharply."),
])
def test_object_pronoun_is_the_previous_sentences_actor(lang: str, text: str) -> None:
    events = code(text, lang)
    assert events[-1][1:] == (["DEU"], ["RUS"])


def test_object_pronoun_skips_its_own_clauses_subject() -> None:
    text = "Der Bundeskanzler traf den Präsidenten Emmanuel Macron und kritisierte ihn."
    events = get_coder().code(Article(id="t", text=text, lang="de", published="2024-03-05"))
    (accuse,) = [e for e in events if e.type == "ACCUSE"]
    assert [a.text for a in accuse.source] == ["Bundeskanzler"]
    assert [a.country for a in accuse.target] == ["FRA"]  # Macron, not the chancellor


def test_a_pronoun_alone_names_nobody_who_acts() -> None:
    base = "Der russische Außenminister Sergej Lawrow reiste nach Berlin. "
    assert not any(t == "ACCUSE" for t, _, _ in code(base + "Ihm wurde Betrug vorgeworfen.", "de"))
    assert any(t == "ACCUSE" for t, _, _ in code(base + "Die Kanzlerin warf ihm Betrug vor.", "de"))


def test_a_verb_after_an_apposition_is_a_verb() -> None:
    text = "Olaf Scholz, the Chancellor of Germany, demanded an explanation from Russia."
    assert ("REQUEST", ["DEU"], ["RUS"]) in code(text, "en")
    participle = "The rebel leader left the city, backed by Russian troops."
    assert not any(t == "SUPPORT" for t, _, _ in code(participle, "en"))
    assert any(t == "SUPPORT" for t, _, _ in code("Russian troops backed the rebel leader.", "en"))


@pytest.mark.parametrize("text", [
    "Maria Lopez, spokeswoman for the Interior Ministry, criticized the decision of the court.",
    "Maria Lopez, a spokeswoman for the Interior Ministry, sharply criticized the decision of "
    "the court.",
])
def test_apposition_and_adverb_keep_the_subject(text: str) -> None:
    events = get_coder().code(Article(id="t", text=text, lang="en", published="2024-03-05"))
    assert [(e.type, [a.text for a in e.source]) for e in events] == [("ACCUSE", ["spokeswoman"])]
