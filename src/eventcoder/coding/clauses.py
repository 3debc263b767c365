"""Clauses without a parser: split a sentence at punctuation, subordinators and at a
coordinating conjunction that starts a new verb phrase; find passives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.coding.grammar import Grammar
from eventcoder.language import data

QUOTES = frozenset({'"', "“", "”", "„", "«", "»"})
QUOTED_PHRASE = 8  # tokens of a quoted phrase that stays in its clause ('a "witch hunt"')
_DEFAULT_PARTICIPLE_SUFFIXES = ("ed", "en", "t")  # a language without ``participle_suffix`` data


@dataclass
class Clause:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    marker: str | None = None  # subordinator that opens it ("dass", "that") or None
    after_conj: bool = False  # opened by "und"/"and" + verb: the subject may be elided
    relative: bool = False  # ", que ...": about the noun before (grammar class ``relative``)


def split_clauses(
    lowers: Sequence[str],
    texts: Sequence[str],
    start: int,
    end: int,
    g: Grammar,
    heads: set[int],
    mention_starts: set[int],
    mention_ends: set[int],
) -> list[Clause]:
    """Clauses of the sentence ``[start, end)``.

    A comma inside a list of actors ("Russland, China und Iran") does not split. ``und``/``and``
    splits when a trigger head follows within two tokens and no actor starts right after it.
    """
    clauses: list[Clause] = []
    cur = Clause(start, end)
    if g.language.verb_final_subclauses and start < end and lowers[start] in g.background:
        # "Wenn die Grünen ... unterstützen, ...": background (English "after" may be a
        # preposition, "After talks in Geneva, ...")
        cur.marker = lowers[start]
    i = start
    while i < end:
        low = lowers[i]
        cut = None
        if low == "(":  # a short parenthesis is an apposition: "Islamischer Staat (IS)"
            close = next((j for j in range(i + 1, min(end, i + 6)) if lowers[j] == ")"), None)
            if close is not None:
                i = close + 1
                continue
        if low in QUOTES and i > start:
            close = _quoted_phrase(lowers, i, end, g)
            if close is not None:  # 'called the plan a "farce"': the phrase ends the clause
                i = close
                continue
        if low in g.clause_punct:
            if low == "," and i in mention_ends and (i + 1) in mention_starts:
                cut = None
            else:
                cut = (i + 1, None, False)
        elif low in g.subordinator and i > start:
            marker = low
            if g.language.fixed_svo_order and low == "that" and not _after_verb(lowers, i, start, g, heads):
                marker = "which"  # "a resolution that aims ...": a relative clause
            cut = (i, marker, False)
        elif (
            low in g.speech
            and g.language.fixed_svo_order
            and i + 1 < end
            and lowers[i + 1].isalpha()
            and lowers[i + 1] not in g.subordinator
        ):
            if lowers[i + 1] not in g.preposition:
                cut = (i + 1, "that", False)  # "said US forces must ..." (a dropped "that")
            else:  # "said on Tuesday it had ...": the clause starts at the pronoun
                j = next((k for k in range(i + 2, min(end, i + 6)) if lowers[k] in g.pronoun), None)
                if j is not None:
                    cut = (j, "that", False)
        elif low in g.conjunction and low != "," and i > start and (i + 1) not in mention_starts:
            nxt = texts[i + 1] if i + 1 < end else ""
            verbish = nxt[:1].isalpha() and (not g.language.capitalised_nouns or nxt[:1].islower())
            if (
                verbish
                and lowers[i + 1] not in g.determiner
                and lowers[i + 1] not in g.preposition  # "zu X und zur Festnahme": joined PPs
                and ((i + 1) in heads or (i + 2) in heads)
            ):
                cut = (i + 1, None, True)
        if cut is not None:
            pos, marker, conj = cut
            if marker == "that" and cur.marker in g.background:
                marker = cur.marker  # "where they say they ...": still background
            if pos > cur.start:
                cur.end = pos
                clauses.append(cur)
                cur = Clause(pos, end, marker, conj)
            else:
                cur.marker = marker or cur.marker
                cur.after_conj = conj or cur.after_conj
            if low in g.subordinator:
                cur.marker = marker
                cur.relative = low in g.relative and lowers[i - 1] == ","
        i += 1
    if cur.start < end:
        cur.end = end
        clauses.append(cur)
    return clauses


def _quoted_phrase(lowers: Sequence[str], at: int, end: int, g: Grammar) -> int | None:
    """The index of the quote closing a short quoted phrase opened at ``at`` inside a clause
    (at most ``QUOTED_PHRASE`` tokens, no clause punctuation, not after a verb of saying or
    punctuation, which open a quoted sentence), or None."""
    if lowers[at - 1] in g.clause_punct or lowers[at - 1] in g.speech:
        return None
    for k in range(at + 1, min(end, at + QUOTED_PHRASE + 2)):
        if lowers[k] in QUOTES:
            return k if k > at + 1 else None
        if lowers[k] in g.clause_punct or lowers[k] in g.subordinator:
            return None
    return None


@lru_cache(maxsize=8)
def participle_forms(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Endings of passive participles and irregular participles of ``lang`` (``grammar.tsv``
    classes ``participle_suffix`` and ``participle``)."""
    classes = data.word_classes(lang, "grammar.tsv")
    suffixes = classes.get("participle_suffix")
    ordered = tuple(sorted(suffixes, key=len, reverse=True)) if suffixes else None
    return ordered or _DEFAULT_PARTICIPLE_SUFFIXES, classes.get("participle", frozenset())


def is_participle(word: str, g: Grammar) -> bool:
    """Does ``word`` look like a passive participle of the grammar's language? With the
    ``grammar.tsv`` class ``infinitive_ending`` ("en") a word with such an ending
    is an infinitive ("würde kritisieren") unless it has a ``participle_mark`` ("ge":
    "festgenommen") or is listed in ``participle`` ("verboten")."""
    suffixes, forms = participle_forms(g.lang)
    if word in forms:
        return True
    if not word.endswith(suffixes):
        return False
    endings, marks = _infinitives(g.lang)
    if endings and word.endswith(endings):
        return any(mk in word[:-2] for mk in marks)
    return True


@lru_cache(maxsize=8)
def _infinitives(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    classes = data.word_classes(lang, "grammar.tsv")
    return tuple(classes.get("infinitive_ending", ())), tuple(classes.get("participle_mark", ()))


def is_passive(lowers: Sequence[str], clause: Clause, head: int, g: Grammar) -> bool:
    """A passive: an auxiliary of the passive in the clause and a participle-like trigger."""
    word = lowers[head]
    if word in g.passive_aux and not g.language.verb_final_subclauses:
        # the trigger opens with the auxiliary ("fue detenido", "was arrested")
        return any(is_participle(lowers[j], g) for j in range(head + 1, min(clause.end, head + 3)))
    if not is_participle(word, g):
        return False
    if g.language.verb_final_subclauses:  # the auxiliary anywhere in the clause
        if word in g.passive_aux:
            return False
        return any(lowers[j] in g.passive_aux for j in range(clause.start, clause.end))
    for j in range(max(clause.start, head - 3), head):
        if lowers[j] in g.passive_aux:
            return True
    return False


def _after_verb(lowers: Sequence[str], i: int, start: int, g: Grammar, heads: set[int]) -> bool:
    """English "that" opens a complement when a verb comes shortly before it ("said that",
    "agreed on Monday that"), else it is a relative pronoun ("a plan that ...")."""
    for j in range(max(start, i - 3), i):
        w = lowers[j]
        if w in g.speech or j in heads or w.endswith("ed") or w in g.passive_aux:
            return True
    return False
