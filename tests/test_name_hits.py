"""refs._name_hits finds the surnames a pattern r"\b(names)s?\b" would find, without one."""

import re

import pytest

from eventcoder.coding.refs import _name_hits

CASES = [
    ("Brandt sagte, Brandts Plan sei gut; Brandtner widersprach.", ["Brandtner", "Brandt"]),
    ("Kolb und Kolbe trafen Kolbes Team in Kolbenheim.", ["Kolbe", "Kolb"]),
    ("Anti-Kolb-Demo, Kolb_x und Kolb9 zählen nicht, Kolb. schon.", ["Kolb"]),
    ("Meier’s Antwort kam von O'Neal und O'Neals Büro.", ["O'Neal", "Meier"]),
    ("Lindss Lind Linds", ["Lind"]),
    ("", ["Lind"]),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_same_hits_as_the_regex(text: str, names: list[str]) -> None:
    pattern = r"\b(" + "|".join(re.escape(n) for n in names) + r")s?\b"
    expected = [(m.start(), m.end(), m.group(1)) for m in re.finditer(pattern, text)]
    assert _name_hits(text, names) == expected


def test_genitive_and_longest_name_first() -> None:
    text = "Kolbe kam, Kolbes Rede folgte, dann Kolb."
    hits = _name_hits(text, ["Kolbe", "Kolb"])
    assert [text[s:e] for s, e, _n in hits] == ["Kolbe", "Kolbes", "Kolb"]
    assert [n for _s, _e, n in hits] == ["Kolbe", "Kolbe", "Kolb"]
    assert _name_hits("Kolbenheim", ["Kolbe", "Kolb"]) == []  # inside a longer word: no hit
