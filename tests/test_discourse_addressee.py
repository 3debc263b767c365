"""A speaker goes on addressing the party of their last act (coding/elaboration.py)."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.model import Article

CASES = {
    "de": ("Außenminister John Kerry traf am Montag in Havanna Vertreter der kubanischen "
           "Regierung. Danach forderte Kerry mehr Pressefreiheit.",
           "Außenminister John Kerry besuchte am Montag eine Schule in Boston. Danach forderte "
           "Kerry mehr Pressefreiheit."),
    "en": ("Secretary of State John Kerry met Cuban government officials in Havana on Monday. "
           "Later Kerry demanded more press freedom.",
           "Secretary of State John Kerry visited a school in Boston on Monday. Later Kerry "
           "demanded more press freedom."),
}


def request_target(text: str, lang: str) -> tuple[list[str | None], list[int | None]]:
    events = get_coder().code(Article(id="t", text=text, lang=lang, published="2024-03-05"))
    (req,) = [e for e in events if e.type == "REQUEST"]
    return [a.country for a in req.target], [a.start for a in req.target]


@pytest.mark.parametrize("lang", sorted(CASES))
def test_demand_takes_the_partner_of_the_same_speakers_last_act(lang: str) -> None:
    continued, alone = CASES[lang]
    countries, starts = request_target(continued, lang)
    assert countries == ["CUB"] and starts == [None]  # inferred: no offsets
    assert request_target(alone, lang)[0] == ["USA"]  # no partner before: his own authorities

