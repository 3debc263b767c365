"""Tokenising sentences and dictionary phrases the same way (upper-cased, with offsets).

Treebank-style splits: ``didn't`` -> ``DID N'T``, ``Gondor's`` -> ``GONDOR 'S``; underscores
separate words (``Dol_Amroth`` -> ``DOL AMROTH``); abbreviations keep their dots (``U.S.``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                    # U.S.  K.U.  U.N.
  | [^\W_]+(?=n't\b)                      # did  (before n't)
  | n't\b
  | '[sS]\b                               # possessive 's
  | [^\W_]+(?:[-.][^\W_]+|'(?![sS]\b)[^\W_]+)*(?:-(?!\w))?  # Barad-dur, anti-, 11.8
  | [^\w\s]                               # punctuation, one character each
    """,
    re.VERBOSE | re.IGNORECASE,
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


class Token(NamedTuple):
    """One token: upper-cased text and its character span in the original text."""

    text: str
    start: int
    end: int
    title: bool = False  # written with a capital first letter


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into upper-cased tokens with character offsets."""
    norm = text.translate(_QUOTES)
    return [
        Token(w.upper(), m.start(), m.end(), w[:1].isupper())
        for m in _TOKEN_RE.finditer(norm)
        for w in (m.group(),)
    ]


def split_words(phrase: str) -> list[str]:
    """Upper-cased tokens of a dictionary phrase (``_`` and spaces separate words)."""
    return [t.text for t in tokenize(phrase.replace("_", " "))]
