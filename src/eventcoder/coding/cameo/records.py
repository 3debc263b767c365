"""What the English CAMEO coder returns: coded events and their actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventcoder.coding.cameo.tables import split_actor_code


@dataclass
class CodedActor:
    """An actor of a coded event: words, span in the sentence, CAMEO code, country, sector."""

    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None


@dataclass
class CodedEvent:
    """One event of a sentence: PLOVER type and mode, CAMEO code, trigger span and actors."""

    type: str
    mode: str | None
    cameo: str
    trigger: tuple[int, int]
    source: list[CodedActor] = field(default_factory=list)
    target: list[CodedActor] = field(default_factory=list)
    context: tuple[str, ...] = ()
    pattern: str | None = None  # the CAMEO.2.0 pattern that matched (None: the verb's default)
    intent: bool = False  # promised/intended ("will withdraw"): coded AGREE or THREATEN
    verb: str | None = None  # the CAMEO.2.0 verb block ("AGREE", "KILL")
    _cue: int | None = field(default=None, repr=False, compare=False)  # start of "must"


def make_actor(sentence: str, code: str, span: tuple[int, int]) -> CodedActor:
    country, sector = split_actor_code(code)
    start, end = span
    return CodedActor(sentence[start:end], start, end, code, country, sector)
