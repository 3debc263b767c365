"""One suite for every registered language: data files, coding, segmentation, numbers, dates;
and a toy language added from data files and a Language subclass alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventcoder.coding.engine import EventCoder
from eventcoder.coding.numbers import find_casualties
from eventcoder.coding.temporal import find_dates, month_names
from eventcoder.language import data, registry
from eventcoder.language.base import Language
from eventcoder.language.segment import split_sentences
from eventcoder.model import Article

LANGS = registry.languages()

# (sentence, PLOVER type) per language: our own example sentences
EXAMPLES = {
    "de": ("Die Polizei nahm am Montag in Minsk 40 Demonstranten fest.", "COERCE"),
    "en": ("Police arrested 40 protesters in Minsk on Monday.", "COERCE"),
    "es": ("La policía detuvo a 40 manifestantes en Minsk el lunes.", "COERCE"),
}
COUNTS = {
    "de": ("Bei dem Angriff wurden 14 Menschen getötet.", "dead", 14),
    "en": ("At least 14 people were killed in the attack.", "dead", 14),
    "es": ("Al menos 14 personas murieron en el ataque.", "dead", 14),
}


def _example(table: dict, lang: str):
    if lang not in table:
        pytest.skip(f"no example sentence for {lang!r} yet")
    return table[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_data_files_load_and_validate(lang: str) -> None:
    found = data.validate(lang)
    assert found, f"{lang} ships no data file"
    for name in found:
        assert data.read_table(lang, name), f"{lang}/{name} has no rows"


@pytest.mark.parametrize("lang", LANGS)
def test_language_class_answers_the_hooks(lang: str) -> None:
    language = registry.get(lang)
    assert language.code == lang and language.name
    from eventcoder.coding.components import components_for
    from eventcoder.coding.predicates import FILTERS

    assert components_for(language.pipeline)
    assert all(f in FILTERS for f in language.trigger_filters)


@pytest.mark.parametrize("lang", LANGS)
def test_a_sentence_is_coded_into_its_type(lang: str) -> None:
    text, ptype = _example(EXAMPLES, lang)
    if not registry.get(lang).has_data("triggers.tsv"):
        pytest.skip(f"{lang!r} has no trigger lexicon yet")
    events = EventCoder().code(Article(text=text, lang=lang, published="2024-05-08"))
    assert ptype in [e.type for e in events]
    # the twin: a sentence without an event word gives none
    assert EventCoder().code(Article(text="1234 5678.", lang=lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_segmentation_splits_two_sentences(lang: str) -> None:
    text = "Alpha Beta Gamma. Delta Epsilon Zeta."
    assert split_sentences(text, lang) == [(0, 17), (18, 37)]
    assert split_sentences("Alpha Beta Gamma Delta.", lang) == [(0, 23)]


@pytest.mark.parametrize("lang", LANGS)
def test_numbers(lang: str) -> None:
    text, category, value = _example(COUNTS, lang)
    found = find_casualties(text, lang)
    assert getattr(found, category) == value
    assert find_casualties("Alpha Beta.", lang).dead is None


@pytest.mark.parametrize("lang", LANGS)
def test_dates_from_the_month_names_of_the_data(lang: str) -> None:
    months = [m for m in month_names(lang) if len(m) > 3]
    if not months:
        pytest.skip(f"{lang!r} has no month names")
    language = registry.get(lang)
    month = months[0].capitalize()
    day = "3." if language.ordinal_dot_dates else "3"
    found = find_dates(f"{day} {month} 2022", lang, "2022-12-20")
    assert found and found[0].precision == "day" and found[0].date.startswith("2022-")
    assert found[0].date.endswith("-03")
    assert find_dates("Alpha Beta.", lang, "2022-12-20") == []


# -- a toy language from data files and a Language subclass alone -----------------------------

TOY_TRIGGERS = """# Toy language triggers for a test. Written for eventcoder (Apache-2.0).
pattern\ttype\tmode\tcameo\tframe
zapt|zapten\tASSAULT\t\t190\tsubj>obj
"""
TOY_GRAMMAR = """# Toy word classes for a test. Written for eventcoder (Apache-2.0).
preposition\tin
conjunction\tund
"""


@pytest.fixture
def toy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pkg = tmp_path / "toylang_xq"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "triggers.tsv").write_text(TOY_TRIGGERS, encoding="utf-8")
    (pkg / "grammar.tsv").write_text(TOY_GRAMMAR, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    class Toy(Language):
        code = "xq"
        name = "Toy"
        package = "toylang_xq"

    registry.register(Toy)
    yield registry.get("xq")
    registry.unregister("xq")
    sys.modules.pop("toylang_xq", None)


def test_a_toy_language_codes_a_sentence_from_data_alone(toy_language: Language) -> None:
    assert "xq" in registry.languages()
    assert data.validate("xq") == ["triggers.tsv", "grammar.tsv"]
    coder = EventCoder()
    text = "Wladimir Putin zapten Selenskyj."  # person names are the same in every language
    events = coder.code(Article(text=text, lang="xq", published="2024-05-08"))
    assert [e.type for e in events] == ["ASSAULT"]
    ev = events[0]
    assert [a.country for a in ev.source] == ["RUS"]
    assert [a.country for a in ev.target] == ["UKR"]
    # optional files it lacks are empty features, not crashes
    assert find_dates("3 Alpha 2022", "xq", "2022-12-20")[0].precision == "year"
    assert find_casualties("14 Alpha.", "xq").dead is None
    # the twin: without its trigger word nothing is coded
    assert coder.code(Article(text="Wladimir Putin sah Selenskyj.", lang="xq")) == []


def test_a_toy_language_with_a_bad_data_file_names_file_and_line(
    toy_language: Language, tmp_path: Path
) -> None:
    bad = tmp_path / "toylang_xq" / "numbers.tsv"
    bad.write_text("# Toy numbers. Written for eventcoder (Apache-2.0).\nwrong\theader\n", "utf-8")
    with pytest.raises(data.DataFileError, match=r"xq/numbers.tsv:2: expected the header row"):
        data.validate("xq")
    bad.unlink()
    assert data.validate("xq") == ["triggers.tsv", "grammar.tsv"]
