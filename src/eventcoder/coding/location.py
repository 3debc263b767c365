"""Where an event happened: a place in its clause or sentence, else the dateline, else the
article's main place; the country is filled from the article's main country when unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eventcoder.model import PLACE_PRECISION, Location

PLACE_PREPS = frozenset({"in", "im", "nach", "bei", "at", "into", "near", "to"})
ORIGIN_PREPS = frozenset({"aus", "from", "von"})
_DATELINE_AFTER = re.compile(r"\s*(\(|–|—|-|,|:|/)")


@dataclass
class ArticlePlaces:
    """Places of one article: every place mention, the dateline and the main place/country."""

    places: list[Any]  # knowledge mentions of kind "place" (absolute offsets)
    countries: list[Any]  # country mentions (absolute offsets)
    dateline: Any | None
    main_place: Any | None
    main_country: str | None
    ranked: tuple[str, ...] = ()  # the article's countries, most mentioned first
    confidence: dict[tuple[int, int], float] = field(default_factory=dict)  # per place span
    geo: Any = None  # the article's ArticleGeo (``eventcoder.knowledge.geoparse``) with a kb


def article_places(text: str, mentions: Sequence[Any], kb: Any = None,
                   lang: str | None = None) -> ArticlePlaces:
    """The article's places. With ``kb``, names are resolved in context and kept only when
    they are places by evidence (``eventcoder.knowledge.geoparse``); a capital after a
    locative preposition ("in Moskau") is the city."""
    conf: dict[tuple[int, int], float] = {}
    geo = None
    if kb is not None:
        from eventcoder.knowledge.geoparse import geoparse

        geo = geoparse(kb, text, lang, mentions)
        conf = geo.confidence
        keep = {(m.start, m.end) for m in geo.toponyms}
        mentions = [m for m in geo.resolved if m.kind != "place" or (m.start, m.end) in keep]
    places = [m for m in mentions if m.kind == "place" or _capital_as_place(text, m, lang)]
    countries = [m for m in mentions if m.kind == "country" and m not in places]
    dateline = None
    for m in places:
        if m.start > 300:
            break
        line_start = text.rfind("\n", 0, m.start) + 1
        if m.start - line_start <= 3 and _DATELINE_AFTER.match(text, m.end):
            dateline = m
            break
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.country and len(m.country) == 3 and m.country.isalpha() and m.country.isupper():
            counts[m.country] += 2 if m.kind in ("place", "country") else 1
    main_country = counts.most_common(1)[0][0] if counts else None
    by_name = Counter(m.name or m.text for m in places)
    main_place = None
    if by_name:
        top = by_name.most_common(1)[0][0]
        main_place = next(m for m in places if (m.name or m.text) == top)
    if dateline is not None and dateline.country:
        main_country = main_country or dateline.country
    ranked = tuple(c for c, _ in counts.most_common())
    return ArticlePlaces(places, countries, dateline, main_place, main_country, ranked, conf,
                         geo)


def _capital_as_place(text: str, m: Any, lang: str | None) -> bool:
    """A capital named as where something happens ("in Moskau"): the city, not the state."""
    if m.kind != "country" or not getattr(m, "place_name", None) or m.precision != "city":
        return False
    if m.locative:
        return True
    from eventcoder.knowledge.toponyms import is_locative

    return is_locative(text, m.start, lang)


def _origin(text: str, start: int, lo: int) -> bool:
    """A place named as where somebody comes from ("Truppen aus Iwanowo und Uljanowsk",
    "troops from X")."""
    for word in reversed(text[max(lo, start - 60) : start].split()):
        w = word.strip(",").lower()
        if w in ORIGIN_PREPS:
            return True
        if not (w in ("und", "and", "sowie", "oder", "or") or word[:1].isupper()):
            return False
    return False


def to_location(m: Any, precision: str | None = None) -> Location:
    """A mention as a location; a capital is its city (``precision`` city), never the country."""
    capital = m.kind == "country" and getattr(m, "place_name", None) \
        and getattr(m, "precision", None) == "city" and getattr(m, "lat", None) is not None
    if capital:
        precision = "city"
    precision = precision or getattr(m, "precision", None) or "city"
    if precision not in PLACE_PRECISION:  # a precision the output schema does not know
        precision = "admin1"
    return Location(
        text=m.text,
        name=(m.place_name if capital else None) or m.name or m.text,
        country=m.country,
        admin1=getattr(m, "admin1", None),
        lat=getattr(m, "lat", None),
        lon=getattr(m, "lon", None),
        geonameid=getattr(m, "geonameid", None),
        precision=precision,
        start=m.start,
        end=m.end,
    )


def locate(
    ap: ArticlePlaces,
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    actor_spans: set[tuple[int, int]],
) -> Location | None:
    """The event's location given its clause and sentence (character spans)."""
    for lo, hi in (clause, sentence):
        inside = [m for m in ap.places if lo <= m.start < hi and not _origin(text, m.start, lo)]
        if inside:
            return to_location(inside[0])
    lo, hi = clause
    for m in ap.countries:
        if lo <= m.start < hi and (m.start, m.end) not in actor_spans:
            before = text[max(lo, m.start - 6) : m.start].split()
            if before and before[-1].lower() in PLACE_PREPS:
                return to_location(m, "country")
    for m in ap.countries:
        if lo <= m.start < hi:
            before = text[max(lo, m.start - 6) : m.start].split()
            if before and before[-1].lower() in PLACE_PREPS:
                return to_location(m, "country")
    if ap.dateline is not None:
        return to_location(ap.dateline)
    if ap.main_place is not None and (
        ap.main_country is None or ap.main_place.country == ap.main_country
    ):
        return to_location(ap.main_place)
    if ap.main_country:
        return Location(country=ap.main_country, precision="country")
    return None
