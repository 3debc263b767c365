"""Country names inside person names (knowledge/name_parts.py)."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article


def source(text: str) -> list[tuple[str, str | None]]:
    (ev,) = get_coder().code(Article(id="t", text=text, lang="en", published="2024-03-05"))
    return [(a.text, a.country) for a in ev.source]


@pytest.mark.parametrize(("text", "expected"), [
    ("Senator Chad Wolf criticized the protesters.", "Chad Wolf"),
    ("Coach Michael Jordan praised the team.", "Michael Jordan"),
])
def test_a_country_name_inside_a_person_name_is_the_person(text: str, expected: str) -> None:
    assert source(text) == [(expected, None)]  # the name says nothing of a nationality


def test_a_country_name_alone_is_the_country() -> None:
    assert source("Jordan criticized Israel on Monday.") == [("Jordan", "JOR")]
    assert ("Chad", "TCD") in source("Chad criticized Libya on Monday.")


def test_an_english_title_takes_the_unknown_name_after_it() -> None:
    text = ("Egyptian Foreign Minister Sameh Shoukry and Greek Foreign Minister Nikos Dendias "
            "criticized Turkey on Wednesday.")
    assert source(text) == [("Egyptian Foreign Minister Sameh Shoukry", "EGY"),
                            ("Greek Foreign Minister Nikos Dendias", "GRC")]
