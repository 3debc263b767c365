"""Place helpers of the rule-based NER (``eventcoder.knowledge.ner``): the town list,
numbered roads and places in lists.

A numbered road ("die A 7", "der B27", "Autobahn A 113") is a named place: a road prefix
(``road_prefixes`` of ``ner_rules.yaml``) with a number, after a determiner, a preposition
or a road word (``road_words``). One or two digits ("der A 7"); three only after a road word,
since "der A380" is rather an aircraft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache

_NUMBER = re.compile(r"^\d{1,3}\.?$")
_JOINED = re.compile(r"^([^\W\d_]+)(\d{1,3})\.?$")


@lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """Names of towns with 500+ inhabitants (GeoNames), for "in/nach/aus + town"."""
    import gzip

    from eventcoder.knowledge.lexicon import DATA_DIR

    with gzip.open(DATA_DIR / "town_names.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(s.rstrip("\n") for s in f if not s.startswith("#"))


def numbered_roads(tokens: list[str], prefixes: Collection[str], before: Collection[str],
                   road_words: Collection[str]) -> Iterator[tuple[int, int]]:
    """Token spans of numbered roads; ``before``: the lower-cased words a road may follow."""
    for i in range(1, len(tokens)):
        prev = tokens[i - 1]
        joined = _JOINED.match(tokens[i])
        if joined and joined.group(1) in prefixes:
            end, digits = i + 1, joined.group(2)
        elif tokens[i] in prefixes and i + 1 < len(tokens) and _NUMBER.match(tokens[i + 1]):
            end, digits = i + 2, tokens[i + 1].rstrip(".")
        else:
            continue
        if prev in road_words or (len(digits) <= 2 and prev.lower() in before):
            yield i, end


_LINK_MARKS = frozenset({",", "−", "–", "-"})
_END_MARKS = frozenset({".", ")", ";", ":"})


def listed_places(tokens: list[str], found: set[tuple[int, int, str]], taken: set[int],
                  name_like: Callable[[str], bool], link_words: Collection[str]
                  ) -> Iterator[tuple[int, int, str]]:
    """One-word list items next to a place in the list ("Abend , Beispielort , Morgen"):
    an untagged ``name_like`` word between list links (commas, dashes, ``link_words``)
    whose neighbour item is a place."""
    links = _LINK_MARKS | frozenset(link_words)
    ends_item = links | _END_MARKS
    starts = {s for s, _e, label in found if label == "LOC"}
    ends = {e for _s, e, label in found if label == "LOC"}
    n = len(tokens)
    for i in range(1, n - 1):
        if i in taken or tokens[i - 1] not in links or tokens[i + 1] not in ends_item:
            continue
        if (i - 1 in ends or i + 2 in starts) and name_like(tokens[i]):
            yield i, i + 1, "LOC"
