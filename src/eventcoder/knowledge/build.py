"""Compile the bundled data files (and user extension files) into a :class:`Lexicon`.

Sources (each data file names its own source and license in its header):
countries.tsv, country_names.tsv, country_extra.tsv, metonyms.tsv, organisations.tsv,
phoenix_orgs.tsv, roles.tsv, role_compounds.tsv, leaders.tsv, phoenix_people.tsv,
places.tsv.gz, admin1.tsv,
place_descriptions.tsv, former_capitals.tsv, place_stopwords.txt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from eventcoder.knowledge.domestic import add_domestic_actors
from eventcoder.knowledge.lexicon import (
    ADJ,
    DATA_DIR,
    GENITIVE,
    NO_SUFFIX,
    PLURAL,
    Lexicon,
    fold,
    read_tsv,
    split_forms,
)
from eventcoder.language import registry

DATA_FILES = (
    "countries.tsv", "country_names.tsv", "country_extra.tsv", "metonyms.tsv",
    "organisations.tsv", "phoenix_orgs.tsv", "roles.tsv", "leaders.tsv", "phoenix_people.tsv",
    "places.tsv.gz", "admin1.tsv", "place_descriptions.tsv", "former_capitals.tsv",
    "place_stopwords.txt", "first_names.txt", "regions.tsv", "organisations_more.tsv",
    "given_names.txt", "surnames.txt", "country_points.tsv", "place_aliases.tsv",
    "admin1_points.tsv", "org_seats.tsv", "admin_words.txt", "role_compounds.tsv",
    "admin_regions.tsv.gz",
    "country_names_es.tsv", "country_extra_es.tsv", "organisations_es.tsv", "roles_es.tsv",
    "domestic_actors.tsv",
)
COUNTRY_, ADMIN1_, PREC_ = 2, 8, 9  # entry fields: country, admin1, precision


class Tables:
    """Side tables the knowledge base keeps next to the automaton."""

    def __init__(self) -> None:
        self.countries: dict[str, dict] = {}  # iso3 -> row
        self.org_names: dict[str, str] = {}  # org code -> name
        self.cameo_orgs: dict[str, tuple[str, str]] = {}  # cameo code -> (org code, sector)
        self.city_index: dict[tuple[str, str], int] = {}  # (folded name, iso3) -> place eid
        self.former_capital: dict[str, int] = {}  # iso3 -> place eid
        self.capital: dict[str, int] = {}  # iso3 -> place eid
        self.first_names: set[str] = set()
        self.surnames: set[str] = set()
        self.phoenix_surnames: set[str] = set()
        self.stop_places: set[str] = set()
        self.org_seats: dict[int, int] = {}  # org eid -> place eid of its seat
        self.stopped: dict[str, list[int]] = {}  # stop-listed place names (for geocode only)
        self.admin_words: set[str] = set()  # "County", "Province", ...
        self.divisions: dict[str, list[int]] = {}  # unkeyed county names -> entry ids


def build_lexicon(extra_files: Sequence[str] = ()) -> tuple[Lexicon, Tables]:
    """Read every data file; returns the lexicon and its side tables."""
    lex, tab = Lexicon(), Tables()
    tab.stop_places = {_line for _line in _lines(DATA_DIR / "place_stopwords.txt")}
    tab.first_names = {_line for _line in _lines(DATA_DIR / "first_names.txt")}
    tab.admin_words = set(_lines(DATA_DIR / "admin_words.txt"))
    _places(lex, tab)
    _admin1_points(lex, tab)
    divisions = _admin_regions(lex, tab)
    _aliases(lex, tab)
    _countries(lex, tab, divisions)
    _organisations(lex, tab)
    _compounds(lex, _roles(lex))
    _people(lex, tab)
    add_domestic_actors(lex, tab, add_person)  # after org/role names: it replaces some
    _descriptions(lex, tab)
    _given_names(lex, tab)
    for path in extra_files:
        from eventcoder.knowledge.extensions import add_user_file

        add_user_file(lex, tab, path)
    return lex, tab


def _given_names(lex: Lexicon, tab: Tables) -> None:
    """Given names (hand list + generated list) that are not country, role or org names."""
    for name in _lines(DATA_DIR / "given_names.txt"):
        variants = lex.keys.get(fold(name), ())
        if not any(lex.entries[v[2]][0] in ("country", "org", "role") for v in variants):
            tab.first_names.add(name)
    tab.surnames = set(_lines(DATA_DIR / "surnames.txt"))


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [s.strip() for s in path.read_text("utf-8").splitlines()
            if s.strip() and not s.startswith("#")]


def _places(lex: Lexicon, tab: Tables) -> None:
    from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

    stop = {fold(s) for s in tab.stop_places} | set(DE_STOP) | set(EN_STOP)
    for r in read_tsv(DATA_DIR / "places.tsv.gz"):
        pop = int(r["population"])
        eid = lex.add_entry("place", r["name"], r["iso3"], None, None, float(r["lat"]),
                            float(r["lon"]), int(r["geonameid"]), r["admin1"], "city",
                            "name", None, pop)
        head = _ascii(r["name"])[:3]
        for i, s in enumerate([r["name"], *split_forms(r["alternatenames"])]):
            f = fold(s)
            tab.city_index.setdefault((f, r["iso3"]), eid)
            # alternate names of small towns are mostly foreign spellings; keep close ones
            if i and pop < 100_000 and _ascii(s)[:3] != head:
                continue
            if f not in stop:  # a village matches only as spelled ("Ngo", not "NGO")
                lex.add_key(s, eid, suffix=GENITIVE, exact=pop < 15_000)
            elif i == 0:
                tab.stopped.setdefault(f, []).append(eid)
    for r in read_tsv(DATA_DIR / "regions.tsv"):
        names = split_forms(r["names"])
        eid = lex.add_entry("place", names[0], None, None, None, float(r["lat"]),
                            float(r["lon"]), None, None, r["precision"], "name", None, 10**8)
        for s in names:
            lex.add_key(s, eid, suffix=GENITIVE, exact=False)
            tab.city_index.setdefault((fold(s), "-"), eid)
        adjectives = split_forms(r["adjectives"])
        if adjectives:
            aid = lex.add_entry("place", names[0], None, None, None, float(r["lat"]),
                                float(r["lon"]), None, None, r["precision"], "adj", None, 10**8)
            for s in adjectives:
                lex.add_key(s, aid, suffix=ADJ if s.islower() else PLURAL, exact=False)
    for r in read_tsv(DATA_DIR / "admin1.tsv"):
        names = split_forms(r["names"])
        eid = lex.add_entry("place", names[0], r["iso3"], None, None, float(r["lat"]),
                            float(r["lon"]), None, r["admin1"], "admin1", "name", None,
                            int(r["population"]))
        for s in names:
            lex.add_key(s, eid, suffix=GENITIVE, exact=False)
            tab.city_index.setdefault((fold(s), r["iso3"]), eid)


def _admin_regions(lex: Lexicon, tab: Tables) -> set[int]:
    """GeoNames admin1 (states, provinces) and admin2 (counties, districts) divisions; the
    hand-named admin1 rows (admin1.tsv, with German names) come first and win. Returns the
    entry ids added."""
    path = DATA_DIR / "admin_regions.tsv.gz"
    added: set[int] = set()
    if not path.exists():
        return added
    known = {(lex.entries[e][COUNTRY_], lex.entries[e][ADMIN1_]) for e in tab.city_index.values()
             if lex.entries[e][PREC_] == "admin1"}
    stop = {fold(s) for s in tab.stop_places}
    for r in read_tsv(path):
        if r["precision"] == "admin1" and (r["iso3"], r["admin1"]) in known:
            continue
        eid = lex.add_entry("place", r["name"], r["iso3"], None, None, float(r["lat"]),
                            float(r["lon"]), None, r["admin1"], r["precision"], "name", None,
                            int(r["population"]))
        added.add(eid)
        f = fold(r["name"])
        tab.city_index.setdefault((f, r["iso3"]), eid)
        # a one-word county ("Cook") is matched only through its towns or "X County"
        if f not in stop and len(r["name"]) > 3 \
                and (r["precision"] == "admin1" or " " in r["name"]):
            lex.add_key(r["name"], eid, suffix=GENITIVE, exact=False)
        else:  # still a reading of a town's name ("Norfolk": the English county)
            tab.divisions.setdefault(f, []).append(eid)
    return added


def _admin1_points(lex: Lexicon, tab: Tables) -> None:
    for r in read_tsv(DATA_DIR / "admin1_points.tsv"):
        names = split_forms(r["names"])
        eid = lex.add_entry("place", names[0], r["iso3"], None, None, float(r["lat"]),
                            float(r["lon"]), None, None, "admin1", "name", None, 1_000_000)
        for s in names:
            lex.add_key(s, eid, suffix=GENITIVE, exact=False)
            tab.city_index.setdefault((fold(s), r["iso3"]), eid)


def _aliases(lex: Lexicon, tab: Tables) -> None:
    states = {(fold(e[1]), e[COUNTRY_]): i for i, e in enumerate(lex.entries)
              if e[0] == "place" and e[PREC_] == "admin1"}  # "California" the state, not the town
    for r in read_tsv(DATA_DIR / "place_aliases.tsv"):
        key = (fold(r["place"]), r["iso3"])
        eid = states.get(key) if r["level"] == "admin1" else None
        if eid is None:
            eid = tab.city_index.get(key)
        if eid is not None:
            lex.add_key(r["alias"], eid, exact=True)


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def city(lex: Lexicon, tab: Tables, name: str, iso3: str) -> tuple | None:
    eid = tab.city_index.get((fold(name), iso3))
    return lex.entries[eid] if eid is not None else None


def _countries(lex: Lexicon, tab: Tables, divisions: frozenset[int] | set[int] = frozenset()
               ) -> None:
    """Country names, adjectives and capitals; a name that is also a GeoNames division of the
    country (``divisions``: "West Bank", "Taiwan") stays a country name."""
    entries: dict[tuple[str, str], int] = {}
    points = {r["iso3"]: r for r in read_tsv(DATA_DIR / "country_points.tsv")}
    for r in read_tsv(DATA_DIR / "countries.tsv"):
        if r["iso3"] in points:
            r = {**r, "lat": points[r["iso3"]]["lat"], "lon": points[r["iso3"]]["lon"]}
        tab.countries[r["iso3"]] = r
        eid = tab.city_index.get((fold(r["capital"]), r["iso3"]))
        if eid is not None:
            tab.capital[r["iso3"]] = eid
    for r in read_tsv(DATA_DIR / "former_capitals.tsv"):
        eid = tab.city_index.get((fold(r["place"]), r["iso3"]))
        if eid is not None:
            tab.former_capital[r["iso3"]] = eid

    def entry(iso3: str, form: str) -> int | None:
        row = tab.countries.get(iso3)
        if row is None:
            return None
        k = (iso3, form)
        if k not in entries:
            lat = float(row["lat"]) if row["lat"] else None
            lon = float(row["lon"]) if row["lon"] else None
            entries[k] = lex.add_entry("country", row["name_en"], iso3, None, None, lat, lon,
                                       int(row["geonameid"]), None, "country", form, None,
                                       int(row["population"] or 0))
        return entries[k]

    rows = list(read_tsv(DATA_DIR / "country_names.tsv"))
    rows.extend(read_tsv(DATA_DIR / "country_names_es.tsv"))
    for r in [*read_tsv(DATA_DIR / "country_extra.tsv"),
              *read_tsv(DATA_DIR / "country_extra_es.tsv")]:
        rows.extend({"lang": r["lang"], "surface": s, "iso3": r["iso3"], "form": r["form"]}
                    for s in split_forms(r["forms"]))
    for r in rows:
        lang, form, iso3 = r["lang"], r["form"], r["iso3"]
        if form == "capital":
            _capital(lex, tab, r["surface"], iso3, "GOV", r["surface"], lang, "capital")
            continue
        if form == "name" and (fold(r["surface"]), iso3) in tab.city_index \
                and tab.city_index[(fold(r["surface"]), iso3)] not in divisions \
                and iso3 in tab.countries:
            row = tab.countries[iso3]
            if fold(r["surface"]) not in (fold(row["name_en"]), fold(row["name_de"])):
                if fold(r["surface"]) == fold(row["capital"]):
                    _capital(lex, tab, r["surface"], iso3, "GOV", r["surface"], lang,
                             "capital")
                continue  # a city listed under its country (PETRARCH): keep it a place
        eid = entry(iso3, "name" if form == "name" else "adj")
        if eid is None:
            continue
        if form == "adj":
            suffix = ADJ if _flag(lang, "morphological_case") and r["surface"].islower() \
                else PLURAL
        elif form == "name":
            suffix = GENITIVE
        else:
            suffix = NO_SUFFIX
        lex.add_key(r["surface"], eid, suffix=suffix, lang=lang)
    for r in read_tsv(DATA_DIR / "metonyms.tsv"):
        _capital(lex, tab, r["surface"], r["iso3"], r["sector"], r["place"], r["lang"],
                 "metonym")


def _capital(lex: Lexicon, tab: Tables, surface: str, iso3: str, sector: str, place: str,
             lang: str, form: str) -> None:
    row = tab.countries.get(iso3)
    if row is None:
        return
    c = city(lex, tab, place, iso3) if place else None
    lat, lon, gid, adm, pname = (c[5], c[6], c[7], c[8], c[1]) if c else (None,) * 5
    eid = lex.add_entry("country", row["name_en"], iso3, sector, None, lat, lon, gid, adm,
                        "city" if c else None, form, pname, 0)
    lex.add_key(surface, eid, suffix=GENITIVE, lang=None)


def _organisations(lex: Lexicon, tab: Tables) -> None:
    seats = {r["code"]: tab.city_index.get((fold(r["place"]), r["iso3"]))
             for r in read_tsv(DATA_DIR / "org_seats.tsv")}
    names_es = {r["code"]: split_forms(r["names"])
                for r in read_tsv(DATA_DIR / "organisations_es.tsv")}
    for r in read_tsv(DATA_DIR / "organisations.tsv"):
        names = split_forms(r["names"]) + names_es.get(r["code"], [])
        cameo = r["cameo"]
        country = cameo[:3] if cameo[:3] in tab.countries else r["code"]
        tab.org_names.setdefault(r["code"], names[0])
        tab.cameo_orgs.setdefault(cameo, (r["code"], r["sector"]))
        eid = lex.add_entry("org", names[0], country, r["sector"], cameo, form="name")
        if seats.get(r["code"]) is not None:
            tab.org_seats[eid] = seats[r["code"]]
        for s in names:
            lex.add_key(s, eid, suffix=GENITIVE if not s.isupper() else NO_SUFFIX)
    for r in read_tsv(DATA_DIR / "organisations_more.tsv"):
        names = split_forms(r["names"])
        tab.org_names.setdefault(r["code"], names[0])
        eid = lex.add_entry("org", names[0], r["country"] or r["code"], r["sector"], r["cameo"],
                            form="name")
        for tagged in names:
            s, _, lang = tagged.partition("@")  # "Union@de": a name used so in one language
            lex.add_key(s, eid, suffix=GENITIVE if not s.isupper() else NO_SUFFIX,
                        exact=True if s.islower() else None, lang=lang or None)
    curated = set(lex.keys)
    for r in read_tsv(DATA_DIR / "phoenix_orgs.tsv"):
        country, sector = _split_code(tab, r["code"])
        eid = None
        for s in split_forms(r["variants"]):
            if fold(s) in curated or len(s) < 4:
                continue
            if eid is None:
                eid = lex.add_entry("org", r["name"], country, sector, r["code"], form="name")
            lex.add_key(s, eid)


def _split_code(tab: Tables, code: str) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (country or organisation code, sector)."""
    if code[:3] in tab.countries:
        return code[:3], (code[3:6] or None)
    for n in (len(code), 6, 3):
        if code[:n] in tab.cameo_orgs:
            return tab.cameo_orgs[code[:n]]
    return None, code[:3]


def _roles(lex: Lexicon) -> list[tuple[str, str, str, bool, bool]]:
    """Role nouns; returns (lang, form, sector, person, head) for the compounds."""
    forms = []
    for r in [*read_tsv(DATA_DIR / "roles.tsv"), *read_tsv(DATA_DIR / "roles_es.tsv")]:
        person, head = r["person"] == "1", r.get("head") == "1"
        for s in split_forms(r["forms"]):
            eid = lex.add_entry("role", s, None, r["sector"], None,
                                form="head" if head else "role", extra=person)
            lex.add_key(s, eid, lang=r["lang"], exact=False)
            forms.append((r["lang"], s, r["sector"], person, head))
    return forms


def _compounds(lex: Lexicon, roles: list[tuple[str, str, str, bool, bool]]) -> None:
    """Productive role compounds (role_compounds.tsv): sector or group prefix + role noun
    ("Regierungstruppen", "Palästinenserpräsident", "Rebellenführer"), and former office
    holders ("Ex-Präsident", "former president": sector ELI)."""
    rows = list(read_tsv(DATA_DIR / "role_compounds.tsv"))
    heads = list(roles)
    for r in rows:
        if r["kind"] == "head":
            heads.extend((r["lang"], s, r["sector"], False, False)
                         for s in split_forms(r["forms"]))
    entries: dict[tuple, int] = {}
    for r in rows:
        if r["kind"] != "prefix":
            continue
        lang, style = r["lang"], r["style"]
        country, psector, name = r["country"] or None, r["sector"] or None, r["name"] or None
        for lang_h, head, hsector, person, generic in heads:
            if lang_h != lang or (_flag(lang, "capitalised_nouns") and not head[:1].isupper()):
                continue
            if style == "former":
                if not person or hsector not in _OFFICES:
                    continue
                sector = psector
            else:
                if " " in head or _flag(lang, "open_compounds"):
                    continue
                sector = (psector or hsector) if generic else hsector
            kind = "actor" if country or name else "role"
            k = (kind, country, sector, name, person)
            if k not in entries:
                entries[k] = lex.add_entry(kind, name, country, sector, None,
                                           form="head" if generic and style != "former"
                                           else "role", extra=person)
            for prefix in split_forms(r["forms"]):
                for surface in _compound_forms(lang, style, prefix, head):
                    lex.add_key(surface, entries[k], lang=lang, exact=False)


_OFFICES = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}


def _flag(lang: str, name: str) -> bool:
    """A feature of a registered language (False for an unregistered code)."""
    return registry.is_supported(lang) and bool(getattr(registry.get(lang), name))


def _compound_forms(lang: str, style: str, prefix: str, head: str) -> list[str]:
    if style == "former":
        if _flag(lang, "open_compounds"):
            return [f"{prefix} {head}", f"{prefix}-{head}"] if prefix == "ex" else \
                [f"{prefix} {head}"]
        if prefix[:1].islower():
            return [f"{prefix} {head}"]
        return [prefix + head.lower(), f"{prefix}-{head}"]
    forms = [prefix + head.lower()]
    if style == "hyphen":
        forms.append(f"{prefix}-{head}")
    return forms


def _people(lex: Lexicon, tab: Tables) -> None:
    given = set(_lines(DATA_DIR / "given_names.txt")) | tab.first_names
    people: dict[str, dict] = {}
    for r in read_tsv(DATA_DIR / "leaders.tsv"):
        p = people.setdefault(r["name"], {"variants": [], "periods": []})
        p["variants"].extend([r["name"], *split_forms(r["variants"])])
        p["periods"].append((r["iso3"], r["sector"], r["role"], r["start"], r["end"]))
    for p in people.values():
        add_person(lex, p["variants"][0], p["variants"], p["periods"])
    curated = set(lex.keys)  # the curated list wins over PETRARCH's older entries
    phoenix_surnames: set[str] = set()
    for r in read_tsv(DATA_DIR / "phoenix_people.tsv"):
        periods = []
        for item in r["codes"].split(";"):
            code, _, span = item.partition("@")
            start, _, end = span.partition("..")
            country, sector = _split_code(tab, code)
            periods.append((country, sector, None, start, end))
        if not any(e >= "1990" or (s and not e) for _c, _s, _r, s, e in periods):
            continue
        if fold(r["name"]) in curated:
            continue  # Phoenix also dates places and institutions; those are not people
        variants = [v for v in split_forms(r["variants"]) if fold(v) not in curated
                    and (" " in v or v not in given)]
        if variants:
            add_person(lex, r["name"], variants, periods)
            last = r["name"].split()[-1]
            if " " in r["name"] and len(last) >= 4 and last.isalpha() and last[0].isupper() \
                    and last not in given:
                phoenix_surnames.add(last)
    tab.phoenix_surnames = phoenix_surnames  # for the NER heuristics only, not matched
    for r in read_tsv(DATA_DIR / "leaders.tsv"):
        first = r["name"].split()[0]
        if first[0].isupper() and len(first) > 2:
            tab.first_names.add(first)


def add_person(lex: Lexicon, name: str, variants: Sequence[str],
               periods: Sequence[tuple]) -> int:
    """A person with dated periods (country, sector, role, start, end)."""
    periods = tuple(sorted(periods, key=lambda p: (p[3] or "", p[4] or "9999")))
    dated = [p for p in periods if p[3] or p[4]] or list(periods)
    last = dated[-1]
    eid = lex.add_entry("person", name, last[0], last[1], None, form="name",
                        extra=periods)
    for s in dict.fromkeys(variants):
        if len(s) >= 3:
            lex.add_key(s, eid, suffix=GENITIVE, exact=False if len(s) > 3 else None)
    return eid


def _descriptions(lex: Lexicon, tab: Tables) -> None:
    for r in read_tsv(DATA_DIR / "place_descriptions.tsv"):
        for s in split_forms(r["forms"]):
            eid = lex.add_entry("desc", s, None, None, None, form="description",
                                extra=r["type"])
            lex.add_key(s, eid, lang=r["lang"], exact=False)
