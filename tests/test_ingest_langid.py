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


def test_clear_function_words_decide_without_the_statistical_detector(monkeypatch):
    from eventcoder.ingest import langid

    german = ("Die Regierung hat am Montag mit den Vertretern der Opposition über die Lage im "
              "Norden des Landes gesprochen, und sie will auch in dieser Woche nicht nachgeben.")
    english = ("The government said on Monday that it had talked with the leaders of the "
               "opposition about the situation in the north, and that it would not give in.")
    assert langid.clear_by_stopwords(german) == "de"
    assert langid.clear_by_stopwords(english) == "en"
    assert langid.clear_by_stopwords("Talks in Berlin.") is None  # too few function words

    def no_lingua(names):
        raise AssertionError("the statistical detector should not be needed")

    monkeypatch.setattr(langid, "_detector", no_lingua)
    assert langid.detect_language(german) == "de"
    assert langid.detect_language(english) == "en"


def test_mixed_function_words_still_go_to_the_statistical_detector():
    from eventcoder.ingest import langid

    mixed = ("Der Minister sagte, the talks were over, und die Delegation reiste ab, "
             "but the envoy said that the door was still open for the opposition.")
    assert langid.clear_by_stopwords(mixed) is None
    assert langid.detect_language(mixed) in ("de", "en")
