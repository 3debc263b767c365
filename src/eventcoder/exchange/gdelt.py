"""GDELT 2.0 event-table layout (61 tab-separated columns, no header, like GDELT's files);
mapping in docs/batch.md and the data files ``cameo_goldstein.tsv``, ``plover_cameo.tsv``,
``gdelt_countries.tsv``."""

from __future__ import annotations

import hashlib
from typing import Any

from eventcoder.exchange.tables import cameo_goldstein, countries, plover_cameo
from eventcoder.model import Actor, Article, Event, Location

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)  # fmt: skip
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
_GEO_TYPE = {"country": 1, "region": 1, "admin1": 5, "admin2": 5, "city": 4, "point": 4}
_IGO = {"UN", "EU", "NATO", "AU", "CSTO", "OSCE", "ASEAN", "ARL", "OPEC", "WTO", "IMF"}


def event_code(event: Event) -> str:
    """The CAMEO code of ``event`` (its own, else the default of its PLOVER type)."""
    return event.cameo or plover_cameo().get(event.type, "010")


def quad_goldstein(code: str) -> tuple[int, float]:
    """(QuadClass, GoldsteinScale) of a CAMEO code, by its root."""
    return cameo_goldstein().get(code[:2], (1, 0.0))


def _numeric_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _actor(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None] * len(_ACTOR)
    country = actor.country if actor.country not in _IGO else None
    group = actor.country if actor.country in _IGO else None
    code = actor.code or f"{actor.country or ''}{actor.sector or ''}" or None
    return [code, (actor.name or actor.text).upper(), country, group, None, None, None,
            actor.sector, None, None]  # fmt: skip


def _geo(loc: Location | None) -> list[Any]:
    if loc is None or not (loc.country or loc.name):
        return [0, None, None, None, None, None, None, None]
    fips, country_name = countries().get(loc.country or "", (None, None))
    parts = [p for p in (loc.name, loc.admin1 if loc.precision in ("city", "point") else None,
                         country_name) if p]  # fmt: skip
    full = ", ".join(dict.fromkeys(parts)) or loc.text
    adm1 = f"{fips}{loc.admin1}" if fips and loc.admin1 else fips
    return [_GEO_TYPE.get(loc.precision or "", 4), full, fips, adm1,
            None, loc.lat, loc.lon, loc.geonameid]  # fmt: skip


def row(event: Event, article: Article) -> list[Any]:
    """The GDELT row (values in :data:`COLUMNS` order) of ``event``."""
    code = event_code(event)
    quad, goldstein = quad_goldstein(code)
    day = event.date if event.date and len(event.date) == 10 else article.published
    ymd = day.replace("-", "") if day else None
    frac = None
    if day:
        y, m, d = (int(x) for x in day.split("-"))
        frac = round(y + ((m - 1) * 30 + d) / 365, 4)
    src = event.source[0] if event.source else None
    tgt = event.target[0] if event.target else None
    added = (article.published or day or "").replace("-", "")
    return [
        _numeric_id(event.id), ymd, ymd[:6] if ymd else None, ymd[:4] if ymd else None, frac,
        *_actor(src), *_actor(tgt),
        1, code, code[:3], code[:2], quad, goldstein, 1, 1, 1, None,
        *_geo(src and event.location), *_geo(tgt and event.location), *_geo(event.location),
        f"{added}000000" if added else None, article.url or article.source,
    ]  # fmt: skip
