"""Factuality of an event: asserted, reported, rumored, announced or negated, and who says so.

:func:`assess_factuality` looks at the cues of a sentence (``language/<lang>/factuality.tsv``)
and keeps those whose scope reaches the trigger:

* ``clause`` cues (negation, "angeblich", "soll ... haben", "will", "plans to") must stand in the
  trigger's clause; a negation does not reach across "und"/"and"; a cue also reaches a
  zu-infinitive right after its clause ("nicht bereit, Truppen zu entsenden");
* ``governs`` cues (reporting verbs, "Gerüchte", "bestritt", "denied") reach their own clause
  after the cue and the clauses after it, up to ";"; they also reach back from a short
  clause after the trigger (", sagte der Sprecher", ", police said");
* ``sentence`` cues ("laut X", "X zufolge", "according to X", "reportedly") reach the whole
  sentence;
* ``self`` cues are verb endings that mark the trigger word itself and, like ``clause``
  cues, the triggers of their clause (Spanish conditional "atacaría" not asserted, future
  "detendrá", "enviará tropas para atacar" announced); ``conditional`` cues are ``self``
  cues that read as announced after a reporting verb that reaches the trigger (future in the
  past: "dijo que detendría", like English "said it would"; not after "según X");
* German future ("wird ... entsenden", "entsandt werden wird") counts as announced; English
  "would" only after a reporting verb ("said it would send troops").

When several labels apply the strongest wins: negated > rumored > announced > reported >
asserted; within a label a cue that names a speaker, then the nearest cue. Clauses are split at
punctuation and at subordinating words (dass, that, ...; one of several words, "para que",
opens the clause at its first word). A cue never applies to a trigger it overlaps, except a
``self``/``conditional`` one. ``cue`` is the cue's words ("soll … haben" for a cue with a gap); ``cue_start`` and
``cue_end`` span it in ``text``.

``source_text`` is the attributed speaker (the subject of the reporting verb, "X" of "laut X",
"according to X", "X zufolge", "wie X mitteilte"), also when the label is negated. A speech
verb whose own clause is the event ("X sagte, er sei solidarisch" coded as SUPPORT by X) is
still returned as reported with X as the source: the engine may compare the source with the
event's actor and treat the event as asserted when they are the same.

``context_before`` (the text before the sentence) is used when it ends with a colon
("Die Polizei teilte mit: ..."): its reporting cue then applies, with ``source_text`` set and
source offsets ``None`` (they would point outside ``text``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from eventcoder.coding.temporal import weekday_names
from eventcoder.coding.tokenizer import tokenize, word_spans
from eventcoder.language import data, registry

_WORD_CLASSES = ("clause", "coord", "lead", "function", "new_np", "stop", "trim", "edge")
_PRIORITY = {"negated": 4, "rumored": 3, "announced": 2, "reported": 1}
_HARD = frozenset(',;:()[]–—"„“”«»‚‘')
_REGION = frozenset(";.!?")
_OPENERS = _HARD | {"'"}  # what may open a post-posed attribution clause
_GAP = 6  # words allowed for "..." in a cue
_POSTPOSED = 5  # a reporting verb within this many words of its clause start reaches back
_NP_MAX = 12
_ADJ = re.compile(r"\w+(?:e|en|er|es|em)$")
_PARTICIPLE = re.compile(
    r"^(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|zusammen|los|hin|her|frei)?"
    r"ge\w+(?:t|en)$|\w+t$"
)
_ZU_INF = re.compile(
    r"^(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zurück|zusammen|los|hin|her|frei|dar)"
    r"zu\w+en$"
)


@dataclass
class Factuality:
    """How an event is presented, the cue that says so and the attributed speaker."""

    label: str = "asserted"  # asserted | reported | rumored | announced | negated
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True)
class _Step:
    exact: frozenset[str]
    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    gap: bool

    def test(self, tok: str) -> bool:
        if tok in self.exact:
            return True
        if self.prefix and tok.startswith(self.prefix):
            return True
        return any(tok.endswith(s) and len(tok) > len(s) for s in self.suffix)


@dataclass(frozen=True)
class _Cue:
    steps: tuple[_Step, ...]
    label: str
    scope: str
    source: str


@dataclass(frozen=True)
class _Lexicon:
    by_word: dict[str, tuple[_Cue, ...]]  # cues indexed by an exact first word
    wild: tuple[_Cue, ...]  # cues whose first step has prefixes or suffixes
    wild_prefix: tuple[str, ...]  # a token that may start one of the ``wild`` cues
    wild_suffix: tuple[str, ...]
    clause_words: frozenset[str]
    breaks: frozenset[str]  # punctuation and clause words: a new clause starts here
    openers: tuple[tuple[str, ...], ...]  # clause words of several words ("para que")
    coord_words: frozenset[str]
    lead_words: frozenset[str]
    function: frozenset[str]  # function words inside a speaker's noun phrase
    new_np: frozenset[str]  # determiners that open a new noun phrase after a noun
    stop: frozenset[str]  # words no speaker noun phrase holds (without capitalised nouns)
    trim: frozenset[str]  # function words dropped at the end of a speaker span
    edge: frozenset[str]  # words dropped at both ends of a speaker span


@dataclass
class _Hit:
    cue: _Cue
    a: int  # first token
    b: int  # last token + 1
    gap_end: int  # token after the first step (where a gap starts)
    tokens: tuple[int, ...]  # the matched tokens (not the words in a gap)


def _parse_step(text: str, gap: bool) -> _Step:
    exact, prefix, suffix = set(), [], []
    for alt in text.split("|"):
        if alt.startswith("*"):
            suffix.append(alt[1:])
        elif alt.endswith("*"):
            prefix.append(alt[:-1])
        else:
            exact.add(alt)
    return _Step(frozenset(exact), tuple(prefix), tuple(suffix), gap)


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> _Lexicon:
    by_word: dict[str, list[_Cue]] = {}
    wild: list[_Cue] = []
    words: dict[str, set[str]] = {k: set() for k in _WORD_CLASSES}
    for cue_text, label, scope, source in data.read_table(lang, "factuality.tsv"):
        pattern, scope, source = cue_text.lower(), scope or "-", source or "-"
        if label in words:
            words[label].update(pattern.split("|"))
            continue
        steps: list[_Step] = []
        gap = False
        for part in pattern.split():
            if part == "...":
                gap = True
                continue
            steps.append(_parse_step(part, gap))
            gap = False
        cue = _Cue(tuple(steps), label, scope, source)
        if steps[0].prefix or steps[0].suffix:
            wild.append(cue)
        for w in steps[0].exact:
            by_word.setdefault(w, []).append(cue)
    leads = words["lead"] | set(weekday_names(lang))
    return _Lexicon(
        by_word={w: tuple(c) for w, c in by_word.items()},
        wild=tuple(wild),
        wild_prefix=tuple({p for c in wild for p in c.steps[0].prefix}),
        wild_suffix=tuple({x for c in wild for x in c.steps[0].suffix}),
        clause_words=frozenset(w for w in words["clause"] if " " not in w),
        breaks=frozenset(w for w in words["clause"] if " " not in w) | _HARD | _REGION,
        openers=tuple(tuple(w.split()) for w in words["clause"] if " " in w),
        coord_words=frozenset(words["coord"]),
        lead_words=frozenset(leads),
        function=frozenset(words["function"]),
        new_np=frozenset(words["new_np"]),
        stop=frozenset(words["stop"]),
        trim=frozenset(words["trim"]),
        edge=frozenset(words["edge"]) | {","},
    )


class _Sentence:
    """Tokens of a sentence with their clause, soft-clause (coordination) and region ids."""

    def __init__(self, text: str, lex: _Lexicon, toks: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.toks = toks
        self.low = low = [text[s:e].lower() for s, e in self.toks]
        self.clause = clause = [0] * len(low)
        self.soft = soft = [0] * len(low)
        self.region = region = [0] * len(low)
        self.clause_start: dict[int, int] = {0: 0}
        self.masked: set[int] = set()  # tokens of "ignore" entries ("ein nicht genannter")
        self.cue_tokens: set[int] = set()  # tokens of matched cues
        breaks, coords = lex.breaks, lex.coord_words
        # a clause word of several words opens the clause at its first word ("para que")
        spans = [(i, len(o)) for o in lex.openers for i in range(len(low))
                 if tuple(low[i:i + len(o)]) == o]
        starts = {i for i, _n in spans}
        inner = {i + k for i, n in spans for k in range(1, n)}
        c = s = r = 0
        for i, w in enumerate(low):
            if (w in breaks and i not in inner) or i in starts:
                if w in _REGION and not self._abbrev_dot(i):
                    r += 1
                c += 1
                s += 1
                self.clause_start[c] = i
            elif w in coords:
                s += 1
            clause[i], soft[i], region[i] = c, s, r

    def _abbrev_dot(self, i: int) -> bool:
        """A period after an abbreviation or a number ("Nr.", "6.") is no sentence end."""
        return (
            self.low[i] == "."
            and i > 0
            and (len(self.low[i - 1]) <= 2 or self.low[i - 1][0].isdigit())
        )

    def is_word(self, i: int) -> bool:
        return self.low[i][0].isalnum()

    def capitalised(self, i: int) -> bool:
        return self.text[self.toks[i][0]].isupper()


def _match(sent: _Sentence, lex: _Lexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    used: set[int] = set()
    for i, w in enumerate(sent.low):
        if i in used:
            continue
        cands = lex.by_word.get(w, ())
        if w.startswith(lex.wild_prefix) or w.endswith(lex.wild_suffix):
            cands += tuple(c for c in lex.wild if c.steps[0].test(w))
        best: _Hit | None = None
        for cue in cands:
            h = _match_cue(sent, cue, i)
            if h and (best is None or h.b - h.a > best.b - best.a):
                best = h
        if best:
            hits.append(best)
            used.update(best.tokens)
    return hits


def _match_cue(sent: _Sentence, cue: _Cue, i: int) -> _Hit | None:
    pos = i + 1
    matched = [i]
    for step in cue.steps[1:]:
        last = min(len(sent.low), pos + (_GAP if step.gap else 0) + 1)
        for j in range(pos, last):
            if sent.clause[j] != sent.clause[i]:
                return None
            if step.test(sent.low[j]):
                pos = j + 1
                matched.append(j)
                break
        else:
            return None
    return _Hit(cue, i, pos, i + 1, tuple(matched))


def _applies(sent: _Sentence, h: _Hit, ta: int, tb: int, hits: list[_Hit], lang: str) -> bool:
    """Does the cue ``h`` reach the trigger tokens [ta, tb)?"""
    if any(ta <= k < tb for k in h.tokens):
        # the trigger's own verb form: "atacaría", "detendrá"
        return h.cue.scope in ("self", "conditional")
    if sent.region[h.a] != sent.region[ta]:
        return False
    scope, cc, ct = h.cue.scope, sent.clause[h.a], sent.clause[ta]
    if scope == "sentence":
        return True
    if scope == "governs":
        if h.a < ta:
            return cc <= ct
        start = sent.clause_start[cc]
        return cc > ct and h.a - start <= _POSTPOSED and sent.low[start] in _OPENERS
    if scope == "future":
        return cc == ct and _is_future(sent, h)
    if scope == "after_report":
        return cc == ct and any(
            o.cue.label == "reported" and o.a < h.a and _applies(sent, o, ta, tb, hits, lang)
            for o in hits
        )
    # clause scope
    if h.cue.label == "negated" and h.a >= tb and _negates_infinitive(sent, h, lang):
        return False  # "urged them not to sign": what was asked is negated, not the asking
    if h.cue.label == "negated" and cc == ct:
        return sent.soft[h.a] == sent.soft[ta]
    if cc == ct:
        return True
    return ct == cc + 1 and _infinitive_clause(sent, ta, tb, lang)


def _negates_infinitive(sent: _Sentence, h: _Hit, lang: str) -> bool:
    """Does the negation ``h`` stand right before the infinitive marker ("not to", "nicht
    zu"), i.e. negate the infinitive that follows rather than the verb before it?"""
    marker = registry.get_or_default(lang).infinitive_marker
    return marker is not None and h.b < len(sent.low) and sent.low[h.b] == marker


def _in_the_past(sent: _Sentence, h: _Hit, ta: int, tb: int, hits: list[_Hit], lang: str) -> _Hit:
    """A ``conditional`` cue after a reporting verb reaching the trigger reads as announced."""
    if h.cue.scope != "conditional" or not any(
        o.cue.label == "reported" and o.cue.scope == "governs" and o.a < h.a
        and _applies(sent, o, ta, tb, hits, lang)
        for o in hits
    ):  # not "según X, atacaría" (a hedged report)
        return h
    return replace(h, cue=replace(h.cue, label="announced"))


def _is_future(sent: _Sentence, h: _Hit) -> bool:
    """German future: "wird ... entsenden", "dass ... entsenden wird", "wird ... entsandt werden".

    The verb checked is the last word of the clause (the word before the "werden" form when
    that form ends the clause); it must look like an infinitive, not a participle.
    """
    c = sent.clause[h.a]
    last = h.a
    while last + 1 < len(sent.low) and sent.clause[last + 1] == c:
        last += 1
    while last > h.a and not sent.is_word(last):
        last -= 1
    k = h.a - 1 if last == h.a else last
    if k < 0 or sent.clause[k] != c or sent.capitalised(k):
        return False
    verb = sent.low[k]
    if verb == "werden" and k != h.a:
        return True
    return verb.endswith(("en", "rn", "ln")) and not _PARTICIPLE.match(verb) and verb != "worden"


def _infinitive_clause(sent: _Sentence, ta: int, tb: int, lang: str) -> bool:
    """Is the trigger a zu-infinitive ("..., Truppen zu entsenden") or an English to-infinitive?"""
    language = registry.get_or_default(lang)
    if language.separable_particles and _ZU_INF.match(sent.low[tb - 1]):
        return True  # "einzufrieren"
    marker, reach = language.infinitive_marker, language.infinitive_reach
    return marker is not None and any(sent.low[k] == marker for k in range(max(0, ta - reach), ta))


def assess_factuality(
    text: str,
    trigger_start: int,
    trigger_end: int,
    lang: str,
    context_before: str = "",
    tokens: Sequence[tuple[int, int]] | None = None,
) -> Factuality:
    """Factuality of the event whose trigger is ``text[trigger_start:trigger_end]``;
    ``tokens`` are the word spans of ``text`` (:func:`~eventcoder.coding.tokenizer.word_spans`
    of the article's view), made here when not given."""
    lang = registry.get_or_default(lang).code
    lex = _lexicon(lang)
    if tokens is None:
        tokens = word_spans(tokenize(text))
    sent, hits = _analyse(text, lang, tuple(tokens))
    if not sent.toks:
        return Factuality()
    trig = [i for i, (s, e) in enumerate(sent.toks) if s < trigger_end and trigger_start < e]
    if not trig:
        after = [i for i, (s, _e) in enumerate(sent.toks) if s >= trigger_start]
        trig = [after[0] if after else len(sent.toks) - 1]
    ta, tb = trig[0], trig[-1] + 1
    live = [_in_the_past(sent, h, ta, tb, hits, lang)
            for h in hits if _applies(sent, h, ta, tb, hits, lang)]
    result = Factuality()
    if live:
        top = max(_PRIORITY[h.cue.label] for h in live)
        best = min(
            (h for h in live if _PRIORITY[h.cue.label] == top),
            key=lambda h: (h.cue.source == "-", abs(h.a - ta)),
        )
        s, e = sent.toks[best.a][0], sent.toks[best.b - 1][1]
        cue = text[s:e]
        if len(best.tokens) < best.b - best.a:  # a gapped cue: "soll … haben"
            cue = " … ".join(text[slice(*sent.toks[k])] for k in best.tokens)
        result = Factuality(best.cue.label, cue, s, e)
        sources = [h for h in live if h.cue.source != "-"]
        sources.sort(key=lambda h: (h.cue.label != best.cue.label, abs(h.a - ta)))
        for h in sources:
            span = _source(sent, lex, h, lang, ta)
            if span:
                result.source_start = sent.toks[span[0]][0]
                result.source_end = sent.toks[span[1] - 1][1]
                result.source_text = text[result.source_start : result.source_end]
                break
    if result.label in ("asserted",) and context_before.rstrip().endswith(":"):
        ctx = context_before.rstrip()
        outer = assess_factuality(ctx, len(ctx) - 1, len(ctx), lang)
        if outer.label in ("reported", "rumored", "announced"):
            result.label, result.cue = outer.label, outer.cue
            result.source_text = outer.source_text
    return result


@lru_cache(maxsize=256)
def _analyse(
    text: str, lang: str, tokens: tuple[tuple[int, int], ...]
) -> tuple[_Sentence, list[_Hit]]:
    """Tokens, clauses and cue matches of a sentence (cached: one sentence, many triggers).

    ``ignore`` entries are matched in the same left-to-right pass, so the words they cover
    ("nicht" in "ein nicht genannter") cannot start another cue.
    """
    lex = _lexicon(lang)
    sent = _Sentence(text, lex, tokens)
    hits = _match(sent, lex)
    for h in hits:
        if h.cue.label == "ignore":
            sent.masked.update(range(h.a, h.b))
        else:
            sent.cue_tokens.update(h.tokens)
    return sent, [h for h in hits if h.cue.label != "ignore"]


def _source(sent: _Sentence, lex: _Lexicon, h: _Hit, lang: str, ta: int) -> tuple[int, int] | None:
    """Token span of the speaker named by the cue ``h`` (``ta``: the trigger's first token)."""
    kind = h.cue.source
    if kind == "after":
        return _np_after(sent, lex, h.b, len(sent.low), lang)
    if kind == "before":
        return _np_before(sent, lex, h.a, lang)
    if kind == "between":
        return (h.a + 1, h.b - 1) if h.b - 1 > h.a + 1 else None
    # subject of the cue verb: before it, or after it when inverted / post-posed
    start = sent.clause_start[sent.clause[h.a]]
    first = start + 1 if sent.low[start] in _HARD else start
    inverted = h.a == 0 or not sent.is_word(h.a - 1) or h.a == first
    language = registry.get_or_default(lang)
    if language.verb_second and not inverted:
        inverted = sent.low[first] in lex.lead_words and first < h.a
    if language.fixed_svo_order and inverted and h.a > 0 and h.a < ta:
        inverted = False  # "X, a spokesman for Y, said ...": the speaker is before the comma
    if inverted:
        stop = h.b - 1 if len(h.cue.steps) > 1 else len(sent.low)
        return _np_after(sent, lex, h.gap_end, stop, lang)
    return _np_before(sent, lex, h.a, lang)


def _np_ok(sent: _Sentence, lex: _Lexicon, i: int, lang: str, nxt_ok: bool) -> bool:
    """Can token ``i`` be part of a speaker noun phrase? ``nxt_ok``: the token after it is."""
    w = sent.low[i]
    if not sent.is_word(i) or w[0].isdigit():
        return False
    if sent.capitalised(i):
        return True
    if registry.get_or_default(lang).capitalised_nouns:
        return w in lex.function or (bool(_ADJ.match(w)) and nxt_ok)
    return w not in lex.stop


def _np_after(
    sent: _Sentence, lex: _Lexicon, i: int, stop: int, lang: str
) -> tuple[int, int] | None:
    k = i
    nouns_capitalised = registry.get_or_default(lang).capitalised_nouns
    while k < min(stop, len(sent.low), i + _NP_MAX):
        w = sent.low[k]
        if w in lex.clause_words or (not sent.is_word(k)):
            break
        nxt_ok = (
            k + 1 < len(sent.low)
            and sent.is_word(k + 1)
            and (sent.capitalised(k + 1) or bool(_ADJ.match(sent.low[k + 1])))
        )
        if not _np_ok(sent, lex, k, lang, nxt_ok):
            break
        if nouns_capitalised and not sent.capitalised(k) and k > i and sent.capitalised(k - 1):
            if w not in lex.function or w in lex.new_np:
                break  # a verb or a new noun phrase after a noun ("Laut Polizei wurden")
        k += 1
    return _trim(sent, lex, i, k)


def _np_before(sent: _Sentence, lex: _Lexicon, a: int, lang: str) -> tuple[int, int] | None:
    k = a - 1
    while k >= 0 and sent.low[k] in lex.lead_words:  # "police on Monday said", "X also said"
        k -= 1
    apposition = k > 0 and sent.low[k] == ","  # "X, spokesman for Y, said"
    if apposition:
        k -= 1
    end = k + 1
    has_and = False
    while k >= 0 and end - k <= _NP_MAX:
        w = sent.low[k]
        if w in lex.clause_words or sent.region[k] != sent.region[a] or k in sent.cue_tokens:
            break
        if w == ",":
            # a list of names: "TASS, Reuters und örtliche Zeugen berichteten"
            if (has_and or apposition) and k > 0 and sent.capitalised(k - 1):
                apposition = False
                k -= 1
                continue
            break
        nxt_ok = k + 1 < end and (
            sent.capitalised(k + 1)
            or sent.low[k + 1] in lex.function
            or bool(_ADJ.match(sent.low[k + 1]))
        )
        if not _np_ok(sent, lex, k, lang, nxt_ok) and k not in sent.masked:
            break
        if w in ("und", "and", "sowie"):
            has_and = True
        k -= 1
    return _trim(sent, lex, k + 1, end)


def _trim(sent: _Sentence, lex: _Lexicon, i: int, k: int) -> tuple[int, int] | None:
    """Drop leading and trailing function words, prepositions and commas."""
    edge = lex.coord_words | lex.lead_words | lex.edge
    while i < k and sent.low[i] in edge:
        i += 1
    while k > i and (sent.low[k - 1] in edge or sent.low[k - 1] in lex.trim):
        k -= 1
    return (i, k) if k > i else None
