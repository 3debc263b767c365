"""The :class:`Mention`: one actor, role or place found in a text by the knowledge base."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from eventcoder.model import Actor, Location


@dataclass
class Mention:
    """A span of the text passed to ``KnowledgeBase.match`` and what it refers to.

    ``kind`` is one of ``country``, ``org``, ``person``, ``role``, ``actor`` (country + role
    combined) or ``place``. Capitals and seats of government used as metonyms ("Peking",
    "Kreml") are kind ``country`` with sector ``GOV`` *and* the city's ``lat``/``lon``/
    ``geonameid`` (``place_name`` holds the city); ``locative`` is True when a locative
    preposition precedes ("in Moskau"), so the engine may use it as a place instead.
    """

    start: int
    end: int
    text: str
    kind: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    precision: str | None = None
    # extensions (all optional)
    role: str | None = None  # office or role noun ("president", "Innenministerium")
    form: str | None = None  # name | adj | demonym | capital | metonym | genitive | description
    locative: bool = False  # preceded by "in", "nach", "near", ...
    place_name: str | None = None  # the city of a capital/metonym

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_actor(self) -> Actor:
        """The mention as an event actor."""
        code = self.code
        if code is None and self.country and len(self.country) == 3 and self.country.isupper():
            code = self.country + (self.sector or "")
        return Actor(text=self.text, start=self.start, end=self.end, name=self.name,
                     country=self.country, sector=self.sector, code=code)

    def to_location(self) -> Location | None:
        """The mention as an event location (None when it has no coordinates)."""
        if self.lat is None:
            return None
        country = self.country if self.country and len(self.country) == 3 else None
        return Location(text=self.text, name=self.place_name or self.name, country=country,
                        admin1=self.admin1, lat=self.lat, lon=self.lon,
                        geonameid=self.geonameid, precision=self.precision,
                        start=self.start, end=self.end)
