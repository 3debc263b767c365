"""Building the PETRARCH-2 dictionaries into a PatternCoder once, cached on disk."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
from functools import lru_cache
from pathlib import Path

from eventcoder.coding.cameo.tables import data_dir, rows
from eventcoder.coding.petrarch import (
    PatternCoder,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)

log = logging.getLogger("eventcoder.cameo")

ACTOR_FILES = (
    "eventcoder.actors.txt",  # additions first: earlier files win
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILES = ("eventcoder.agents.txt", "Phoenix.agents.txt")
VERB_FILES = ("CAMEO.2.0.txt",)
DISCARD_FILES = ("Phoenix.discards.txt",)


def _data_hash() -> str:
    h = hashlib.sha1()
    petrarch = Path(__file__).parent.parent / "petrarch"
    files = [data_dir() / f for f in (*ACTOR_FILES, *AGENT_FILES, *VERB_FILES, *DISCARD_FILES)]
    here = Path(__file__)
    files += [data_dir() / "verb_defaults.tsv", here, here.with_name("tables.py")]
    files += sorted(petrarch.glob("*.py")) + sorted((petrarch / "data").glob("*"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_path() -> Path:
    base = os.environ.get("EVENTCODER_CACHE") or Path.home() / ".cache" / "eventcoder"
    return Path(base) / f"cameo-en-{_data_hash()}.pickle"


def build_coder() -> PatternCoder:
    """Read the shipped dictionaries into a PatternCoder (slow: about 6 s)."""
    d = data_dir()
    verbs = load_verbs([d / f for f in VERB_FILES])
    defaults = {r[0]: r[1] for r in rows("verb_defaults.tsv")}
    for entry in verbs.entries:
        code = defaults.get(entry.name)
        if code == "---" or (code and entry.code in (None, "---")):
            entry.code = code
    return PatternCoder(
        actors=load_actors([d / f for f in ACTOR_FILES]),
        agents=load_agents([d / f for f in AGENT_FILES]),
        verbs=verbs,
        discards=load_discards([d / f for f in DISCARD_FILES]),
    )


@lru_cache(maxsize=1)
def get_cameo_coder() -> PatternCoder:
    """The PatternCoder over the shipped dictionaries, set up for PLOVER coding."""
    coder = _load_coder()
    coder.transparent = ("01", "---")  # "said (010) it would ...": the next verb counts
    coder.one_sided = True  # PLOVER events may lack a target ("protesters marched")
    coder.same_code = True  # domestic events: the government against its own rebels
    coder.chain_to = True  # "agreed to withdraw", "refused to meet": both verbs are coded
    coder.strict_gaps = True  # no parse tree: keep pattern words inside the verb's phrase
    return coder


def _load_coder() -> PatternCoder:
    """From the disk cache, else built and cached."""
    path = _cache_path()
    gc.disable()  # millions of small objects: the collector would triple the load time
    try:
        with path.open("rb") as fh:
            coder = pickle.load(fh)
        if isinstance(coder, PatternCoder):
            return coder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    finally:
        gc.enable()
    logging.getLogger("eventcoder.petrarch").setLevel(logging.ERROR)  # known upstream typos
    coder = build_coder()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(coder, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob("cameo-en-*.pickle"):  # caches of older dictionaries
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot cache the CAMEO dictionaries in %s: %s", path, exc)
    return coder


@lru_cache(maxsize=1)
def _verb_codes() -> dict[str, str]:
    return {e.name: e.code or "" for e in get_cameo_coder().verbs.entries}


def verb_code(name: str | None) -> str:
    """The default code of a verb entry ("" when unknown or uncoded)."""
    return _verb_codes().get(name or "", "")
