"""Trigger lexicons: per-language TSV files of verb and noun patterns.

A pattern is a sequence of steps separated by spaces. A step is one token test:

* ``word``      the lower-cased token equals ``word``
* ``word*``     the token starts with ``word``        (inflection: ``verhaftet*``)
* ``*word``     the token ends with ``word``          (compound heads: ``*festnahme``)
* ``*word*``    the token contains ``word``           (compounds with endings)
* ``a|b*|*c``   any of these
* ``&name``     any word of the language's synset ``name`` (``synsets.tsv``, as PETRARCH's
                ``&CLASS``): ``called ... &disapproval`` ("called the plan a disgrace")
* ``...``       before a step: up to a few tokens may come in between, within the clause
                (separable German verbs: ``rief* ... auf``; English ``ask* ... help``)

Columns: ``pattern  type  mode  cameo  frame``. ``frame`` tells the role finder where source and
target are (see :mod:`eventcoder.coding.roles`). The type ``NONE`` marks a phrase that looks
like an event and is none ("heart attack", "fought for"): no trigger with a word inside it
is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

from eventcoder.language import data
from eventcoder.model import PLOVER_TYPES

NO_EVENT = "NONE"  # the type of a pattern that looks like an event and is none

LEXICON_FILES = (("triggers.tsv", 1), ("triggers_petrarch.tsv", 0))  # (file, rank)


@dataclass(frozen=True)
class Step:
    """One token test: exact words, prefixes, suffixes, infixes; ``gap`` allows words before it."""

    exact: frozenset[str]
    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    infix: tuple[str, ...]
    gap: bool
    exact_only: bool = False  # no prefixes, suffixes or infixes (set by parse_step)

    def test(self, tok: str) -> bool:
        return (tok in self.exact or tok.startswith(self.prefix) or tok.endswith(self.suffix)
                or (bool(self.infix) and any(i in tok for i in self.infix)))


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon line."""

    pattern: str
    steps: tuple[Step, ...]
    type: str
    mode: str | None
    cameo: str | None
    frame: str
    origin: str  # file name the entry came from
    rank: int = 1  # user files 2, hand-written 1, generated 0: breaks ties
    head_step: int = 0  # the step whose token heads the match (the verb of a verb-final variant)

    @cached_property
    def priority(self) -> tuple[int, int, int]:
        """The better source (user, hand-written, generated), then more steps, then an exact
        first step."""
        return (self.rank, len(self.steps), 1 if self.steps[0].exact else 0)


@cache
def parse_step(text: str, gap: bool) -> Step:
    """One step; identical steps are one object (the matcher memoises tests per step)."""
    exact: set[str] = set()
    prefix: list[str] = []
    suffix: list[str] = []
    infix: list[str] = []
    for alt in text.lower().split("|"):
        if not alt:
            continue
        if alt.startswith("*") and alt.endswith("*") and len(alt) > 2:
            infix.append(alt[1:-1])
        elif alt.startswith("*"):
            suffix.append(alt[1:])
        elif alt.endswith("*"):
            prefix.append(alt[:-1])
        else:
            exact.add(alt)
    plain = not (prefix or suffix or infix)
    return Step(frozenset(exact), tuple(prefix), tuple(suffix), tuple(infix), gap, plain)


def parse_pattern(pattern: str, synsets: Mapping[str, frozenset[str]] | None = None
                  ) -> tuple[Step, ...]:
    """The steps of a pattern; ``&name`` steps take their words from ``synsets`` (a
    ``KeyError`` names an unknown synset)."""
    steps: list[Step] = []
    gap = False
    for part in pattern.split():
        if part == "...":
            gap = True
            continue
        if part.startswith("&"):
            words = (synsets or {}).get(part[1:])
            if words is None:
                raise KeyError(f"unknown synset {part!r}")
            part = "|".join(sorted(words))
        steps.append(parse_step(part, gap))
        gap = False
    return tuple(steps)


def parse_lexicon(
    text: str, origin: str, rank: int = 1, *, bundled: bool = False,
    synsets: Mapping[str, frozenset[str]] | None = None,
) -> list[TriggerEntry]:
    """Parse a trigger TSV (the one loader, :mod:`eventcoder.language.data`; ``bundled``
    files must name source and licence); bad lines raise ``ValueError`` naming the line.
    ``synsets`` are the word sets ``&name`` steps refer to."""
    entries: list[TriggerEntry] = []
    spec = data.SPECS["triggers.tsv"]
    try:
        rows = data.parse_rows(text, origin, spec, bundled=bundled, require_header=False)
    except data.DataFileError as exc:
        raise ValueError(f"{exc} (columns: pattern<TAB>type[...])") from None
    for n, (pattern, ptype, mode, cameo, frame) in rows:
        if ptype not in PLOVER_TYPES and ptype != NO_EVENT:
            raise ValueError(f"{origin}:{n}: unknown PLOVER type {ptype!r}")
        try:
            steps = parse_pattern(pattern, synsets)
        except KeyError as exc:
            known = ", ".join(sorted(synsets or ())) or "none"
            raise ValueError(f"{origin}:{n}: {exc.args[0]} (known: {known})") from None
        if not steps:
            continue
        entries.append(
            TriggerEntry(
                pattern, steps, ptype, mode or None, cameo or None, frame or "-", origin, rank
            )
        )
    return entries


def verb_final_forms(lang: str) -> dict[str, frozenset[str]]:
    """Finite verb form -> the forms the verb takes at the end of a clause (the participle
    and the finite form itself), from the language's ``verb_final.tsv``; none without it."""
    out: dict[str, frozenset[str]] = {}
    for forms, participles in data.read_table(lang, "verb_final.tsv"):
        finals = frozenset(p for p in participles.split("|") if p)
        for form in forms.split("|"):
            if form:
                out[form] = out.get(form, frozenset({form})) | finals
    return out


def _light(steps: Sequence[Step]) -> bool:
    """One short function word ("als", "mit", "um"): with the verb last, too weak a cue."""
    return len(steps) == 1 and steps[0].exact_only and all(len(w) <= 4 for w in steps[0].exact)


def verb_final_variants(entries: Sequence[TriggerEntry], finals: Mapping[str, frozenset[str]]
                        ) -> list[TriggerEntry]:
    """For each pattern that opens with finite verb forms ("bekundete ... Solidarität"), the
    same pattern with the verb at the end of the clause ("... Solidarität bekundet"): the
    order of the perfect and of verb-final subordinate clauses. Patterns that end in a
    separable particle ("lehnte ... ab") list their joined forms ("abgelehnt") themselves;
    a pattern whose rest is one short word ("bezeichnete ... als") is too weak a cue."""
    out: list[TriggerEntry] = []
    for e in entries:
        first = e.steps[0]
        if len(e.steps) < 2 or not first.exact_only or _light(e.steps[1:]):
            continue
        words = frozenset().union(*(finals.get(w, frozenset()) for w in first.exact))
        if not words:
            continue
        last = parse_step("|".join(sorted(words)), True)
        steps = (replace(e.steps[1], gap=False), *e.steps[2:], last)
        rest = e.pattern.split(None, 1)[1].removeprefix("... ")
        out.append(replace(e, pattern=f"{rest} ... {'|'.join(sorted(words))}", steps=steps,
                           head_step=len(steps) - 1))
    return out


@lru_cache(maxsize=8)
def builtin_lexicon(lang: str) -> tuple[TriggerEntry, ...]:
    """The bundled trigger lexicons of one language, with the verb-final order of their verb
    patterns where the language lists it (cached; none for an unknown language)."""
    entries: list[TriggerEntry] = []
    synsets = data.word_classes(lang, "synsets.tsv")
    for name, rank in LEXICON_FILES:
        text = data.read_text(lang, name)
        if text is not None:
            entries.extend(
                parse_lexicon(text, f"{lang}/{name}", rank, bundled=True, synsets=synsets)
            )
    finals = verb_final_forms(lang)
    if finals:
        entries.extend(verb_final_variants(entries, finals))
    return tuple(entries)


def load_lexicon_files(paths: Sequence[str], lang: str | None = None) -> list[TriggerEntry]:
    """Extra trigger TSV files given by the user (their ``&name`` steps use ``lang``'s
    synsets)."""
    synsets = data.word_classes(lang, "synsets.tsv") if lang else {}
    entries: list[TriggerEntry] = []
    for p in paths:
        entries.extend(parse_lexicon(Path(p).read_text("utf-8"), p, rank=2, synsets=synsets))
    return entries
