"""Agent dictionaries: role nouns (police, minister, ...) -> agent codes joined to actors.

Format: ``PHRASE {PLURALS} [~COD]``. ``~COD`` is appended to the actor code (``ARN`` + ``~COP``
-> ``ARNCOP``); ``COD~`` is put before it (``NGO~`` + ``ARN`` -> ``NGOARN``). ``{}`` means "no
plural"; without braces regular plurals are generated. ``!PERSON! = MAN, MEN`` defines a
substitution used inside phrases (``CONGRESS!PERSON!``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.coding.petrarch.actors import is_tabari
from eventcoder.coding.petrarch.phrases import PhraseIndex, phrase_words
from eventcoder.coding.petrarch.reading import dictionary_lines, warn
from eventcoder.coding.petrarch.tokens import Token

_LINE_RE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_SUBST_RE = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", re.I)


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent code; ``prefix`` codes go before the actor code, others after it."""

    code: str
    prefix: bool = False


def plural(word: str) -> str:
    """Regular English plural of an upper-case noun."""
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    return word + "S"


class AgentDictionary:
    """Agent phrases of one or more files."""

    def __init__(self) -> None:
        self.index: PhraseIndex[Agent] = PhraseIndex()
        self._seen: set[tuple] = set()

    def __len__(self) -> int:
        return len(self.index)

    def find(self, tokens: Sequence[Token], i: int) -> tuple[int, Agent] | None:
        """Longest agent phrase at token ``i``: (length, agent)."""
        return self.index.longest(tokens, i)

    def _add(self, phrase: str, agent: Agent, stem: bool) -> None:
        words = phrase_words(phrase, stem)
        if words and words not in self._seen:
            self._seen.add(words)
            self.index.add(words, agent)

    def load(self, path: str | Path) -> None:
        stem = is_tabari(path)
        subst: dict[str, list[str]] = {}
        for number, line in dictionary_lines(path):
            m = _SUBST_RE.match(line)
            if m:
                subst[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = _LINE_RE.match(line.strip())
            if not m:
                warn(path, number, f"cannot read agent line {line.strip()!r}; skipped")
                continue
            raw = m.group("code").replace(" ", "").upper()
            if not raw.strip("~"):
                warn(path, number, "empty agent code; skipped")
                continue
            agent = Agent(raw.strip("~"), prefix=raw.endswith("~") and not raw.startswith("~"))
            phrases = [m.group("phrase").strip().upper()]
            for key, values in subst.items():
                if any(key in p for p in phrases):
                    phrases = [p.replace(key, v.upper()) for p in phrases for v in values]
            for phrase in phrases:
                self._add(phrase, agent, stem)
                if m.group("plurals") is None:
                    head = phrase.rstrip("_")
                    self._add(plural(head) + phrase[len(head) :], agent, stem)
            for extra in (m.group("plurals") or "").split():
                self._add(extra, agent, stem)


def load_agents(paths: Iterable[str | Path]) -> AgentDictionary:
    """Read PETRARCH-2 or TABARI agent files into one dictionary."""
    agents = AgentDictionary()
    for path in paths:
        agents.load(path)
    return agents
