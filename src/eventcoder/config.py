"""One coder configuration shared by the library, every CLI command and the web app.

>>> config = CoderConfig(lang="de", lexicons=("my-triggers.tsv",))
>>> config = CoderConfig.from_yaml("coder.yaml").replace(en_backend="cameo")

A YAML file holds the same keys as the fields (lists for the file fields; relative paths are
taken relative to the YAML file)::

    lang: de
    en_backend: cameo
    lexicons: [extra-triggers.tsv]
    knowledge: [our-actors.yaml]
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

EN_BACKENDS = ("lexicon", "cameo", "parse")
"""Fallback list of English sentence coders (the coder's registry is asked first)."""

_FILE_FIELDS = ("lexicons", "actors", "agents", "verbs", "knowledge")


class ConfigError(ValueError):
    """A coder configuration that cannot be used; the message says what to change."""


def en_backends() -> tuple[str, ...]:
    """Names of the registered sentence coders (``lexicon``, ``cameo``, ...)."""
    try:
        from eventcoder.coding.sentence_coders import backends
    except ImportError:  # an older coder without the plugin registry
        return EN_BACKENDS
    return tuple(backends())


@dataclass(frozen=True)
class CoderConfig:
    """How to build the coder: language choice, English backend and user data files."""

    lang: str | None = None  # force one language (--lang); None = honour record / detect
    en_backend: str = "lexicon"  # "lexicon" | "cameo" | "parse" (English sentence coder plugin)
    lexicons: tuple[str, ...] = ()  # extra trigger TSV files
    actors: tuple[str, ...] = ()  # PETRARCH/TABARI actor dictionaries
    agents: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    knowledge: tuple[str, ...] = ()  # YAML/CSV knowledge files

    def __post_init__(self) -> None:
        for name in _FILE_FIELDS:  # lists given by a caller become tuples (hashable)
            value = getattr(self, name)
            if isinstance(value, str | os.PathLike):
                value = (value,)
            object.__setattr__(self, name, tuple(str(v) for v in value or ()))
        if self.lang is not None:
            object.__setattr__(self, "lang", str(self.lang).strip().lower() or None)

    def replace(self, **changes: Any) -> CoderConfig:
        """A copy with ``changes`` applied (``None`` values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def validate(self) -> CoderConfig:
        """Check the language, the backend and that every file exists; return self."""
        from eventcoder.language import registry

        if self.lang is not None and not registry.is_supported(self.lang):
            raise ConfigError(
                f"language {self.lang!r} is not supported "
                f"(supported: {', '.join(registry.languages())})"
            )
        if self.en_backend not in en_backends():
            raise ConfigError(
                f"en_backend must be one of {', '.join(en_backends())}, not {self.en_backend!r}"
            )
        for name in _FILE_FIELDS:
            for path in getattr(self, name):
                if not Path(path).is_file():
                    raise ConfigError(f"{name}: no such file: {path}")
        return self

    def coder_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of :class:`eventcoder.coding.engine.EventCoder`."""
        return {
            "actors": self.actors,
            "agents": self.agents,
            "verbs": self.verbs,
            "lexicons": self.lexicons,
            "en_coder": self.en_backend,
            "knowledge": self.knowledge,
        }

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], base: str | Path | None = None) -> CoderConfig:
        """Build from a mapping (YAML keys = field names; ``en_coder`` is accepted for
        ``en_backend``, single strings for lists); relative paths are resolved against
        ``base``. Unknown keys are an error naming them."""
        data = dict(data)
        if "en_coder" in data and "en_backend" not in data:
            data["en_backend"] = data.pop("en_coder")
        if "lexicon" in data and "lexicons" not in data:
            data["lexicons"] = data.pop("lexicon")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        for name in _FILE_FIELDS:
            value = data.get(name)
            if value is None:
                continue
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, Sequence):
                raise ConfigError(f"{name} must be a list of file paths, not {value!r}")
            data[name] = tuple(_resolve(str(v), base) for v in value)
        return cls(**data)

    @classmethod
    def from_yaml(cls, path: str | Path) -> CoderConfig:
        """Read a YAML configuration file (see the module docstring)."""
        import yaml

        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the configuration: {exc}") from exc
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: expected a mapping of options, not {type(data).__name__}")
        try:
            return cls.from_mapping(data, base=Path(path).parent)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        except TypeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc


def _resolve(path: str, base: str | Path | None) -> str:
    p = Path(path).expanduser()
    if base is not None and not p.is_absolute():
        p = Path(base) / p
    return str(p)
