"""The one tokenizer: token arrays, and the finer word views the attribute steps read."""

from __future__ import annotations

import re

import pytest

from eventcoder.coding.doc import DocView
from eventcoder.coding.tokenizer import (
    DIGITS,
    LETTERS,
    MARK,
    letter_words,
    pieces,
    tokenize,
    word_spans,
)

TEXT = "Am 6.1. um 10:30 griff die EU-Kommission ein; Iran's envoy left U.S. soil (1.200 Leute)."


def _words(text: str, seps: str = ".,") -> list[str]:
    return [text[s:e] for s, e in word_spans(tokenize(text), number_seps=seps)]


def test_tokens_keep_inner_hyphens_numbers_and_clitics() -> None:
    view = tokenize(TEXT)
    assert "EU-Kommission" in view.texts and "1.200" in view.texts
    assert ["Iran", "'s"] == view.texts[view.texts.index("Iran") :][:2]
    assert all(TEXT[s:e] == w for s, e, w in zip(view.idx, view.ends, view.texts, strict=True))


def test_words_join_letters_and_digits_by_their_own_joiners() -> None:
    words = _words(TEXT, ".,:/")
    assert "10:30" in words and "Iran's" in words and "EU-Kommission" in words
    assert words[-4:] == ["1.200", "Leute", ")", "."]
    assert "10:30" not in _words(TEXT)  # default: only "." and "," join digits
    assert _words("COVID-19 a--b x_y") == ["COVID", "-", "19", "a", "-", "-", "b", "x", "y"]


def test_pieces_are_letter_runs_digit_runs_and_single_marks() -> None:
    view = tokenize("ab12-c")
    assert pieces(view) == [(0, 2, LETTERS), (2, 4, DIGITS), (4, 5, MARK), (5, 6, LETTERS)]
    assert letter_words(view) == {"ab", "c"}


def test_a_slice_cuts_tokens_at_its_edges() -> None:
    text = "Sie nahmen 1.200 Leute fest."
    lo = text.index("200")
    assert [text[s:e] for s, e in word_spans(tokenize(text), lo, text.index(" fest"))] == [
        "200", "Leute",
    ]


def test_another_tokenizers_split_runs_give_the_same_words() -> None:
    # a spaCy model may cut "Iran's" or "10:30" differently: the words stay the same
    text = "Iran's envoy at 10:30."
    view = DocView(text, [0, 2, 4, 5, 7, 13, 16, 18, 19, 21], [2, 4, 5, 6, 12, 15, 18, 19, 21, 22],
                   [], [])
    assert word_spans(view, number_seps=":") == word_spans(tokenize(text), number_seps=":")


@pytest.mark.parametrize("seps", [".,", ".,:/"])
def test_words_equal_the_regex_the_attribute_steps_used_before(seps: str) -> None:
    old = re.compile(rf"\d+(?:[{re.escape(seps)}]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[^\w\s]")
    text = TEXT + " don’t  stop\n\n« 3/4 » — über_all ² 1,5"
    assert word_spans(tokenize(text), number_seps=seps) == [m.span() for m in old.finditer(text)]


def test_word_runs_join_by_the_given_marks_for_ner_tokens() -> None:
    from eventcoder.coding.tokenizer import word_runs
    from eventcoder.knowledge.ner import _tokens

    text = "Dr.Schmidt traf J. Meier bei AT&T in Rhein-Main_Gebiet."
    spans = word_runs(tokenize(text), joiners="-.&")
    assert [text[s:e] for s, e in spans][:3] == ["Dr.Schmidt", "traf", "J"]
    assert "AT&T" in [text[s:e] for s, e in spans]
    assert [text[s:e] for s, e in _tokens(text)][:5] == ["Dr.", "Schmidt", "traf", "J.", "Meier"]
    assert "Rhein-Main_Gebiet" in [text[s:e] for s, e in _tokens(text)]
