"""Toponym recognition on top of knowledge-base mentions: places, not words.

A big place (over ``SMALL`` inhabitants), a country or a world region counts as it is. A small
place (village, county) counts only with evidence: a locative preposition or a place-type word
before it ("in X", "nahe X", "the city of X", "die Provinz X"), a place-type word after it
("X County"), admin context after it ("X, Ohio", "X in Bayern"), or another place of the same
region in the article. Names that are common nouns of the article's language
(``place_common_nouns.tsv``) need a cue or admin context ("of" is no cue for them). A small
town the article also uses as a person's name ("Dewly Nelson", "Nelson said") is a person.
A union of states placed like a territory ("EU") is a toponym at its region's point. Cues
are data (``place_cues.tsv``).

``resolve`` then picks one gazetteer entry per name for the whole article: population and
feature prior (countries, states at least as a big town, capitals as cities), admin context
right after the name (which also finds stop-listed towns: "Austin, Texas"), the article's
other places and countries (coherence; a name is no evidence for itself), the dateline, and
the home countries of the language; a county is a reading of a town's name ("Norfolk").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from eventcoder.knowledge.lexicon import DATA_DIR, fold, read_tsv
from eventcoder.knowledge.matcher import lookup
from eventcoder.knowledge.mention import Mention
from eventcoder.language import registry

SMALL = 15_000
KIND, NAME, COUNTRY, LAT, LON, GID, ADMIN1, PREC, FORM, POP = 0, 1, 2, 5, 6, 7, 8, 9, 10, 12
ADMIN1_FLOOR = 500_000  # a state or province counts at least as a town this big
ADMIN2_CAP = 50_000  # and a county at most as a town this big
CAPITAL_POP = 1_000_000  # inhabitants of a capital whose town entry is unknown
PERSON_TOWN = 200_000  # towns smaller than this named like a person in the article are persons
MEMO_SIZE = 100_000  # surface forms whose gazetteer candidates a knowledge base remembers
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
def cues(kind: str, lang: str | None) -> frozenset[str]:
    """The cues of one kind (``weak``, ``speech``) for a language (None: all)."""
    return frozenset(r["cue"].lower() for r in read_tsv(DATA_DIR / "place_cues.tsv")
                     if r["kind"] == kind and (lang is None or r["lang"] == lang))


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def person_names(text: str, kb: Any, lang: str | None, wanted: frozenset[str]) -> frozenset[str]:
    """The ``wanted`` one-word names that the article uses for a person: after a given name
    ("Dewly Nelson") or next to a verb of saying ("said Nelson", "Nelson says")."""
    speech = cues("speech", lang)
    first = kb.tables.first_names
    words = _words_of(text)
    out = set()
    for i, w in enumerate(words):
        b = w if w in wanted else w[:-2] if w[:-2] in wanted and _bare(w) != w else None
        if b is None or b in out:
            continue
        a = _bare(words[i - 1]) if i else ""
        c = _bare(words[i + 1]) if i + 1 < len(words) else ""
        if _named_person(a, b, c, first, speech) or c.lower() in speech:
            out.add(b)
    return frozenset(out)


_LAST_WORDS: list[tuple[str, list[str]]] = []  # (text, its words) of the last article


def _words_of(text: str) -> list[str]:
    """The words of ``text`` (an article is read twice: for small places, then toponyms)."""
    if _LAST_WORDS and _LAST_WORDS[0][0] == text:
        return _LAST_WORDS[0][1]
    words = _WORD.findall(text)
    _LAST_WORDS[:] = [(text, words)]
    return words


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _named_person(a: str, b: str, c: str, first: Any, speech: frozenset[str]) -> bool:
    """Is ``b`` (between ``a`` and ``c``) a person's name: after a given name or a verb of
    saying, not followed by another capitalised word ("told the Suffolk Times")?"""
    return b[:1].isupper() and not c[:1].isupper() and (a in first or a.lower() in speech)


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


def union_seat(kb: Any, m: Any) -> tuple | None:
    """The region an organisation mention stands for when it is a union of states placed like
    a territory ("EU": the point of Europe, ``org_seats.tsv`` iso3 "-"), else None."""
    if m.kind != "org":
        return None
    hit = lookup(kb.automaton, m.text)
    for _x, _s, eid, _l in hit[1] if hit is not None else ():
        seat = kb.tables.org_seats.get(eid)
        if seat is not None and kb.entries[seat][PREC] == "region":
            return kb.entries[seat]
    return None


_GENITIVE = re.compile(r"(?<=\w)(s|es|’s|'s)$")


def population(kb: Any, m: Any) -> int:
    """Inhabitants of a place mention (0 when unknown); countries and regions count as big."""
    if m.kind in ("country", "org") or m.precision in ("country", "region"):
        return 10**9
    if m.precision == "admin1":  # states and provinces are first-class places
        return 10**7
    best = 0
    found = candidates(kb, m.text)
    if not found:  # a genitive ("Leipzigs"): the name without its ending
        found = candidates(kb, _GENITIVE.sub("", m.text))
    for eid in found:
        e = kb.entries[eid]
        if e[LAT] == m.lat and e[LON] == m.lon:
            best = max(best, e[POP] or 0)
    return best


def candidates(kb: Any, surface: str, lang: str | None = None) -> list[int]:
    """Gazetteer entries (places, countries) a surface form may name (remembered in the
    knowledge base's ``candidate_memo``: a name recurs in every article that names it)."""
    memo = getattr(kb, "candidate_memo", None)
    known = memo.get((surface, lang)) if memo is not None else None
    if known is not None:
        return list(known)
    hit = lookup(kb.automaton, surface)
    out = [] if hit is None else [
        eid for _x, _s, eid, lg in hit[1]
        if (lg is None or lang is None or lg == lang)
        and kb.entries[eid][KIND] in ("place", "country") and kb.entries[eid][LAT] is not None]
    if out:  # counties too ambiguous to match alone, but a reading of a matched town name
        out += getattr(kb.tables, "divisions", {}).get(fold(surface), [])
    if memo is not None and len(memo) < MEMO_SIZE:
        memo[(surface, lang)] = tuple(out)
    return out


def _prior(e: tuple, surface: str, towns: dict[int, int] | None = None) -> float:
    """Population prior; countries and world regions first, a capital is a big city (its
    inhabitants from ``towns``, geonameid -> population), a division counts a tenth of its
    towns ("New York" is the city), the entry's main name beats an alternate spelling."""
    pop = e[POP] or 0
    if e[KIND] == "country" and e[FORM] in ("capital", "metonym") and e[PREC] == "city":
        pop = (towns or {}).get(e[GID]) or CAPITAL_POP
        return 1.2 * math.log10(pop) + 1.5 + (1.0 if pop >= 1_000_000 else 0.0)
    if e[KIND] == "country" or e[PREC] in ("country", "region"):
        return 1.2 * math.log10(max(pop, 10**7)) + 1.5
    if e[PREC] in ("admin1", "admin2"):
        pop //= 10
    if e[PREC] == "admin1":  # a state beats its namesake towns ("Wyoming"), not a big city
        pop = max(pop, ADMIN1_FLOOR)
    elif e[PREC] == "admin2":  # county populations are rough sums of their towns
        pop = min(pop, ADMIN2_CAP)
    return 1.2 * math.log10(pop + 10) + (1.0 if fold(e[NAME] or "") == fold(surface) else 0.0) \
        + (1.0 if e[PREC] == "city" and pop >= 1_000_000 else 0.0)


def resolve(text: str, mentions: Sequence[Any], kb: Any, lang: str | None = None,
            dateline: Any | None = None) -> tuple[list[Any], dict[tuple[int, int], float]]:
    """Mentions with their places re-chosen by article context (one entry per name), and a
    confidence per mention span (0.5 for a toss-up between namesakes up to 1.0)."""
    code = registry.get(lang).code if lang and registry.is_supported(lang) else None
    home = _home(code)
    mentions = _stopped_towns(text, mentions, kb)
    ents = kb.entries
    cands = {m.start: candidates(kb, m.text, code) or [
        e for e in kb.tables.stopped.get(fold(m.text), []) if ents[e][GID] == m.geonameid]
        for m in mentions if m.kind in ("place", "country") and m.lat is not None}
    if not any(cands.values()):  # no place to choose for
        return mentions, {}
    by_start = {m.start: m for m in mentions}
    after = {m.start: _admin_candidates(m, by_start, text, kb, cands) for m in mentions
             if cands.get(m.start)}
    for start, pairs in after.items():  # "Victoria, British Columbia": the stop-listed town
        cands[start] = cands[start] + [e for e in kb.tables.stopped.get(
            fold(by_start[start].text), []) if (ents[e][COUNTRY], ents[e][ADMIN1]) in pairs
            or (ents[e][COUNTRY], None) in pairs]
    keys = [fold(m.text) for m in mentions]  # each mention's name, folded once
    towns_of = {start: {ents[e][GID]: ents[e][POP] for e in c if ents[e][KIND] == "place"}
                for start, c in cands.items() if c}
    priors: dict[tuple[int, int], float] = {}  # (mention start, entry): the same both rounds
    picks: dict[str, tuple[int, float]] = {}
    for _round in range(2):  # first by prior and admin context, then by article coherence
        countries: Counter[str] = Counter()
        admins: Counter[tuple[str, str]] = Counter()
        times: Counter[str] = Counter()  # how often each picked name counted
        for m, key in zip(mentions, keys, strict=True):
            c = cands.get(m.start)
            e = ents[picks[key][0]] if c and key in picks else None
            country = e[COUNTRY] if e else m.country
            if e:
                times[key] += 1
            if country and m.kind in ("place", "country"):
                countries[country] += 1
            if e and e[ADMIN1]:  # regions named, and towns inside them ("Atlanta": GA)
                admins[(country, e[ADMIN1])] += 1
        if dateline is not None and dateline.country:
            countries[dateline.country] += 2
            if dateline.admin1:
                admins[(dateline.country, dateline.admin1)] += 2
        chosen: dict[str, tuple[int, float]] = {}
        for m, key in zip(mentions, keys, strict=True):
            c = cands.get(m.start)
            if not c or key in chosen:
                continue
            own = picks.get(key)
            ctx_c: Mapping[str, int] = countries
            ctx_a: Mapping[tuple[str, str], int] = admins
            if own:  # the name's own reading (every time it is named) is no evidence for itself
                oe = ents[own[0]]
                ctx_c = _less(countries, oe[COUNTRY], times[key])
                if oe[ADMIN1]:
                    ctx_a = _less(admins, (oe[COUNTRY], oe[ADMIN1]), times[key])
            towns = towns_of[m.start]
            scored = []
            for e in c:
                prior = priors.get((m.start, e))
                if prior is None:
                    prior = priors[(m.start, e)] = _prior(ents[e], m.text, towns)
                scored.append((_fit(prior, ents[e], after[m.start], ctx_c, ctx_a, home), e))
            scored.sort(reverse=True)
            best = ents[scored[0][1]]
            rivals = [sc for sc, e in scored[1:]
                      if abs(ents[e][LAT] - best[LAT]) + abs(ents[e][LON] - best[LON]) > 1.0]
            margin = scored[0][0] - rivals[0] if rivals else 6.0
            chosen[key] = (scored[0][1], round(0.5 + 0.5 * (1 - math.exp(-margin / 2)), 3))
        picks = chosen
    out: list[Any] = []
    conf: dict[tuple[int, int], float] = {}
    for m, key in zip(mentions, keys, strict=True):
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


_NAME_BEFORE = re.compile(r"(?:([A-Z][\w'’.-]+) )?([A-Z][\w'’.-]+)\s*,\s*$")


def _stopped_towns(text: str, mentions: Sequence[Any], kb: Any) -> list[Any]:
    """``mentions`` plus the towns whose names are stop-listed as words ("Austin",
    "Jackson") where their state or country follows ("Austin, Texas", "Jackson, Miss.")."""
    taken = {i for m in mentions if m.kind != "person" for i in range(m.start, m.end)}
    extra = []
    for m in mentions:
        if m.kind == "place" and m.precision == "admin1":
            region = (m.country, m.admin1)
        elif m.kind == "country" and m.form == "name":
            region = (m.country, None)
        else:
            continue
        hit = _NAME_BEFORE.search(text, max(0, m.start - 40), m.start)
        if hit is None:
            continue
        for start in (hit.start(1), hit.start(2)) if hit.group(1) else (hit.start(2),):
            end = hit.end(2)
            eids = [e for e in kb.tables.stopped.get(fold(text[start:end]), [])
                    if kb.entries[e][COUNTRY] == region[0]
                    and region[1] in (None, kb.entries[e][ADMIN1])]
            if eids and taken.isdisjoint(range(start, end)):
                e = max((kb.entries[i] for i in eids), key=lambda x: x[POP] or 0)
                extra.append(Mention(start, end, text[start:end], "place", e[NAME],
                                     e[COUNTRY], lat=e[LAT], lon=e[LON], geonameid=e[GID],
                                     admin1=e[ADMIN1], precision=e[PREC], form="name"))
                taken.update(range(start, end))
                break
    if not extra:
        return list(mentions)
    spans = {(m.start, m.end) for m in extra}  # "Austin, Texas": the town, not a person
    kept = [m for m in mentions if m.kind != "person" or (m.start, m.end) not in spans]
    return sorted([*kept, *extra], key=lambda m: m.start)


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


def _less(counts: Mapping[Any, int], key: Any, n: int) -> dict[Any, int]:
    """A copy of ``counts`` with ``n`` taken off ``key``."""
    out = dict(counts)
    out[key] = out.get(key, 0) - n
    return out


def _fit(prior: float, e: tuple, after: set, countries: Mapping[str, int],
         admins: Mapping[tuple[str, str], int], home: frozenset) -> float:
    """How well entry ``e`` fits: its ``prior`` (:func:`_prior`), an admin region or country
    named right after, the article's countries and regions, the language's home countries."""
    s = prior
    if (e[COUNTRY], e[ADMIN1]) in after and e[PREC] != "admin1":
        s += 10
    elif (e[COUNTRY], None) in after and e[KIND] != "country":
        s += 6
    s += 2 * min(countries.get(e[COUNTRY], 0), 3) / 3
    if e[PREC] not in ("country", "region"):
        s += 2 * min(admins.get((e[COUNTRY], e[ADMIN1]), 0), 2) / 2
    return s + (0.5 if e[COUNTRY] in home else 0.0)


_ARTICLE_END = re.compile(r"\s+(the|der|die|das|dem|den|el|la|los|las)$")


@cache
def _cue_words(lang: str | None, weak: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(prepositions, every cue before a name) for :func:`_cue_before`, built once."""
    prep, before, _after = _cues(lang)
    if weak:  # "of": a cue for a name ("the Republic of X"), not for a common noun
        prep = (*prep, *cues("weak", lang))
    return prep, (*before, *prep)


def _cue_before(text: str, start: int, lang: str | None, weak: bool = True) -> bool:
    prep, cues = _cue_words(lang, weak)
    left = text[max(0, start - 30):start].lower()
    if not left.endswith(" ") and not left.endswith("\n"):
        return False
    words = left.rstrip()
    if words.endswith(cues):  # only then can one of them be a whole word
        for cue in cues:
            if words.endswith(cue) and (len(words) == len(cue) or not words[-len(cue) - 1].isalnum()):
                return True
    # "in the X", "in der Stadt X": one article between the preposition and the name
    stripped = _ARTICLE_END.sub("", words)
    return stripped != words and any(stripped.endswith(" " + c) or stripped == c for c in prep)


def _compound_heads(text: str, tops: Sequence[Any], lang: str | None) -> frozenset[str]:
    """Town names the text also uses as the head of a compound noun ("Mathe-Matura",
    "Zentralmatura"): in a language that capitalises nouns they are common nouns there, unless
    the first part is a place or a word of class ``place_prefix`` ("Ost-Jerusalem",
    "Westberlin")."""
    names = {m.text for m in tops if m.kind == "place" and m.precision == "city"}
    prefixes = cues("place_prefix", lang)
    places = {m.text for m in tops}
    out = set()
    for name in names:
        for form, joint in ((name, "-"), (name.lower(), "")):
            at = text.find(form, 1)
            while at != -1 and name not in out:
                end = at + len(form)
                k = at - len(joint)
                if text[k:at] == joint and text[k - 1 : k].isalpha() \
                        and not text[end : end + 1].isalnum():
                    start = k
                    while start > 0 and text[start - 1].isalnum():
                        start -= 1
                    first = text[start:k]  # "Mathe" of "Mathe-Matura", "Zentral"
                    if (first[:1].isupper() or not joint) and first.lower() not in prefixes \
                            and first not in places:
                        out.add(name)
                at = text.find(form, at + 1)
    return frozenset(out)


def _word_before(text: str, start: int) -> str:
    """The lower-cased word right before ``start`` (one space between), or ""."""
    left = text[max(0, start - 12):start]
    if not left.endswith(" "):
        return ""
    words = left.split()
    return words[-1].lower() if words else ""


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
    noun_art = cues("noun_article", code)
    postal = code is not None and registry.get(code).postal_region_codes
    tops = [m for m in mentions if (is_toponym(m) or union_seat(kb, m) is not None)
            and m.text[:1].isupper()]
    by_start = {m.start: m for m in tops}
    pops = {id(m): population(kb, m) for m in tops}  # asked three times below: looked up once
    strong = [m for m in tops if pops[id(m)] >= SMALL]
    regions = Counter((m.country, m.admin1) for m in strong if m.admin1)
    small_towns = frozenset(m.text for m in tops if m.kind == "place"
                            and m.precision == "city" and pops[id(m)] < PERSON_TOWN)
    people = person_names(text, kb, code, small_towns) if small_towns else frozenset()
    admin_of = {sep_end for m in tops if _admin_after(m, by_start, text)
                for sep_end in [_ADMIN_SEP.match(text, m.end).end()]}
    compound_heads = _compound_heads(text, tops, code) if noun_art else frozenset()
    out = []
    for m in tops:
        if m.start in admin_of and (postal or len(m.text) > 3):  # "Sacramento, Calif."
            out.append(m)
            continue
        short_caps = m.text.isupper() and len(m.text) <= 3
        if short_caps and m.kind == "place":  # "OH" alone is a word, "Columbus, OH" a state
            continue
        pop = pops[id(m)]
        common = fold(m.text) in commons
        cue = _cue_before(text, m.start, code, weak=not common) \
            or _cue_after(text, m.end, code) or _admin_after(m, by_start, text)
        if m.kind == "place" and m.precision == "city" and m.text in people and not cue \
                and pop < PERSON_TOWN:
            continue  # "Nelson said", "Kobe Bryant ... Bryant": a person
        if m.kind == "place" and m.precision == "city" and (
                _word_before(text, m.start) in noun_art or m.text in compound_heads):
            continue  # "bei der Matura", "die Mathe-Matura": a noun, no town
        if pop >= SMALL and not common:
            out.append(m)
            continue
        if cue and not short_caps:
            out.append(m)
        elif short_caps and _admin_after(m, by_start, text):
            out.append(m)
        elif not common and not short_caps and regions[(m.country, m.admin1)] >= 1:
            out.append(m)
    return out
