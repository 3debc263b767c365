"""Read the bundled knowledge data files into entries and surface keys.

An *entry* is a plain tuple (fields below) so that the compiled knowledge base pickles and
loads fast. A *key* is a lower-cased surface form with the entries it may refer to; each
variant says whether the key must match case-sensitively (short abbreviations such as "WHO",
"US"), which inflection suffixes it accepts and in which language it is used.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# entry tuple fields
KIND, NAME, COUNTRY, SECTOR, CODE, LAT, LON, GID, ADMIN1, PREC, FORM, EXTRA, POP = range(13)
# suffix classes (see matcher.suffixes_for: suffix_* lists of language/<code>/wordlists.tsv)
NO_SUFFIX, GENITIVE, ADJ, PLURAL = 0, 1, 2, 3

_ABBR = re.compile(r"^[A-Z0-9][A-Z0-9.&\-]{0,5}$")


def read_tsv(path: Path | str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file (``#`` comment lines skipped, first other line is the header)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#") and line.strip())
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        yield from reader


def fold(surface: str) -> str:
    """The case-folded matching form of a surface string (same length as the input)."""
    low = surface.lower()
    if len(low) != len(surface):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in surface)
    return low.replace("’", "'").replace("`", "'").replace("\u00a0", " ")


def is_exact(surface: str) -> bool:
    """Short abbreviations are matched case-sensitively ("WHO" but not "who")."""
    letters = [c for c in surface if c.isalpha()]
    return bool(_ABBR.match(surface)) and all(c.isupper() for c in letters) and len(letters) <= 5


class Lexicon:
    """Entries and keys under construction; ``compile`` hands them to the matcher."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.keys: dict[str, list[tuple[str | None, int, int, str | None]]] = {}
        self._seen: set[tuple[str, str | None, int, int, str | None]] = set()

    def add_entry(self, kind: str, name: str | None, country: str | None = None,
                  sector: str | None = None, code: str | None = None, lat=None, lon=None,
                  gid=None, admin1=None, prec=None, form=None, extra=None, pop=0) -> int:
        self.entries.append((kind, name, country, sector, code, lat, lon, gid, admin1, prec,
                             form, extra, pop))
        return len(self.entries) - 1

    def add_key(self, surface: str, eid: int, *, suffix: int = NO_SUFFIX,
                lang: str | None = None, exact: bool | None = None) -> None:
        surface = " ".join(surface.split())
        if len(surface) < 2:
            return
        if exact is None:
            exact = is_exact(surface)
        key = fold(surface)
        mark = (key, surface if exact else None, eid, suffix, lang)
        if mark in self._seen:
            return
        self._seen.add(mark)
        self.keys.setdefault(key, []).append((surface if exact else None, suffix, eid, lang))


def split_forms(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]
