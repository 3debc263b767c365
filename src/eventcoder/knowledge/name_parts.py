"""Country names that are parts of a person's name ("Michael Jordan", "Chad Wolf").

A one-word country mention right after a given name, or a country name that is itself a
given name right before a surname (``given_names.txt``/``first_names.txt`` and
``surnames.txt``), is read as a person, not as the country: the person's nationality is not
known from the name, so the mention has no country.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache

from eventcoder.knowledge.lexicon import DATA_DIR
from eventcoder.knowledge.mention import Mention

_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][\w'’-]+) $")
_WORD_AFTER = re.compile(r" ([A-ZÄÖÜ][\w'’-]+)")


def people_named_like_countries(text: str, mentions: Sequence[Mention],
                                given: Collection[str], surnames: Collection[str]
                                ) -> list[Mention]:
    """``mentions`` with such country mentions replaced by person mentions."""
    starts = {m.start for m in mentions}
    ends = {m.end for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "country" and m.form == "name" and " " not in m.text:
            person = _person(text, m, given, surnames, starts, ends)
            if person is not None:
                out.append(person)
                continue
        out.append(m)
    return out


def _person(text: str, m: Mention, given: Collection[str], surnames: Collection[str],
            starts: set[int], ends: set[int]) -> Mention | None:
    before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is not None and before.group(1) in given and before.end(1) not in ends:
        a, b = before.start(1), m.end  # "Michael Jordan"
    else:
        after = _WORD_AFTER.match(text, m.end)
        if after is None or m.text not in given_names() or after.group(1) not in surnames \
                or after.start(1) in starts:
            return None
        a, b = m.start, after.end(1)  # "Chad Wolf"
    return Mention(a, b, text[a:b], "person", name=text[a:b], form="name")


@cache
def given_names() -> frozenset[str]:
    """Every given name of ``given_names.txt``, country names among them ("Chad", "Jordan")."""
    lines = (DATA_DIR / "given_names.txt").read_text("utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))
