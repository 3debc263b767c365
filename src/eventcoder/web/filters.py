"""The event filters shared by the REST API and the pages (query string -> Store keyword args)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query

from eventcoder.model import FACTUALITY, PLOVER_TYPES

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class EventFilters:
    """since/until (ISO dates), country, actor, type, factuality and free text ``q``."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor: str | None = None
    type: str | None = None
    factuality: str | None = None
    q: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        """The filters that are set, as keyword arguments for the Store methods."""
        return {k: v for k, v in asdict(self).items() if v}

    def query_string(self, **extra: Any) -> str:
        """The filters (plus ``extra``) as a URL query string, for links and pagination."""
        items = {**self.store_kwargs(), **{k: v for k, v in extra.items() if v}}
        return urlencode(items)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_filters(
    since: str | None = Query(None, description="ISO date (YYYY[-MM[-DD]]), inclusive"),
    until: str | None = Query(None, description="ISO date (YYYY[-MM[-DD]]), inclusive"),
    country: str | None = Query(None, description="ISO alpha-3 or organisation code"),
    actor: str | None = Query(None, description="actor text, name or code"),
    type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    factuality: str | None = Query(None, description="asserted|reported|rumored|announced|negated"),
    q: str | None = Query(None, description="free text over evidence and article title"),
) -> EventFilters:
    """FastAPI dependency: read and validate the filters from the query string (400 if bad)."""
    f = EventFilters(
        since=_clean(since),
        until=_clean(until),
        country=_clean(country),
        actor=_clean(actor),
        type=_clean(type),
        factuality=_clean(factuality),
        q=_clean(q),
    )
    for name in ("since", "until"):
        value = getattr(f, name)
        if value and not _DATE.match(value):
            raise HTTPException(400, f"{name} must be an ISO date like 2022-01-06, not {value!r}")
    if f.country:
        f.country = f.country.upper()
    if f.type:
        f.type = f.type.upper()
        if f.type not in PLOVER_TYPES:
            raise HTTPException(400, f"type must be one of {', '.join(PLOVER_TYPES)}")
    if f.factuality:
        f.factuality = f.factuality.lower()
        if f.factuality not in FACTUALITY:
            raise HTTPException(400, f"factuality must be one of {', '.join(FACTUALITY)}")
    return f


def page_total(store: Any, kw: dict[str, Any], page: list[Any], limit: int, offset: int) -> int:
    """How many events match: read off a partial page, else counted by the store."""
    if len(page) < limit and (page or offset == 0):
        return offset + len(page)
    return store.count_events(**kw)


Filters = Annotated[EventFilters, Depends(event_filters)]
