"""The :class:`KnowledgeBase`: match actors, roles and places in a text; geocode place names.

``match`` runs one Aho–Corasick pass (``matcher.scan``), keeps the longest non-overlapping
spans, picks one entry per span (people by the article's date, places by the countries of the
text and population), then combines neighbours:

* country adjective/genitive + role  -> kind ``actor`` ("das kasachische Innenministerium",
  "Kasachstans Strafverfolgungsbehörden", "Russian troops", "US-Truppen")
* role + genitive country or city     -> kind ``actor`` ("Streitkräfte Moskaus",
  "die Polizei Almatys", "the police of Kazakhstan")
* role + person                       -> kind ``person`` with ``role`` ("Präsident Tokajew")
* organisation or person + role       -> kind ``actor`` ("Hamas-Kommandeure", "Nato-Truppen",
  "Assad-Truppen", "Taliban fighters"); role + organisation -> the organisation ("die
  Terrormiliz IS"); English sector noun + generic head -> role ("police spokesman")
* descriptions ("die ehemalige Hauptstadt") -> kind ``place`` once the country is known
  (from the text before it, or ``context``).

Capitals and seats of government are kind ``country``/sector ``GOV`` with the city's
coordinates; ``locative`` tells that a locative preposition precedes (see :class:`Mention`).
The engine decides whether "in Moskau" is a place (``Mention.to_location``) or an actor.

Places with several gazetteer entries are resolved with the text itself: the regions and
countries it names, nearness to its unambiguous places, then big cities, main names and
population. ``context`` (the article's country codes) helps when a single sentence is matched;
``combine=False`` returns the raw mentions (used by the NER and toponym scorers).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventcoder.knowledge.domestic import DOMESTIC_FORM, pick_country
from eventcoder.knowledge.lexicon import (
    ADMIN1,
    CODE,
    COUNTRY,
    EXTRA,
    FORM,
    GID,
    KIND,
    LAT,
    LON,
    NAME,
    POP,
    PREC,
    SECTOR,
    fold,
)
from eventcoder.knowledge.matcher import build_automaton, lookup, scan
from eventcoder.knowledge.mention import Mention
from eventcoder.language import data, registry
from eventcoder.language.base import Language
from eventcoder.model import Location

PRIORITY = {"org": 6, "person": 5, "country": 4, "actor": 4, "desc": 3, "role": 2, "place": 1}
_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|an|ash|at|az|ibn|bin)-[A-ZÄÖÜ]")
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
CASED = {"org", "person", "place"}
FORM_RANK = {"name": 0, "capital": 1, "metonym": 2, "adj": 3}
# places a person may share a name with ("Vladimir Rebic", "Victoria Hale"): towns and states
_NAMESAKE_PRECISIONS = frozenset({"city", "admin1"})


@lru_cache(maxsize=16)
def _words(lang: str) -> _Words:
    """The language's word lists for matching (``language/<code>/wordlists.tsv``)."""
    language = registry.get_or_default(lang)
    preps = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data.word_list(language, "locative"))
    dets = "|".join(re.escape(w) for w in data.word_list(language, "locative_det"))
    locative = re.compile(
        rf"(?:^|\W)(?:{preps})\s+(?:(?:{dets})\s*)?$" if preps else r"(?!)", re.IGNORECASE
    )
    return _Words(
        language=language,
        of_org=tuple(f" {w} " for w in data.word_list(language, "of_org")),
        articles=frozenset(data.word_list(language, "articles")),
        locative=locative,
        nounish=data.word_list(language, "nounish"),
    )


@dataclass(frozen=True)
class _Words:
    language: Language
    of_org: tuple[str, ...]  # " der ", " of the ": between a role and an organisation
    articles: frozenset[str]  # before a city name: a common noun ("die Essen")
    locative: re.Pattern[str]  # a preposition of place right before a mention
    nounish: tuple[str, ...]  # noun endings: no first name after a title


_NAME_AFTER = re.compile(r"\s+([A-ZÄÖÜ][\w\-’']+(?:\s+[A-ZÄÖÜ][\w\-]+){0,2})")


_TITLE_CACHE: dict[str, bool] = {}
_RANK_CACHE: dict[tuple[int, str | None], tuple] = {}


class _Context:
    """What a text says about where it is: countries (with counts), regions, anchor points."""

    def __init__(self, countries: Sequence[str], admins: frozenset = frozenset(),
                 anchors: Sequence[tuple[float, float]] = ()) -> None:
        self.counts: dict[str, int] = {}
        for c in countries:
            self.counts[c] = self.counts.get(c, 0) + 1
        self.admins = admins
        self.anchors = list(dict.fromkeys(anchors))[:30]
        self.picked: dict[tuple, int] = {}

    def near(self, lat: float | None, lon: float | None, km: float = 150.0) -> bool:
        if lat is None or not self.anchors:
            return False
        deg = km / 111.0
        for a_lat, a_lon in self.anchors:
            if abs(a_lat - lat) < deg and abs(a_lon - lon) * math.cos(math.radians(lat)) < deg:
                return True
        return False


class KnowledgeBase:
    """Countries, organisations, people, roles and places with one phrase matcher."""

    def __init__(self, entries: list[tuple], keys: dict[str, list[tuple]], tables) -> None:
        self.entries = entries
        self.tables = tables
        self.automaton = build_automaton(keys)
        self.candidate_memo: dict[tuple[str, str | None], tuple[int, ...]] = {}  # toponyms

    # -- public API -------------------------------------------------------------------------
    def match(self, text: str, lang: str, date: str | None = None,
              context: Sequence[str] = (), combine: bool = True) -> list[Mention]:
        """Mentions in ``text`` (one pass; longest non-overlapping; people resolved by
        ``date``; ``context``: country codes of the article for places and descriptions;
        ``combine=False`` keeps role nouns and their countries/people apart)."""
        lang = registry.get_or_default(lang).code
        spans: dict[tuple[int, int], list[tuple[int, str, bool]]] = {}
        for start, end, eid, infl, exact in scan(self.automaton, text, lang):
            spans.setdefault((start, end), []).append((eid, infl, exact))
        chosen = []
        for (start, end), cands in spans.items():
            best = self._choose(text, start, end, lang, cands, date)
            if best is not None:
                chosen.append((start, end, best))
        chosen.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(len(text))
        kept = []
        for start, end, best in chosen:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, best))
        kept.sort()
        countries = [c for c in context]
        admins = set()
        anchors: list[tuple[float, float]] = []
        for _s, _e, (eids, _i) in kept:
            e = self.entries[eids[0]]
            if e[KIND] in ("country", "person", "org") and e[COUNTRY]:
                countries.append(e[COUNTRY])
                if e[KIND] == "country" and e[PREC] == "city":
                    anchors.append((e[LAT], e[LON]))
            elif e[KIND] == "place" and len(eids) == 1 and e[COUNTRY]:
                countries.append(e[COUNTRY])
                if e[ADMIN1]:
                    admins.add((e[COUNTRY], e[ADMIN1]))
                if e[PREC] == "city":
                    anchors.append((e[LAT], e[LON]))
        ctx = _Context(countries, frozenset(admins), anchors)
        mentions = [self._mention(text, s, e, eids, infl, date, ctx)
                    for s, e, (eids, infl) in kept]
        if not combine:
            return mentions
        mentions = self._combine(text, lang, self._evident_places(text, lang, mentions))
        return self._describe(text, lang, mentions, list(context))

    def geocode(self, name: str, lang: str, country: str | None = None,
                context: Sequence[str] = ()) -> Location | None:
        """The place best matching ``name`` (a country, region or city; for an organisation
        its seat), or None."""
        hit = lookup(self.automaton, name)
        variants = hit[1] if hit is not None else ()
        eids = [eid for _x, _s, eid, _l in variants
                if self.entries[eid][KIND] in ("place", "country")
                and self.entries[eid][LAT] is not None]
        if not eids:  # an organisation: its seat
            seats = self.tables.org_seats
            eids = [seats[eid] for _x, _s, eid, _l in variants if eid in seats]
        if not eids:  # names too ambiguous to match in running text ("Orange")
            eids = self.tables.stopped.get(fold(" ".join(name.split())), [])
        if not eids:
            words = name.split()
            if len(words) > 1 and words[-1] in self.tables.admin_words:
                return self.geocode(" ".join(words[:-1]), lang, country, context)
            return None
        eid = self._pick_place(eids, _Context([country] if country else list(context)), name)
        e = self.entries[eid]
        return Location(text=name, name=e[EXTRA] if e[FORM] in ("capital", "metonym")
                        else e[NAME], country=e[COUNTRY], admin1=e[ADMIN1], lat=e[LAT],
                        lon=e[LON], geonameid=e[GID], precision=e[PREC])

    def country_name(self, code: str) -> str | None:
        """English name of a country (ISO alpha-3) or organisation code."""
        row = self.tables.countries.get(code)
        if row:
            return row["name_en"]
        return self.tables.org_names.get(code)

    # -- internals --------------------------------------------------------------------------
    def _choose(self, text: str, start: int, end: int, lang: str,
                cands: list[tuple[int, str, bool]], date: str | None):
        """The entries a span may stand for (several only for places), or None."""
        first = text[start]
        words = _words(lang)
        ok = []
        for eid, infl, exact in cands:
            e = self.entries[eid]
            kind = e[KIND]
            if not exact and (kind in CASED or kind == "country") and \
                    (e[FORM] != "adj" or words.language.capitalised_demonyms):
                if first.isalpha() and not first.isupper() and \
                        not (kind in ("org", "person") and _PARTICLE.match(text, start)):
                    continue
            if words.language.capitalised_nouns and kind in ("role", "actor") and \
                    first.islower() and \
                    text.find(" ", start, end) == -1:
                continue  # German nouns are capitalised: "offiziellen Angaben" is no role
            if kind == "place" and e[PREC] in _NAMESAKE_PRECISIONS and \
                    self._in_name(text, start, end):
                continue
            if kind == "place" and words.articles and e[PREC] == "city" and infl != "er":
                prev = text[max(0, start - 8):start].split()
                if prev and prev[-1].lower() in words.articles:
                    continue
            ok.append((PRIORITY[kind], eid, infl))
        if not ok:
            return None
        top = max(p for p, _e, _i in ok)
        best = [(eid, infl) for p, eid, infl in ok if p == top]
        best.sort(key=lambda b: FORM_RANK.get(self.entries[b[0]][FORM], 9))
        infl = best[0][1]
        kind = self.entries[best[0][0]][KIND]
        if kind == "place":
            return tuple(eid for eid, _i in best), infl
        if kind == "person" and len(best) > 1:
            best.sort(key=lambda b: self._person_rank(b[0], date), reverse=True)
        return (best[0][0],), infl

    def _in_name(self, text: str, start: int, end: int) -> bool:
        """Is a town or state name at ``text[start:end]`` part of a person's name ("Mary
        Smith", "Ron Howard", "Vladimir Rebic"), not a place of several words ("Santa
        Barbara")?"""
        first = self.tables.first_names
        space = text.find(" ", start)
        word = text[start:space if space != -1 else len(text)].strip(".,;:!?)")
        prev = text[max(0, start - 25):start].split()
        if prev and prev[-1] in first and prev[-1][:1].isupper():
            return True
        if word in first and start + len(word) >= end:
            nxt = text[start + len(word):start + len(word) + 2]
            return nxt[:1] == " " and nxt[1:2].isupper()
        return False

    @staticmethod
    def _period(e: tuple, date: str | None) -> tuple | None:
        periods = e[EXTRA] or ()
        if date:
            for p in reversed(periods):
                if (not p[3] or p[3] <= date) and (not p[4] or date <= p[4]) and (p[3] or p[4]):
                    return p
            return None
        return periods[-1] if periods else None

    def _person_rank(self, eid: int, date: str | None) -> tuple:
        key = (eid, date)
        rank = _RANK_CACHE.get(key)
        if rank is None:
            e = self.entries[eid]
            p = self._period(e, date)
            latest = max((q[3] or "" for q in e[EXTRA] or ()), default="")
            rank = (p is not None, bool(p and p[2]), latest)
            if len(_RANK_CACHE) > 100_000:
                _RANK_CACHE.clear()
            _RANK_CACHE[key] = rank
        return rank

    def _pick_place(self, eids: Sequence[int], ctx: _Context, surface: str = "") -> int:
        """Countries and world regions first; then places in the text's regions, near its
        unambiguous places, in its countries; then big cities (> 1 million: "New York" is the
        city); then places whose main name is the surface ("Venice", not a town that also has
        it as an alternate name); then population (a region counting a tenth)."""
        ents = self.entries
        folded = fold(surface)

        def rank(x: int) -> tuple:
            e = ents[x]
            pop = e[POP] or 0
            n = ctx.counts.get(e[COUNTRY], 0)
            return (e[KIND] == "country" or e[PREC] == "region",
                    (e[COUNTRY], e[ADMIN1]) in ctx.admins, ctx.near(e[LAT], e[LON]), n > 0,
                    e[PREC] == "city" and pop >= 1_000_000, fold(e[NAME]) == folded,
                    pop / (10 if e[PREC] == "admin1" else 1), n)

        return max(eids, key=rank)

    def _mention(self, text: str, s: int, e: int, eids: tuple, infl: str,
                 date: str | None, ctx: _Context) -> Mention:
        if len(eids) == 1:
            eid = eids[0]
        else:
            key = (eids, text[s:e])
            eid = ctx.picked.get(key)
            if eid is None:
                eid = ctx.picked[key] = self._pick_place(eids, ctx, text[s:e])
        ent = self.entries[eid]
        kind = ent[KIND]
        m = Mention(s, e, text[s:e], kind, ent[NAME], ent[COUNTRY], ent[SECTOR], ent[CODE],
                    ent[LAT], ent[LON], ent[GID], ent[ADMIN1], ent[PREC], form=ent[FORM])
        if kind == "country" and ent[FORM] in ("capital", "metonym"):
            m.place_name = ent[EXTRA]
            m.role = ent[FORM]
        if infl in ("s", "es") and m.form != "adj":
            m.form = "genitive"
        elif infl == "er" and kind in ("place", "country"):
            m.form = "adj"
        elif kind == "person":
            p = self._period(ent, date)
            if p is None:
                dated = [q for q in ent[EXTRA] or () if q[3] or q[4]]
                p = dated[-1] if dated else None
                m.country = p[0] if p else ent[COUNTRY]
                m.sector = "ELI" if p and date and (p[4] and p[4] < date) else \
                    (p[1] if p else ent[SECTOR])
            else:
                m.country, m.sector, m.role = p[0], p[1], p[2]
        elif kind == "role":
            m.role = m.text
            m.name = None
        elif kind == "actor":
            m.role = m.text
        elif kind == "desc":
            m.role = ent[EXTRA]
        elif ent[FORM] == DOMESTIC_FORM:  # "Bundesregierung": the article's country
            m.country, m.form = pick_country(ent[EXTRA], ctx.counts), "name"
        if m.kind != "place" and m.country and m.sector and m.code is None \
                and len(m.country) == 3 and m.country.isupper():
            m.code = m.country + m.sector
        return m

    def _evident_places(self, text: str, lang: str, ms: list[Mention]) -> list[Mention]:
        """Drop small places (under ``toponyms.SMALL`` inhabitants) without place evidence
        (``toponyms.confirm``: a locative cue, admin context, a known region), so a village
        name cannot split a person or actor phrase."""
        from eventcoder.knowledge import toponyms

        def pop(m: Mention) -> int:  # by the surface, else the entry's name ("Schweriner")
            return toponyms.population(self, m) or \
                (toponyms.population(self, replace(m, text=m.name)) if m.name else 0)

        small = {(m.start, m.end) for m in ms if m.kind == "place" and m.form != "description"
                 and pop(m) < toponyms.SMALL}
        if not small:
            return ms
        keep = {(m.start, m.end) for m in toponyms.confirm(text, ms, self, lang)}
        return [m for m in ms if (m.start, m.end) not in small or (m.start, m.end) in keep]

    # -- combination ------------------------------------------------------------------------
    @staticmethod
    def _gap(text: str, a: Mention, b: Mention) -> str:
        return text[a.end:b.start]

    def _modifies(self, text: str, lang: str, m: Mention, role: Mention) -> bool:
        """Can country mention ``m`` qualify the following role noun?"""
        gap = self._gap(text, m, role)
        if m.kind not in ("country", "place"):
            return False
        if gap == "-" and m.kind == "country":
            return True
        if gap.strip():
            if registry.get_or_default(lang).possessive_clitic and gap in ("'s ", "’s "):
                return True
            return False
        if m.form == "adj":
            return True
        if m.kind == "place":
            return registry.get_or_default(lang).morphological_case and m.form == "genitive"
        if m.form == "adj":
            return True
        if registry.get_or_default(lang).morphological_case:
            return m.form == "genitive"
        return m.form in ("name", "capital", "metonym")

    def _genitive_after(self, text: str, lang: str, role: Mention, m: Mention) -> bool:
        """Is ``m`` a genitive/of-phrase country or city after ``role``?"""
        if m.kind not in ("country", "place") or m.form == "adj":
            return False
        gap = self._gap(text, role, m)
        language = registry.get_or_default(lang)
        if language.morphological_case:
            return m.form == "genitive" and gap in (" ", " des ", " der ")
        if language.postnominal_adjectives and gap in _words(lang).of_org:
            return True  # "el gobierno de Francia", "la policía de Lima"
        return gap in (" of ", " of the ")

    def _adjective_after(self, text: str, lang: str, role: Mention, m: Mention) -> bool:
        """Is ``m`` a country adjective right after ``role`` ("el presidente ruso", "las
        tropas francesas") in a language whose adjectives follow the noun?"""
        return _words(lang).language.postnominal_adjectives and m.kind == "country" \
            and m.form == "adj" and self._gap(text, role, m) == " "

    def _combine(self, text: str, lang: str, ms: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        n = len(ms)
        while i < n:
            m = ms[i]
            nxt = ms[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.kind == "role" and self._modifies(text, lang, m, nxt):
                m = self._actor(text, m.start, nxt.end, m, nxt)
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            elif m.kind == "role" and nxt is not None and (
                    self._genitive_after(text, lang, m, nxt)
                    or self._adjective_after(text, lang, m, nxt)):
                m = self._actor(text, m.start, nxt.end, nxt, m)
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            elif nxt is not None and nxt.kind == "role" and self._group_role(text, lang, m, nxt):
                m = self._group_actor(text, m, nxt)
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            elif m.kind == "role" and nxt is not None and nxt.kind == "org" and nxt.country \
                    and self._gap(text, m, nxt) == " " and not self._role_is_title(m.role or ""):
                nxt.start, nxt.text, nxt.role = m.start, text[m.start:nxt.end], m.role
                m = nxt  # "die Terrormiliz IS", "the militant group Hamas": the organisation
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            elif m.kind == "role" and nxt is not None and nxt.kind == "org" and nxt.country \
                    and self._gap(text, m, nxt) in _words(lang).of_org:
                m = self._group_actor(text, nxt, m, start=m.start)  # "observers from the OSCE"
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            elif _words(lang).language.open_compounds and m.kind == "role" and nxt is not None \
                    and nxt.kind == "role" \
                    and nxt.form == "head" and self._gap(text, m, nxt) == " ":
                m = Mention(m.start, nxt.end, text[m.start:nxt.end], "role", None, None,
                            m.sector, None, role=text[m.start:nxt.end], form="role")
                i += 1
                nxt = ms[i + 1] if i + 1 < n else None
            if m.kind in ("role", "actor") and nxt is not None and nxt.kind == "person" \
                    and self._gap(text, m, nxt) in (" ", "-"):
                person = nxt
                person.role = m.role
                person.start = m.start
                person.text = text[m.start:person.end]
                if person.country is None or (m.kind == "actor" and m.country):
                    person.country = m.country  # "EU-Kommissionschef X": acts for the EU
                out.append(person)
                i += 2
                continue
            if m.kind in ("role", "actor") and self._is_title(m):
                named = self._unknown_person(text, lang, m, nxt, ms[i + 1:i + 4])
                if named is not None and nxt is not None and nxt.kind == "person" \
                        and text[named.end:nxt.start] == " " and _PARTICLE.match(nxt.text):
                    # "President Omar Hassan al-Bashir": the known person, full span
                    nxt.start, nxt.text, nxt.role = m.start, text[m.start:nxt.end], m.role
                    out.append(nxt)
                    i += 2
                    continue
                if named is not None:
                    out.append(named)
                    i += 1
                    while i < n and ms[i].start < named.end:  # places inside the name
                        i += 1
                    continue
            m.locative = bool(_words(lang).locative.search(text[max(0, m.start - 30):m.start]))
            out.append(m)
            i += 1
        return out

    def _is_title(self, m: Mention) -> bool:
        return m.role is not None and m.sector is not None and \
            self._role_is_title(m.role)

    def _role_is_title(self, role: str) -> bool:
        known = _TITLE_CACHE.get(role)
        if known is None:
            hit = lookup(self.automaton, role)
            known = bool(hit) and any(self.entries[eid][KIND] in ("role", "actor") and
                                      self.entries[eid][EXTRA] for _x, _s, eid, _l in hit[1])
            if len(_TITLE_CACHE) < 10_000:
                _TITLE_CACHE[role] = known
        return known

    def _unknown_person(self, text: str, lang: str, m: Mention, nxt: Mention | None,
                        following: Sequence[Mention] = ()) -> Mention | None:
        """"Minister Karl Müller": a role title followed by a name not in the knowledge base.
        A place inside such a name after a first name ("Judge Ana Rivera") is part of it."""
        mm = _NAME_AFTER.match(text, m.end)
        if not mm:
            return None
        end = mm.end(1)
        words = mm.group(1).split()
        if nxt is not None and nxt.start < end:
            inside = [x for x in following if x.start < end]
            if words[0] not in self.tables.first_names or not all(
                    x.kind == "place" and x.start > mm.start(1) and x.end <= end
                    for x in inside):
                return None
        if words[0] not in self.tables.first_names:
            nounish = _words(lang).nounish
            caps = _words(lang).language.capitalised_nouns  # English: "Minister Sameh Shoukry"
            if len(words) > 1 and caps or nounish and words[0].lower().endswith(nounish):
                return None
            after = text[end:end + 2]
            if after[:1].isalnum() or (after.strip()[:1].isupper()):
                return None
        return Mention(m.start, end, text[m.start:end], "person", mm.group(1), m.country,
                       m.sector, m.code, role=m.role, form="name")

    def _group_role(self, text: str, lang: str, m: Mention, role: Mention) -> bool:
        """An organisation or person qualifying a role: "Hamas-Führer", "Nato-Truppen",
        "Assad-Truppen", "Taliban fighters", "Hamas leaders", "the Assad regime"."""
        if m.kind not in ("org", "person") or not m.country:
            return False
        gap = self._gap(text, m, role)
        if gap != ("-" if registry.get_or_default(lang).hyphen_compounds else " "):
            return False
        return m.kind == "org" or role.sector in _STATE or role.form == "head"

    @staticmethod
    def _group_actor(text: str, m: Mention, role: Mention, start: int | None = None
                     ) -> Mention:
        """Actor of organisation/person ``m`` and ``role`` (span from ``start`` or ``m``)."""
        generic = role.form == "head" or role.sector == m.sector
        sector = m.sector if generic or m.kind == "person" and role.sector is None \
            else role.sector
        if m.kind == "person" and role.form == "head":
            sector = m.sector
        code = m.code if generic and m.kind == "org" else None
        if code is None and len(m.country) == 3 and m.country.isupper() and sector:
            code = m.country + sector
        start = m.start if start is None else start
        end = max(m.end, role.end)
        return Mention(start, end, text[start:end], "actor", m.name, m.country,
                       sector, code, role=role.role, form="actor")

    def _actor(self, text: str, start: int, end: int, c: Mention, role: Mention) -> Mention:
        code = c.country + role.sector if c.country and len(c.country) == 3 and \
            c.country.isupper() and role.sector else None
        name = c.name if c.kind != "place" else (self.country_name(c.country or "") or c.name)
        return Mention(start, end, text[start:end], "actor", name, c.country, role.sector,
                       code, role=role.role, form="actor")

    def _describe(self, text: str, lang: str, ms: list[Mention], context: list[str]
                  ) -> list[Mention]:
        """Resolve "die ehemalige Hauptstadt" to a city once the country is known."""
        if not any(m.kind == "desc" for m in ms):
            return ms
        out: list[Mention] = []
        for i, m in enumerate(ms):
            if m.kind != "desc":
                out.append(m)
                continue
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            iso = None
            if nxt is not None and nxt.kind in ("place", "country") and \
                    self._gap(text, m, nxt) in (" ", " von ", " of "):
                if nxt.form in ("genitive", "name") and nxt.kind == "country" \
                        and self._gap(text, m, nxt) != " ":
                    iso = nxt.country
                elif nxt.form == "genitive" and nxt.kind == "country":
                    iso = nxt.country
                else:
                    continue  # "die Hauptstadt Astana": the name itself is the mention
            if iso is None:
                for prev in reversed(out):
                    if prev.country and len(prev.country) == 3 and prev.country.isupper():
                        iso = prev.country
                        break
            if iso is None and context:
                iso = context[-1]
            table = self.tables.former_capital if m.role == "former_capital" else \
                self.tables.capital
            eid = table.get(iso) if iso else None
            if eid is None:
                continue
            e = self.entries[eid]
            out.append(Mention(m.start, m.end, m.text, "place", e[NAME], e[COUNTRY], None,
                               None, e[LAT], e[LON], e[GID], e[ADMIN1], e[PREC],
                               role=m.role, form="description",
                               locative=bool(_words(lang).locative.search(
                                   text[max(0, m.start - 30):m.start]))))
        return out
