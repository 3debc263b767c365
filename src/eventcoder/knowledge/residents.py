"""People of a nation named with the country they live in take that country.

"Ethnic Albanians in south Serbia", "the Kurds of Syria", "Albaner im Kosovo": a demonym
(a nation's adjective used as a noun) followed by a preposition of residence (``resident_of``
in ``wordlists.tsv``), optional words of direction (``resident_direction``) and a country or
place is a group (kind ``actor``) of that country's residents, as CAMEO and PLOVER code ethnic groups. A demonym
after a word of ``ethnic`` with no such phrase ("ethnic Turks") names a minority whose country
the text does not give: the mention becomes a group (kind ``actor``) without a country, so the
event's place decides, as for a bare role.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cache

from eventcoder.knowledge.mention import Mention
from eventcoder.language import data, registry


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(gap between demonym and place, word before an ethnic demonym) for ``lang``."""
    language = registry.get_or_default(lang)

    def alt(name: str) -> str:
        return "|".join(re.escape(w) for w in data.word_list(language, name))

    preps, directions, ethnic = alt("resident_of"), alt("resident_direction"), alt("ethnic")
    direction = rf"(?: (?:{directions}))?" if directions else ""
    gap = re.compile(rf" (?:{preps}){direction} ", re.IGNORECASE) if preps else None
    before = re.compile(rf"(?:^|\W)(?:{ethnic}) $", re.IGNORECASE) if ethnic else None
    return gap, before


def residents_of_countries(text: str, mentions: Sequence[Mention], lang: str) -> list[Mention]:
    """``mentions`` with demonyms of residents given the country they live in."""
    gap, ethnic = _patterns(lang)
    if gap is None and ethnic is None:
        return list(mentions)
    out = list(mentions)
    for i, m in enumerate(out):
        if m.form != "adj" or m.kind not in ("country", "place") or not m.text[:1].isupper():
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if gap is not None and nxt is not None and nxt.country \
                and nxt.kind in ("country", "place") and nxt.form != "adj" \
                and gap.fullmatch(text[m.end:nxt.start]):
            out[i] = dataclasses.replace(m, kind="actor", country=nxt.country, code=None,
                                         role=m.text)
        elif ethnic is not None and ethnic.search(text[max(0, m.start - 20):m.start]):
            out[i] = dataclasses.replace(m, kind="actor", country=None, code=None, role=m.text)
    return out
