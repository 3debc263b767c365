"""CAMEO event codes -> PLOVER type, mode and context (the PLOVER project's crosswalk)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class PloverCode:
    type: str
    mode: str | None
    context: tuple[str, ...]


@lru_cache(maxsize=1)
def _table() -> dict[str, PloverCode]:
    text = resources.files("eventcoder.coding").joinpath("data/cameo_plover.tsv").read_text("utf-8")
    table: dict[str, PloverCode] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        code, ptype, mode, context = (line.split("\t") + ["", "", ""])[:4]
        ctx = tuple(c for c in context.split(";") if c)
        table.setdefault(code, PloverCode(ptype, mode or None, ctx))
    return table


def cameo_to_plover(code: str | None) -> PloverCode | None:
    """The PLOVER type for a CAMEO code, falling back to shorter prefixes (0874 -> 087 -> 08)."""
    if not code:
        return None
    code = code.strip()
    table = _table()
    while len(code) >= 2:
        hit = table.get(code)
        if hit is not None:
            return hit
        code = code[:-1]
    return None
