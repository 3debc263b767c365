"""Sentence segmentation for German and English news text.

Regex-based and fast: one pass finds candidate boundaries (sentence punctuation followed by
whitespace, line breaks), a few cheap checks reject the false ones (abbreviations from
``language/<lang>/abbreviations.txt``, initials, German ordinal numbers, a lower-case next
word). Offsets index the text as given; spans are trimmed of surrounding whitespace. The word
before a candidate (an abbreviation? an ordinal?) is read off the one tokenizer's tokens
(:func:`eventcoder.coding.tokenizer.tokenize`, or the article's view when given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventcoder.coding.doc import DocView

# Candidate boundaries: a blank line (paragraph), a single line break, or sentence punctuation
# with any closing quotes/brackets, followed by whitespace or the end of the text.
# (The leading lookahead lets the regex engine skip quickly to the next possible position.)
_CANDIDATE = re.compile(
    r"(?=[\n.!?\u2026])"
    r"(?:(?P<para>\n[^\S\n]*\n\s*)"
    r"|(?P<line>\n)"
    r"|(?P<punct>(?:\.\.\.|[.!?\u2026])+)(?P<close>[\"'\u201c\u201d\u2019\u00bb\u00ab)\]]*)(?=\s|$))"
)
# What follows a candidate: whitespace, opening quotes/brackets/dashes, then the first character.
_NEXT = re.compile(
    r"\s*[\"'\u201e\u201c\u201d\u201a\u2018\u2019\u00ab\u00bb(\[\u2013\u2014-]*(\S?)"
)
_DAY_MONTH = re.compile(r"\d{1,2}\.\d{1,2}$")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")
_OPENERS = "\"'\u201e\u201c\u201d\u201a\u2018\u2019\u00ab\u00bb([{"
_LINE_CONTINUES = ",;:(\u2013\u2014-/"
_SENTENCE_END = ".!?\u2026:\"'\u201c\u201d\u00bb\u00ab)"


@dataclass(frozen=True)
class _Abbreviations:
    exact: frozenset[str]
    lower: frozenset[str]
    final: frozenset[str]

    def find(self, token: str) -> str | None:
        if token in self.exact:
            return token
        low = token.lower()
        return low if low in self.lower else None


@lru_cache(maxsize=8)
def load_abbreviations(lang: str) -> _Abbreviations:
    """Read ``language/<lang>/abbreviations.txt`` (cached; a language without one has none)."""
    from eventcoder.language import data

    exact: set[str] = set()
    final: set[str] = set()
    for abbr, flag in data.read_table(lang, "abbreviations.txt"):
        exact.add(abbr)
        if flag == "final":
            final.add(abbr)
    lower = frozenset(a for a in exact if a == a.lower())
    return _Abbreviations(frozenset(exact), lower, frozenset(final) | {f.lower() for f in final})


def split_sentences(
    text: str, lang: str, view: DocView | None = None
) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` character offsets (end exclusive).

    ``lang`` is a registered language (others use no abbreviation list and the default
    language's rules); with ``ordinal_dot_dates`` a number with a dot may be an ordinal.
    ``view`` is the token view of ``text`` (made here when not given).
    """
    from eventcoder.language import registry

    if view is None:
        from eventcoder.coding.tokenizer import tokenize

        view = tokenize(text)

    abbrs = load_abbreviations(lang)
    german = registry.get_or_default(lang).ordinal_dot_dates
    cuts: list[int] = []
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        kind = m.lastgroup
        if kind == "para":
            cuts.append(m.start())
            continue
        if kind == "line":
            if _line_break_ends_sentence(text, m.start()):
                cuts.append(m.start())
            continue
        end = m.end()
        if end >= n:
            continue
        nxt = _NEXT.match(text, end).group(1)
        if not nxt or nxt.islower():
            continue
        if _punct_ends_sentence(text, view, m, nxt, abbrs, german):
            cuts.append(end)
    return _spans(text, cuts)


def _punct_ends_sentence(
    text: str, view: DocView, m: re.Match, nxt: str, abbrs: _Abbreviations, german: bool
) -> bool:
    punct = m.group("punct")
    if punct != "." or m.group("close"):
        # ! ? ellipsis, or a closed quotation: a capital (or digit, quote) starts a new sentence
        return not (punct in ("...", "\u2026") and nxt.isdigit())
    start = m.start()
    tok_start = _token_start(view, start)
    token = text[tok_start:start].lstrip(_OPENERS)
    if not token:
        return True
    abbr = abbrs.find(token)
    if abbr is not None:
        return abbr in abbrs.final and nxt.isupper()
    if len(token) == 1 and token.isalpha():
        return False  # initials, "z. B.", "u. a."
    if _DOTTED.match(token):
        return False  # "U.S.", "e.g." not in the list
    if german and token[-1].isdigit():
        if token.isdigit() and len(token) <= 3:
            return _german_number_ends_sentence(text, view, tok_start, nxt)
        if _DAY_MONTH.match(token):
            return False  # "am 11.11. Präsident ..."
    return True


def _german_number_ends_sentence(text: str, view: DocView, tok_start: int, nxt: str) -> bool:
    """Ordinals: "der 3. Platz", "am 6. Januar", "Am 6. Januar"; an end: "Platz 3. Der ..."."""
    if nxt.isdigit():
        return False  # "6. 1. 2022"
    i = tok_start - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    if i < 0 or text[i] == "\n":
        return False  # a number opening a line: a list item or an ordinal
    prev_end = i + 1
    prev_start = _token_start(view, prev_end)
    prev = text[prev_start:prev_end].lstrip(_OPENERS)
    if not prev or not prev[0].isupper() or prev[-1] in ",;:(":
        return False  # "der 3. Platz", "Champions League, 3. Runde"
    # a capitalised word right at the start of a sentence ("Am 6. Januar") is no noun
    j = prev_start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return not (j < 0 or text[j] in _SENTENCE_END)


def _token_start(view: DocView, pos: int) -> int:
    """Start of the word ending at ``pos``: the tokens that touch each other without space
    ("(U.S", "z.B"); ``pos`` itself when whitespace comes before it."""
    if pos <= 0 or not view.idx:
        return pos
    idx, ends, texts = view.idx, view.ends, view.texts
    i = view.tok_at(pos - 1)
    if not idx[i] < pos <= ends[i] or texts[i].isspace():
        return pos
    while i > 0 and ends[i - 1] == idx[i] and not texts[i - 1].isspace():
        i -= 1
    return idx[i]


def _line_break_ends_sentence(text: str, pos: int) -> bool:
    """A single line break ends a sentence unless the line visibly goes on."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\xa0":
        i -= 1
    if i < 0 or text[i] == "\n":
        return False
    if text[i] in _LINE_CONTINUES:
        return False
    nxt = _NEXT.match(text, pos + 1).group(1)
    return not (nxt and nxt.islower())


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    prev = 0
    cuts.append(len(text))
    for cut in cuts:
        if cut <= prev:
            continue
        seg = text[prev:cut]
        stripped = seg.strip()
        if stripped:
            a = prev + (len(seg) - len(seg.lstrip()))
            spans.append((a, a + len(stripped)))
        prev = cut
    return spans
