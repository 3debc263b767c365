"""Stories: one record per real-world event, clustered incrementally across articles and languages.

An event joins a story when the story has the same type *family* (``data/type_families.tsv``),
shares a country (actors or place), lies within ``window_days`` of the story's dates and, when
both have a city-level place, within ``max_km`` of the story's centre. Candidates come from an
index on (family, country, date bucket), so adding an event costs the same however big the
store grows. Events of a near-duplicate article go to the stories of their group first.

Consolidated numbers (dead, injured, arrested): every source's figure is kept; an article's
figure is the largest it gives for the story, a source's figure is that of its latest article,
and the consolidated figure is the lowest of the sources' figures (the most conservative, as
ACLED does when reports conflict; it equals the latest report when the sources agree).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

from eventcoder.model import PLOVER_TYPES, Article, Event
from eventcoder.monitor.store import MonitorStore, now_iso

NUMBERS = ("dead", "injured", "arrested")
_COARSE = {"country", "region", "admin1"}  # place precisions too coarse for a distance test


@cache
def type_table() -> dict[str, tuple[str, str]]:
    """PLOVER type -> (family, quad class), from ``data/type_families.tsv``."""
    path = resources.files("eventcoder.monitor").joinpath("data/type_families.tsv")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    return {r["type"]: (r["family"], r["quad"]) for r in csv.DictReader(lines, delimiter="\t")}


def family_of(etype: str) -> str:
    return type_table().get(etype, (etype.lower(), ""))[0]


def quad_of(etype: str) -> str:
    return type_table().get(etype, ("", "unknown"))[1]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def outlet(article: Article) -> str:
    """The outlet an article came from: the host of its URL, else its source."""
    host = urlparse(article.url or "").hostname
    return (host or article.source or "unknown").removeprefix("www.")


def _actors(actors: list[Any]) -> list[dict[str, Any]]:
    return [{"text": a.text, "name": a.name, "country": a.country, "code": a.code} for a in actors]


def first_line(text: str, limit: int = 100) -> str | None:
    """A title for an article without one: its first line, shortened at a word."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) > limit:
        line = line[:limit].rsplit(" ", 1)[0] + " …"
    return line or None


def event_day(event: Event, article: Article) -> str:
    if event.date and len(event.date) == 10:
        return event.date
    return article.published or dt.date.today().isoformat()


def mention(event: Event, article: Article, group_id: str) -> dict[str, Any]:
    """What a story keeps of one event: enough for its summary and the evidence link."""
    loc = event.location
    src = sorted({a.country for a in event.source if a.country})
    tgt = sorted({a.country for a in event.target if a.country})
    countries = set(src) | set(tgt) | ({loc.country} if loc and loc.country else set())
    point = loc is not None and loc.lat is not None and loc.precision not in _COARSE
    return {
        "event_id": event.id,
        "article_id": article.id,
        "group_id": group_id,
        "type": event.type,
        "mode": event.mode,
        "family": family_of(event.type),
        "day": event_day(event, article),
        "published": article.published,
        "title": article.title or first_line(article.text),
        "url": article.url,
        "outlet": outlet(article),
        "lang": article.lang,
        "countries": sorted(countries),
        "actor_countries": sorted(set(src) | set(tgt)),
        "source": _actors(event.source),
        "target": _actors(event.target),
        "place": (
            {
                "name": loc.name or loc.text,
                "country": loc.country,
                "lat": loc.lat,
                "lon": loc.lon,
                "point": point,
            }  # fmt: skip
            if loc
            else None
        ),
        "dead": event.dead,
        "injured": event.injured,
        "arrested": event.arrested,
        "factuality": event.factuality,
        "attributed_to": (event.attributed_to.name or event.attributed_to.text)
        if event.attributed_to
        else None,  # fmt: skip
        "evidence": event.evidence.to_dict(),
        "added": now_iso(),
    }


@dataclass
class _State:
    """What candidate matching needs of a story (kept in memory while clustering)."""

    family: str
    first_day: str
    last_day: str
    countries: set[str]
    actor_countries: set[str]
    lat: float | None = None
    lon: float | None = None
    points: int = 0

    def add(self, m: dict[str, Any]) -> None:
        self.first_day = min(self.first_day, m["day"])
        self.last_day = max(self.last_day, m["day"])
        self.countries |= set(m["countries"])
        self.actor_countries |= set(m["actor_countries"])
        place = m["place"]
        if place and place["point"]:
            n = self.points
            self.lat = ((self.lat or 0.0) * n + place["lat"]) / (n + 1)
            self.lon = ((self.lon or 0.0) * n + place["lon"]) / (n + 1)
            self.points = n + 1


@dataclass
class ClusterResult:
    touched: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)


class StoryClusterer:
    """Adds the events of articles to stories (new ones or existing), incrementally."""

    def __init__(self, mstore: MonitorStore, window_days: int = 3, max_km: float = 150.0) -> None:
        self.mstore = mstore
        self.window = max(1, int(window_days))
        self.max_km = float(max_km)
        self._states: dict[str, _State] = {}

    def _bucket(self, day: str) -> int:
        return dt.date.fromisoformat(day).toordinal() // self.window

    def _state(self, story_id: str) -> _State | None:
        state = self._states.get(story_id)
        if state is None:
            rows = self.mstore.rows("SELECT doc FROM monitor_stories WHERE id = ?", (story_id,))
            if not rows:
                return None
            doc = json.loads(rows[0][0])
            centre = doc.get("centre") or {}
            state = _State(
                family=doc["family"], first_day=doc["first_day"], last_day=doc["last_day"],
                countries=set(doc["countries"]), actor_countries=set(doc["actor_countries"]),
                lat=centre.get("lat"), lon=centre.get("lon"), points=int(centre.get("points", 0)),
            )  # fmt: skip
            if len(self._states) > 50_000:
                self._states.clear()
            self._states[story_id] = state
        return state

    def _compatible(self, state: _State, m: dict[str, Any]) -> float | None:
        """A score (higher is better) when the mention fits the story, else None."""
        if state.family != m["family"]:
            return None
        day = dt.date.fromisoformat(m["day"])
        lo = dt.date.fromisoformat(state.first_day) - dt.timedelta(days=self.window)
        hi = dt.date.fromisoformat(state.last_day) + dt.timedelta(days=self.window)
        if not lo <= day <= hi:
            return None
        shared = state.countries & set(m["countries"])
        if m["countries"] and state.countries and not shared:
            return None
        actors = set(m["actor_countries"])
        if actors and state.actor_countries and not actors & state.actor_countries:
            return None
        score = float(len(shared))
        place = m["place"]
        if place and place["point"] and state.points:
            dist = km(place["lat"], place["lon"], state.lat or 0.0, state.lon or 0.0)
            if dist > self.max_km:
                return None
            score += 1.0 - dist / self.max_km
        return score

    def _candidates(self, m: dict[str, Any]) -> list[str]:
        b = self._bucket(m["day"])
        countries = m["countries"] or ["-"]
        marks = ", ".join("?" * len(countries))
        rows = self.mstore.rows(
            "SELECT DISTINCT story_id FROM monitor_story_keys WHERE family = ? "
            f"AND country IN ({marks}) AND bucket IN (?, ?, ?)",
            [m["family"], *countries, b - 1, b, b + 1],
        )
        return sorted(r[0] for r in rows)

    def _group_stories(self, article: Article, group_id: str) -> list[str]:
        """Stories already holding events of the article's near-duplicate group."""
        if group_id == article.id:
            return []
        members = [a for a in self.mstore.group_members(group_id) if a != article.id]
        if not members:
            return []
        marks = ", ".join("?" * len(members))
        rows = self.mstore.rows(
            f"SELECT DISTINCT story_id FROM monitor_story_events WHERE article_id IN ({marks})",
            members,
        )
        return sorted(r[0] for r in rows)

    def add(self, article: Article, group_id: str | None = None) -> ClusterResult:
        """Put each event of ``article`` into a story; returns the stories touched and created.
        One transaction per article."""
        with self.mstore.transaction():
            return self._add(article, group_id)

    def _add(self, article: Article, group_id: str | None) -> ClusterResult:
        result = ClusterResult()
        group_id = group_id or article.id
        group_stories = self._group_stories(article, group_id)
        known = {
            r[0]
            for r in self.mstore.rows(
                "SELECT event_id FROM monitor_story_events WHERE article_id = ?", (article.id,)
            )
        }
        summaries: dict[str, dict[str, Any] | None] = {}
        pairs: set[tuple[str, str]] = set()
        for event in article.events:
            if not event.id or event.id in known:
                continue
            m = mention(event, article, group_id)
            best, best_score = None, -1.0
            for story_id in group_stories:  # a copy of a wire story: same family suffices
                state = self._state(story_id)
                if state and state.family == m["family"]:
                    best, best_score = story_id, 100.0
                    break
            if best is None:
                for story_id in self._candidates(m):
                    state = self._state(story_id)
                    score = self._compatible(state, m) if state else None
                    if score is not None and score > best_score:
                        best, best_score = story_id, score
            if best is None:
                best = "s" + hashlib.sha1(event.id.encode("utf-8")).hexdigest()[:16]
                self._states[best] = _State(
                    m["family"], m["day"], m["day"], set(), set()
                )  # fmt: skip
                result.created.add(best)
            state = self._states[best] if best in self._states else self._state(best)
            assert state is not None
            state.add(m)
            if best not in summaries:
                summaries[best] = self._summary(best)
            new_article = (best, article.id) not in pairs and not self.mstore.rows(
                "SELECT 1 FROM monitor_story_events WHERE article_id = ? AND story_id = ? LIMIT 1",
                (article.id, best),
            )
            pairs.add((best, article.id))
            summaries[best] = fold(summaries[best], best, m, new_article)
            self._attach(best, m)
            result.touched.add(best)
        for story_id in sorted(result.touched):
            self._write(summaries[story_id])
        return result

    def _attach(self, story_id: str, m: dict[str, Any]) -> None:
        b = self._bucket(m["day"])
        with self.mstore.transaction() as run:
            run(
                "INSERT INTO monitor_story_events (event_id, story_id, article_id, added, doc) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                (m["event_id"], story_id, m["article_id"], m["added"], json.dumps(m)),
            )
            for country in m["countries"] or ["-"]:
                run(
                    "INSERT INTO monitor_story_keys (family, country, bucket, story_id) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (family, country, bucket, story_id) "
                    "DO NOTHING",
                    (m["family"], country, b, story_id),
                )

    def _summary(self, story_id: str) -> dict[str, Any] | None:
        rows = self.mstore.rows("SELECT doc FROM monitor_stories WHERE id = ?", (story_id,))
        return json.loads(rows[0][0]) if rows else None

    def refresh(self, story_id: str) -> dict[str, Any]:
        """Recompute and store the summary of a story from all its mentions."""
        rows = self.mstore.rows(
            "SELECT doc FROM monitor_story_events WHERE story_id = ? ORDER BY added, event_id",
            (story_id,),
        )
        summary = summarize(story_id, [json.loads(r[0]) for r in rows])
        self._write(summary)
        return summary

    def _write(self, summary: dict[str, Any]) -> None:
        story_id = summary["id"]
        state = self._state(story_id)
        if state is not None and state.points:
            summary["centre"] = {"lat": state.lat, "lon": state.lon, "points": state.points}
        with self.mstore.transaction() as run:
            run("DELETE FROM monitor_stories WHERE id = ?", (story_id,))
            run(
                "INSERT INTO monitor_stories (id, family, type, first_day, last_day, first_seen, "
                "last_seen, n_mentions, dead, injured, arrested, doc) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    story_id,
                    summary["family"],
                    summary["type"],
                    summary["first_day"],
                    summary["last_day"],
                    summary["first_seen"],
                    summary["last_seen"],
                    summary["mentions"],
                    summary["dead"],
                    summary["injured"],
                    summary["arrested"],
                    json.dumps(summary),
                ),  # fmt: skip
            )
            for country in summary["countries"]:
                run(
                    "INSERT INTO monitor_story_countries (story_id, country) VALUES (?, ?) "
                    "ON CONFLICT (story_id, country) DO NOTHING",
                    (story_id, country),
                )


def _insert_sorted(values: list[Any], value: Any) -> None:
    if value is not None and value not in values:
        values.append(value)
        values.sort()


def _figure(m: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "source": m["outlet"], "article_id": m["article_id"], "value": int(m[name]),
        "published": m.get("published"), "lang": m.get("lang"), "url": m.get("url"),
        "event_id": m["event_id"], "evidence": m["evidence"]["text"], "added": m.get("added"),
    }  # fmt: skip


def consolidated(figures: list[dict[str, Any]]) -> int | None:
    """The lowest of the sources' latest figures (see the module doc)."""
    latest: dict[str, dict[str, Any]] = {}
    for fig in figures:
        key = (fig["published"] or "", fig["added"] or "")
        have = latest.get(fig["source"])
        if have is None or key >= (have["published"] or "", have["added"] or ""):
            latest[fig["source"]] = fig
    return min(f["value"] for f in latest.values()) if latest else None


def fold(
    summary: dict[str, Any] | None, story_id: str, m: dict[str, Any], new_article: bool
) -> dict:
    """The story summary with one more mention (incremental: no need to reread the others)."""
    if summary is None:
        summary = {
            "id": story_id, "type": m["type"], "type_counts": {}, "types": [],
            "family": m["family"], "quad": quad_of(m["type"]), "title": None, "countries": [],
            "actor_countries": [], "places": [], "mentions": 0, "n_events": 0, "sources": [],
            "languages": [], "first_day": m["day"], "last_day": m["day"],
            "first_seen": m["added"], "last_seen": m["added"], "factuality": [],
            "figures": {name: [] for name in NUMBERS},
        }  # fmt: skip
    counts = summary["type_counts"]
    counts[m["type"]] = counts.get(m["type"], 0) + 1
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    summary["type"] = max(counts, key=lambda t: (counts[t], order.get(t, -1)))
    summary["quad"] = quad_of(summary["type"])
    summary["title"] = summary["title"] or m.get("title")
    for key, value in (("types", m["type"]), ("sources", m["outlet"]), ("languages", m.get("lang")),
                       ("factuality", m["factuality"]),
                       ("places", m["place"]["name"] if m["place"] else None)):  # fmt: skip
        _insert_sorted(summary[key], value)
    for c in m["countries"]:
        _insert_sorted(summary["countries"], c)
    for c in m["actor_countries"]:
        _insert_sorted(summary["actor_countries"], c)
    summary["mentions"] += int(new_article)
    summary["n_events"] += 1
    summary["first_day"] = min(summary["first_day"], m["day"])
    summary["last_day"] = max(summary["last_day"], m["day"])
    summary["first_seen"] = min(summary["first_seen"], m["added"])
    summary["last_seen"] = max(summary["last_seen"], m["added"])
    for name in NUMBERS:
        figures = summary["figures"][name]
        if m.get(name) is not None:
            same = [i for i, f in enumerate(figures) if f["article_id"] == m["article_id"]]
            if not same:
                figures.append(_figure(m, name))
                figures.sort(key=lambda f: (f["source"], f["published"] or "", f["added"] or ""))
            elif m[name] > figures[same[0]]["value"]:
                figures[same[0]] = _figure(m, name)
        summary[name] = consolidated(figures)
    return summary


def summarize(story_id: str, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """A story's summary from all its mentions: type, countries, numbers, sources, dates."""
    summary: dict[str, Any] | None = None
    articles: set[str] = set()
    for m in mentions:
        summary = fold(summary, story_id, m, m["article_id"] not in articles)
        articles.add(m["article_id"])
    assert summary is not None, "a story has at least one mention"
    return summary


def consolidate(mentions: list[dict[str, Any]], name: str) -> tuple[int | None, list[dict]]:
    """The consolidated figure for ``name`` and each source's figure, from mentions."""
    summary = summarize("-", mentions)
    return summary[name], summary["figures"][name]
