"""Toponym recognition on top of knowledge-base mentions: places, not words.

A big place (over ``SMALL`` inhabitants), a country or a world region counts as it is. A small
place (village, county) counts only with evidence: a locative preposition or a place-type word
before it ("in X", "nahe X", "the city of X", "die Provinz X"), a place-type word after it
("X County"), admin context after it ("X, Ohio", "X in Bayern"), or another place of the same
region in the article. Names that are common nouns of the article's language
(``place_common_nouns.tsv``) need a cue or admin context. Cues are data (``place_cues.tsv``).

``resolve`` then picks one gazetteer entry per name for the whole article: population and
feature prior (countries, states), admin context right after the name, the article's other
places and countries (coherence), the dateline, and the home countries of the language.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from eventcoder.knowledge.lexicon import DATA_DIR, fold, read_tsv
from eventcoder.knowledge.matcher import lookup
from eventcoder.language import registry

SMALL = 15_000
KIND, NAME, COUNTRY, LAT, LON, GID, ADMIN1, PREC, FORM, POP = 0, 1, 2, 5, 6, 7, 8, 9, 10, 12
_ADMIN_SEP = re.compile(r"\s*(?:,|\(|\bin\b|\bim\b|\ben\b)\s*")


@cache
def _cues(lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(prepositions, type words before, type words after) for a language (None: all)."""
    prep: list[str] = []
    before: list[str] = []
    after: set[str] = set()
    for r in read_tsv(DATA_DIR / "place_cues.tsv"):
        if lang is not None and r["lang"] != lang:
            continue
        {"prep": prep, "before": before}.get(r["kind"], []).append(r["cue"].lower())
        if r["kind"] == "after":
            after.add(r["cue"])
    longest = sorted(set(prep), key=len, reverse=True)
    return tuple(longest), tuple(sorted(set(before), key=len, reverse=True)), frozenset(after)


@cache
def _home(lang: str | None) -> frozenset[str]:
    return frozenset(r["cue"] for r in read_tsv(DATA_DIR / "place_cues.tsv")
                     if r["kind"] == "home" and r["lang"] == lang)


@cache
def _common_nouns(lang: str | None) -> frozenset[str]:
    return frozenset(fold(r["word"]) for r in read_tsv(DATA_DIR / "place_common_nouns.tsv")
                     if lang is None or r["lang"] == lang)


def is_toponym(m: Any) -> bool:
    """Does a knowledge-base mention name a place (not a demonym like "Mexicans")?"""
    if m.kind == "place":
        if m.form == "description":
            return False
        return not (m.form == "adj" and m.text.endswith("s") and m.text[:1].isupper())
    if m.kind != "country" or m.form not in ("name", "genitive", "capital", "metonym", "adj"):
        return False
    if m.form == "adj":  # "German" is a toponym modifier, "Germans" a demonym
        return m.text[:1].isupper() and not m.text.endswith("s")
    return True


def population(kb: Any, m: Any) -> int:
    """Inhabitants of a place mention (0 when unknown); countries and regions count as big."""
    if m.kind == "country" or m.precision in ("country", "region"):
        return 10**9
    if m.precision == "admin1":  # states and provinces are first-class places
        return 10**7
    best = 0
    text = m.text
    if not candidates(kb, text):  # a genitive ("Leipzigs"): the name without its ending
        text = re.sub(r"(?<=\w)(s|es|’s|'s)$", "", text)
    for eid in candidates(kb, text):
        e = kb.entries[eid]
        if e[LAT] == m.lat and e[LON] == m.lon:
            best = max(best, e[POP] or 0)
    return best


def candidates(kb: Any, surface: str, lang: str | None = None) -> list[int]:
    """Gazetteer entries (places, countries) a surface form may name."""
    hit = lookup(kb.automaton, surface)
    if hit is None:
        return []
    return [eid for _x, _s, eid, lg in hit[1]
            if (lg is None or lang is None or lg == lang)
            and kb.entries[eid][KIND] in ("place", "country") and kb.entries[eid][LAT] is not None]


def _prior(e: tuple, surface: str) -> float:
    """Population prior; countries and world regions first, a division counts a tenth of its
    towns ("New York" is the city), the entry's main name beats an alternate spelling."""
    pop = e[POP] or 0
    if e[KIND] == "country" or e[PREC] in ("country", "region"):
        return 1.2 * math.log10(max(pop, 10**7)) + 1.5
    if e[PREC] in ("admin1", "admin2"):
        pop //= 10
    return 1.2 * math.log10(pop + 10) + (1.0 if fold(e[NAME] or "") == fold(surface) else 0.0) \
        + (1.0 if e[PREC] == "city" and pop >= 1_000_000 else 0.0)


def resolve(text: str, mentions: Sequence[Any], kb: Any, lang: str | None = None,
            dateline: Any | None = None) -> tuple[list[Any], dict[tuple[int, int], float]]:
    """Mentions with their places re-chosen by article context (one entry per name), and a
    confidence per mention span (0.5 for a toss-up between namesakes up to 1.0)."""
    code = registry.get(lang).code if lang and registry.is_supported(lang) else None
    home = _home(code)
    cands = {m.start: candidates(kb, m.text, code) for m in mentions
             if m.kind in ("place", "country") and m.lat is not None}
    ents = kb.entries
    by_start = {m.start: m for m in mentions}
    after = {m.start: _admin_candidates(m, by_start, text, kb, cands) for m in mentions
             if cands.get(m.start)}
    picks: dict[str, tuple[int, float]] = {}
    for _round in range(2):  # first by prior and admin context, then by article coherence
        countries: Counter[str] = Counter()
        admins: Counter[tuple[str, str]] = Counter()
        for m in mentions:
            c = cands.get(m.start)
            e = ents[picks[fold(m.text)][0]] if c and fold(m.text) in picks else None
            country = e[COUNTRY] if e else m.country
            if country and m.kind in ("place", "country"):
                countries[country] += 1
            if e and e[ADMIN1]:  # regions named, and towns inside them ("Atlanta": GA)
                admins[(country, e[ADMIN1])] += 1
        if dateline is not None and dateline.country:
            countries[dateline.country] += 2
            if dateline.admin1:
                admins[(dateline.country, dateline.admin1)] += 2
        chosen: dict[str, tuple[int, float]] = {}
        for m in mentions:
            c = cands.get(m.start)
            key = fold(m.text)
            if not c or key in chosen:
                continue
            own = picks.get(key)
            ctx_c, ctx_a = countries.copy(), admins.copy()
            if own:  # the name's own reading is no evidence for itself
                ctx_c[ents[own[0]][COUNTRY]] -= 1
                if ents[own[0]][ADMIN1]:
                    ctx_a[(ents[own[0]][COUNTRY], ents[own[0]][ADMIN1])] -= 1
            scored = sorted(((_score(ents[e], m.text, after[m.start], ctx_c, ctx_a, home), e)
                             for e in c), reverse=True)
            best = ents[scored[0][1]]
            rivals = [sc for sc, e in scored[1:]
                      if abs(ents[e][LAT] - best[LAT]) + abs(ents[e][LON] - best[LON]) > 1.0]
            margin = scored[0][0] - rivals[0] if rivals else 6.0
            chosen[key] = (scored[0][1], round(0.5 + 0.5 * (1 - math.exp(-margin / 2)), 3))
        picks = chosen
    out: list[Any] = []
    conf: dict[tuple[int, int], float] = {}
    for m in mentions:
        key = fold(m.text)
        if not cands.get(m.start) or key not in picks:
            out.append(m)
            continue
        eid, p = picks[key]
        conf[(m.start, m.end)] = p
        e = ents[eid]
        moved = abs(e[LAT] - m.lat) + abs(e[LON] - m.lon) > 0.5
        if moved and (m.kind == "place" or e[KIND] == "place"):
            m = replace(m, kind="place", name=e[NAME], country=e[COUNTRY], lat=e[LAT],
                        lon=e[LON], geonameid=e[GID], admin1=e[ADMIN1], precision=e[PREC],
                        sector=None, code=None, form="name", role=None, place_name=None)
        out.append(m)
    return out, conf


def _admin_candidates(m: Any, by_start: dict[int, Any], text: str, kb: Any,
                      cands: dict[int, list[int]]) -> set[tuple[str, str | None]]:
    """(country, admin1) pairs named right after ``m`` ("Dublin, Ohio"), admin1 None for a
    country."""
    sep = _ADMIN_SEP.match(text, m.end)
    if sep is None or sep.end() == m.end or sep.end() not in by_start:
        return set()
    out: set[tuple[str, str | None]] = set()
    for eid in cands.get(sep.end(), ()):
        e = kb.entries[eid]
        if e[KIND] == "country":
            out.add((e[COUNTRY], None))
        elif e[PREC] in ("admin1", "admin2"):
            out.add((e[COUNTRY], e[ADMIN1]))
    return out


def _score(e: tuple, surface: str, after: set, countries: Counter, admins: Counter,
           home: frozenset) -> float:
    s = _prior(e, surface)
    if (e[COUNTRY], e[ADMIN1]) in after and e[PREC] != "admin1":
        s += 10
    elif (e[COUNTRY], None) in after and e[KIND] != "country":
        s += 6
    s += 2 * min(countries.get(e[COUNTRY], 0), 3) / 3
    if e[PREC] not in ("country", "region"):
        s += 2 * min(admins.get((e[COUNTRY], e[ADMIN1]), 0), 2) / 2
    return s + (0.5 if e[COUNTRY] in home else 0.0)


def _cue_before(text: str, start: int, lang: str | None) -> bool:
    prep, before, _after = _cues(lang)
    left = text[max(0, start - 30):start].lower()
    if not left.endswith(" ") and not left.endswith("\n"):
        return False
    words = left.rstrip()
    for cue in (*before, *prep):
        if words.endswith(cue) and (len(words) == len(cue) or not words[-len(cue) - 1].isalnum()):
            return True
    # "in the X", "in der Stadt X": one article between the preposition and the name
    stripped = re.sub(r"\s+(the|der|die|das|dem|den|el|la|los|las)$", "", words)
    return stripped != words and any(stripped.endswith(" " + c) or stripped == c for c in prep)


def is_locative(text: str, start: int, lang: str | None = None) -> bool:
    """Does a locative preposition (or place-type word) come right before ``start``?"""
    code = registry.get(lang).code if lang and registry.is_supported(lang) else None
    return _cue_before(text, start, code)


def _cue_after(text: str, end: int, lang: str | None) -> bool:
    nxt = text[end:end + 20].split()
    return bool(nxt) and nxt[0].strip(".,;:)") in _cues(lang)[2]


def _admin_after(m: Any, by_start: dict[int, Any], text: str) -> bool:
    """ "X, Ohio" / "X (Bayern)" / "X in Bayern": a region or country of X follows."""
    sep = _ADMIN_SEP.match(text, m.end)
    if sep is None or sep.end() == m.end:
        return False
    nxt = by_start.get(sep.end())
    if nxt is None or nxt.kind not in ("place", "country"):
        return False
    same_country = nxt.country == m.country
    if nxt.kind == "country":
        return same_country
    return same_country and (nxt.precision in ("admin1", "admin2") and
                             (nxt.admin1 == m.admin1 or nxt.precision == "admin2"))


def find(text: str, mentions: Sequence[Any], kb: Any, lang: str | None = None,
         dateline: Any | None = None) -> tuple[list[Any], dict[tuple[int, int], float]]:
    """The article's toponyms, resolved in context, and a confidence per span."""
    resolved, conf = resolve(text, mentions, kb, lang, dateline)
    return confirm(text, resolved, kb, lang), conf


def confirm(text: str, mentions: Sequence[Any], kb: Any, lang: str | None = None) -> list[Any]:
    """The toponyms among ``mentions``: every place mention that is a place by the rules
    above (``lang`` None: cues and common nouns of every registered language)."""
    code = registry.get(lang).code if lang and registry.is_supported(lang) else None
    commons = _common_nouns(code)
    tops = [m for m in mentions if is_toponym(m) and m.text[:1].isupper()]
    by_start = {m.start: m for m in tops}
    strong = [m for m in tops if population(kb, m) >= SMALL]
    regions = Counter((m.country, m.admin1) for m in strong if m.admin1)
    admin_of = {sep_end for m in tops if _admin_after(m, by_start, text)
                for sep_end in [_ADMIN_SEP.match(text, m.end).end()]}
    out = []
    for m in tops:
        if m.start in admin_of and (code == "en" or len(m.text) > 3):  # "Sacramento, Calif."
            out.append(m)
            continue
        short_caps = m.text.isupper() and len(m.text) <= 3
        if short_caps and m.kind == "place":  # "OH" alone is a word, "Columbus, OH" a state
            continue
        pop = population(kb, m)
        common = fold(m.text) in commons
        if pop >= SMALL and not common:
            out.append(m)
            continue
        cue = _cue_before(text, m.start, code) or _cue_after(text, m.end, code) \
            or _admin_after(m, by_start, text)
        if cue and not short_caps:
            out.append(m)
        elif short_caps and _admin_after(m, by_start, text):
            out.append(m)
        elif not common and not short_caps and regions[(m.country, m.admin1)] >= 1:
            out.append(m)
    return out
