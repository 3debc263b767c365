"""Date mentions: absolute and relative expressions resolved against the publication date."""

import pytest

from eventcoder.coding.temporal import find_dates


def one(text, lang, published):
    found = find_dates(text, lang, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.text
    return d.text, d.date, d.precision


# 2023-03-09 is a Thursday.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Kundgebung fand heute statt.", ("heute", "2023-03-09", "day")),
        ("Gestern blieb es ruhig.", ("Gestern", "2023-03-08", "day")),
        ("Das war vorgestern.", ("vorgestern", "2023-03-07", "day")),
        ("Der Streik beginnt morgen.", ("morgen", "2023-03-10", "day")),
        ("Am Dienstag blockierten Bauern die Straße.", ("Dienstag", "2023-03-07", "day")),
        ("Am Donnerstag kam es zu Protesten.", ("Donnerstag", "2023-03-09", "day")),
        ("Am Freitag kam es zu Protesten.", ("Freitag", "2023-03-03", "day")),
        ("Am Sonntagabend fielen Schüsse.", ("Sonntagabend", "2023-03-05", "day")),
        ("Letzten Donnerstag wurde gestreikt.", ("Letzten Donnerstag", "2023-03-02", "day")),
        ("Vergangene Woche gab es Streit.", ("Vergangene Woche", "2023-02-27", "week")),
        ("Anfang Februar begann der Streik.", ("Anfang Februar", "2023-02", "month")),
        ("Die Wahl ist im Oktober.", ("Oktober", "2022-10", "month")),
        ("Das Treffen war am 2. Februar 2021.", ("2. Februar 2021", "2021-02-02", "day")),
        ("Das Treffen war am 14. November.", ("14. November", "2022-11-14", "day")),
        ("Die Frist endete am 28.02.2023.", ("28.02.2023", "2023-02-28", "day")),
        ("Die Frist endete am 1.3.23 um Mitternacht.", ("1.3.23", "2023-03-01", "day")),
        ("Seit 2019 regiert die Koalition.", ("2019", "2019", "year")),
        ("Im vergangenen Jahr gab es Wahlen.", ("vergangenen Jahr", "2022", "year")),
    ],
)
def test_german(text, expected):
    assert one(text, "de", "2023-03-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed today.", ("today", "2023-03-09", "day")),
        ("Yesterday the army withdrew.", ("Yesterday", "2023-03-08", "day")),
        ("Strikes began on Monday.", ("Monday", "2023-03-06", "day")),
        ("Strikes began last Thursday.", ("last Thursday", "2023-03-02", "day")),
        ("Talks will resume next Tuesday.", ("next Tuesday", "2023-03-14", "day")),
        ("Clashes erupted last week.", ("last week", "2023-02-27", "week")),
        ("Earlier this month the talks failed.", ("Earlier this month", "2023-03", "month")),
        ("The vote took place on February 26.", ("February 26", "2023-02-26", "day")),
        ("The vote took place on Feb. 26.", ("Feb. 26", "2023-02-26", "day")),
        ("The vote took place on 26 February 2021.", ("26 February 2021", "2021-02-26", "day")),
        ("The vote took place on May 4, 2020.", ("May 4, 2020", "2020-05-04", "day")),
        ("The vote is due in July.", ("July", "2022-07", "month")),
        ("Unrest has grown since 2017.", ("2017", "2017", "year")),
        ("The ceasefire lasted until last year.", ("last year", "2022", "year")),
    ],
)
def test_english(text, expected):
    assert one(text, "en", "2023-03-09") == expected


def test_weekday_followed_by_a_written_date_uses_the_date():
    text = "Am Mittwoch, dem 2. November, eskalierte die Lage."
    assert one(text, "de", "2022-11-03") == ("Mittwoch, dem 2. November", "2022-11-02", "day")
    text = "Fighting resumed on Friday, 4 November, near the airport."
    assert one(text, "en", "2022-11-07")[1:] == ("2022-11-04", "day")


def test_year_rollover():
    # published early January: December is last year, a weekday goes back across New Year
    assert one("Am 30. Dezember fielen Schüsse.", "de", "2024-01-02")[1] == "2023-12-30"
    assert one("On Friday rebels attacked.", "en", "2024-01-02")[1] == "2023-12-29"
    assert one("Im Dezember gab es Streiks.", "de", "2024-01-02")[1] == "2023-12"
    assert one("Letzte Woche gab es Streiks.", "de", "2024-01-03")[1] == "2023-12-25"
    assert one("Last month the talks failed.", "en", "2024-01-15")[1] == "2023-12"


def test_several_mentions_have_offsets():
    text = "Gestern und am 3. Mai 2022 sowie im Jahr 2020."
    found = find_dates(text, "de", "2023-03-09")
    assert [(d.text, d.precision) for d in found] == [
        ("Gestern", "day"),
        ("3. Mai 2022", "day"),
        ("2020", "year"),
    ]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_without_publication_date_relative_dates_are_skipped():
    text = "Gestern, am Montag und letzte Woche, aber auch am 5. Juni 2021."
    assert [d.text for d in find_dates(text, "de", None)] == ["5. Juni 2021"]
    assert find_dates("Am 14. November war es ruhig.", "de", None) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Am Morgen zogen die Demonstranten los.", "de"),
        ("Rund 1.200 Menschen demonstrierten.", "de"),
        ("Police may march the suspects out.", "en"),
        ("About 2000 people gathered at the square.", "en"),
    ],
)
def test_no_false_dates(text, lang):
    assert find_dates(text, lang, "2023-03-09") == []


def test_slashed_dates():
    assert one("Bern, 04/03/23 – Die Regierung tagte.", "de", "2023-03-04")[1] == "2023-03-04"
    # English: the reading nearest to the publication date
    assert one("Posted 03/04/2023 by the editors.", "en", "2023-03-05")[1] == "2023-03-04"
    assert one("Posted 03/04/2023 by the editors.", "en", "2023-04-02")[1] == "2023-04-03"


def test_bad_publication_date_counts_as_missing():
    assert [d.text for d in find_dates("Gestern, am 5. Juni 2021.", "de", "06/01/22")] == [
        "5. Juni 2021"
    ]
    assert one("Heute", "de", "2022-01-06T09:30:00+01:00")[1] == "2022-01-06"
