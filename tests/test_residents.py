"""Residents named with the country they live in (knowledge/residents.py); our own sentences."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def sources(coder, text: str, lang: str = "en") -> list[tuple[str, str | None]]:
    events = coder.code(Article(text=text, lang=lang, published="2024-03-05"))
    return [(a.text, a.country) for e in events for a in e.source]


def test_a_demonym_of_residents_takes_the_country_they_live_in(coder) -> None:
    assert sources(coder, "Kurds in northern Syria protested against Turkey.") == [
        ("Kurds", "SYR")]
    assert sources(coder, "The Hungarians of southern Slovakia demanded more schools.") == [
        ("Hungarians", "SVK")]
    assert sources(coder, "Albaner im Kosovo protestierten gegen die Regierung.", "de") == [
        ("Albaner", "XKX")]


def test_the_nation_itself_and_its_forces_keep_their_country(coder) -> None:
    assert sources(coder, "Hungarian police arrested two men in Slovakia.") == [
        ("Hungarian police", "HUN")]
    assert sources(coder, "Hungarians protested against the new tax.") == [
        ("Hungarians", "HUN")]


def test_an_ethnic_minority_without_a_place_takes_the_place_of_the_event(coder) -> None:
    assert sources(coder, "About 300 ethnic Hungarians rallied on Sunday in Slovakia.") == [
        ("Hungarians", "SVK")]
