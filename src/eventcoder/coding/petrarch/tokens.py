"""Tokenising sentences and dictionary phrases the same way (upper-cased, with offsets).

Treebank-style splits: ``didn't`` -> ``DID N'T``, ``Gondor's`` -> ``GONDOR 'S``; underscores
separate words (``Dol_Amroth`` -> ``DOL AMROTH``); abbreviations keep their dots (``U.S.``).
"""

from __future__ import annotations

from typing import NamedTuple

from eventcoder.coding.tokenizer import MARK, pieces
from eventcoder.coding.tokenizer import tokenize as _view

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


class Token(NamedTuple):
    """One token: upper-cased text and its character span in the original text."""

    text: str
    start: int
    end: int
    title: bool = False  # written with a capital first letter


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into upper-cased tokens with character offsets (made of the one
    tokenizer's pieces, :func:`eventcoder.coding.tokenizer.pieces`)."""
    norm = text.translate(_QUOTES)
    return [
        Token(norm[s:e].upper(), s, e, norm[s:s + 1].isupper()) for s, e in _spans(norm)
    ]


def _units(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_word)``: runs of letters and digits, and single marks."""
    out: list[tuple[int, int, bool]] = []
    for s, e, kind in pieces(_view(text)):
        word = kind != MARK
        if word and out and out[-1][2] and out[-1][1] == s:
            out[-1] = (out[-1][0], e, True)  # letters and digits: one run ("F16", "3rd")
        else:
            out.append((s, e, word))
    return out


def _spans(text: str) -> list[tuple[int, int]]:
    """Treebank-style token spans: ``U.S.``; ``did`` + ``n't``; ``'s``; words joined by
    ``-``/``.``/``'`` (``Barad-dur``, ``11.8``, ``O'Neil``) with a final ``-`` (``anti-``)."""
    u = _units(text)
    n, out, k = len(u), [], 0

    def word_end(e: int) -> bool:  # a word boundary after position e
        return e >= len(text) or not (text[e].isalnum() or text[e] == "_")

    def joined(j: int, ch: str) -> bool:  # unit j is the mark ch touching units j-1 and j+1
        return (
            j + 1 < n
            and not u[j][2]
            and text[u[j][0]] == ch
            and u[j - 1][1] == u[j][0]
            and u[j + 1][0] == u[j][1]
            and u[j + 1][2]
        )

    def is_s(j: int) -> bool:  # unit j is a lone "s" ending a word
        s, e, _ = u[j]
        return e - s == 1 and text[s] in "sS" and word_end(e)

    while k < n:
        s, e, word = u[k]
        if not word:
            if text[s] == "'" and k + 1 < n and u[k + 1][0] == e and u[k + 1][2] and is_s(k + 1):
                out.append((s, u[k + 1][1]))  # 's
                k += 2
            else:
                out.append((s, e))
                k += 1
            continue
        pairs, j = 0, k  # U.S.: single letters each with a dot
        while (
            j + 1 < n
            and u[j][2]
            and u[j][1] - u[j][0] == 1
            and text[u[j][0]].isalpha()
            and (j == k or u[j][0] == u[j - 1][1])
            and joined_dot(u, j, text)
        ):
            pairs += 1
            j += 2
        if pairs >= 2:
            out.append((s, u[j - 1][1]))
            k = j
            continue
        if (  # did + n't
            joined(k + 1, "'")
            and text[e - 1] in "nN"
            and u[k + 2][1] - u[k + 2][0] == 1
            and text[u[k + 2][0]] in "tT"
            and word_end(u[k + 2][1])
        ):
            if e - s > 1:
                out.append((s, e - 1))
            out.append((e - 1, u[k + 2][1]))
            k += 3
            continue
        j = k
        while joined(j + 1, "-") or joined(j + 1, ".") or (joined(j + 1, "'") and not is_s(j + 2)):
            j += 2
        end = u[j][1]
        if j + 1 < n and not u[j + 1][2] and text[u[j + 1][0]] == "-" and u[j + 1][0] == end:
            if word_end(u[j + 1][1]):
                end, j = u[j + 1][1], j + 1  # anti-
        out.append((s, end))
        k = j + 1
    return out


def joined_dot(u: list[tuple[int, int, bool]], j: int, text: str) -> bool:
    """Unit ``j`` is followed, touching, by a full stop."""
    return not u[j + 1][2] and text[u[j + 1][0]] == "." and u[j + 1][0] == u[j][1]


def split_words(phrase: str) -> list[str]:
    """Upper-cased tokens of a dictionary phrase (``_`` and spaces separate words)."""
    return [t.text for t in tokenize(phrase.replace("_", " "))]
