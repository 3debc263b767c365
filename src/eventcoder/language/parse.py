"""Load the dependency parsers shipped as package data (``eventcoder/models/<name>/``).

A shipped model is a spaCy pipeline folder whose ``meta.json`` names its language; nothing is
downloaded. ``load_parser("en")`` returns the English tagger+parser, ``None`` for a language
without one (e.g. German).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

import spacy
from spacy.language import Language


def _models_root() -> Path:
    with as_file(files("eventcoder") / "models") as path:
        return Path(path)


def shipped_models() -> dict[str, Path]:
    """Language code -> folder of the shipped pipeline (first folder name wins per language)."""
    root = _models_root()
    found: dict[str, Path] = {}
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir()):
        meta = folder / "meta.json"
        if not meta.is_file():
            continue
        try:
            lang = json.loads(meta.read_text(encoding="utf-8"))["lang"]
        except (json.JSONDecodeError, KeyError) as exc:
            raise ValueError(f"{meta}: not a spaCy meta.json with 'lang': {exc}") from exc
        found.setdefault(lang, folder)
    return found


@cache
def load_parser(lang: str) -> Language | None:
    """The shipped tagger+parser for ``lang`` (loaded once, offline), or ``None`` if there is none."""
    folder = shipped_models().get(lang)
    if folder is None:
        return None
    return spacy.load(folder)
