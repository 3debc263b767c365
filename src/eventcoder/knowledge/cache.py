"""Build the knowledge base once and keep it pickled on disk, keyed by a hash of its inputs.

Cache folder: ``$EVENTCODER_CACHE`` or ``~/.cache/eventcoder``. A stale or unreadable cache is
rebuilt; when the folder is not writable the knowledge base is only built in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from eventcoder import __version__
from eventcoder.knowledge.base import KnowledgeBase
from eventcoder.knowledge.build import DATA_FILES, build_lexicon
from eventcoder.knowledge.lexicon import DATA_DIR

FORMAT = "kb-3"


def cache_dir() -> Path:
    return Path(os.environ.get("EVENTCODER_CACHE") or Path.home() / ".cache" / "eventcoder")


def inputs_hash(extra_files: Sequence[str]) -> str:
    """Hash over the package version, the data files and the user's extension files."""
    h = hashlib.sha1(f"{FORMAT}|{__version__}".encode())
    for path in [DATA_DIR / f for f in DATA_FILES] + [Path(p) for p in extra_files]:
        h.update(str(path.name).encode())
        if path.exists():
            h.update(path.read_bytes())
    for mod in ("base", "build", "lexicon", "matcher", "extensions"):
        h.update((Path(__file__).parent / f"{mod}.py").read_bytes())
    return h.hexdigest()[:16]


def build(extra_files: Sequence[str] = ()) -> KnowledgeBase:
    lex, tables = build_lexicon(extra_files)
    tables.city_index = {}  # only needed while building
    return KnowledgeBase(lex.entries, lex.keys, tables)


def load(extra_files: Sequence[str] = (), use_cache: bool = True) -> KnowledgeBase:
    """The knowledge base from the disk cache, building (and caching) it when needed."""
    if not use_cache:
        return build(extra_files)
    path = cache_dir() / f"knowledge-{inputs_hash(extra_files)}.pickle"
    try:
        with open(path, "rb") as f:
            kb = pickle.load(f)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    kb = build(extra_files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as f:
            pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        for old in path.parent.glob("knowledge-*.pickle"):
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 1:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return kb
