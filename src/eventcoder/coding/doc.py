"""The token arrays of one text, shared by every step of the coder.

One tokenizer (:func:`eventcoder.coding.tokenizer.tokenize`) makes them once per article;
sentences, mentions and triggers index into them by character and token offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any


@dataclass
class DocView:
    """Token arrays of a spaCy Doc, built once per article."""

    text: str
    idx: list[int]
    ends: list[int]
    lowers: list[str]
    texts: list[str]

    @classmethod
    def of(cls, doc: Any) -> DocView:
        idx = [t.idx for t in doc]
        texts = [t.text for t in doc]
        return cls(
            doc.text,
            idx,
            [i + len(t) for i, t in zip(idx, texts, strict=True)],
            [t.lower() for t in texts],
            texts,
        )

    def tok_at(self, char: int) -> int:
        """Index of the token containing (or starting after) character ``char``."""
        return max(0, bisect_right(self.idx, char) - 1)

    def tok_end(self, char: int) -> int:
        """Exclusive token index of the token span ending at character ``char``."""
        return bisect_right(self.idx, char - 1)
