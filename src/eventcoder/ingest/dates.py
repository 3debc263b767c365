"""Publication dates: parse a date as written, and find a dateline at the top of a text.

Numeric dates follow the source language: German ``06/01/22`` is 6 January 2022 (day first);
English ``06/01/22`` is June 1 (month first, unless that is impossible). Dotted dates
(``06.01.2022``) are day first in both languages; ``2022-01-06`` is ISO.
Month and weekday names come from ``months.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventcoder.language import registry

DATELINE_LINES = 6
"""How many non-empty lines at the top of a text may hold the dateline."""
_SHORT_LINE = 80
_MAX_OTHER_WORDS = 3


_WORD = re.compile(r"[^\W\d_]{2,}")
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD
    raw: str  # as written
    start: int  # character offsets of ``raw`` in the searched text
    end: int


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    any_date: re.Pattern[str]
    weekday: re.Pattern[str]
    lead: frozenset[str]
    prep: frozenset[str]


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    months: dict[str, int] = {}
    weekdays: list[str] = []
    lead: set[str] = set()
    prep: set[str] = set()
    path = Path(__file__).with_name("months.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, number, _lang = (c.strip() for c in line.split("\t")[:4])
        if kind == "month":
            months[name.lower()] = int(number)
        elif kind == "weekday":
            weekdays.append(name)
        elif kind == "prep":
            prep.add(name.lower())
        else:
            lead.add(name.lower())
    month = _alternation(list(months))
    wday = _alternation(weekdays)
    any_date = re.compile(
        rf"(?:\b(?:{wday})\.?,?\s+(?:(?:den|the)\s+)?)?"
        r"(?:"
        r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b)"
        r"|(?P<num>\b(?P<n1>\d{1,2})(?P<sep>[./])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})\b)"
        rf"|(?P<dmy>\b(?P<d1>\d{{1,2}})\.?\s*(?P<m1>{month})\b\.?,?\s+(?P<y1>\d{{4}})\b)"
        rf"|(?P<mdy>\b(?P<m2>{month})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b)"
        r")",
        re.IGNORECASE,
    )
    weekday = re.compile(rf"\b(?:{wday})\b\.?", re.IGNORECASE)
    return _Patterns(months, any_date, weekday, frozenset(lead), frozenset(prep))


def _year(value: str) -> int:
    year = int(value)
    if len(value) == 2:
        this = dt.date.today().year
        year += 2000 if 2000 + year <= this + 1 else 1900
    return year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_first(lang: str | None) -> bool:
    """Numeric dates of ``lang`` put the day first (unknown languages: yes)."""
    return not registry.is_supported(lang) or registry.get(lang).day_first_dates


def _from_match(m: re.Match[str], lang: str) -> str | None:
    months = _patterns().months
    if m.group("iso"):
        return _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("num"):
        a, b, year = int(m.group("n1")), int(m.group("n2")), _year(m.group("n3"))
        day_first = m.group("sep") == "." or _day_first(lang)
        first = (b, a) if day_first else (a, b)
        return _iso(year, *first) or _iso(year, first[1], first[0])
    if m.group("dmy"):
        month = months[m.group("m1").lower()]
        return _iso(int(m.group("y1")), month, int(m.group("d1")))
    month = months[m.group("m2").lower()]
    return _iso(int(m.group("y2")), month, int(m.group("d2")))


def parse_date(value: str, lang: str = "en") -> str | None:
    """An ISO date (YYYY-MM-DD) for a date as written, or None.

    Accepts ISO dates and timestamps (``2022-01-06T10:00:00Z``), numeric dates in the
    language's convention, and dates with month names (German or English).
    """
    value = value.strip()
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _patterns().any_date.search(value)
    return _from_match(m, lang) if m else None


def find_date(text: str, lang: str) -> FoundDate | None:
    """The first date in ``text`` (with a preceding weekday, if any)."""
    for m in _patterns().any_date.finditer(text):
        iso = _from_match(m, lang)
        if iso:
            return FoundDate(iso, m.group(0), m.start(), m.end())
    return None


def find_dateline(text: str, lang: str) -> FoundDate | None:
    """A dateline in the first lines of an article (offsets index ``text``).

    A short line that is mostly a date (``06/01/22``, ``Freitag, 4. Januar 2019``,
    ``Berlin, January 6, 2022``) or a date opening a longer line (``BERLIN, 6. Januar 2022 –
    Die Regierung ...``). A date inside a headline-like sentence is not a dateline.
    """
    pos = 0
    seen = 0
    while pos < len(text) and seen < DATELINE_LINES:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line.strip():
            seen += 1
            found = _dateline_in(line, lang)
            if found:
                return FoundDate(found.iso, found.raw, pos + found.start, pos + found.end)
        pos = end + 1
    return None


def _dateline_in(line: str, lang: str) -> FoundDate | None:
    found = find_date(line[:200], lang)
    if not found or found.start > 40:
        return None
    # before the date: at most a place, an agency, a weekday ("BERLIN (dpa) -", "Stand:")
    before = _PARENS.sub(" ", line[: found.start])
    words = _WORD.findall(_patterns().weekday.sub(" ", before))
    pats = _patterns()
    if len(words) > 3:
        return None
    lowered = [w.lower() for w in words]
    if any(w in pats.prep for w in lowered):
        if not all(w in pats.prep or w in pats.lead for w in lowered):
            return None  # "Wahl am 3. März": a headline
    elif any(w[0].islower() and w.lower() not in pats.lead for w in words):
        return None
    if len(line.strip()) <= _SHORT_LINE:
        after = _WORD.findall(_PARENS.sub(" ", line[found.end :]))
        return found if len(after) <= _MAX_OTHER_WORDS else None
    return found  # a date opening a paragraph
