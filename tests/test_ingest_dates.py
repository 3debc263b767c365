"""Publication dates: conventions per language and datelines at the top of a text."""

from __future__ import annotations

import pytest

from eventcoder.ingest.dates import find_dateline, parse_date


@pytest.mark.parametrize(
    "raw,lang,iso",
    [
        ("06/01/22", "de", "2022-01-06"),  # German: day first
        ("06/01/22", "en", "2022-06-01"),  # English: month first
        ("13/01/22", "en", "2022-01-13"),  # ... unless impossible
        ("06.01.2022", "en", "2022-01-06"),  # dotted: day first everywhere
        ("2022-01-06", "de", "2022-01-06"),
        ("2022-01-06T23:10:00+01:00", "en", "2022-01-06"),
        ("6. Januar 2022", "de", "2022-01-06"),
        ("6. Jänner 2022", "de", "2022-01-06"),
        ("Donnerstag, 6. Jan. 2022", "de", "2022-01-06"),
        ("January 6, 2022", "en", "2022-01-06"),
        ("Friday, January 4, 2019", "en", "2019-01-04"),
        ("Sept. 3rd, 2021", "en", "2021-09-03"),
        ("4 March 2020", "en", "2020-03-04"),
        ("Wed, 05 Jan 2022 10:00:00 GMT", "en", "2022-01-05"),
        ("31/02/22", "de", None),
        ("no date here", "en", None),
    ],
)
def test_parse_date(raw, lang, iso):
    assert parse_date(raw, lang) == iso


def test_dateline_on_its_own_line():
    text = "Unruhen im Norden\n\n(Von Jan Beispiel)\n06/01/22\n\nIm Norden kam es zu Unruhen.\n"
    found = find_dateline(text, "de")
    assert found.iso == "2022-01-06" and found.raw == "06/01/22"
    assert text[found.start : found.end] == "06/01/22"


def test_dateline_opening_a_paragraph():
    text = (
        "BERLIN, 6. Januar 2022 (dpa) – Die Koalition hat sich nach langen Verhandlungen "
        "auf einen Haushalt für das kommende Jahr geeinigt."
    )
    assert find_dateline(text, "de").iso == "2022-01-06"


def test_date_inside_a_sentence_is_no_dateline():
    text = (
        "Officials said the talks, which began on January 6, 2022 in the capital, had "
        "failed to produce any agreement on the border question.\n"
    )
    assert find_dateline(text, "en") is None


def test_dateline_only_in_the_first_lines():
    text = "".join(f"Line {i} of the story goes on here.\n" for i in range(10))
    assert find_dateline(text + "March 3, 2020\n", "en") is None
    assert find_dateline("Headline\nMarch 3, 2020\n" + text, "en").iso == "2020-03-03"


@pytest.mark.parametrize(
    "line,iso",
    [
        ("Wahl am 3. März 2024 entschieden\n", None),  # a headline, not a dateline
        ("Gebühren entfallen ab 15. Juni 2017\n", None),
        ("Veröffentlicht am 06.01.2022\n", "2022-01-06"),
        ("Stand: 06.01.2022, 10:15 Uhr\n", "2022-01-06"),
        ("Published on March 5, 2024\n", "2024-03-05"),
    ],
)
def test_what_counts_as_a_dateline(line, iso):
    found = find_dateline(line + "Der Text beginnt hier und geht weiter.\n", "de")
    assert (found.iso if found else None) == iso
