"""The one loader of language data files: header, licence, columns, missing files."""

from __future__ import annotations

import pytest

from eventcoder.language import data

SPEC = data.SPECS["numbers.tsv"]
HEAD = "# Numbers for a test. Written for eventcoder (Apache-2.0).\nword\tvalue\tkind\n"


def test_rows_are_padded_and_stripped() -> None:
    rows = data.parse_table(HEAD + "eins \t1\tnum\nzwei\t2\n", "t.tsv", SPEC)
    assert rows == [("eins", "1", "num"), ("zwei", "2", "")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word\tvalue\tkind\neins\t1\tnum\n", r"t.tsv:1: the header must name"),
        ("# Apache-2.0\nwort\twert\nx\t1\n", r"t.tsv:2: expected the header row"),
        (HEAD + "eins\t1\tnum\textra\n", r"t.tsv:3: 4 columns, at most 3"),
        (HEAD + "eins\n", r"t.tsv:3: expected word<TAB>value"),
    ],
)
def test_bad_files_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(data.DataFileError, match=message):
        data.parse_table(text, "t.tsv", SPEC)


def test_users_files_need_no_licence_nor_header() -> None:
    rows = data.parse_rows("eins\t1\tnum\n", "mine.tsv", SPEC, bundled=False, require_header=False)
    assert rows == [(1, ("eins", "1", "num"))]


def test_missing_files_and_unknown_languages_read_as_empty() -> None:
    assert data.read_table("de", "no_such_file.tsv", SPEC) == []
    assert data.read_table("zz", "numbers.tsv") == []
    assert data.word_list("de", "no_such_list") == ()
    assert data.word_list("de", "suffix_genitive") == ("s", "es", "er")
    assert "by" in data.word_classes("en", "grammar.tsv")["agent"]
