"""ACLED layout: one row per event with ACLED's column names (mapping in docs/batch.md and
the data files ``acled_types.tsv``, ``acled_inter.tsv``)."""

from __future__ import annotations

from typing import Any

from eventcoder.exchange.tables import acled_inter, acled_types, countries
from eventcoder.model import Actor, Article, Event

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 2, "region": 3, "country": 3}


def event_type(event: Event) -> tuple[str, str, str]:
    """(event type, sub-event type, disorder type) of a PLOVER event."""
    table = acled_types()
    found = table.get((event.type, event.mode or "*")) or table.get((event.type, "*"))
    return found or ("Strategic developments", "Other", "Strategic developments")


def inter_code(actor: Actor | None, event_country: str | None) -> int | None:
    """ACLED inter code of an actor (8 for a state actor of another country)."""
    if actor is None:
        return None
    table = acled_inter()
    code = table.get(actor.sector or "", table["*"])[0]
    if code == 1 and actor.country and event_country and actor.country != event_country:
        return 8
    return code


def _actor_name(actor: Actor) -> str:
    name = actor.name or actor.text
    country = countries().get(actor.country or "", (None, None))[1]
    if country and country not in name:
        return f"{name} ({country})"
    return name


def row(event: Event, article: Article) -> dict[str, Any]:
    """The ACLED row of ``event``."""
    loc = event.location
    iso3 = loc.country if loc else None
    kind, sub, disorder = event_type(event)
    a1 = event.source[0] if event.source else None
    a2 = event.target[0] if event.target else None
    i1, i2 = inter_code(a1, iso3), inter_code(a2, iso3)
    interaction = int("".join(sorted(f"{i1 or ''}{i2 or ''}"))) if i1 or i2 else None
    day = event.date if event.date and len(event.date) == 10 else article.published
    return {
        "event_id_cnty": event.id,
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": _TIME_PRECISION.get(event.date_precision or "", 1 if day else None),
        "disorder_type": disorder,
        "event_type": kind,
        "sub_event_type": sub,
        "actor1": _actor_name(a1) if a1 else None,
        "assoc_actor_1": "; ".join(_actor_name(a) for a in event.source[1:]) or None,
        "inter1": i1,
        "actor2": _actor_name(a2) if a2 else None,
        "assoc_actor_2": "; ".join(_actor_name(a) for a in event.target[1:]) or None,
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if i2 == 7 and kind in (
            "Violence against civilians", "Explosions/Remote violence") else None,
        "iso": None,  # ACLED's numeric ISO code; the alpha-3 code is in "country" below
        "region": None,
        "country": countries().get(iso3 or "", (None, iso3))[1] if iso3 else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": None,
        "admin3": None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": _GEO_PRECISION.get(loc.precision or "", 3) if loc else None,
        "source": article.source or article.url,
        "source_scale": None,
        "notes": event.evidence.text,
        "fatalities": event.dead or 0,
        "tags": f"eventcoder:{event.type}" + (f"/{event.mode}" if event.mode else ""),
        "timestamp": None,
    }
