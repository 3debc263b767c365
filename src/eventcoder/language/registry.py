"""The one list of languages: language detection, CLI choices and fallbacks read it.

A language registers itself by defining a :class:`~eventcoder.language.base.Language`
subclass in ``eventcoder/language/<code>/__init__.py`` decorated with :func:`register`;
:func:`languages` imports every such folder once. Third parties can call :func:`register`
on their own subclass (its ``package`` pointing at their data).
"""

from __future__ import annotations

import importlib
import pkgutil

from eventcoder.language.base import Language

_REGISTRY: dict[str, Language] = {}
_DISCOVERED = False
DEFAULT = "en"
"""The language used when a text's language cannot be told."""


def register(cls: type[Language]) -> type[Language]:
    """Register a language class (usable as a class decorator)."""
    _REGISTRY[cls.code] = cls()
    return cls


def unregister(code: str) -> None:
    """Remove a language (for tests that add a toy language)."""
    _REGISTRY.pop(code, None)


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    _DISCOVERED = True
    import eventcoder.language as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if info.ispkg:
            importlib.import_module(f"eventcoder.language.{info.name}")


def languages() -> tuple[str, ...]:
    """Codes of every registered language, sorted."""
    _discover()
    return tuple(sorted(_REGISTRY))


def is_supported(code: str | None) -> bool:
    """Whether ``code`` is a registered language."""
    _discover()
    return code in _REGISTRY


def get(code: str) -> Language:
    """The language ``code``; ``KeyError`` with the supported codes if it is not registered."""
    _discover()
    try:
        return _REGISTRY[code]
    except KeyError:
        raise KeyError(
            f"language {code!r} is not supported (supported: {', '.join(languages())})"
        ) from None


def get_or_default(code: str | None) -> Language:
    """The language ``code``, or the default language when it is missing or unknown."""
    _discover()
    return _REGISTRY.get(code or DEFAULT) or _REGISTRY[DEFAULT]
