"""Model objects -> the table rows of the store (normalised columns next to the JSON doc)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from eventcoder.model import Actor, Article, Event
from eventcoder.store.filters import day_key, fold

COOPERATIVE_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")

ARTICLE_COLUMNS = ("id", "url", "title", "published", "lang", "source", "added", "n_events", "doc")
EVENT_COLUMNS = (
    "id", "article_id", "seq", "day", "type", "mode", "cameo", "factuality", "location_country",
    "location_name", "lat", "lon", "dead", "injured", "arrested", "confidence",
)  # fmt: skip
DOC_COLUMNS = ("id", "doc")
SEARCH_COLUMNS = ("id", "search")
ACTOR_COLUMNS = (
    "event_id", "role", "position", "text", '"start"', '"end"', "name", "country", "sector",
    "code", "search",
)  # fmt: skip
COUNTRY_COLUMNS = ("event_id", "country", "day")
LINK_COLUMNS = ("event_id", "keying", "src", "tgt", "coop")


@dataclass
class ArticleRows:
    """Everything to insert for one article."""

    article: tuple[Any, ...]
    events: list[tuple[Any, ...]] = field(default_factory=list)
    docs: list[tuple[Any, ...]] = field(default_factory=list)
    search: list[tuple[Any, ...]] = field(default_factory=list)
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    countries: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)


def dumps(obj: Any) -> str:
    """Compact JSON, UTF-8 kept."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def prepare_events(article: Article) -> list[Event]:
    """The article's events with ``article_id`` and ``id`` filled in, duplicate ids dropped."""
    events: list[Event] = []
    seen: set[str] = set()
    for event in article.events:
        if event.article_id != article.id:
            if event.article_id:  # copied from another article: its id is not valid here
                event.id = ""
            event.article_id = article.id
        if not event.id:
            event.assign_id()
        if event.id not in seen:
            seen.add(event.id)
            events.append(event)
    return events


def article_rows(article: Article, events: list[Event]) -> ArticleRows:
    """The rows of ``article`` and its (prepared) ``events``."""
    published = day_key(article.published)
    added = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = ArticleRows(
        article=(
            article.id,
            article.url,
            article.title,
            published,
            article.lang,
            article.source,
            added,
            len(events),
            dumps(article.to_dict(with_events=False)),
        )  # fmt: skip
    )
    title = fold(article.title)
    for seq, ev in enumerate(events):
        loc = ev.location
        day = day_key(ev.date) or published
        rows.events.append((
            ev.id, article.id, seq, day, ev.type, ev.mode, ev.cameo, ev.factuality,
            loc.country if loc else None, loc.name if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, ev.dead, ev.injured, ev.arrested, ev.confidence,
        ))  # fmt: skip
        rows.docs.append((ev.id, dumps(ev.to_dict())))
        rows.search.append((ev.id, fold(ev.evidence.text) + "\n" + title))
        for role, actors in (("source", ev.source), ("target", ev.target)):
            rows.actors.extend(_actor_row(ev.id, role, pos, a) for pos, a in enumerate(actors))
        countries = {a.country for a in (*ev.source, *ev.target) if a.country}
        if loc and loc.country:
            countries.add(loc.country)
        rows.countries.extend((ev.id, c, day) for c in sorted(countries))
        coop = int(ev.type in COOPERATIVE_TYPES)
        for keying, key in (("country", _country_key), ("actor", _actor_key)):
            pairs = {(key(s), key(t)) for s in ev.source for t in ev.target}
            rows.links.extend((ev.id, keying, s, t, coop) for s, t in sorted(pairs))
    return rows


def _country_key(a: Actor) -> str:
    return a.country or a.name or a.text


def _actor_key(a: Actor) -> str:
    return a.name or a.text


def _actor_row(event_id: str, role: str, pos: int, a: Actor) -> tuple[Any, ...]:
    return (
        event_id, role, pos, a.text, a.start, a.end, a.name, a.country, a.sector, a.code,
        "\n".join((fold(a.text), fold(a.name), fold(a.code))),
    )  # fmt: skip
