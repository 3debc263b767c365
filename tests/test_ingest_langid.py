"""Language identification: lingua for texts, stopwords for very short ones."""

from __future__ import annotations

import pytest

from eventcoder.ingest.langid import detect_language, guess_by_stopwords


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen.", "de"),
        ("The government imposed new sanctions on its neighbour on Monday.", "en"),
        ("Bundestag billigt Haushalt", "de"),
        ("Parliament approves budget", "en"),
        ("Er sagte, die Lage sei ruhig.", "de"),
        ("He said the situation was calm.", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_stopword_heuristic():
    assert guess_by_stopwords("der Präsident und die Minister") == "de"
    assert guess_by_stopwords("the president and the ministers") == "en"
    assert guess_by_stopwords("Merkel Macron Biden") is None


def test_text_without_words_gets_the_default():
    assert detect_language("12345 ... 678", default="de") == "de"
