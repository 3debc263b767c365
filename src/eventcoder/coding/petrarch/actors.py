"""Actor dictionaries: phrases -> CAMEO-style actor codes, optionally restricted by date.

Format (PETRARCH-2 and TABARI)::

    GONDOR [GON]              phrase and code
    +MINAS_TIRITH             synonym of the entry above
    GOLLUM                    codes may follow on indented lines
        [HOB <950601]         before a date        (YYMMDD or YYYYMMDD)
        [HOBGOV 950601-990815] within a date range  (inclusive)
        [HOBREB >990816]      after a date
    ZIMBABWE [RHO <790606] [ZBW]   an unrestricted code is the default

TABARI files also have ``<NOUN>`` and ``<ADJECTIVE>`` sections (kept as word lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.coding.petrarch.phrases import PhraseIndex, Word, phrase_words
from eventcoder.coding.petrarch.reading import dictionary_lines, read_text, warn
from eventcoder.coding.petrarch.tokens import Token

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RE = re.compile(r"^(?:([<>])(\d{6}|\d{8})|(\d{6}|\d{8})-(\d{6}|\d{8}))$")
_SECTION_RE = re.compile(r"^\s*<(/?)(\w+)>\s*$")


def _iso(date: str) -> str:
    """YYMMDD or YYYYMMDD -> YYYYMMDD (two-digit years up to 30 are 20xx)."""
    if len(date) == 6:
        century = "20" if int(date[:2]) <= 30 else "19"
        return century + date
    return date


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid before, after or between dates (YYYYMMDD; None = open)."""

    code: str
    after: str | None = None  # valid on and after this date
    before: str | None = None  # valid on and before this date

    def applies(self, day: str) -> bool:
        return (self.after is None or day >= self.after) and (
            self.before is None or day <= self.before
        )


@dataclass
class ActorEntry:
    """One actor: its phrases, default code and date-restricted codes (first match wins)."""

    phrases: list[str] = field(default_factory=list)
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)

    def code_on(self, date: str | None) -> str | None:
        if date and self.dated:
            day = date.replace("-", "")[:8]
            for dc in self.dated:
                if dc.applies(day):
                    return dc.code
        elif self.dated and self.default is None:
            return self.dated[-1].code
        return self.default


def parse_code(text: str) -> DatedCode | str | None:
    """``CODE``, ``CODE <D``, ``CODE >D`` or ``CODE D1-D2`` -> str or DatedCode; None if bad."""
    parts = text.split(None, 1)
    if not parts:
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return code
    m = _DATE_RE.match(parts[1].replace(" ", ""))
    if not m:
        return None
    if m.group(1) == "<":  # strictly before
        day = int(_iso(m.group(2)))
        return DatedCode(code, before=str(day - 1))
    if m.group(1) == ">":
        return DatedCode(code, after=str(int(_iso(m.group(2))) + 1))
    return DatedCode(code, after=_iso(m.group(3)), before=_iso(m.group(4)))


def is_tabari(path: str | Path) -> bool:
    """TABARI files use ``;`` comments or end with ``~~FINISH``; PETRARCH-2 files do not."""
    text = read_text(path)
    return "~~FINISH" in text or bool(re.search(r"^[^#\n]*\s;", text, re.M))


class ActorDictionary:
    """Actor phrases of one or more files; ``find`` and ``code_for`` resolve them."""

    def __init__(self) -> None:
        self.entries: list[ActorEntry] = []
        self.index: PhraseIndex[ActorEntry] = PhraseIndex()
        self.nouns: set[str] = set()
        self.adjectives: set[str] = set()
        self._by_phrase: dict[tuple[Word, ...], ActorEntry] = {}

    def __len__(self) -> int:
        return len(self.index)

    def add_phrase(self, phrase: str, entry: ActorEntry, stem: bool) -> None:
        words = phrase_words(phrase, stem)
        if words and words not in self._by_phrase:
            self._by_phrase[words] = entry
            self.index.add(words, entry)
            entry.phrases.append(phrase)
            if stem and not words[-1].stem:  # TABARI: exact nouns still take a plural -S
                last = words[-1]
                self.index.add((*words[:-1], Word(last.text + "S", False, last.gap)), entry)

    def find(self, tokens: Sequence[Token], i: int) -> tuple[int, ActorEntry] | None:
        """Longest actor phrase at token ``i``: (length, entry)."""
        return self.index.longest(tokens, i)

    def code_for(self, phrase: str, date: str | None = None) -> str | None:
        """The code of ``phrase`` on ``date`` (ISO or YYYYMMDD); None if unknown."""
        from eventcoder.coding.petrarch.tokens import tokenize

        tokens = tokenize(phrase)
        hit = self.find(tokens, 0) if tokens else None
        if not hit or hit[0] != len(tokens):
            return None
        return hit[1].code_on(date)

    def load(self, path: str | Path) -> None:
        stem = is_tabari(path)
        entry: ActorEntry | None = None
        section: str | None = None
        for number, line in dictionary_lines(path):
            sec = _SECTION_RE.match(line)
            if sec:
                section = None if sec.group(1) else sec.group(2).upper()
                continue
            text = line.strip()
            if section in ("NOUN", "ADJECTIVE"):
                target = self.nouns if section == "NOUN" else self.adjectives
                target.update(w.text for w in phrase_words(text, False))
                continue
            if text.startswith("+"):
                if entry is None:
                    warn(path, number, "synonym line before any actor; skipped")
                    continue
                self.add_phrase(text[1:].split("[")[0], entry, stem)
                text = text[text.find("[") :] if "[" in text else ""
            elif not line[0].isspace() and not text.startswith("["):
                entry = ActorEntry()
                self.entries.append(entry)
                self.add_phrase(text.split("[")[0], entry, stem)
                text = text[text.find("[") :] if "[" in text else ""
            if not text:
                continue
            if entry is None:
                warn(path, number, "code line before any actor; skipped")
                continue
            codes = _CODE_RE.findall(text)
            if not codes:
                warn(path, number, f"cannot read actor line {text!r}; skipped")
            for raw in codes:
                parsed = parse_code(raw)
                if parsed is None:
                    warn(path, number, f"bad actor code [{raw}]; skipped")
                elif isinstance(parsed, DatedCode):
                    entry.dated.append(parsed)
                elif entry.default is None:
                    entry.default = parsed


def load_actors(paths: Iterable[str | Path]) -> ActorDictionary:
    """Read PETRARCH-2 or TABARI actor files into one dictionary (earlier files win)."""
    actors = ActorDictionary()
    for path in paths:
        actors.load(path)
    return actors
