"""Offset annotations: gold events stored as corpus ids plus character offsets, no text.

One JSONL line per article (``eval/*/``, ``tests/data/de-dev``; see ``docs/annotation.md``)::

    {"corpus": "de-10kgnad", "id": "10kgnad-test-0005", "split": "tune", "sha1": "…",
     "excerpt": {"start": 0, "end": 466},          # optional: score only this part
     "events": [{"type", "mode", "cameo", "required", "type_alternatives",
                 "evidence": {"start", "end"},
                 "source": [{"start", "end", "country", "sector"}], "target": [...],
                 "location": {"start", "end", "country", "name"} | null,
                 "dead", "injured", "arrested", "dead_text": {"start", "end"}?,
                 "factuality", "date"}]}

Offsets index the whole corpus text (Python ``str`` positions). At read time the record is
joined with its text from the corpus folder (``<corpus dir>/<corpus>/*.jsonl``, records
``{"id", "text", "date"?}``), the ``sha1`` of the text is checked and every span becomes its
text, which yields the common gold shape of :mod:`.gold`.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

ENV = "EVENTCODER_CORPUS"
CORPUS_LANGS = {"de-10kgnad": "de", "en-news": "en"}
NUMBER_FIELDS = ("dead", "injured", "arrested")
SPLITS = ("tune", "check")


def split_of(record_id: str) -> str:
    """``check`` for one third of the ids (sha1 of the id mod 3 == 0), else ``tune``."""
    return "check" if int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "tune"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def is_offset_record(rec: dict[str, Any]) -> bool:
    return isinstance(rec.get("corpus"), str) and "text" not in rec


def _repo_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return None


def corpus_dir(corpus: str | None = None, gold_path: str | None = None) -> Path:
    """The corpus folder: ``corpus``, else ``$EVENTCODER_CORPUS``, else ``<repo>/../shared/corpus``.

    ``<repo>`` is the repository holding ``gold_path`` (else the one holding this package).
    """
    if corpus:
        return Path(corpus)
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    root = None
    if gold_path:
        root = _repo_root(Path(gold_path).resolve().parent)
    root = root or _repo_root(Path(__file__).resolve().parent) or Path.cwd()
    return root.parent / "shared" / "corpus"


@cache
def _load_corpus(folder: str) -> dict[str, dict[str, Any]]:
    """id -> corpus record for every ``*.jsonl`` file in ``folder``."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    out[str(rec["id"])] = rec
                except (ValueError, KeyError, TypeError) as exc:
                    raise ValueError(f"{path}:{lineno}: not a corpus record ({exc})") from exc
    return out


def corpus_records(name: str, corpus: str | None = None, gold_path: str | None = None
                   ) -> dict[str, dict[str, Any]]:
    """id -> record of corpus ``name``; ValueError when the corpus folder is missing."""
    base = corpus_dir(corpus, gold_path)
    folder = base / name
    if not folder.is_dir() or not any(folder.glob("*.jsonl")):
        raise ValueError(f"corpus not found at {folder}; pass --corpus DIR or set {ENV} "
                         f"(the folder holding {name}/)")
    return _load_corpus(str(folder.resolve()))


def _span(d: Any, text: str, where: str, bounds: tuple[int, int]) -> str:
    if not isinstance(d, dict) or not isinstance(d.get("start"), int) or not isinstance(
            d.get("end"), int):
        raise ValueError(f"{where}: needs integer start and end offsets")
    start, end = d["start"], d["end"]
    if not bounds[0] <= start < end <= bounds[1]:
        raise ValueError(f"{where}: span {start}-{end} outside the text ({bounds[0]}-{bounds[1]})")
    return text[start:end]


def _actor(d: Any, text: str, where: str, bounds: tuple[int, int]) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise ValueError(f"{where}: an actor must be an object")
    quoted = _span(d, text, where, bounds) if "start" in d else None  # inferred actor: no span
    return {"text": quoted, "country": d.get("country"), "sector": d.get("sector"),
            "code": d.get("code"), "start": d.get("start"), "end": d.get("end")}


def join_event(ev: dict[str, Any], text: str, where: str, bounds: tuple[int, int]
               ) -> dict[str, Any]:
    """One offset event -> a common-shape event with the spans' texts filled in."""
    out = {k: v for k, v in ev.items() if k not in ("evidence", "source", "target", "location")}
    out["evidence"] = _span(ev.get("evidence"), text, f"{where}: evidence", bounds)
    for side in ("source", "target"):
        actors = ev.get(side) or []
        if isinstance(actors, dict):
            actors = [actors]
        out[side] = [_actor(a, text, f"{where}: {side} {i}", bounds)
                     for i, a in enumerate(actors, 1)]
    loc = ev.get("location")
    if loc:
        quoted = _span(loc, text, f"{where}: location", bounds) if "start" in loc else None
        out["location"] = {"text": quoted, "country": loc.get("country"), "name": loc.get("name")}
    else:
        out["location"] = None
    for name in NUMBER_FIELDS:
        words = ev.get(f"{name}_text")
        if words is not None:
            out[f"{name}_text"] = _span(words, text, f"{where}: {name}_text", bounds)
    return out


def join_record(rec: dict[str, Any], path: str = "<gold>", line: int = 0,
                corpus: str | None = None) -> dict[str, Any]:
    """Offset record -> common gold record (``id, lang, published, text, events``).

    Raises ValueError naming ``path:line`` for a missing corpus or article, a text whose sha1
    differs (the corpus changed), a wrong split or a span outside the text.
    """
    where = f"{path}:{line}"
    name, rid = rec["corpus"], str(rec.get("id", ""))
    try:
        article = corpus_records(name, corpus, path).get(rid)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    if article is None:
        raise ValueError(f"{where}: id {rid!r} is not in corpus {name!r}")
    full = article.get("text") or ""
    if rec.get("sha1") and rec["sha1"] != text_sha1(full):
        raise ValueError(f"{where}: sha1 mismatch for {rid!r}: the text in corpus {name!r} "
                         "changed since it was annotated")
    split = rec.get("split")
    if split is not None and split != split_of(rid):
        raise ValueError(f"{where}: split {split!r} for {rid!r}, but its id hashes to "
                         f"{split_of(rid)!r}")
    bounds = (0, len(full))
    if rec.get("excerpt"):
        _span(rec["excerpt"], full, f"{where}: excerpt", bounds)
        bounds = (rec["excerpt"]["start"], rec["excerpt"]["end"])
    events = [join_event(e, full, f"{where}: event {i}", bounds)
              for i, e in enumerate(rec.get("events") or [], 1)]
    return {
        "id": rid,
        "lang": rec.get("lang") or CORPUS_LANGS.get(name) or article.get("lang"),
        "published": rec.get("published", article.get("date")),
        "text": full[bounds[0]:bounds[1]],
        "split": split_of(rid),
        "events": events,
    }
