"""The small data tables: actor-code splitting, extra PLOVER codes, verb types, cues."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventcoder.coding.crosswalk import cameo_to_plover


def data_dir() -> Path:
    """The folder of the shipped dictionaries and tables."""
    return Path(str(resources.files("eventcoder.language").joinpath("en/cameo")))


def rows(name: str) -> list[list[str]]:
    text = (data_dir() / name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


@dataclass(frozen=True)
class _Tables:
    countries: dict[str, str | None]
    orgs: dict[str, str]
    sectors: dict[str, str]
    plover: dict[str, str]
    verb_types: dict[str, str]
    modals: frozenset[str]
    to_words: frozenset[str]
    demands: frozenset[str]
    nominal: dict[str, list[tuple[tuple[str, ...], str]]]  # verb -> [(noun words, code)]
    purpose: list[tuple[tuple[str, ...], str]]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """The small mapping tables (actor codes, extra PLOVER codes, verb types, intent cues)."""
    countries: dict[str, str | None] = {}
    orgs: dict[str, str] = {}
    sectors: dict[str, str] = {}
    for kind, code, value in ((r + [""] * 3)[:3] for r in rows("actor_codes.tsv")):
        if kind == "country":
            countries[code] = value or None
        elif kind == "org":
            orgs[code] = value
        elif kind == "sector":
            sectors[code] = value
    plover = {r[0]: (r[1] if len(r) > 1 else "") for r in rows("plover_codes.tsv")}
    verb_types = {r[0]: r[1] for r in rows("verb_types.tsv")}
    intent = rows("intent.tsv")
    nominal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    purpose: list[tuple[tuple[str, ...], str]] = []
    for verbs, nouns, code in rows("nominal_events.tsv"):
        for noun in nouns.split("|"):
            words = tuple(noun.split("_"))
            if verbs == "*":
                purpose.append((words, code))
            for verb in verbs.split("|") if verbs != "*" else ():
                nominal.setdefault(verb, []).append((words, code))
    return _Tables(
        countries,
        orgs,
        sectors,
        plover,
        verb_types,
        frozenset(w for k, w in intent if k == "modal"),
        frozenset(w for k, w in intent if k == "to"),
        frozenset(w for k, w in intent if k == "demand"),
        nominal,
        purpose,
    )


def split_actor_code(code: str) -> tuple[str | None, str | None]:
    """Country (ISO alpha-3 or org code) and sector of a CAMEO actor code.

    ``USAGOV`` -> (USA, GOV); ``IGOUNOKID`` -> (UNICEF, IGO); ``~COP`` -> (None, COP);
    ``NGOPSE`` -> (NGO, NGO); regions (``MEAREB``) -> (None, REB).
    """
    t = tables()
    if not code:
        return None, None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if code.startswith("~"):
        country, rest = None, [code[i : i + 3] for i in range(1, len(code), 3)]
    elif chunks[0] in ("IGO", "NGO", "IMG"):
        prefix = next((code[:n] for n in range(len(code), 2, -1) if code[:n] in t.orgs), "IGO")
        country = t.orgs.get(prefix, chunks[0])
        rest = [chunks[0], *chunks[1:]] if chunks[0] != "IMG" else ["REB"]
    else:
        country = t.countries.get(chunks[0], chunks[0])
        rest = chunks[1:]
    sector = next((t.sectors[c] for c in rest if c in t.sectors), None)
    return country, sector


def plover_for(code: str, verb: str | None = None, pattern: str | None = None):
    """(type, mode, context) of a CAMEO event code, or None when it is no PLOVER event."""
    t = tables()
    code = code.rstrip("?")
    if verb and pattern is None and verb in t.verb_types:
        return t.verb_types[verb], None, ()
    for n in range(len(code), 1, -1):
        if code[:n] in t.plover:
            ptype = t.plover[code[:n]]
            return (ptype, None, ()) if ptype else None
    pc = cameo_to_plover(code)
    if pc is None or not pc.type:
        return None
    return pc.type, pc.mode, pc.context
