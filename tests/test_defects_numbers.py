"""Defects on real articles: vague quantities keep their words, number words still count."""

import pytest

from eventcoder.coding.numbers import find_casualties


@pytest.mark.parametrize(
    ("text", "lang", "field", "words"),
    [
        ("Dozens of marchers were detained by officers.", "en", "arrested", "Dozens"),
        ("Hundreds were hurt when the bridge collapsed.", "en", "injured", "Hundreds"),
        ("Bei den Krawallen wurden Tausende verletzt.", "de", "injured", "Tausende"),
        ("Von Tausenden Festnahmen war die Rede.", "de", "arrested", "Tausenden"),
        ("Zahlreiche Dorfbewohner kamen ums Leben.", "de", "dead", "Zahlreiche"),
        ("Decenas de vecinos fueron detenidos ayer.", "es", "arrested", "Decenas"),
    ],
)
def test_vague_quantity_leaves_number_empty(text, lang, field, words):
    c = find_casualties(text, lang)
    assert getattr(c, field) is None
    assert getattr(c, f"{field}_text") == words


@pytest.mark.parametrize(
    ("text", "lang", "field", "value"),
    [
        ("Officers detained 36 marchers.", "en", "arrested", 36),
        ("Thirty-two people were hurt when the bridge collapsed.", "en", "injured", 32),
        ("Two hundred and fifty people were arrested.", "en", "arrested", 250),
        ("Bei den Krawallen wurden drei Beamte verletzt.", "de", "injured", 3),
        ("Zweiundzwanzig Dorfbewohner kamen ums Leben.", "de", "dead", 22),
        ("Treinta y dos vecinos fueron detenidos ayer.", "es", "arrested", 32),
        ("Murieron doscientos cincuenta civiles.", "es", "dead", 250),
        ("Hubo ciento veintitrés heridos.", "es", "injured", 123),
        ("Fueron detenidas dos mil trescientas personas.", "es", "arrested", 2300),
    ],
)
def test_exact_numbers_and_number_words_still_count(text, lang, field, value):
    c = find_casualties(text, lang)
    assert getattr(c, field) == value
    assert getattr(c, f"{field}_text") is None


def test_exact_count_beats_vague_one_in_same_category():
    c = find_casualties("Dozens were arrested, among them 7 students who were arrested.", "en")
    assert c.arrested == 7
    assert c.arrested_text is None


def test_joiner_does_not_glue_separate_counts():
    c = find_casualties("Treinta muertos y dos heridos en el ataque.", "es")
    assert (c.dead, c.injured) == (30, 2)
