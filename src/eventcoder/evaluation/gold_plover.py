"""Native PLOVER gold records (one event per record, e.g. ``PLOVER_GSR_CAMEO.txt``).

A native record has ``event`` (type), ``source``/``target`` lists of ``{actorText, code, sector}``,
``mode``, ``eventLoc`` (``{"name", "country code"}``), ``dead``/``injured`` as strings and the
sentence in ``text``. Records sharing an ``id`` become one gold record with several events;
``DOCUMENT`` records are skipped. Old names are renamed as in ``data/plover_renames.tsv``
(DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE with mode ``investigate``, FIGHT->ASSAULT).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from eventcoder.evaluation.gold import GoldRecord, parse_record


@cache
def renames() -> dict[str, dict[str, str | None]]:
    """kind ("event", "mode", "country") -> old -> new (None: drop)."""
    path = resources.files("eventcoder.evaluation") / "data" / "plover_renames.tsv"
    out: dict[str, dict[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, old, new = line.split("\t")
        out.setdefault(kind, {})[old] = None if new == "-" else new
    return out


def is_native(rec: dict[str, Any]) -> bool:
    return isinstance(rec.get("event"), str) and "events" not in rec


def _int(value: Any) -> int | str | None:
    if value in (None, ""):
        return None
    s = str(value).strip()
    return int(s) if s.isdigit() else s


def _actors(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []  # null, "" or a stray context word in the actor slot
    fix = renames().get("country", {})
    out = []
    for a in value:
        if isinstance(a, dict):
            code = a.get("code")
            sector = a.get("sector")
            out.append({"text": a.get("actorText"), "country": fix.get(code, code),
                        "sector": None if sector in (None, "", "***") else sector,
                        "code": code})
    return out


def native_event(rec: dict[str, Any]) -> dict[str, Any]:
    """One native record -> an event in the common gold shape."""
    old = rec["event"]
    mode = rec.get("mode") or None
    if mode is not None:
        mode = renames().get("mode", {}).get(mode, mode)
    if old == "INVESTIGATE":
        mode = "investigate"
    loc = rec.get("eventLoc")
    location = None
    if isinstance(loc, dict):
        location = {"name": loc.get("name"),
                    "country_code": loc.get("country code") or loc.get("country_code")}
    return {
        "type": renames().get("event", {}).get(old, old),
        "mode": mode,
        "source": _actors(rec.get("source")),
        "target": _actors(rec.get("target")),
        "location": location,
        "dead": _int(rec.get("dead")),
        "injured": _int(rec.get("injured")),
    }


def group_native(records: Iterable[dict[str, Any]]) -> Iterator[GoldRecord]:
    """Native records (in file order) -> gold records, one per id."""
    grouped: dict[str, dict[str, Any]] = {}
    for rec in records:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        rid = str(rec["id"])
        if rid not in grouped:
            grouped[rid] = {"id": rid, "text": rec["text"], "lang": rec.get("language") or "en",
                            "published": rec.get("date"), "events": []}
        grouped[rid]["events"].append(native_event(rec))
    for raw in grouped.values():
        yield parse_record(raw)
