"""Dates in text: absolute and relative expressions resolved against the publication date.

:func:`find_dates` returns every date mention of a text with its offsets, the resolved ISO date
and a precision ("day", "week", "month", "year"):

* absolute: "6. Januar 2022", "6 January 2022", "January 6, 2022", "Jan. 6", "06.01.2022",
  "6.1.22", "2022-01-06", "06/01/22" (German day/month; English the reading nearest to the
  publication date); "Januar 2022", "im März", "Anfang Januar" (month); "im Jahr 2021",
  "since 2021" (year);
* relative: heute/today, gestern/yesterday, vorgestern, morgen/tomorrow; "am Donnerstag",
  "last Thursday"; "letzte Woche"/"last week" (the Monday of that week); "earlier this month",
  "letztes Jahr".

Resolution rules (news is mostly about the past):

* a weekday is the most recent such day on or before the publication date ("letzten"/"last":
  strictly before; "nächsten"/"next": strictly after); a weekday followed by a date
  ("am Donnerstag, dem 6. Januar") takes the written date;
* a day or month without a year takes the publication year, or the year before when its month
  lies after the publication month (published 2022-01-06: "im März" -> 2021-03,
  "am 28. Dezember" -> 2021-12-28);
* with ``published=None`` (or not an ISO date) relative expressions and dates without a
  year are skipped.

Words come from ``language/<lang>/dates.tsv``; the regular expressions are built once per
language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.coding.tokenizer import DIGITS, LETTERS, pieces, tokenize
from eventcoder.language import data, registry


@dataclass
class DateMention:
    """One date expression: offsets into the text, ISO date and its precision."""

    start: int
    end: int
    text: str
    date: str  # YYYY-MM-DD (day, week = its Monday), YYYY-MM (month) or YYYY (year)
    precision: str  # "day" | "week" | "month" | "year"




@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]  # phrase -> (kind, offset)
    weekday_mods: dict[str, int]
    year_preps: frozenset[str]
    weekday_prefixes: tuple[str, ...]  # "donnerstag" also starts "donnerstagabend"
    relative_words: frozenset[str]  # every word of a relative expression
    full: re.Pattern[str]  # [weekday ,] day month [year] / month day [, year]
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday: re.Pattern[str]
    rel: re.Pattern[str]
    rel_cs: re.Pattern[str] | None
    year: re.Pattern[str]


def _read_dates(lang: str) -> list[tuple[str, str, str]]:
    return [(w.lower(), k, v) for w, k, v in data.read_table(lang, "dates.tsv")]


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _optional(words: list[str]) -> str:
    return rf"(?:{_alt(words)})?" if words else ""


def _is_abbreviation(word: str, months: dict[str, int]) -> bool:
    """True for "jan" (short for "januar"): a strict prefix of a name of the same month."""
    return any(o != word and o.startswith(word) and v == months[word] for o, v in months.items())


@lru_cache(maxsize=4)
def _patterns(lang: str) -> _Patterns:
    rows = _read_dates(lang)
    months = {w: int(v) for w, k, v in rows if k == "month"}
    weekdays = {w: int(v) for w, k, v in rows if k == "weekday"}
    relative = {w: (k, int(v)) for w, k, v in rows if k in ("day", "week", "monthrel", "yearrel")}
    cs = {w: ("day", int(v)) for w, k, v in rows if k == "day_cs"}
    mods = {w: int(v) for w, k, v in rows if k == "weekday_mod"}
    parts = [w for w, k, _ in rows if k == "month_part"]
    preps = frozenset(w for w, k, _ in rows if k == "year_prep")
    day_parts = _optional([w for w, k, _ in rows if k == "day_part"])  # "Donnerstagabend"
    ords = _optional([w for w, k, _ in rows if k == "ordinal_suffix"])  # "6th"
    links = [w for w, k, _ in rows if k == "date_link"]  # "6 of March", "6 de marzo de 2022"
    link = rf"(?:(?:{_alt(links)})\s+)?" if links else ""
    dets = [w for w, k, _ in rows if k == "date_det"]  # "Thursday, the 6th"
    det = rf"(?:(?:{_alt(dets)})\s+)?" if dets else ""
    mon_alt = "|".join(
        re.escape(w) + (r"\.?" if _is_abbreviation(w, months) else "")
        for w in sorted(months, key=len, reverse=True)
    )
    mon = rf"(?P<mon>{mon_alt})"
    wday = rf"(?P<wd>{_alt(list(weekdays))}){day_parts}"
    year = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
    if registry.get_or_default(lang).ordinal_dot_dates:  # "6. Januar"
        dm = rf"(?P<day>\d{{1,2}})\.\s*{mon}(?:\s+{year})?"
    else:
        dm = (
            rf"(?:(?P<day>\d{{1,2}}){ords}\s+{link}{mon}(?:,?\s+{link}{year})?"
            rf"|(?P<mon2>{mon_alt})\s+(?P<day2>\d{{1,2}}){ords}(?!\d)"
            rf"(?:,?\s+(?P<year2>1[89]\d\d|20\d\d)(?!\d))?)"
        )
    full = re.compile(rf"(?<![\w.])(?:{wday},?\s+{det})?{dm}(?!\w)", re.IGNORECASE)
    numeric = re.compile(
        r"(?<![\w.])(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})?(?!\d)"
        r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
        r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d{2})(?![\d/]))"
    )
    month_year = re.compile(
        rf"(?<!\w)(?:(?P<part>{_alt(parts)})[\s-]+)?{mon}(?:\s+{year})?(?!\w)", re.IGNORECASE
    )
    weekday = re.compile(rf"(?<!\w)(?:(?P<mod>{_alt(list(mods))})\s+)?{wday}(?!\w)", re.IGNORECASE)
    rel = re.compile(rf"(?<!\w)(?:{_alt(list(relative))})(?!\w)", re.IGNORECASE)
    rel_cs = re.compile(rf"(?<!\w)(?:{_alt(list(cs))})(?!\w)") if cs else None
    relative.update(cs)
    return _Patterns(
        months=months,
        weekdays=weekdays,
        relative=relative,
        weekday_mods=mods,
        year_preps=preps,
        weekday_prefixes=tuple(weekdays),
        relative_words=frozenset(w for phrase in relative for w in phrase.split()),
        full=full,
        numeric=numeric,
        month_year=month_year,
        weekday=weekday,
        rel=rel,
        rel_cs=rel_cs,
        year=re.compile(rf"(?<![\w.,]){year}(?![.,]\d)"),
    )


def month_names(lang: str) -> list[str]:
    """Lower-case month names and abbreviations of a language (used to spot dates)."""
    return list(_patterns(registry.get_or_default(lang).code).months)


def weekday_names(lang: str) -> list[str]:
    """Lower-case weekday names of a language."""
    return list(_patterns(registry.get_or_default(lang).code).weekdays)


def _published(published: str | None) -> dt.date | None:
    """The publication date from an ISO string ("2022-01-06", "2022-01-06T10:00Z"), else None."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _infer_year(month: int, published: dt.date) -> int:
    return published.year - 1 if month > published.month else published.year


def _day(y: int | None, m: int, d: int, published: dt.date | None) -> dt.date | None:
    if y is None:
        if published is None:
            return None
        y = _infer_year(m, published)
    elif y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _slashed(a: int, b: int, y: int, lang: str, pub: dt.date | None) -> dt.date | None:
    """German "06/01/22" is day/month/year; English takes the reading nearest to ``pub``
    (month/day first without one)."""
    dmy = _day(y, b, a, pub)
    if registry.get_or_default(lang).day_first_dates:
        return dmy
    mdy = _day(y, a, b, pub)
    if dmy is None or mdy is None or pub is None:
        return mdy or dmy
    return min((mdy, dmy), key=lambda d: abs((d - pub).days))


def _weekday_date(wd: int, mod: int, published: dt.date) -> dt.date:
    back = (published.weekday() - wd) % 7
    if mod < 0:
        return published - dt.timedelta(days=back or 7)
    if mod > 0:
        return published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=back)


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _capitalised(s: str) -> bool:
    return s[:1].isupper()


def find_dates(
    text: str,
    lang: str,
    published: str | None,
    tokens: Sequence[tuple[int, int, int]] | None = None,
) -> list[DateMention]:
    """All date mentions of ``text`` (offsets into it), resolved against ``published``;
    ``tokens`` are the :func:`~eventcoder.coding.tokenizer.pieces` of ``text`` (from the
    article's view; made here when not given). Dates are patterns over several tokens."""
    language = registry.get_or_default(lang)
    p = _patterns(language.code)
    pub = _published(published)
    found: list[DateMention] = []

    def add(start: int, end: int, date: str, precision: str) -> None:
        found.append(DateMention(start, end, text[start:end], date, precision))

    # cheap checks first: most sentences have no date word and the regexes are costly
    if tokens is None:
        tokens = pieces(tokenize(text))
    words = {text[a:b].lower() for a, b, kind in tokens if kind == LETTERS}
    has_digit = any(kind == DIGITS for _a, _b, kind in tokens)
    has_month = not words.isdisjoint(p.months)
    has_weekday = any(w.startswith(p.weekday_prefixes) for w in words)
    has_rel = not words.isdisjoint(p.relative_words)
    for m in p.full.finditer(text) if has_month and has_digit else ():
        mon = m.group("mon") or m.group("mon2")
        if language.capitalised_months and not _capitalised(mon):
            continue
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.groupdict().get("year2")
        d = _day(int(year) if year else None, p.months[mon.lower().rstrip(".")], int(day), pub)
        if d:
            add(m.start(), m.end(), d.isoformat(), "day")
    for m in p.numeric.finditer(text) if has_digit else ():
        if m.group("iy"):
            d = _day(int(m.group("iy")), int(m.group("im")), int(m.group("id")), pub)
        elif m.group("c"):
            d = _slashed(int(m.group("a")), int(m.group("b")), int(m.group("c")), lang, pub)
        elif language.ordinal_dot_dates or m.group("y"):
            y = m.group("y")
            d = _day(int(y) if y else None, int(m.group("m")), int(m.group("d")), pub)
        else:
            d = None
        if d:
            add(m.start(), m.end(), d.isoformat(), "day")
    for m in p.month_year.finditer(text) if has_month else ():
        if language.capitalised_months and not _capitalised(m.group("mon")):
            continue
        month = p.months[m.group("mon").lower().rstrip(".")]
        before = text[max(0, m.start() - 12) : m.start()].split()
        prep = before[-1].lower() if before else ""
        if not (m.group("year") or m.group("part") or prep in p.year_preps):
            continue  # a bare month name ("May", "März") needs a preposition or a year
        if m.group("year"):
            y = int(m.group("year"))
        elif pub:
            y = _infer_year(month, pub)
        else:
            continue
        add(m.start(), m.end(), f"{y:04d}-{month:02d}", "month")
    if pub:
        for m in p.weekday.finditer(text) if has_weekday else ():
            if language.capitalised_months and not _capitalised(m.group("wd")):
                continue
            mod = p.weekday_mods.get((m.group("mod") or "").lower(), 0)
            d = _weekday_date(p.weekdays[m.group("wd").lower()], mod, pub)
            start = m.start("wd") if mod == 0 else m.start()
            add(start, m.end(), d.isoformat(), "day")
        for pat in (p.rel, p.rel_cs) if has_rel else ():
            for m in pat.finditer(text) if pat else ():
                kind, n = p.relative[" ".join(m.group().lower().split())]
                _add_relative(add, m.start(), m.end(), kind, n, pub)
    for m in p.year.finditer(text) if has_digit else ():
        before = text[max(0, m.start() - 12) : m.start()].split()
        prep = before[-1].lower() if before else ""
        after = text[m.end() : m.end() + 2].strip()
        # German "griffen 1997 das Dorf an": a count stands before a capitalised noun
        lower_next = language.capitalised_nouns and after[:1].isalpha() and after[0].islower()
        if prep in p.year_preps or not after or after[0] in ".,;:)!?" or lower_next:
            add(m.start(), m.end(), m.group("year"), "year")
    return _longest(found)


def _add_relative(
    add: Callable[[int, int, str, str], None], start: int, end: int, kind: str, n: int, pub: dt.date
) -> None:
    if kind == "day":
        add(start, end, (pub + dt.timedelta(days=n)).isoformat(), "day")
    elif kind == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=n)
        add(start, end, monday.isoformat(), "week")
    elif kind == "monthrel":
        y, mo = _add_months(pub, n)
        add(start, end, f"{y:04d}-{mo:02d}", "month")
    elif kind == "yearrel":
        add(start, end, f"{pub.year + n:04d}", "year")


def _longest(found: list[DateMention]) -> list[DateMention]:
    """Keep the longest of overlapping mentions; the earlier one on ties."""
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            if d.end - d.start > kept[-1].end - kept[-1].start:
                kept[-1] = d
            continue
        kept.append(d)
    return kept
