"""A fast regex tokenizer for the blank pipelines (spaCy's rule tokenizer is the bottleneck).

Words keep inner hyphens and dots ("EU-Kommission", "U.S"), numbers their separators
("25,000", "1.500,5"), English clitics split off
("Iran", "'s"); every other non-space character is a token. Runs of whitespace other than one
space become whitespace tokens, so ``doc.text`` is the input text and ``token.idx`` are its
offsets. The token arrays are kept on ``doc._.ec_view`` for the engine's components.

The attribute steps (numbers, dates, factuality) need finer words than these tokens (letters
and digits apart, "10:30" and "Iran's" whole): :func:`pieces` and :func:`word_spans` derive
them from the same token spans, so every step sees one tokenization.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventcoder.coding.doc import DocView

# an apostrophe joins the word after it only right after a word ("Iran's"); an opening quote
# ("'megamarcha'") is a token of its own
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-.]\w+)*|(?<=\w)['\u2019]\w+|\S")
_PIECE = re.compile(r"([^\W\d_]+)|(\d+)|[^\w\s]")  # inside one token: letters | digits | mark
_RUN = re.compile(r"(\w+)|[^\w\s]")  # inside one token: a word-character run | a mark
LETTERS, DIGITS, MARK = 1, 2, 0
WORD_JOINERS = "-'\u2019"  # "Baden-Baden", "Iran's", "don’t"

if not Doc.has_extension("ec_view"):
    Doc.set_extension("ec_view", default=None)


def token_arrays(text: str) -> tuple[list[str], list[bool], list[int], list[int]]:
    """Words, trailing-space flags, start and end offsets of ``text`` (see the module doc)."""
    spans = [m.span() for m in TOKEN.finditer(text)]
    n = len(text)
    if not spans:  # empty or whitespace only
        return ([text], [False], [0], [n]) if text else ([], [], [], [])
    words: list[str] = []
    spaces: list[bool] = []
    idx: list[int] = []
    ends: list[int] = []
    if spans and spans[0][0] > 0:  # leading whitespace
        words.append(text[: spans[0][0]])
        spaces.append(False)
        idx.append(0)
        ends.append(spans[0][0])
    nxt = [s for s, _ in spans[1:]] + [n]
    for (s, e), s2 in zip(spans, nxt, strict=True):
        words.append(text[s:e])
        idx.append(s)
        ends.append(e)
        gap = s2 - e
        if gap == 0:
            spaces.append(False)
        elif gap == 1 and text[e] == " ":
            spaces.append(True)
        else:  # other whitespace: one space on the token, the rest a whitespace token
            lead = text[e] == " "
            spaces.append(lead)
            words.append(text[e + lead : s2])
            spaces.append(False)
            idx.append(e + lead)
            ends.append(s2)
    return words, spaces, idx, ends


def tokenize(text: str) -> DocView:
    """The token arrays of ``text`` without a spaCy Doc (the engine's fast path)."""
    words, _spaces, idx, ends = token_arrays(text)
    return DocView(text, idx, ends, [w.lower() for w in words], words)


def pieces(view: DocView, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, kind)`` of the letter runs, digit runs and single marks (kind
    :data:`LETTERS`, :data:`DIGITS`, :data:`MARK`) of ``view.text[start:end]``, cut from the
    view's token spans (underscores and whitespace are no piece). Kept on the view: callers
    read the list and do not change it."""
    end = len(view.text) if end is None else end
    hit = view.pieces_of.get((start, end))
    if hit is None:
        hit = view.pieces_of[(start, end)] = _pieces(view, start, end)
    return hit


def _pieces(view: DocView, start: int, end: int) -> list[tuple[int, int, int]]:
    text, idx, ends = view.text, view.idx, view.ends
    out: list[tuple[int, int, int]] = []
    last = (-1, -1, MARK)
    for i in range(view.tok_at(start) if idx else 0, len(idx)):
        s, e = idx[i], ends[i]
        if s >= end:
            break
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        w = text[s:e]
        if w.isalpha():
            found: list[tuple[int, int, int]] | tuple[tuple[int, int, int]] = ((s, e, LETTERS),)
        elif w.isdecimal():
            found = ((s, e, DIGITS),)
        elif w.isspace():
            continue
        else:
            found = [(m.start(), m.end(), m.lastindex or MARK) for m in _PIECE.finditer(text, s, e)]
        for p in found:
            if p[2] and last[2] == p[2] and last[1] == p[0]:
                last = out[-1] = (last[0], p[1], p[2])  # a run another tokenizer split
            else:
                out.append(p)
                last = p
    return out


def word_spans(
    view: DocView, start: int = 0, end: int | None = None, number_seps: str = ".,"
) -> list[tuple[int, int]]:
    """Character spans of the words of ``view.text[start:end]``: letter runs joined by
    :data:`WORD_JOINERS`, digit runs joined by ``number_seps`` ("1.500", "10:30"), every other
    mark alone; made of :func:`pieces`, i.e. of the view's token spans."""
    text = view.text
    ps = pieces(view, start, end)
    out: list[tuple[int, int]] = []
    k, n = 0, len(ps)
    while k < n:
        s, e, kind = ps[k]
        if kind:
            joiners = WORD_JOINERS if kind == LETTERS else number_seps
            while (
                k + 2 < n
                and ps[k + 1][0] == e
                and ps[k + 1][2] == MARK
                and text[e] in joiners
                and ps[k + 2][0] == e + 1
                and ps[k + 2][2] == kind
            ):
                e = ps[k + 2][1]
                k += 2
        out.append((s, e))
        k += 1
    return out


def word_runs(
    view: DocView, start: int = 0, end: int | None = None, joiners: str = ""
) -> list[tuple[int, int]]:
    """Character spans of the word-character runs (letters, digits and underscores
    together) of ``view.text[start:end]``, runs joined by one of ``joiners`` ("U.S", "AT&T",
    "Rhein-Main") one span, every other mark alone; made of the view's token spans."""
    text, idx, ends = view.text, view.idx, view.ends
    end = len(text) if end is None else end
    units: list[tuple[int, int, bool]] = []  # (start, end, is a run)
    for i in range(view.tok_at(start) if idx else 0, len(idx)):
        s, e = idx[i], ends[i]
        if s >= end:
            break
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        w = text[s:e]
        if w.isalnum():
            found: list[tuple[int, int, bool]] | tuple[tuple[int, int, bool]] = ((s, e, True),)
        elif w.isspace():
            continue
        else:
            found = [(m.start(), m.end(), m.lastindex == 1) for m in _RUN.finditer(text, s, e)]
        for u in found:
            if u[2] and units and units[-1][2] and units[-1][1] == u[0]:
                units[-1] = (units[-1][0], u[1], True)  # a run another tokenizer split
            else:
                units.append(u)
    out: list[tuple[int, int]] = []
    k, n = 0, len(units)
    while k < n:
        s, e, run = units[k]
        while (
            run
            and k + 2 < n
            and units[k + 1][0] == e
            and not units[k + 1][2]
            and text[e] in joiners
            and units[k + 2][0] == e + 1
            and units[k + 2][2]
        ):
            e = units[k + 2][1]
            k += 2
        out.append((s, e))
        k += 1
    return out


def letter_words(view: DocView, start: int = 0, end: int | None = None) -> set[str]:
    """The lower-cased letter runs of ``view.text[start:end]`` (a quick "which words occur")."""
    text = view.text
    return {text[s:e].lower() for s, e, kind in pieces(view, start, end) if kind == LETTERS}


class FastTokenizer:
    """Callable ``text -> Doc`` for ``nlp.tokenizer``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces, idx, ends = token_arrays(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.ec_view = DocView(text, idx, ends, [w.lower() for w in words], words)
        return doc

    def to_bytes(self, **kwargs: object) -> bytes:  # spaCy serialisation hooks
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> FastTokenizer:
        return self
