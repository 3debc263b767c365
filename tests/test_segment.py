"""Sentence segmentation for German and English news text."""

from __future__ import annotations

import time

import pytest

from eventcoder.coding.tokenizer import tokenize
from eventcoder.language.segment import load_abbreviations, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "de",
            "Die Proteste begannen am 6. Januar in der Hauptstadt. Sie dauerten an.",
            ["Die Proteste begannen am 6. Januar in der Hauptstadt.", "Sie dauerten an."],
        ),
        (
            "de",
            "Am 3. Mai kam es zu Zusammenstößen. Die Polizei griff ein.",
            ["Am 3. Mai kam es zu Zusammenstößen.", "Die Polizei griff ein."],
        ),
        (
            "de",
            "Der Verein belegte den 3. Platz in der Liga. Der Trainer war zufrieden.",
            ["Der Verein belegte den 3. Platz in der Liga.", "Der Trainer war zufrieden."],
        ),
        (
            "de",
            "Er belegte Platz 3. Der Trainer war zufrieden.",
            ["Er belegte Platz 3.", "Der Trainer war zufrieden."],
        ),
        (
            "de",
            "Seit 2014 herrscht Krieg. Im Jahr 2014. Das war alles.",
            ["Seit 2014 herrscht Krieg.", "Im Jahr 2014.", "Das war alles."],
        ),
        (
            "de",
            "Das Gesetz Nr. 5 gilt z. B. für Bauern bzw. Fischer. Es kostet ca. 2,5 Mio. Euro.",
            [
                "Das Gesetz Nr. 5 gilt z. B. für Bauern bzw. Fischer.",
                "Es kostet ca. 2,5 Mio. Euro.",
            ],
        ),
        (
            "de",
            "Dr. Weber sprach in St. Petersburg. Er blieb bis zum 4. 5. 2021.",
            ["Dr. Weber sprach in St. Petersburg.", "Er blieb bis zum 4. 5. 2021."],
        ),
        (
            "de",
            "„Wir weichen nicht!“ rief er. „Niemals.“ Dann ging er.",
            ["„Wir weichen nicht!“ rief er.", "„Niemals.“", "Dann ging er."],
        ),
        (
            "de",
            "Die Inflation lag bei 3.5 Prozent. Das ist viel … Aber es wird besser.",
            ["Die Inflation lag bei 3.5 Prozent.", "Das ist viel …", "Aber es wird besser."],
        ),
        (
            "en",
            "U.S. President Ann Example met Dr. Smith in St. Petersburg on Jan. 6, 2022. "
            "They talked.",
            [
                "U.S. President Ann Example met Dr. Smith in St. Petersburg on Jan. 6, 2022.",
                "They talked.",
            ],
        ),
        (
            "en",
            "The novel by J. R. R. Tolkien sold well. Prices rose 2.5 percent.",
            ["The novel by J. R. R. Tolkien sold well.", "Prices rose 2.5 percent."],
        ),
        (
            "en",
            '"We will not leave," he said. "We will stay." The crowd cheered.',
            ['"We will not leave," he said.', '"We will stay."', "The crowd cheered."],
        ),
        (
            "en",
            '"Is it over?" she asked. No one answered... The guards left.',
            ['"Is it over?" she asked.', "No one answered...", "The guards left."],
        ),
        (
            "en",
            "Talks ended at 5 p.m. The delegates left. Acme Inc. said it would pay.",
            ["Talks ended at 5 p.m.", "The delegates left.", "Acme Inc. said it would pay."],
        ),
        (
            "en",
            "He cited books, maps, etc. The court agreed.",
            ["He cited books, maps, etc.", "The court agreed."],
        ),
    ],
)
def test_cases(lang, text, expected):
    assert sentences(text, lang) == expected


def test_headlines_and_paragraphs():
    text = (
        "Rebels take border town\n\nRebels captured the town on Sunday, officials said\n"
        "The army sent reinforcements.\nIt was\ncontinued here.\n"
    )
    assert sentences(text, "en") == [
        "Rebels take border town",
        "Rebels captured the town on Sunday, officials said",
        "The army sent reinforcements.",
        "It was\ncontinued here.",
    ]


def test_line_ending_with_comma_continues():
    text = "Die Regierung, die Opposition,\nDie Gewerkschaften einigten sich."
    assert sentences(text, "de") == [text]


def test_offsets_are_trimmed_and_index_the_text():
    text = "  Erster Satz.   Zweiter Satz!\n\n  Dritter Satz?  "
    spans = split_sentences(text, "de")
    assert spans == [(2, 14), (17, 30), (34, 47)]
    assert [text[a:b] for a, b in spans] == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]


def test_empty_and_unpunctuated():
    assert split_sentences("", "en") == []
    assert split_sentences("   \n ", "de") == []
    assert sentences("no final punctuation", "en") == ["no final punctuation"]


def test_abbreviation_lists_are_data():
    assert "bzw" in load_abbreviations("de").exact
    assert "U.S" in load_abbreviations("en").exact
    assert "etc" in load_abbreviations("en").final
    assert not load_abbreviations("xx").exact


def test_speed():
    paragraph = (
        "Die Polizei nahm am 6. Januar ca. 40 Personen fest. Der Minister, Dr. Beispiel, "
        "sprach von z. B. 3 Mio. Euro Schaden. „Wir handeln“, sagte er. Die Lage ist ruhig.\n"
    )
    text = paragraph * 2000  # 8,000 sentences
    view = tokenize(text)  # the engine passes the article's tokens, made once
    started = time.perf_counter()
    n = len(split_sentences(text, "de", view))
    elapsed = time.perf_counter() - started
    assert n == 8000 == len(split_sentences(text, "de"))
    assert n / elapsed > 20_000  # the target is 50,000/s; leave room for slow CI machines
