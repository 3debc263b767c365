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


OWN_ROOT = {"AGREE": ("03", "057"), "THREATEN": ("13",), "REJECT": ("12",)}


@lru_cache(maxsize=1)
def _own_table() -> dict[tuple[str, str], str]:
    path = resources.files("eventcoder.coding").joinpath("data/cameo_own_root.tsv")
    table: dict[tuple[str, str], str] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("type\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"cameo_own_root.tsv line {n}: expected 3 columns, got {len(cols)}")
        table[(cols[0], cols[1])] = cols[2]
    return table


def own_code(ptype: str, code: str | None) -> str | None:
    """The CAMEO code of an AGREE/THREATEN/REJECT event in its own root: "threatened to attack"
    keeps THREATEN's 13x (138), never the 19x of the attack it mentions; other types unchanged."""
    roots = OWN_ROOT.get(ptype)
    if roots is None or not code or code.startswith(roots):
        return code
    table = _own_table()
    mentioned = code[:2]
    return table.get((ptype, mentioned)) or table[(ptype, "*")]
