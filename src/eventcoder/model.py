"""The data model: articles, events and their parts, and the canonical JSON shape.

Everything that crosses a module boundary (readers -> coder -> store -> export/web) is one of
these dataclasses. ``to_dict``/``from_dict`` give the canonical JSON described in
``docs/output-format.md`` and ``src/eventcoder/schema/eventcoder-v1.schema.json``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

SCHEMA_VERSION = "1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

FACTUALITY: tuple[str, ...] = ("asserted", "reported", "rumored", "announced", "negated")

DATE_PRECISION: tuple[str, ...] = ("day", "week", "month", "year")
PLACE_PRECISION: tuple[str, ...] = ("point", "city", "admin2", "admin1", "country", "region")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The dataclass field names of ``cls`` (cached: ``to_dict`` runs per actor and event)."""
    return tuple(f.name for f in fields(cls))


def article_id_for(text: str, title: str | None = None, url: str | None = None) -> str:
    """Stable content hash of an article: the same text is never stored twice.

    Whitespace and Unicode normalisation differences do not change the id.
    """
    norm = unicodedata.normalize("NFC", " ".join((title or "").split()) + "\n" + " ".join(text.split()))
    return "a" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


@dataclass
class Actor:
    """A participant of an event: the words in the text and what they were coded as."""

    text: str
    start: int | None = None  # character offsets into Article.text (end exclusive)
    end: int | None = None
    name: str | None = None  # canonical name ("Kassym-Jomart Tokayev", "Kazakhstan")
    country: str | None = None  # ISO 3166 alpha-3 or an organisation code (EU, NATO, CSTO, UN, ...)
    sector: str | None = None  # GOV, MIL, COP, JUD, LEG, OPP, REB, CVL, MED, BUS, NGO, IGO, ...
    code: str | None = None  # full CAMEO-style actor code when known (e.g. "KAZGOV")

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})


@dataclass
class Location:
    """Where an event happened."""

    text: str | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # one of PLACE_PRECISION
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})


@dataclass
class Evidence:
    """The exact character span of the article the event was read from."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass
class Event:
    """One coded event (PLOVER type, actors, place, time, numbers, factuality, evidence)."""

    type: str
    evidence: Evidence
    id: str = ""
    article_id: str = ""
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    location: Location | None = None
    date: str | None = None  # ISO YYYY-MM-DD (or YYYY-MM / YYYY with a coarser precision)
    date_precision: str | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    dead_text: str | None = None  # original words when the number is vague ("Dutzende")
    injured_text: str | None = None
    arrested_text: str | None = None
    victims: str | None = None  # who the victims were: security forces, civilians, protesters
    factuality: str = "asserted"
    attributed_to: Actor | None = None
    confidence: float = 0.5
    coder: str = ""

    def assign_id(self) -> None:
        """Derive a stable id from the article, the type and the evidence span."""
        key = f"{self.article_id}|{self.type}|{self.evidence.start}|{self.evidence.end}|{self.mode}"
        self.id = "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "dead_text": self.dead_text,
            "injured_text": self.injured_text,
            "arrested_text": self.arrested_text,
            "victims": self.victims,
            "factuality": self.factuality,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "coder": self.coder,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def actors(v: Any) -> list[Actor]:
            if v is None:
                return []
            if isinstance(v, dict):
                v = [v]
            return [Actor.from_dict(a) for a in v]

        loc = d.get("location")
        attr = d.get("attributed_to")
        return cls(
            id=d.get("id", ""),
            article_id=d.get("article_id", ""),
            type=d["type"],
            mode=d.get("mode"),
            context=list(d.get("context") or []),
            cameo=d.get("cameo"),
            source=actors(d.get("source")),
            target=actors(d.get("target")),
            location=Location.from_dict(loc) if isinstance(loc, dict) else None,
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            dead=d.get("dead"),
            injured=d.get("injured"),
            arrested=d.get("arrested"),
            dead_text=d.get("dead_text"),
            injured_text=d.get("injured_text"),
            arrested_text=d.get("arrested_text"),
            victims=d.get("victims"),
            factuality=d.get("factuality") or "asserted",
            attributed_to=Actor.from_dict(attr) if isinstance(attr, dict) else None,
            evidence=Evidence.from_dict(d["evidence"]),
            confidence=float(d.get("confidence", 0.5)),
            coder=d.get("coder", ""),
        )


@dataclass
class Article:
    """One news article as read from any input."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    published_raw: str | None = None  # the date as written in the source
    lang: str | None = None  # "de" | "en"
    source: str | None = None  # where it came from: file path, feed, WARC record, outlet
    author: str | None = None
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id_for(self.text, self.title, self.url)

    def to_dict(self, with_events: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "published_raw": self.published_raw,
            "lang": self.lang,
            "source": self.source,
            "author": self.author,
            "text": self.text,
        }
        if with_events:
            d["events"] = [e.to_dict() for e in self.events]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            text=d["text"],
            id=d.get("id") or "",
            url=d.get("url"),
            title=d.get("title"),
            published=d.get("published"),
            published_raw=d.get("published_raw"),
            lang=d.get("lang"),
            source=d.get("source"),
            author=d.get("author"),
            events=[Event.from_dict(e) for e in d.get("events") or []],
        )
