"""The few real differences between languages, as a small class per language.

Everything else a language needs is data in its folder (``language/<code>/*.tsv``); a
:class:`Language` subclass names the language and answers the grammatical questions that
components ask (clause order, separable particles, case).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import ClassVar


class Language:
    """One language: its code, its data folder and its grammatical hooks.

    Subclasses set the class attributes; components ask the hooks instead of comparing
    language codes.
    """

    code: ClassVar[str]
    """ISO 639-1 code, e.g. ``"de"``."""
    name: ClassVar[str]
    """English name, e.g. ``"German"``."""
    lingua_name: ClassVar[str | None] = None
    """Name of the ``lingua.Language`` member used for detection, e.g. ``"GERMAN"``."""
    package: ClassVar[str | None] = None
    """Package holding the data files; defaults to ``eventcoder.language.<code>``."""

    verb_final_subclauses: ClassVar[bool] = False
    """Subordinate clauses put the finite verb last (German)."""
    separable_particles: ClassVar[bool] = False
    """Verbs split off a particle to the clause end ("nimmt … fest")."""
    morphological_case: ClassVar[bool] = False
    """Noun phrases mark case on determiners and adjectives."""

    def data(self, name: str) -> Traversable:
        """The data file ``name`` in this language's folder."""
        return resources.files(self.package or f"eventcoder.language.{self.code}").joinpath(name)

    def has_data(self, name: str) -> bool:
        """Whether this language ships the data file ``name``."""
        return self.data(name).is_file()

    def __repr__(self) -> str:
        return f"<Language {self.code} ({self.name})>"
