"""Gold readers: the common gold JSONL shape, PLOVER GSR records and PETRARCH/TABARI records.

Every gold file is JSON Lines, one record (a text with its expected events) per line. Three
kinds of record are recognised:

* ``plover`` — events with a PLOVER ``type`` (the seed's ``expected.jsonl``, PLOVER GSR, our
  own dev sets; native PLOVER records, one event each, are read by :mod:`.gold_plover`). ``source``/``target`` may be a single object, a list or null; ``required``
  defaults to true; ``type_alternatives`` lists other acceptable types.
* ``petrarch`` — events with an ``event_code`` and actor ``code`` (PETRARCH-2 unit tests, TABARI
  validation records); scored as (source code, target code, event code) triples.
* ``unsupported`` — records in a language eventcoder does not code (e.g. Spanish).

Records that hold a ``corpus`` name and no ``text`` are *offset annotations* (``eval/``,
``tests/data/de-dev``): the text is joined from the corpus folder at read time by
:mod:`.gold_offsets`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eventcoder.language import registry

SIDES = ("source", "target")


@dataclass
class GoldActor:
    text: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass
class GoldEvent:
    """One expected event; ``None`` in a field means "not annotated"."""

    type: str | None
    source: list[GoldActor] = field(default_factory=list)
    target: list[GoldActor] = field(default_factory=list)
    type_alternatives: list[str] = field(default_factory=list)
    required: bool = True
    mode: str | None = None
    cameo: str | None = None
    event_code: str | None = None
    date: str | None = None
    location_country: str | None = None  # ISO alpha-3 (alpha-2 gold codes are converted)
    dead: int | str | None = None
    injured: int | str | None = None
    arrested: int | str | None = None
    vague: dict[str, str] = field(default_factory=dict)  # e.g. {"arrested": "Tausende"}
    factuality: str | None = None
    evidence: str | None = None

    def accepts(self, type_: str) -> bool:
        """True when ``type_`` is the gold type or one of its alternatives."""
        return type_ == self.type or type_ in self.type_alternatives

    def countries(self, side: str) -> set[str]:
        return {a.country for a in getattr(self, side) if a.country}


@dataclass
class GoldRecord:
    id: str
    text: str
    lang: str | None
    published: str | None
    events: list[GoldEvent]
    kind: str  # "plover" | "petrarch" | "unsupported"


@cache
def alpha2_to_alpha3() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3, from ``data/iso3166_alpha2_alpha3.tsv``."""
    path = resources.files("eventcoder.evaluation") / "data" / "iso3166_alpha2_alpha3.tsv"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("alpha2\t"):
            continue
        a2, a3, *_ = line.split("\t")
        table[a2] = a3
    return table


def _actors(value: Any) -> list[GoldActor]:
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    out = []
    for a in value:
        if isinstance(a, dict):
            out.append(GoldActor(a.get("text"), a.get("country"), a.get("sector"), a.get("code")))
    return out


def _location_country(loc: Any) -> str | None:
    if not isinstance(loc, dict):
        return None
    if loc.get("country"):
        return str(loc["country"])
    code = loc.get("country_code")
    if not code:
        return None
    code = str(code).upper()
    return alpha2_to_alpha3().get(code, code) if len(code) == 2 else code


def parse_event(d: dict[str, Any]) -> GoldEvent:
    """One gold event dict (any of the shapes) -> :class:`GoldEvent`."""
    vague = {
        f: str(d.get(f"{f}_vague") or d[f"{f}_text"])
        for f in ("dead", "injured", "arrested")
        if d.get(f"{f}_vague") or isinstance(d.get(f"{f}_text"), str)
    }
    return GoldEvent(
        type=d.get("type"),
        source=_actors(d.get("source")),
        target=_actors(d.get("target")),
        type_alternatives=list(d.get("type_alternatives") or []),
        required=d.get("required", True) is not False,
        mode=d.get("mode"),
        cameo=d.get("cameo"),
        event_code=d.get("event_code"),
        date=d.get("date"),
        location_country=_location_country(d.get("location")),
        dead=d.get("dead"),
        injured=d.get("injured"),
        arrested=d.get("arrested"),
        vague=vague,
        factuality=d.get("factuality"),
        evidence=d.get("evidence"),
    )


def record_kind(rec: dict[str, Any]) -> str:
    """Classify a raw gold record as ``plover``, ``petrarch`` or ``unsupported``."""
    lang = rec.get("lang")
    if lang and not registry.is_supported(lang):
        return "unsupported"
    events = rec.get("events") or []
    if "code_system" in rec or any(e.get("event_code") and not e.get("type") for e in events):
        return "petrarch"
    return "plover"


def parse_record(rec: dict[str, Any]) -> GoldRecord:
    return GoldRecord(
        id=str(rec["id"]),
        text=rec.get("text") or "",
        lang=rec.get("lang"),
        published=rec.get("published") or rec.get("date"),
        events=[parse_event(e) for e in rec.get("events") or []],
        kind=record_kind(rec),
    )


def _raw_records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line or item number, record) from a JSONL file or a file holding one JSON list."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except ValueError as exc:
            raise ValueError(f"{path}: not a JSON list of gold records ({exc})") from exc
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise ValueError(f"{path}: item {n} is not a JSON object")
            yield n, item
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: not JSON ({exc})") from exc
        if not isinstance(item, dict):
            raise ValueError(f"{path}:{lineno}: not a JSON object")
        yield lineno, item


def read_gold(paths: Iterable[str], corpus: str | None = None) -> Iterator[GoldRecord]:
    """Read gold records from JSONL files (or JSON lists); blank lines are skipped.

    Native PLOVER records (one event each, see :mod:`.gold_plover`) are grouped by id; offset
    annotations are joined to their texts in ``corpus`` (see :func:`.gold_offsets.corpus_dir`).
    """
    from eventcoder.evaluation.gold_offsets import is_offset_record, join_record
    from eventcoder.evaluation.gold_plover import group_native, is_native

    for path in paths:
        native = []
        for n, raw in _raw_records(path):
            if is_native(raw):
                native.append(raw)
                continue
            if is_offset_record(raw):
                yield parse_record(join_record(raw, path, n, corpus))
                continue
            try:
                yield parse_record(raw)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a gold record ({exc})") from exc
        try:
            yield from group_native(native)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not PLOVER gold records ({exc})") from exc
