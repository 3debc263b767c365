"""The mapping tables of the exchange formats (data files in ``exchange/data/``), loaded once."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventcoder.exchange").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def acled_types() -> dict[tuple[str, str], tuple[str, str, str]]:
    """(PLOVER type, mode or "*") -> (event type, sub-event type, disorder type)."""
    return {(r["plover_type"], r["mode"]): (r["event_type"], r["sub_event_type"],
                                             r["disorder_type"]) for r in _rows("acled_types.tsv")}


@cache
def acled_inter() -> dict[str, tuple[int, str]]:
    """Actor sector (or "*") -> (ACLED inter code, label)."""
    return {r["sector"]: (int(r["inter"]), r["label"]) for r in _rows("acled_inter.tsv")}


@cache
def cameo_goldstein() -> dict[str, tuple[int, float]]:
    """CAMEO root code ("01".."20") -> (QuadClass, Goldstein scale)."""
    return {r["root"]: (int(r["quad_class"]), float(r["goldstein"]))
            for r in _rows("cameo_goldstein.tsv")}  # fmt: skip


@cache
def plover_cameo() -> dict[str, str]:
    """PLOVER type -> the CAMEO code used when an event has none."""
    return {r["plover_type"]: r["cameo"] for r in _rows("plover_cameo.tsv")}


@cache
def countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, English name)."""
    return {r["iso3"]: (r["fips"], r["name"]) for r in _rows("gdelt_countries.tsv")}
