"""One Aho–Corasick pass over a case-folded copy of the text, with word-boundary checks.

German inflection is handled by suffix tolerance: a key may be followed by one of the
suffixes of its class (genitive -s, adjective endings -e/-en/-er/-es/-em, English plural -s)
before the word boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from eventcoder.knowledge.lexicon import ADJ, GENITIVE, NO_SUFFIX, PLURAL, fold
from eventcoder.language import data

# (suffix class, lang) -> suffixes tried in order
_SUFFIX_LISTS = {GENITIVE: "suffix_genitive", ADJ: "suffix_adjective", PLURAL: "suffix_plural"}


@lru_cache(maxsize=16)
def suffixes_for(lang: str) -> dict[int, tuple[str, ...]]:
    """Endings tried after a key, per suffix class (``suffix_*`` lists of the language's
    ``wordlists.tsv``; none for a language without them)."""
    out = {NO_SUFFIX: ()}
    for cls, name in _SUFFIX_LISTS.items():
        out[cls] = data.word_list(lang, name)
    return out


_NONWORD = re.compile(r"[\W_]")


def _norm(folded: str) -> str:
    """Punctuation to spaces (same length), so keys can be anchored at word starts."""
    return _NONWORD.sub(" ", folded)


def build_automaton(keys: dict[str, list[tuple]]) -> ahocorasick.Automaton:
    """Automaton over " " + normalised folded keys (so a key can only start at a word start);
    value = (key length, variants, whether a variant takes an inflection suffix). A key none
    of whose variants inflects also ends in " ", so it is found only where a word ends (the
    text is scanned with a space after it)."""
    merged: dict[str, list[tuple]] = {}
    for key, variants in keys.items():
        merged.setdefault(" " + _norm(key), []).extend(variants)
    auto = ahocorasick.Automaton()
    for key, variants in merged.items():
        inflects = any(v[1] != NO_SUFFIX for v in variants)
        auto.add_word(key if inflects else key + " ", (len(key) - 1, tuple(variants), inflects))
    auto.make_automaton()
    return auto


def _apostrophe_inside(low: str, i: int, n: int) -> bool:
    """Is ``low[i]`` an apostrophe inside a word ("Ba'ath"), not a possessive ("Iran's")?"""
    if low[i] not in "'’" or i + 1 >= n or not low[i + 1].isalpha():
        return False
    return not (low[i + 1] == "s" and (i + 2 == n or not low[i + 2].isalnum()))


def lookup(auto: ahocorasick.Automaton, surface: str):
    """The automaton's value for one surface form, or None."""
    key = " " + _norm(fold(" ".join(surface.split())))
    return auto.get(key, None) or auto.get(key + " ", None)


def scan(auto: ahocorasick.Automaton, text: str, lang: str
         ) -> list[tuple[int, int, int, str, bool]]:
    """Candidate matches as (start, end, entry id, suffix, exact) with word boundaries checked.

    ``suffix`` is the inflection consumed after the key ("" if none): German genitive -s/-es,
    place adjective -er ("Moskauer"), adjective endings, English plural -s. ``exact``: the key
    matched case-sensitively (abbreviations such as "WHO", "dpa").
    """
    low = fold(text)
    n = len(low)
    out: list[tuple[int, int, int, str, bool]] = []
    append = out.append
    suffixes = suffixes_for(lang)
    for end, (klen, variants, inflects) in auto.iter(" " + _norm(low) + " "):
        # end: index in the padded text minus one = end offset in the text (of an inflecting
        # key; the others end in the space after the word)
        if inflects:
            follows_word = end < n and (low[end].isalnum() or _apostrophe_inside(low, end, n))
        else:
            end -= 1
            if end < n and _apostrophe_inside(low, end, n):
                continue  # "Ba'ath": a key inside a longer word
            follows_word = False
        start = end - klen
        for exact, suffix, eid, vlang in variants:
            if vlang not in (None, lang):
                continue
            if exact is not None and text[start:end] != exact:
                continue
            if not follows_word:
                append((start, end, eid, "", exact is not None))
                continue
            if suffix == GENITIVE and klen < 4:
                continue  # "Was" is not the genitive of "Wa"
            for s in suffixes[suffix]:
                k = end + len(s)
                if low.startswith(s, end) and (k == n or not low[k].isalnum()):
                    append((start, k, eid, s, exact is not None))
                    break
    return out
