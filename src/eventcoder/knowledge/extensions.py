"""User extensions: your own actors and places in YAML, CSV/TSV or PETRARCH ``.actors`` files.

YAML::

    actors:
      - name: Kassym-Jomart Tokayev
        variants: [Tokajew, Tokayev]
        kind: person            # person | org | country (default: person when dated, else org)
        country: KAZ            # ISO alpha-3 or an organisation code
        sector: GOV
        start: 2019-03-20       # optional date range
        end:
    places:
      - name: Schymkent
        variants: [Shymkent]
        country: KAZ
        lat: 42.3
        lon: 69.6
        precision: city         # city | admin1 | country

CSV/TSV: a header row with ``name, variants, kind, country, sector, code, start, end, lat,
lon, precision`` (only ``name`` is required; ``variants`` separated by ``|`` or ``;``; rows with
``lat``/``lon`` are places). Any other file is read as a PETRARCH/TABARI actor dictionary
(``NAME_ [CODE]``, ``+SYNONYM`` lines, dated codes ``[KAZGOV 190320-]``).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from eventcoder.knowledge.build import Tables, _split_code, add_person
from eventcoder.knowledge.lexicon import GENITIVE, Lexicon

_CODE = re.compile(r"\[([A-Z~]{3,15})(?:\s+([<>]?)(\d{6,8})?(?:-(\d{6,8})?)?)?\]")


def add_user_file(lex: Lexicon, tab: Tables, path: str) -> None:
    """Add the actors and places of one user file to the lexicon."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(p.read_text("utf-8")) or {}
        for row in data.get("actors") or []:
            _add(lex, tab, row)
        for row in data.get("places") or []:
            _add(lex, tab, {**row, "kind": "place"})
    elif suffix in (".csv", ".tsv"):
        with open(p, encoding="utf-8", newline="") as f:
            lines = (line for line in f if not line.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t" if suffix == ".tsv" else ","):
                _add(lex, tab, {k.strip(): v for k, v in row.items() if k})
    else:
        _add_petrarch(lex, tab, p)


def _variants(row: dict) -> list[str]:
    v = row.get("variants") or []
    if isinstance(v, str):
        v = re.split(r"[|;]", v)
    return [str(row["name"]).strip(), *[str(x).strip() for x in v if str(x).strip()]]


def _s(value) -> str:
    return "" if value is None else str(value).strip()


def _add(lex: Lexicon, tab: Tables, row: dict) -> None:
    if not _s(row.get("name")):
        return
    names = _variants(row)
    kind = _s(row.get("kind")).lower()
    country = _s(row.get("country")) or None
    sector = _s(row.get("sector")) or None
    code = _s(row.get("code")) or None
    if code and not country:
        country, sector2 = _split_code(tab, code)
        sector = sector or sector2
    lat, lon = _s(row.get("lat")), _s(row.get("lon"))
    if kind == "place" or (lat and lon):
        prec = _s(row.get("precision")) or "city"
        eid = lex.add_entry("place", names[0], country, None, None, float(lat), float(lon),
                            None, None, prec, "name", None, 10**9)
    else:
        start, end = _s(row.get("start")), _s(row.get("end"))
        if kind == "person" or (not kind and (start or end)):
            add_person(lex, names[0], names, [(country, sector, _s(row.get("role")) or None,
                                               start, end)])
            return
        if kind == "country" and country in tab.countries:
            eid = lex.add_entry("country", tab.countries[country]["name_en"], country, sector,
                                code, form="name")
        else:
            eid = lex.add_entry("org", names[0], country, sector, code, form="name")
    for s in names:
        lex.add_key(s, eid, suffix=GENITIVE)


def _date(raw: str | None) -> str:
    if not raw:
        return ""
    if len(raw) == 6:
        raw = ("19" if int(raw[:2]) > 30 else "20") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def _add_petrarch(lex: Lexicon, tab: Tables, path: Path) -> None:
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        if names and codes:
            clean = [" ".join(n.strip("_ ").replace("_", " ").split()) for n in names]
            clean = [c.title() if not (len(c) <= 5 and c.isupper()) else c for c in clean]
            if any(s or e for _c, s, e in codes):
                periods = [(*_split_code(tab, c), None, s, e) for c, s, e in codes]
                add_person(lex, clean[0], clean, periods)
            else:
                country, sector = _split_code(tab, codes[0][0])
                eid = lex.add_entry("org", clean[0], country, sector, codes[0][0], form="name")
                for s in clean:
                    lex.add_key(s, eid, suffix=GENITIVE)
        names.clear()
        codes.clear()

    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t" or line.lstrip().startswith("["):
            codes.extend(_codes(line))
            continue
        if line.startswith("+"):
            names.append(line[1:].split("[")[0].strip())
            codes.extend(_codes(line))
            continue
        flush()
        names.append(line.split("[")[0].strip())
        codes.extend(_codes(line))
    flush()


def _codes(line: str) -> list[tuple[str, str, str]]:
    out = []
    for code, op, d1, d2 in _CODE.findall(line):
        if op == ">":
            out.append((code, _date(d1), ""))
        elif op == "<":
            out.append((code, "", _date(d1)))
        else:
            out.append((code, _date(d1), _date(d2)))
    return out
