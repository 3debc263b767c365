"""Geoparsing: find an article's toponyms and give every named place a point, in context.

``geoparse`` finds and resolves the toponyms of an article (``toponyms.resolve`` and
``toponyms.confirm``, plus place adjectives used as modifiers: ``place_demonyms.tsv``) and
sums up its geography in an :class:`ArticleGeo`: its countries, its
focus (the most mentioned town in its most mentioned state and country), the state its towns
are in and its main country. ``resolve_toponym`` then places one name of the article, by the
first of these that applies:

1. ``union``: an organisation placed like a territory ("EU"): its region's point;
2. ``mention``: the name's own resolved mention (a small town abroad in an article about one
   main country is an unlisted place of that country: the focus);
3. ``host``: a site named with the town it is in, right before or after it ("the Rialto
   Theatre in Tulsa", "Leeds's bus station"; words from ``place_cues.tsv``; needs the
   name's ``span``);
4. ``region``: a town of that name in the article's state ("Franklin" in a Tennessee story);
5. ``gazetteer``: the gazetteer with the article's countries as context (an unconfirmed
   village, or a small town abroad, is rather the focus); else ``division``: a county of
   that exact name in one of the article's countries ("Leicestershire");
6. ``inner``: a place named inside the name ("Manila Cathedral");
7. ``focus``: the article's focus; for an article that names no place, ``actors``: the
   country its actors are most often from ("Russian officials").

>>> from eventcoder.knowledge import load_knowledge_base
>>> kb = load_knowledge_base()
>>> text = "Flooding closed roads in Nashville and nearby Franklin, Tennessee."
>>> geo = geoparse(kb, text, "en")
>>> start = text.index("Franklin")
>>> r = resolve_toponym(kb, "Franklin", "en", geo.mention(start, start + 8), geo)
>>> (r.how, r.precision, round(r.lat))
('mention', 'city', 36)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventcoder.knowledge.lexicon import DATA_DIR, fold, read_tsv
from eventcoder.knowledge.mention import Mention
from eventcoder.knowledge.toponyms import (
    SMALL,
    candidates,
    confirm,
    cues,
    is_toponym,
    union_seat,
)
from eventcoder.knowledge.toponyms import resolve as resolve_mentions
from eventcoder.language import registry

FOREIGN_TOWN = 100_000  # a town abroad smaller than this is an unlisted namesake at home
FINE = {"city": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0}
# confidence of each way of resolving (the own mention uses the article resolution's margin)
CONFIDENCE = {"union": 0.9, "mention": 0.9, "region": 0.7, "gazetteer": 0.6,
              "division": 0.5, "host": 0.6, "inner": 0.5, "focus": 0.3, "actors": 0.2}

Point = tuple[float, float]


@dataclass(frozen=True)
class Resolution:
    """Where one toponym is: a point, its ``precision`` (city, admin2, admin1, country,
    region), a ``confidence`` in [0, 1] and ``how`` it was found (see the module)."""

    lat: float
    lon: float
    precision: str | None
    confidence: float
    how: str
    name: str | None = None
    country: str | None = None

    @property
    def point(self) -> Point:
        return self.lat, self.lon


@dataclass
class ArticleGeo:
    """An article's toponyms and its geography (what ``resolve_toponym`` uses as context)."""

    toponyms: list[Any]  # confirmed, resolved place mentions and place adjectives
    countries: list[str]  # the article's countries, most mentioned last
    focus: tuple[float, float, str | None] | None  # lat, lon, precision
    region: tuple[str, str] | None = None  # (country, admin1) of most of its towns
    main: str | None = None  # its main country (3+ toponyms, 60 %+)
    confidence: dict[tuple[int, int], float] = field(default_factory=dict)  # per span
    focus_how: str = "focus"  # "actors" when the focus is its actors' country
    resolved: list[Any] = field(default_factory=list)  # every mention, places re-chosen
    text: str = ""  # the article

    def mention(self, start: int, end: int) -> Any | None:
        """The toponym mention at exactly this span, or None."""
        for m in self.toponyms:
            if (m.start, m.end) == (start, end):
                return m
        return None


def geoparse(kb: Any, text: str, lang: str = "en", mentions: Sequence[Any] | None = None,
             dateline: Any | None = None) -> ArticleGeo:
    """The article's toponyms, resolved in context, and its geography. ``mentions``:
    knowledge-base mentions of ``text`` (default: ``kb.match`` without combining)."""
    raw = list(mentions) if mentions is not None else kb.match(text, lang, combine=False)
    resolved, conf = resolve_mentions(text, raw, kb, lang, dateline)
    found = confirm(text, resolved, kb, lang)
    focus, how = _focus(found, kb), "focus"
    if focus is None:
        point = actor_focus(raw, kb)
        focus, how = ((*point, "country") if point is not None else None), "actors"
    # place adjectives are toponyms, but no evidence for the article's geography
    extra = demonym_places(kb, text, resolved, lang)
    tops = sorted([*found, *extra], key=lambda m: m.start) if extra else found
    return ArticleGeo(tops, context_countries(found), focus, article_region(found),
                      main_country(found), conf, how, resolved, text)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_NO_NOUN = frozenset({"and", "or", "is", "was", "are", "were", "und", "oder", "y", "o"})


@cache
def _demonyms(code: str | None) -> tuple[dict[str, str], re.Pattern | None]:
    table = {r["adjective"]: r["place"] for r in read_tsv(DATA_DIR / "place_demonyms.tsv")
             if r["lang"] == code}
    if not table:
        return table, None
    names = sorted(table, key=len, reverse=True)
    return table, re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def demonym_places(kb: Any, text: str, mentions: Sequence[Any],
                   lang: str | None = "en") -> list[Any]:
    """Place adjectives of ``place_demonyms.tsv`` in modifier position ("a Korean carmaker",
    not "speaks Korean") outside every other mention, as mentions (form ``adj``) of the
    place they name: kind ``country`` for a country, else ``place``."""
    code = registry.get(lang).code if lang and registry.is_supported(lang) else None
    table, pattern = _demonyms(code)
    if pattern is None:
        return []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for hit in pattern.finditer(text):
        start, end = hit.span()
        nxt = _NEXT_WORD.match(text, end)
        if nxt is None or nxt.group(1).lower() in _NO_NOUN or not taken.isdisjoint(
                range(start, end)):
            continue
        loc = kb.geocode(table[hit.group()], code or "en")
        if loc is None or loc.lat is None:
            continue
        kind = "country" if loc.precision == "country" else "place"
        out.append(Mention(start, end, hit.group(), kind, loc.name, loc.country, lat=loc.lat,
                           lon=loc.lon, geonameid=loc.geonameid, admin1=loc.admin1,
                           precision=loc.precision, form="adj"))
    return out


def resolve_toponym(kb: Any, name: str, lang: str, mention: Any | None,
                    geo: ArticleGeo, span: tuple[int, int] | None = None) -> Resolution | None:
    """Where the toponym ``name`` (its confirmed ``mention``, or None when it was not
    recognised) of an article with geography ``geo`` is, or None (see the module).
    ``span``: its character offsets in the article, for the town a site is named with."""
    focus = _at_focus(geo)
    seat = union_seat(kb, mention) if mention is not None else None
    if seat is not None:  # "EU": the point of Europe
        return Resolution(seat[5], seat[6], "region", CONFIDENCE["union"], "union", seat[1])
    loc = mention.to_location() if mention is not None and is_toponym(mention) else None
    if loc is not None and geo.main and focus is not None and loc.country != geo.main \
            and loc.precision == "city" and mention.kind == "place" \
            and _populations(kb).get(loc.geonameid, 0) < FOREIGN_TOWN:
        return focus
    if loc is not None and loc.lat is not None:
        conf = geo.confidence.get((mention.start, mention.end), CONFIDENCE["mention"])
        return Resolution(loc.lat, loc.lon, loc.precision, conf, "mention", loc.name,
                          loc.country)
    host = _host(geo, span or ((mention.start, mention.end) if mention is not None else None),
                 lang)
    if host is not None:
        return host
    if geo.region is not None:  # a town of the article's state ("Franklin")
        eids = candidates(kb, name, lang) or kb.tables.stopped.get(fold(name), [])
        local = [kb.entries[e] for e in eids
                 if (kb.entries[e][2], kb.entries[e][8]) == geo.region]
        if local:
            best = max(local, key=lambda e: (e[9] == "city", e[12] or 0))
            return Resolution(best[5], best[6], best[9], CONFIDENCE["region"], "region",
                              best[1], best[2])
    loc = kb.geocode(name, lang, context=geo.countries)
    pop = _populations(kb).get(loc.geonameid, 0) if loc is not None else 0
    small = loc is not None and loc.precision == "city" and (
        pop < SMALL or (geo.main is not None and loc.country != geo.main and pop < FOREIGN_TOWN))
    if small and focus is not None:  # an unconfirmed village reading: the article's focus
        return focus
    how = "gazetteer"
    if loc is None:  # a county named alone ("Leicestershire") in one of the article's countries
        county = _division(kb, name, geo)
        if county is not None:
            return county
        inner = [m for m in confirm(name, kb.match(name, lang, context=geo.countries,
                                                   combine=False), kb, lang)
                 if m.lat is not None]
        if inner:  # "British Embassy Tokyo": the article's countries, the finest, the longest
            loc = max(inner, key=lambda m: (m.country in geo.countries or m.country is None,
                                            FINE.get(m.precision, 0), m.form != "adj",
                                            m.end - m.start)).to_location()
            how = "inner"
    if loc is not None and loc.lat is not None:
        return Resolution(loc.lat, loc.lon, loc.precision, CONFIDENCE[how], how, loc.name,
                          loc.country)
    return focus


_PHRASE_END = re.compile(r"\s*(?:[.,;:()\n]|$)")


def _host(geo: ArticleGeo, span: tuple[int, int] | None, lang: str) -> Resolution | None:
    """The town a site at ``span`` is named with: "X in Y", "X at Y", "X, Y" or "Y's X"
    (``host`` and ``host_of`` cues), when Y is a resolved town or county."""
    if span is None or not geo.text:
        return None
    code = registry.get(lang).code if registry.is_supported(lang) else None
    start, end = span
    for m in geo.toponyms:
        if m.lat is None or m.kind != "place" or m.precision not in ("city", "admin2"):
            continue
        if geo.main and m.country != geo.main:
            continue  # a town abroad is rather a misread namesake
        if end <= m.start <= end + 8:
            gap = geo.text[end:m.start].strip().lower()
            # "X, Y" only when Y ends the phrase ("the Odeon, Leeds."), not "X, Y said"
            linked = gap in cues("host", code) or gap == "," and _PHRASE_END.match(
                geo.text, m.end) is not None
        elif start - 3 <= m.end <= start:
            linked = geo.text[m.end:start].strip().lower() in cues("host_of", code)
        else:
            continue
        if linked:
            return Resolution(m.lat, m.lon, m.precision, CONFIDENCE["host"], "host", m.name,
                              m.country)
    return None


def _division(kb: Any, name: str, geo: ArticleGeo) -> Resolution | None:
    """A county too ambiguous to match in running text, named exactly, in a country of the
    article (the article's state first, then the biggest)."""
    eids = getattr(kb.tables, "divisions", {}).get(fold(" ".join(name.split())), [])
    local = [kb.entries[e] for e in eids if kb.entries[e][2] in geo.countries]
    if not local:
        return None
    best = max(local, key=lambda e: ((e[2], e[8]) == geo.region, e[12] or 0))
    return Resolution(best[5], best[6], best[9], CONFIDENCE["division"], "division", best[1],
                      best[2])


def _at_focus(geo: ArticleGeo) -> Resolution | None:
    if geo.focus is None:
        return None
    lat, lon, precision = geo.focus
    return Resolution(lat, lon, precision, CONFIDENCE[geo.focus_how], geo.focus_how)


def context_countries(mentions: Sequence[Any]) -> list[str]:
    """Countries of the article, most mentioned last (the gazetteer prefers later ones)."""
    counts = Counter(m.country for m in mentions
                     if m.country and len(m.country) == 3 and m.country.isupper())
    return [c for c, _n in sorted(counts.items(), key=lambda x: x[1])]


def _populations(kb: Any) -> dict[int, int]:
    pops = getattr(kb, "_populations", None)
    if pops is None:
        pops = {e[7]: e[12] for e in kb.entries if e[0] == "place" and e[7]}
        kb._populations = pops
    return pops


def _focus(mentions: Sequence[Any], kb: Any = None) -> tuple[float, float, str | None] | None:
    places = [m for m in mentions if is_toponym(m) and m.lat is not None]
    if not places:
        return None
    countries = Counter(m.country for m in places if m.country)
    country = countries.most_common(1)[0][0] if countries else None
    inside = [m for m in places if m.country == country] or places
    admins = Counter(m.admin1 for m in inside if m.admin1)
    admin = admins.most_common(1)[0][0] if admins else None
    big = {(m.lat, m.lon) for m in inside if m.kind == "country"}  # capitals
    for precision in ("city", "admin1", "country", "region"):
        pool = [m for m in inside if m.precision == precision
                and (admin is None or m.admin1 == admin or precision != "city")]
        if pool:
            counts = Counter((m.lat, m.lon) for m in pool)
            pops = {(m.lat, m.lon): _populations(kb).get(m.geonameid, 0) if kb else 0
                    for m in pool}
            return (*max(counts, key=lambda p: (counts[p], p in big, pops[p])), precision)
    return places[0].lat, places[0].lon, places[0].precision


def article_focus(mentions: Sequence[Any], kb: Any = None) -> Point | None:
    """Where the article's unnamed streets and buildings most likely are: its most mentioned
    city within its most mentioned region and country (else that region, else the country)."""
    focus = _focus(mentions, kb)
    return (focus[0], focus[1]) if focus is not None else None


def article_region(mentions: Sequence[Any]) -> tuple[str, str] | None:
    """(country, admin1) the article's towns and states are most often in, or None."""
    places = [m for m in mentions if is_toponym(m) and m.country and m.admin1
              and m.precision in ("city", "admin1", "admin2")]
    counts = Counter((m.country, m.admin1) for m in places)
    return counts.most_common(1)[0][0] if counts else None


def main_country(mentions: Sequence[Any]) -> str | None:
    """The country most of the article's toponyms are in (3+ of them, 60 %+), or None."""
    counts = Counter(m.country for m in mentions if is_toponym(m) and m.country)
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return top if n >= 3 and n >= 0.6 * sum(counts.values()) else None


def actor_focus(mentions: Sequence[Any], kb: Any) -> Point | None:
    """For an article that names no place: the point of the country its actors are most
    often from ("Russian officials"), or None."""
    counts = Counter(m.country for m in mentions
                     if m.country and len(m.country) == 3 and m.country.isupper())
    for code, _n in counts.most_common():
        row = kb.tables.countries.get(code)
        if row and row.get("lat"):
            return float(row["lat"]), float(row["lon"])
    return None
