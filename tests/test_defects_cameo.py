"""Defects on real articles: AGREE/THREATEN/REJECT carry a CAMEO code of their own root."""

import pytest

from eventcoder.coding import get_coder
from eventcoder.coding.crosswalk import cameo_to_plover, own_code
from eventcoder.model import Article


@pytest.mark.parametrize(
    ("ptype", "mentioned", "expected"),
    [
        ("THREATEN", "190", "138"),  # threatened to attack
        ("THREATEN", "145", "133"),  # threatened to protest
        ("AGREE", "046", "036"),  # agreed to hold talks
        ("AGREE", "0871", "035"),  # agreed to a truce (yield)
        ("REJECT", "043", "125"),  # refused to meet
    ],
)
def test_mentioned_act_gives_own_root(ptype, mentioned, expected):
    code = own_code(ptype, mentioned)
    assert code == expected
    assert cameo_to_plover(code).type == ptype


def test_own_codes_and_other_types_are_kept():
    assert own_code("THREATEN", "1384") == "1384"
    assert own_code("AGREE", "057") == "057"
    assert own_code("ASSAULT", "190") == "190"
    assert own_code("CONSULT", "046") == "046"
    assert own_code("AGREE", None) is None


def _events(text):
    return get_coder().code(Article(id="t", text=text, lang="en", published="2025-03-04"))


def test_agree_to_talks_is_not_coded_as_consult_root():
    (agree,) = [e for e in _events("Chile and Peru agreed to hold talks on the border.")]
    assert agree.type == "AGREE"
    assert agree.cameo.startswith("03")
    consult = [e for e in _events("Chile and Peru held talks on the border.")]
    assert [e.type for e in consult] == ["CONSULT"]
    assert consult[0].cameo.startswith("04")  # the positive twin keeps the act's own root
