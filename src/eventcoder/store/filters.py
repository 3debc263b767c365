"""Event filters -> SQL conditions, shared by every query of the store.

The conditions are portable SQL over the ``events`` table aliased ``e`` with ``?``
placeholders (the PostgreSQL backend rewrites them). Filters are the ones of the Store contract:
``since``/``until`` (event date, falling back to the article's published date), ``country``,
``actor``, ``type``, ``factuality`` and free text ``q``. List-valued filters take a sequence or a
comma-separated string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from eventcoder.model import FACTUALITY, PLOVER_TYPES

FILTER_NAMES = ("since", "until", "country", "actor", "type", "factuality", "q")
DATE_FILTERS = ("since", "until")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_key(value: str | None) -> str | None:
    """The sortable day of a (possibly coarse) ISO date: '2024-05' -> '2024-05-01'."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}"


def _bound(value: Any, name: str, upper: bool) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    m = _DATE.fullmatch(text)
    if not m:
        raise ValueError(
            f"{name}: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}"
        )
    year, month, day = m.groups()
    if upper:  # '2024-05' as an upper bound means up to the end of May
        return f"{year}-{month or '12'}-{day or '31'}"
    return f"{year}-{month or '01'}-{day or '01'}"


def values(value: Any) -> list[str]:
    """A filter value as a list of non-empty strings ('A,B' and ['A', 'B'] are the same)."""
    if value is None:
        return []
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (use with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fold(text: str | None) -> str:
    """Case- and whitespace-normalised text as stored in the ``search`` columns."""
    return " ".join((text or "").casefold().split())


def _and(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def _in(column: str, items: list[str]) -> str:
    return f"{column} IN ({', '.join('?' * len(items))})"


MIN_TRIGRAM = 3  # shorter search terms cannot use a trigram index


def text_terms(filters: dict[str, Any]) -> list[tuple[str, str]]:
    """(column, folded term) pairs of the text filters: ``q`` words over "search" (evidence and
    title), ``actor`` names over "actors"; each must occur as a substring."""
    terms = [("search", w) for w in fold(filters.get("q")).split()]
    return terms + [("actors", fold(name)) for name in values(filters.get("actor"))]


def match_expression(terms: list[tuple[str, str]]) -> str | None:
    """An FTS5 MATCH expression (trigram tokenizer: a quoted term = a substring) requiring all
    ``terms`` of at least three characters; None when there are none."""
    parts = [
        f'{column} : "{term.replace(chr(34), chr(34) * 2)}"'
        for column, term in terms
        if len(term) >= MIN_TRIGRAM
    ]
    return " AND ".join(parts) or None


def _text_index_conditions(filters: dict[str, Any], alias: str) -> tuple[list[str], list[Any]]:
    """Conditions over ``event_text <alias>`` for the text filters, using the FTS5 index."""
    where: list[str] = []
    params: list[Any] = []
    terms = text_terms(filters)
    match = match_expression(terms)
    if match:
        where.append(f"{alias}.n IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
        params.append(match)
    for column, term in terms:
        if len(term) < MIN_TRIGRAM:
            where.append(f"{alias}.{column} LIKE ? ESCAPE '\\'")
            params.append(like_pattern(term))
    return where, params


def text_conditions(filters: dict[str, Any]) -> tuple[str, list[str], list[Any]] | None:
    """(FROM clause, conditions, parameters) over ``event_text t`` (SQLite's full-text table,
    which also carries the day, type, factuality and countries of each event), joined with the
    FTS5 index when a term can use it, for the filters when a text filter is given, else None.

    Queries with ``q`` or ``actor`` then start from the (small) set the index finds instead of
    looking each match up in ``events``.
    """
    terms = text_terms(filters)
    if not terms:
        return None
    source, where, params = "event_text t", [], []
    match = match_expression(terms)
    if match:
        source = "event_fts JOIN event_text t ON t.n = event_fts.rowid"
        where.append("event_fts MATCH ?")
        params.append(match)
    for column, term in terms:
        if len(term) < MIN_TRIGRAM:
            where.append(f"t.{column} LIKE ? ESCAPE '\\'")
            params.append(like_pattern(term))
    base, base_params = event_conditions(**{**filters, "q": None, "actor": None}, alias="t")
    return source, where + base, params + base_params


def event_conditions(
    *,
    since: Any = None,
    until: Any = None,
    country: Any = None,
    actor: Any = None,
    type: Any = None,
    factuality: Any = None,
    q: str | None = None,
    fts: bool = False,
    alias: str = "e",
) -> tuple[list[str], list[Any]]:
    """SQL conditions (to be joined with AND) and their parameters for the given filters.

    ``fts``: the text filters use SQLite's trigram index (tables ``event_text``/``event_fts``)
    instead of LIKE scans. ``alias``: "e" (the ``events`` table) or "t" (``event_text``, with
    ``event_id`` and ``countries`` columns; the text filters are then left out).
    """
    e = alias
    where: list[str] = []
    params: list[Any] = []
    if since not in (None, ""):
        where.append(f"{e}.day >= ?")
        params.append(_bound(since, "since", upper=False))
    if until not in (None, ""):
        where.append(f"{e}.day <= ?")
        params.append(_bound(until, "until", upper=True))
    types = [t.upper() for t in values(type)]
    if types:
        unknown = sorted(set(types) - set(PLOVER_TYPES))
        if unknown:
            raise ValueError(f"type: unknown PLOVER type(s) {', '.join(unknown)}")
        where.append(_in(f"{e}.type", types))
        params.extend(types)
    facts = [f.lower() for f in values(factuality)]
    if facts:
        unknown = sorted(set(facts) - set(FACTUALITY))
        if unknown:
            raise ValueError(f"factuality: unknown value(s) {', '.join(unknown)}")
        where.append(_in(f"{e}.factuality", facts))
        params.extend(facts)
    countries = [c.upper() for c in values(country)]
    if countries:
        if alias == "e":
            where.append(
                "e.id IN (SELECT ec.event_id FROM event_countries ec "
                f"WHERE {_in('ec.country', countries)})"
            )
            params.extend(countries)
        else:  # the countries column of event_text, one code a line
            found = [f"instr(char(10) || {e}.countries || char(10), ?) > 0"] * len(countries)
            where.append(f"({' OR '.join(found)})")
            params.extend(f"\n{c}\n" for c in countries)
    if fts and text_terms({"q": q, "actor": actor}):
        text_where, text_params = _text_index_conditions({"q": q, "actor": actor}, "t")
        where.append(f"e.id IN (SELECT t.event_id FROM event_text t{_and(text_where)})")
        params.extend(text_params)
        return where, params
    for sql, sql_params in text_subqueries(q=q, actor=actor):
        where.append(f"e.id IN ({sql})")
        params.extend(sql_params)
    return where, params


def text_subqueries(*, q: str | None = None, actor: Any = None) -> list[tuple[str, list[Any]]]:
    """The text filters as subqueries (with their parameters) selecting the matching event ids
    (column ``id``; an actor's may repeat an event): one per actor name and one for all words
    of ``q`` (LIKE, which a backend's trigram index may serve)."""
    out: list[tuple[str, list[Any]]] = []
    for name in values(actor):
        out.append((
            "SELECT ac.event_id AS id FROM actors ac WHERE ac.search LIKE ? ESCAPE '\\'",
            [like_pattern(fold(name))],
        ))  # fmt: skip
    words = fold(q).split()
    if words:
        likes = " AND ".join(["d.search LIKE ? ESCAPE '\\'"] * len(words))
        out.append((
            f"SELECT d.id FROM event_search d WHERE {likes}", [like_pattern(w) for w in words]
        ))  # fmt: skip
    return out


def only_dates(filters: dict[str, Any]) -> bool:
    """True when the only filters given are ``since``/``until``."""
    given = {k for k, v in filters.items() if v not in (None, "", [], ())}
    return bool(given) and given <= set(DATE_FILTERS)


def date_bounds(filters: dict[str, Any]) -> tuple[str | None, str | None]:
    """Normalised (since, until) strings, or None where not given."""
    since, until = filters.get("since"), filters.get("until")
    return (
        _bound(since, "since", upper=False) if since not in (None, "") else None,
        _bound(until, "until", upper=True) if until not in (None, "") else None,
    )


def country_conditions(filters: dict[str, Any]) -> tuple[list[str], list[Any]] | None:
    """Conditions over ``event_countries ec`` alone, when only country and dates are filtered.

    Such queries (a click on a country) then run on one index without touching ``events``.
    None when other filters are given or no country is.
    """
    given = {k for k, v in filters.items() if v not in (None, "", [], ())}
    countries = [c.upper() for c in values(filters.get("country"))]
    if not countries or not given <= {"country", *DATE_FILTERS}:
        return None
    where, params = [_in("ec.country", countries)], list(countries)
    since, until = date_bounds(filters)
    if since:
        where.append("ec.day >= ?")
        params.append(since)
    if until:
        where.append("ec.day <= ?")
        params.append(until)
    return where, params
