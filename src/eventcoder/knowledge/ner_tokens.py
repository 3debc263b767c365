"""GermEval-style tokens for the rule-based NER (``eventcoder.knowledge.ner``).

Made of the engine's tokens (``eventcoder.coding.tokenizer.word_runs``): word runs joined by
-.’'&/ ("AT&T"), initials and abbreviations ("J.", "Dr.") whole.
"""

from __future__ import annotations

_ABBREVIATIONS = frozenset({"Dr", "Prof", "St", "Mr", "Mrs", "Ms", "Jr", "Sr", "Nr"})
_JOINERS = "-.’'&/"


def ner_tokens(text: str) -> list[tuple[int, int]]:
    """Token spans of ``text``: "Dr." and an initial "J." (before no word character) whole."""
    from eventcoder.coding.tokenizer import tokenize, word_runs

    out: list[tuple[int, int]] = []
    for s, e in word_runs(tokenize(text), joiners=_JOINERS):
        while s < e:  # "Dr.Schmidt": "Dr." and "Schmidt"
            k = s
            while k < e and (text[k].isalnum() or text[k] == "_"):
                k += 1
            if k == e or text[k] != "." or text[s:k] not in _ABBREVIATIONS:
                break
            out.append((s, k + 1))
            s = k + 1
        if s == e:
            continue
        prev = out[-1] if out else None
        if text[s:e] == "." and prev is not None and prev[1] == s and (
            text[prev[0]:prev[1]] in _ABBREVIATIONS
            or (prev[1] - prev[0] == 1 and text[prev[0]].isalpha())
        ):
            out[-1] = (prev[0], e)  # "Dr." before a space, an initial "J."
            continue
        out.append((s, e))
    return out
