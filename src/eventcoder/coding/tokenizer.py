"""A fast regex tokenizer for the blank pipelines (spaCy's rule tokenizer is the bottleneck).

Words keep inner hyphens and dots ("EU-Kommission", "U.S"), numbers their separators
("25,000", "1.500,5"), English clitics split off
("Iran", "'s"); every other non-space character is a token. Runs of whitespace other than one
space become whitespace tokens, so ``doc.text`` is the input text and ``token.idx`` are its
offsets. The token arrays are kept on ``doc._.ec_view`` for the engine's components.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventcoder.coding.doc import DocView

TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-.]\w+)*|['\u2019]\w+|\S")

if not Doc.has_extension("ec_view"):
    Doc.set_extension("ec_view", default=None)


def token_arrays(text: str) -> tuple[list[str], list[bool], list[int], list[int]]:
    """Words, trailing-space flags, start and end offsets of ``text`` (see the module doc)."""
    spans = [m.span() for m in TOKEN.finditer(text)]
    n = len(text)
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
    if not spans and text:
        words, spaces, idx, ends = [text], [False], [0], [n]
    return words, spaces, idx, ends


def tokenize(text: str) -> DocView:
    """The token arrays of ``text`` without a spaCy Doc (the engine's fast path)."""
    words, _spaces, idx, ends = token_arrays(text)
    return DocView(text, idx, ends, [w.lower() for w in words], words)


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
