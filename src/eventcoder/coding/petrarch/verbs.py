"""Verb dictionaries: verb forms and the patterns that refine their event codes.

PETRARCH-2 format::

    &CURRENCY                 a synset, used in patterns as &CURRENCY
    +DOLLARS
    --- BREAK [1717] ---      a verb block with its default code
    BREAK {BROKE BROKEN}      forms; regular inflections are generated, {...} adds irregular ones
    +BREAK_DOWN {+BROKE_DOWN} multi-word form; + marks the inflected word
    - * TREATY [161]          pattern: * = the verb, $ source, + target, % compound actor,
    - + * IN $ [075]            ^ skip one word or actor, _ joins words that must be adjacent

TABARI format: ``VERB [code]`` lines (a verb entry each; ``BURN DOWN [222]`` is a phrase),
``{ IRREGULAR FORMS }`` lines, ``- pattern [code]`` lines, ``{ A | B }`` alternatives inside
patterns, synsets in a ``<SYNSETS>`` section. TABARI words are stems unless they end in ``_``
(``CRITICI`` matches "criticized"; ``DEPART_`` matches "depart", "departs", "departed", ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventcoder.coding.petrarch.phrases import PhraseIndex, Word, match_words, phrase_words
from eventcoder.coding.petrarch.reading import dictionary_lines, warn
from eventcoder.coding.petrarch.tokens import Token

_BLOCK_RE = re.compile(
    r"^---\s*(?P<name>[^\[]+?)\s*(?:\[(?P<code>[^\]]*)\])?\s*(?:\[[^\]]*\]\s*)*[\s-]*$"
)
_CODE_RE = re.compile(r"\[([^\]]*)\]\s*$")
_ALT_RE = re.compile(r"\{([^}]*)\}")

PLACEHOLDERS = {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip"}
TABARI_ENDINGS = ("S", "ES", "ED", "D", "ING", "EN")


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: literal words (alternatives) or a placeholder."""

    kind: str  # "words" | "verb" | "source" | "target" | "compound" | "skip"
    options: tuple[tuple[Word, ...], ...] = ()
    joined: bool = False  # must be immediately followed by the next element
    firsts: frozenset[str] = frozenset()  # exact first words (quick rejection)
    stems: tuple[str, ...] = ()  # stem first words
    by_first: dict[str, tuple[tuple[Word, ...], ...]] = field(default_factory=dict)
    by_last: dict[str, tuple[tuple[Word, ...], ...]] = field(default_factory=dict)
    stem_last: bool = False  # some option ends with a stem word

    def starting(self, token: str) -> tuple[tuple[Word, ...], ...]:
        """Options that can start with ``token``."""
        found = self.by_first.get(token, ())
        if self.stems and any(token.startswith(p) for p in self.stems):
            found = found + tuple(o for o in self.options if o[0].stem and o[0].matches(token))
        return found

    def ending(self, token: str) -> tuple[tuple[Word, ...], ...]:
        """Options that can end with ``token``."""
        found = self.by_last.get(token, ())
        if self.stem_last:
            found = found + tuple(o for o in self.options if o[-1].stem and o[-1].matches(token))
        return found


def words_element(options: tuple[tuple[Word, ...], ...], joined: bool) -> Element:
    """A literal-words element with its lookup tables."""
    by_first: dict[str, list[tuple[Word, ...]]] = {}
    by_last: dict[str, list[tuple[Word, ...]]] = {}
    for o in options:
        if not o[0].stem:
            by_first.setdefault(o[0].text, []).append(o)
        if not o[-1].stem:
            by_last.setdefault(o[-1].text, []).append(o)
    return Element(
        "words",
        options,
        joined,
        frozenset(by_first),
        tuple({o[0].text for o in options if o[0].stem}),
        {k: tuple(v) for k, v in by_first.items()},
        {k: tuple(v) for k, v in by_last.items()},
        any(o[-1].stem for o in options),
    )


@dataclass
class Pattern:
    """A verb pattern: elements before and after the verb, and the event code."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    text: str
    verb_joined: bool = False  # the verb must be immediately followed by after[0]
    tabari: bool = False  # TABARI: % is a compound acting on itself; PETRARCH: % after * = target
    needs: tuple[frozenset[str], ...] = ()  # one of each set must be in the sentence

    def __post_init__(self) -> None:
        self.needs = tuple(
            e.firsts for e in (*self.before, *self.after) if e.kind == "words" and not e.stems
        )

    def possible(self, words: set[str]) -> bool:
        """Quick check: every literal element can start with some word of the sentence."""
        return all(not need.isdisjoint(words) for need in self.needs)


@dataclass
class VerbEntry:
    """A verb (PETRARCH-2 block or TABARI entry): default code and patterns, in file order."""

    name: str
    code: str | None
    patterns: list[Pattern] = field(default_factory=list)
    _index: tuple | None = field(default=None, repr=False, compare=False)

    def possible(self, words: set[str]) -> list[Pattern]:
        """The patterns whose literal words can all occur in ``words``, in file order."""
        if self._index is None or self._index[0] != len(self.patterns):
            free: list[int] = []
            by_word: dict[str, list[int]] = {}
            for k, p in enumerate(self.patterns):
                if not p.needs:
                    free.append(k)
                else:
                    for w in min(p.needs, key=len):
                        by_word.setdefault(w, []).append(k)
            self._index = (len(self.patterns), free, by_word)
        _n, free, by_word = self._index
        ks = set(free)
        for w in words & by_word.keys():
            ks.update(by_word[w])
        pats = self.patterns
        return [pats[k] for k in sorted(ks) if pats[k].possible(words)]


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A surface form: words before the verb word, the verb word, words after (adjacent)."""

    pre: tuple[Word, ...]
    word: Word
    post: tuple[Word, ...]
    code: str | None = None  # a form's own code overrides the entry's default


def normal_code(raw: str | None) -> str | None:
    """Strip spaces and TABARI markers (``031!``); None for an empty code."""
    if raw is None:
        return None
    code = raw.replace(" ", "").rstrip("!").upper()
    return code or None


def inflections(word: str, tabari: bool) -> set[str]:
    """Regular English forms of a verb (PETRARCH-2), or TABARI's root+ending set."""
    forms = {word}
    if tabari:
        forms.update(word + e for e in TABARI_ENDINGS)
        if word.endswith("E"):
            forms.add(word[:-1] + "ING")
        return forms
    cons_y = word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU"
    if word.endswith(("S", "X", "Z", "CH", "SH", "O")):
        forms.add(word + "ES")
    elif cons_y:
        forms.add(word[:-1] + "IES")
    else:
        forms.add(word + "S")
    if word.endswith("E"):
        forms.update({word + "D", word[:-1] + "ING"})
    elif cons_y:
        forms.update({word[:-1] + "IED", word + "ING"})
    else:
        forms.update({word + "ED", word + "ING"})
    return forms


def parse_form(text: str, stem: bool) -> tuple[tuple[Word, ...], Word, tuple[Word, ...]] | None:
    """``WIRE_+TAP`` -> (pre=(WIRE,), word=TAP, post=()); the first word is the verb by default."""
    pieces = [p for p in re.split(r"[\s_]+", text.strip()) if p]
    if not pieces:
        return None
    head = next((i for i, p in enumerate(pieces) if p.startswith("+")), 0)
    words = [phrase_words(p.lstrip("+"), False) for p in pieces]
    if not all(words):
        return None
    pre = tuple(w for part in words[:head] for w in part)
    verb_words = words[head]
    post = tuple(w for part in words[head + 1 :] for w in part)
    exact_end = text.rstrip().endswith(("_", "="))
    verb = Word(verb_words[0].text, stem and not exact_end and head == len(pieces) - 1)
    if len(pieces) == 1:
        verb = Word(verb_words[0].text, stem and not exact_end)
    return pre, verb, tuple(verb_words[1:]) + post


class VerbDictionary:
    """Verb forms, entries and synsets of one or more verb files."""

    def __init__(self) -> None:
        self.entries: list[VerbEntry] = []
        self.synsets: dict[str, list[str]] = {}
        self._forms: PhraseIndex[tuple[VerbForm, VerbEntry]] = PhraseIndex()

    def __len__(self) -> int:
        return len(self._forms)

    @property
    def pattern_count(self) -> int:
        return sum(len(e.patterns) for e in self.entries)

    # -- lookup -------------------------------------------------------------------------------

    def find(self, tokens: Sequence[Token], i: int) -> list[tuple[int, int, VerbForm, VerbEntry]]:
        """Verb forms whose verb word is token ``i``: (start, end, form, entry), best first."""
        cands = self._forms.candidates(tokens[i].text)
        if not cands:
            return []
        found = []
        for (word,), (form, entry) in cands:
            if not word.matches(tokens[i].text):
                continue
            start, end = i - len(form.pre), i + 1 + len(form.post)
            if start < 0 or match_words(form.pre, tokens, start) is None:
                continue
            if match_words(form.post, tokens, i + 1) is None:
                continue
            found.append((start, end, form, entry))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[2].word.stem, -len(f[2].word.text)))
        return found

    # -- building -----------------------------------------------------------------------------

    def add_form(self, form: VerbForm, entry: VerbEntry, tabari: bool) -> None:
        spellings = {form.word.text} if form.word.stem else inflections(form.word.text, tabari)
        for spelling in spellings:
            word = Word(spelling, form.word.stem)
            self._forms.add((word,), (VerbForm(form.pre, word, form.post, form.code), entry))

    def _options(self, text: str, stem: bool, depth: int = 0) -> tuple[tuple[Word, ...], ...]:
        """Word sequences a pattern piece stands for; ``&NAME`` expands to the synset members."""
        seqs: list[tuple[Word, ...]] = [()]
        for m in re.finditer(r"(\s*)([^\s_]+_?)", text.strip()):
            part = m.group(2)
            if part.startswith("&"):
                members = self.synsets.get(part[1:].rstrip("_").upper())
                if members is None or depth > 5:
                    return ()
                subs = [o for mem in members for o in self._options(mem, stem, depth + 1)]
            else:
                words = phrase_words(part, stem)
                subs = [words] if words else []
            if stem and m.group(1) and seqs != [()]:  # TABARI: a space allows a gap
                subs = [(replace(sub[0], gap=True), *sub[1:]) for sub in subs]
            seqs = [a + b for a in seqs for b in subs]
        return tuple(s for s in seqs if s)

    def parse_pattern(self, body: str, code: str, stem: bool) -> Pattern | None:
        """Compile the text between ``-`` and ``[code]`` into a Pattern (None if no ``*``)."""
        alts: list[str] = []

        def keep(m: re.Match[str]) -> str:
            alts.append(m.group(1))
            return f"\x00{len(alts) - 1}\x00"

        original = " ".join(body.split())
        body = _ALT_RE.sub(keep, body.replace("(", " ").replace(")", " "))
        elements: list[Element] = []
        for chunk in body.split():
            parts = re.split(r"_(?=.)", chunk)
            for k, part in enumerate(parts):
                joined = k < len(parts) - 1
                exact = part.endswith("_")
                part = part.rstrip("_")
                if part in PLACEHOLDERS:
                    elements.append(Element(PLACEHOLDERS[part], joined=joined))
                    continue
                if "\x00" in part:
                    ref = re.fullmatch("\x00(\\d+)\x00", part)
                    if ref is None:
                        return None
                    options: list[tuple[Word, ...]] = []
                    for alt in alts[int(ref.group(1))].split("|"):
                        options.extend(self._options(alt.strip(), stem))
                    opts = tuple(options)
                else:
                    word_stem = stem and (not (joined or exact) or part.endswith("~"))
                    opts = self._options(part.rstrip("~"), word_stem)
                if not opts:
                    return None
                elements.append(words_element(opts, joined))
        kinds = [e.kind for e in elements]
        if kinds.count("verb") != 1:
            return None
        v = kinds.index("verb")
        return Pattern(
            tuple(elements[:v]), tuple(elements[v + 1 :]), code, original, elements[v].joined, stem
        )

    def load(self, path: str | Path) -> None:
        lines = list(dictionary_lines(path))
        if any(line.startswith("---") for _, line in lines):
            self._load_petrarch(path, lines)
        else:
            self._load_tabari(path, lines)

    def _add_pattern(self, path, number, line, entry: VerbEntry | None, stem: bool) -> None:
        if entry is None:
            warn(path, number, "pattern before any verb; skipped")
            return
        m = _CODE_RE.search(line)
        if not m:
            warn(path, number, f"pattern without [code]: {line.strip()!r}; skipped")
            return
        body = line.strip()[1 : line.strip().rfind("[")].strip()
        try:
            pattern = self.parse_pattern(body, normal_code(m.group(1)) or "---", stem)
        except (ValueError, IndexError, RecursionError):
            pattern = None
        if pattern is None:
            warn(path, number, f"cannot read pattern {body!r}; skipped")
            return
        entry.patterns.append(pattern)

    def _load_petrarch(self, path, lines) -> None:
        entry: VerbEntry | None = None
        synset: str | None = None
        for number, line in lines:
            text = line.strip()
            if text.startswith("---"):
                m = _BLOCK_RE.match(text)
                if not m:
                    warn(path, number, f"cannot read verb block header {text!r}")
                    entry, synset = None, None
                    continue
                entry = VerbEntry(m.group("name").strip(), normal_code(m.group("code")))
                self.entries.append(entry)
                synset = None
            elif text.startswith("&"):
                synset = text[1:].split()[0].rstrip("_").upper()
                self.synsets.setdefault(synset, [])
            elif text.startswith("+") and synset is not None:
                self.synsets[synset].append(text[1:].strip())
            elif text.startswith("-"):
                self._add_pattern(path, number, text, entry, False)
            elif text.startswith("~"):
                continue  # PETRARCH-2 transformation rules need a parse tree: not supported
            elif entry is None:
                warn(path, number, f"verb form outside a verb block: {text!r}; skipped")
            else:
                self._add_petrarch_forms(path, number, text, entry)

    def _add_petrarch_forms(self, path, number, text: str, entry: VerbEntry) -> None:
        m = _CODE_RE.search(text)
        code = normal_code(m.group(1)) if m else None
        if m:
            text = text[: m.start()]
        irregular = _ALT_RE.search(text)
        extra = irregular.group(1).replace(",", " ").split() if irregular else []
        base = _ALT_RE.sub(" ", text).strip()
        for i, spelled in enumerate([base, *extra]):
            parsed = parse_form(spelled, False)
            if parsed is None:
                warn(path, number, f"cannot read verb form {spelled!r}; skipped")
                continue
            pre, word, post = parsed
            form = VerbForm(pre, word, post, code)
            if i == 0:
                self.add_form(form, entry, tabari=False)
            else:
                self._forms.add((word,), (form, entry))

    def _load_tabari(self, path, lines) -> None:
        entry: VerbEntry | None = None
        synset: str | None = None
        section: str | None = None
        for number, line in lines:
            text = line.strip()
            if text.startswith("<"):
                name = text.strip("<>/").upper()
                section = None if text.startswith("</") else name
                continue
            if section == "TIME":
                continue
            if text.startswith("&"):
                synset = text[1:].split()[0].rstrip("_").upper()
                self.synsets.setdefault(synset, [])
            elif text.startswith("+") and synset is not None and section == "SYNSETS":
                self.synsets[synset].append(text[1:].strip())
            elif text.startswith("-"):
                self._add_pattern(path, number, text, entry, True)
            elif text.startswith("{"):
                if entry is None:
                    warn(path, number, "verb forms before any verb; skipped")
                    continue
                for spelled in text.strip("{} ").split():
                    parsed = parse_form(spelled, True)
                    if parsed:
                        self.add_form(VerbForm(*parsed), entry, tabari=True)
            else:
                entry = self._tabari_entry(path, number, text)

    def _tabari_entry(self, path, number, text: str) -> VerbEntry | None:
        m = _CODE_RE.search(text)
        if not m:
            warn(path, number, f"verb line without [code]: {text!r}; skipped")
            return None
        phrase = text[: text.find("[")].strip()
        code = normal_code(m.group(1))
        words = phrase.split()
        entry = VerbEntry(phrase, code if len(words) == 1 else None)
        self.entries.append(entry)
        parsed = parse_form(words[0], True)
        if parsed is None:
            warn(path, number, f"cannot read verb {phrase!r}; skipped")
            return None
        if words[0].endswith("="):  # TABARI: this spelling only, no endings
            self._forms.add((parsed[1],), (VerbForm(*parsed), entry))
        else:
            self.add_form(VerbForm(*parsed), entry, tabari=True)
        if len(words) > 1:  # a verb phrase: the rest must follow the verb
            pattern = self.parse_pattern("* " + " ".join(words[1:]), code or "---", True)
            if pattern:
                entry.patterns.append(pattern)
        return entry


def load_verbs(paths: Iterable[str | Path]) -> VerbDictionary:
    """Read PETRARCH-2 (``--- VERB [code] ---`` blocks) or TABARI verb files."""
    verbs = VerbDictionary()
    for path in paths:
        verbs.load(path)
    return verbs
