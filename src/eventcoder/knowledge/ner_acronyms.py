"""Names defined with their acronym: "Bundesamt für Beispielwesen ( BfB )" names an
organisation, and so does its acronym (``eventcoder.knowledge.ner``).

The name is the shortest phrase before the bracket that starts with a capitalised word and
spells the acronym's letters in order ("Verband Deutscher Beispiele" for "VDB"): a
mechanism, not a list. The tagger gives these spans the priority of knowledge-base names:
a longer span wins, and on the same tokens a known place stays a place
("Vereinigte Beispielstaaten ( VBS )").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_WORDS = 8
_ACRONYM = re.compile(r"^[^\W\d_]{2,6}$")
_WORD = re.compile(r"^[^\W\d_][\w\-.'’]*$")


def _spells(phrase: list[str], acronym: str) -> bool:
    """The acronym's letters appear in order in the phrase, starting with its first letter."""
    text = "".join(phrase).lower()
    letters = acronym.lower()
    if not text.startswith(letters[0]):
        return False
    pos = 1
    for ch in letters[1:]:
        pos = text.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def defined_acronyms(tokens: list[str]) -> Iterator[tuple[int, int]]:
    """Token spans (start, end) of names followed by "( ACRONYM )", and of the acronyms."""
    for i in range(1, len(tokens) - 2):
        acronym = tokens[i + 1]
        if tokens[i] != "(" or tokens[i + 2] != ")" or not _ACRONYM.match(acronym):
            continue
        if sum(c.isupper() for c in acronym) < 2 and not acronym.islower():
            continue
        last = tokens[i - 1]
        if not (last[:1].isupper() and _WORD.match(last)):
            continue
        for j in range(i - 1, max(-1, i - 1 - MAX_WORDS), -1):
            if not _WORD.match(tokens[j]):
                break
            if tokens[j][:1].isupper() and _spells(tokens[j:i], acronym):
                if i - j > 1:  # one word is rather a term ("Beispielstoffe ( BS )")
                    yield j, i
                    yield i + 1, i + 2
                break
