"""Near-duplicate articles (MinHash over word shingles, LSH index; ``datasketch``).

A wire story carried by several outlets gets one group id: the id of the first article of the
group seen by the monitor. Signatures are kept in the store, so the index survives restarts.
"""

from __future__ import annotations

import re
import unicodedata

from datasketch import MinHash, MinHashLSH

from eventcoder.monitor.store import MonitorStore

NUM_PERM = 64
SHINGLE = 4  # words per shingle
THRESHOLD = 0.6  # estimated Jaccard similarity of the shingle sets
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-grams of the case-folded, accent-normalised text."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    words = _WORD.findall(norm)
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _from_values(values: list[int]) -> MinHash:
    """A MinHash rebuilt from stored values (same scheme as :func:`signature` makes)."""
    scheme = getattr(MinHash(num_perm=1), "scheme", None)
    if scheme is None:  # datasketch < 2
        return MinHash(num_perm=NUM_PERM, hashvalues=values)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=scheme)


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch(list(shingles(text)))
    return m


class Deduplicator:
    """Assigns each new article to a near-duplicate group (its own when nothing is similar)."""

    def __init__(self, mstore: MonitorStore, threshold: float = THRESHOLD) -> None:
        self.mstore = mstore
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.groups: dict[str, str] = {}
        self.sigs: dict[str, MinHash] = {}
        for article_id, group_id, values in mstore.signatures():
            m = _from_values(values)
            self._index(article_id, group_id, m)

    def _index(self, article_id: str, group_id: str, m: MinHash) -> None:
        if article_id in self.groups:
            return
        self.lsh.insert(article_id, m)
        self.groups[article_id] = group_id
        self.sigs[article_id] = m

    def assign(self, article_id: str, text: str, threshold: float = THRESHOLD) -> str:
        """The group id of the article (stored with its signature)."""
        if article_id in self.groups:
            return self.groups[article_id]
        m = signature(text)
        best, best_sim = None, 0.0
        for other in self.lsh.query(m):
            sim = m.jaccard(self.sigs[other])
            if sim >= threshold and sim > best_sim:
                best, best_sim = other, sim
        group = self.groups[best] if best else article_id
        self._index(article_id, group, m)
        self.mstore.add_signature(article_id, group, m.hashvalues)
        return group
