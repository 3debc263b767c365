"""The one loader of a language's data files (``language/<code>/*.tsv``).

Every bundled file opens with ``#`` comment lines that name its source and licence, then
(for tabular files) a header row naming its columns. :func:`read_table` checks both and the
column count of every row; errors name the file and line. A file a language does not ship
reads as empty ("feature empty"), so a new language works from whatever data it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.language import registry
from eventcoder.language.base import Language

_LICENCE = re.compile(r"licen[cs]e|apache|\bmit\b|\bcc[- ]by|cc0|public domain|odbl", re.I)


class DataFileError(ValueError):
    """A data file whose header, columns or rows are wrong (message: file, line, what)."""


@dataclass(frozen=True)
class Spec:
    """What a data file must look like: its columns (``None``: no header row) and how many
    of them a row must fill."""

    columns: tuple[str, ...]
    required: int = 1
    header_row: bool = True


SPECS: dict[str, Spec] = {
    "triggers.tsv": Spec(("pattern", "type", "mode", "cameo", "frame"), 2),
    "triggers_petrarch.tsv": Spec(("pattern", "type", "mode", "cameo", "frame"), 2),
    "casualties.tsv": Spec(("cue", "category", "kind"), 3),
    "dates.tsv": Spec(("expression", "kind", "value"), 2),
    "factuality.tsv": Spec(("cue", "label", "scope", "source"), 2),
    "intent.tsv": Spec(("pattern", "types", "becomes", "frame"), 3),
    "numbers.tsv": Spec(("word", "value", "kind"), 2),
    "grammar.tsv": Spec(("class", "words"), 1, header_row=False),
    "wordlists.tsv": Spec(("list", "words"), 1, header_row=False),
    "synsets.tsv": Spec(("synset", "words"), 2, header_row=False),
    "abbreviations.txt": Spec(("abbreviation", "flag"), 1, header_row=False),
    "verb_final.tsv": Spec(("forms", "participle"), 2),
}
"""The known data files of a language and their columns."""


def parse_rows(
    text: str, origin: str, spec: Spec, *, bundled: bool = True, require_header: bool = True
) -> list[tuple[int, tuple[str, ...]]]:
    """``(line number, cells)`` of a data file's ``text``: cells padded to
    ``len(spec.columns)`` and stripped. ``bundled`` files must name a source and licence in
    their opening comments; the spec's header row must come before the rows (with
    ``require_header=False`` it may be left out, as in users' own files)."""
    rows: list[tuple[int, tuple[str, ...]]] = []
    header_seen = not spec.header_row
    comments: list[str] = []
    width = len(spec.columns)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if not rows:
                comments.append(line)
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            got = tuple(c.strip() for c in cols)
            if got == spec.columns[: len(got)] and len(got) >= spec.required:
                continue
            if require_header:
                raise DataFileError(
                    f"{origin}:{n}: expected the header row {'<TAB>'.join(spec.columns)!r}, "
                    f"got {line!r}"
                )
        if len(cols) > width and any(c.strip() for c in cols[width:]):
            raise DataFileError(f"{origin}:{n}: {len(cols)} columns, at most {width} expected")
        cells = tuple(c.strip() for c in cols[:width]) + ("",) * (width - len(cols))
        if any(not c for c in cells[: spec.required]):
            raise DataFileError(
                f"{origin}:{n}: expected {'<TAB>'.join(spec.columns[: spec.required])}, "
                f"got {line!r}"
            )
        rows.append((n, cells))
    if bundled and not any(_LICENCE.search(c) for c in comments):
        raise DataFileError(f"{origin}:1: the header must name the file's source and licence")
    return rows


def parse_table(text: str, origin: str, spec: Spec, *, bundled: bool = True) -> list[tuple[str, ...]]:
    """The cells of each row of a data file (see :func:`parse_rows`)."""
    return [cells for _n, cells in parse_rows(text, origin, spec, bundled=bundled)]


def _language(lang: str | Language) -> Language | None:
    if isinstance(lang, Language):
        return lang
    return registry.get(lang) if registry.is_supported(lang) else None


def read_table(lang: str | Language, name: str, spec: Spec | None = None) -> list[tuple[str, ...]]:
    """Rows of ``language/<code>/<name>``; an unknown language or a missing file: no rows."""
    language = _language(lang)
    if language is None or not language.has_data(name):
        return []
    return _cached(language, name, spec or SPECS[name])


def read_text(lang: str | Language, name: str) -> str | None:
    """The text of ``language/<code>/<name>`` (None: no such language or file)."""
    language = _language(lang)
    if language is None or not language.has_data(name):
        return None
    return language.data(name).read_text("utf-8")


@lru_cache(maxsize=128)
def _cached(language: Language, name: str, spec: Spec) -> list[tuple[str, ...]]:
    text = language.data(name).read_text("utf-8")
    return parse_table(text, f"{language.code}/{name}", spec)


def word_classes(lang: str | Language, name: str) -> dict[str, frozenset[str]]:
    """A file of ``class<TAB>space-separated words`` lines (``grammar.tsv``, ``wordlists.tsv``)."""
    out: dict[str, frozenset[str]] = {}
    for cls, words in read_table(lang, name):
        out[cls] = out.get(cls, frozenset()) | frozenset(words.split())
    return out


def word_list(lang: str | Language, name: str) -> tuple[str, ...]:
    """One list of ``wordlists.tsv`` (``list<TAB>item|item``, items may hold spaces), in file
    order; empty when the language has none."""
    for cls, items in read_table(lang, "wordlists.tsv"):
        if cls == name:
            return tuple(i.strip() for i in items.split("|") if i.strip())
    return ()


def validate(lang: str | Language) -> list[str]:
    """Check every known data file the language ships; the names of the files read."""
    language = _language(lang)
    if language is None:
        raise KeyError(f"language {lang!r} is not registered")
    found = []
    for name, spec in SPECS.items():
        if language.has_data(name):
            _cached(language, name, spec)
            found.append(name)
    return found
