"""The token arrays of one text, shared by every step of the coder, and what the attribute
components need to know of each event.

One tokenizer (:func:`eventcoder.coding.tokenizer.tokenize`) makes them once per article;
sentences, mentions and triggers index into them by character and token offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DocView:
    """Token arrays of a spaCy Doc, built once per article."""

    text: str
    idx: list[int]
    ends: list[int]
    lowers: list[str]
    texts: list[str]
    pieces_of: dict[tuple[int, int], list[tuple[int, int, int]]] = field(
        default_factory=dict, repr=False, compare=False)  # tokenizer.pieces, per span

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


@dataclass
class EventContext:
    """How the ``events`` component found one event (``doc.event_context[i]`` belongs to
    ``doc.events[i]``): what the numbers, dates, factuality and merge components read.

    ``coder`` is ``"lexicon"`` (clause by clause: ``finder``, ``head`` and the role fields are
    set), ``"sentence"`` (a sentence coder) or ``"dictionary"`` (user verb dictionaries)."""

    coder: str
    sentence: tuple[int, int]  # character span of the event's sentence
    anchor: int  # character offset the event's date is chosen nearest to (the trigger)
    trigger: tuple[int, int] | None = None  # character span of the trigger (head word)
    clause: tuple[int, int] | None = None  # character span of the event's clause
    head: int | None = None  # token index of the trigger's head word
    nominal: bool = False  # the trigger is a noun (after any intent cue)
    steps: int = 1  # words of the trigger pattern
    prev_text: str = ""  # the sentence before (a colon there may report this one)
    finder: Any = None  # the sentence's RoleFinder: clauses, refs, subjects (speakers)
    source_refs: list[Any] = field(default_factory=list)  # ActorRefs of the source
    fallback: str | None = None  # country of bare roles ("die Polizei")
    count_span: tuple[int, int] | None = None  # the numbers component counts here (None: done)
    merge_group: int | None = None  # events of one group may merge (the sentence number)
