"""Casualty counts: how many were killed, injured or arrested, and who the victims were.

:func:`find_casualties` reads a span of text (usually one sentence) and links numbers to the
casualty word next to them. Numbers are digits ("18", German "1.200", English "1,200"), number
words ("achtzehn", "einundzwanzig", "zwei Dutzend", "twenty-one", "a dozen", Spanish "treinta y
dos", "doscientos cincuenta"; the joining word is kind ``joiner`` in ``numbers.tsv``) or vague
words ("dozens", "Tausende", "zahlreiche", "decenas de"). By the codebook a vague count leaves the
number empty and keeps the words in ``*_text``; lower bounds ("at least 11") count as stated.

How a number finds its category, first rule that fires:

1. a casualty word right after it ("18 Tote", "748 verletzt", "dozens wounded");
2. a casualty verb right before it ("killed 18", "killing at least 18 people");
3. a casualty word further right in the same clause, nothing but words in between
   ("18 Sicherheitskräfte wurden getötet", "18 people were killed");
4. a casualty noun a few words before it ("die Zahl der Toten stieg auf 18", "death toll of 18").

German separable verbs ("nahm am Montag 35 Menschen fest", "setzten 12 Aktivisten fest",
"brachten drei Geiseln um") are cues too: the clause-final particle counts as the verb's cue when
a finite stem of the same verb stands earlier in the clause (kind ``separable`` in
``casualties.tsv``: ``nahm|nahmen|nimmt ... fest``).

Numbers joined by "und"/"and" before one casualty word are added ("9 Pilger und ein Fahrer
getötet" -> 10; "ein"/"a" counts as one only before a person noun). When several counts fall in
one category the largest is kept ("18 Tote, darunter 5 Kinder").
Years, dates, times, percentages, money, other units ("103 Einheiten"), ages ("23-Jähriger",
"aged 23") and ordinals are not counts. Data: ``numbers.tsv`` and ``casualties.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventcoder.coding.doc import DocView
from eventcoder.coding.temporal import month_names
from eventcoder.coding.tokenizer import tokenize, word_spans
from eventcoder.language import data, registry

CATEGORIES = ("dead", "injured", "arrested")
_WINDOW = 7  # tokens searched to the right of a number for its casualty word
_LEFT_WINDOW = 6  # tokens searched to the left for a casualty noun
_NUMBER_SEPS = ".,:/"  # digits joined by these are one token: "1.200", "10:30", "1/2"
_STOP = frozenset('.;:!?()[]"„“”«»')


@dataclass
class Casualties:
    """Counts found in a span; ``*_text`` keeps the words of vague or approximate counts."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    dead_text: str | None = None
    injured_text: str | None = None
    arrested_text: str | None = None
    victims: str | None = None  # "security forces" | "civilians" | "protesters"
    spans: list[tuple[int, int]] = field(default_factory=list)  # number..cue, offsets into text


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]  # lower case; "x*" prefix, "*x" suffix
    category: str
    kind: str  # noun | verb | victim | person


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    nums: dict[str, int]
    parts: dict[str, int]
    scales: dict[str, int]
    articles: frozenset[str]
    vague: dict[tuple[str, ...], int]
    modifiers: frozenset[tuple[str, ...]]
    units: frozenset[str]
    blocks: frozenset[str]
    connectors: frozenset[str]
    links: frozenset[str]
    joiners: frozenset[str]
    adverbials: frozenset[str]  # "detuvo el lunes a 40": words between a verb and its count
    months: frozenset[str]
    cues: tuple[_Cue, ...]
    by_word: dict[str, tuple[_Cue, ...]]  # cues by an exact first word
    wild: tuple[_Cue, ...]  # cues whose first word has a "*"
    probe_exact: frozenset[str]  # the longest word of each casualty cue, to skip texts fast
    probe_prefix: tuple[str, ...]
    probe_suffix: tuple[str, ...]
    max_vague: int
    max_modifier: int
    separable: dict[str, tuple[tuple[frozenset[str], str], ...]]  # particle -> (stems, category)


@dataclass
class _Quantity:
    start: int  # token index range [start, end)
    end: int
    value: int
    vague: bool
    approx: bool
    mod_start: int  # token index where a modifier begins (== start without modifier)


def _read_tsv(lang: str, name: str) -> list[tuple[str, ...]]:
    """Rows of a language's data file (checked by the one loader; none when it is missing)."""
    return data.read_table(lang, name)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text[s:e].lower() for s, e in word_spans(tokenize(text), number_seps=_NUMBER_SEPS))


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> _Lexicon:
    nums: dict[str, int] = {}
    parts: dict[str, int] = {}
    scales: dict[str, int] = {}
    articles: set[str] = set()
    vague: dict[tuple[str, ...], int] = {}
    modifiers: set[tuple[str, ...]] = set()
    units: set[str] = set()
    blocks: set[str] = set()
    connectors: set[str] = set()
    links: set[str] = set()
    joiners: set[str] = set()
    adverbials: set[str] = set()
    for word, value, kind in (r[:3] for r in _read_tsv(lang, "numbers.tsv")):
        w = word.lower()
        if kind == "num":
            nums[w] = int(value)
        elif kind == "part":
            parts[w] = int(value)
        elif kind == "scale":
            scales[w] = int(value)
        elif kind == "article":
            articles.add(w)
        elif kind == "vague":
            vague[_words(w)] = int(value)
        elif kind == "modifier":
            modifiers.add(_words(w))
        elif kind == "unit":
            units.add(w)
        elif kind == "block":
            blocks.add(w)
        elif kind == "connector":
            connectors.add(w)
        elif kind == "link":
            links.add(w)
        elif kind == "joiner":
            joiners.add(w)
        elif kind == "adverbial":
            adverbials.add(w)
    cues = tuple(
        _Cue(tuple(c.lower().split()), cat, kind)
        for c, cat, kind in (r[:3] for r in _read_tsv(lang, "casualties.tsv"))
        if kind in ("noun", "verb", "victim", "person")
    )
    separable: dict[str, list[tuple[frozenset[str], str]]] = {}
    for c, cat, kind in (r[:3] for r in _read_tsv(lang, "casualties.tsv")):
        if kind == "separable" and " ... " in c:
            stems, _, particle = c.lower().rpartition(" ... ")
            separable.setdefault(particle.strip(), []).append((frozenset(stems.split("|")), cat))
            cues += (_Cue((_sep_word(cat),), cat, "verb"),)
    by_word: dict[str, list[_Cue]] = {}
    for cue in cues:
        if "*" not in cue.words[0]:
            by_word.setdefault(cue.words[0], []).append(cue)
    probes = {max(c.words, key=len) for c in cues if c.kind in ("noun", "verb")}
    return _Lexicon(
        lang=lang,
        nums=nums,
        parts=parts,
        scales=scales,
        articles=frozenset(articles),
        vague=vague,
        modifiers=frozenset(modifiers),
        units=frozenset(units),
        blocks=frozenset(blocks),
        connectors=frozenset(connectors),
        links=frozenset(links),
        joiners=frozenset(joiners),
        adverbials=frozenset(adverbials),
        months=frozenset(month_names(lang)),
        cues=cues,
        by_word={w: tuple(c) for w, c in by_word.items()},
        wild=tuple(c for c in cues if "*" in c.words[0]),
        probe_exact=frozenset(p for p in probes if "*" not in p),
        probe_prefix=tuple(p[:-1] for p in probes if p.endswith("*")),
        probe_suffix=tuple(p[1:] for p in probes if p.startswith("*")),
        max_vague=max((len(k) for k in vague), default=1),
        max_modifier=max((len(k) for k in modifiers), default=1),
        separable={k: tuple(v) for k, v in separable.items()},
    )


def _sep_word(category: str) -> str:
    """The stand-in token of a clause-final separable particle ("fest" -> arrested)."""
    return f"<{category}>"


_CLAUSE_END = _STOP | {",", "und", "oder", "sowie", "aber", "–", "-"}


def _mark_separable(lex: _Lexicon, low: list[str]) -> None:
    """Replace a clause-final particle whose verb stem stands earlier in the clause by the
    stand-in cue of its category ("nahm ... 35 Menschen fest")."""
    for p, w in enumerate(low):
        entries = lex.separable.get(w)
        if not entries or p == 0 or (p + 1 < len(low) and low[p + 1] not in _CLAUSE_END):
            continue
        for k in range(p - 1, max(-1, p - 15), -1):
            if low[k] in _STOP or low[k] == ",":
                break
            cat = next((c for stems, c in entries if low[k] in stems), None)
            if cat is not None:
                low[p] = _sep_word(cat)
                break


def _word_matches(pattern: str, tok: str) -> bool:
    if pattern.startswith("*"):
        return tok.endswith(pattern[1:]) and len(tok) > len(pattern) - 1
    if pattern.endswith("*"):
        return tok.startswith(pattern[:-1])
    return tok == pattern


def _cue_at(lex: _Lexicon, low: list[str], i: int, kinds: tuple[str, ...]) -> _Cue | None:
    """The longest casualty cue of one of ``kinds`` starting at token ``i``."""
    if i >= len(low):
        return None
    best: _Cue | None = None
    for cue in lex.by_word.get(low[i], ()) + lex.wild:
        if cue.kind not in kinds or i + len(cue.words) > len(low):
            continue
        if all(_word_matches(p, low[i + k]) for k, p in enumerate(cue.words)):
            if best is None or len(cue.words) > len(best.words):
                best = cue
    return best


def _parse_digits(tok: str, lang: str) -> int | None:
    """'18' -> 18; German '1.200' / English '1,200' -> 1200; decimals, times, dates -> None."""
    if tok.isdigit():
        return int(tok)
    sep = registry.get_or_default(lang).thousands_separator
    if re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", tok):
        return int(tok.replace(sep, ""))
    return None


def _parse_word(lex: _Lexicon, w: str) -> int | None:
    """A single number word, including German compounds and English hyphenated forms."""
    if w in lex.nums:
        return lex.nums[w]
    if "-" in w:  # twenty-one
        vals = [_parse_word(lex, p) for p in w.split("-")]
        if all(v is not None for v in vals) and len(vals) == 2 and vals[0] % 10 == 0:
            return sum(v for v in vals if v is not None)
        return None
    for scale in ("tausend", "hundert"):
        if scale in w and scale in lex.scales:
            left, _, right = w.partition(scale)
            lv = 1 if left == "" else _parse_word(lex, left) or lex.parts.get(left)
            rv = 0 if right == "" else _parse_word(lex, right.removeprefix("und"))
            if lv is not None and rv is not None:
                return lv * lex.scales[scale] + rv
            return None
    if "und" in w:  # einundzwanzig
        unit, _, tens = w.partition("und")
        uv = lex.nums.get(unit, lex.parts.get(unit))
        tv = lex.nums.get(tens)
        if uv is not None and tv is not None and uv < 10 and tv % 10 == 0 and tv >= 20:
            return tv + uv
    return None


def _person_after(lex: _Lexicon, low: list[str], i: int) -> bool:
    """A singular person noun at ``i`` or a few words later ("a young soldier", "ein
    23-jähriger Mann")."""
    for k in range(i, min(i + 5, len(low))):
        if _cue_at(lex, low, k, ("person",)):
            return True
        if not (low[k].isalnum() or low[k] == "-" or "-" in low[k]):
            return False
    return False


def _match_seq(low: list[str], i: int, seqs: frozenset[tuple[str, ...]] | dict, n: int) -> int:
    """Length of the longest word sequence of ``seqs`` starting at ``i`` (0 if none)."""
    for k in range(min(n, len(low) - i), 0, -1):
        if tuple(low[i : i + k]) in seqs:
            return k
    return 0


def _quantity_at(
    lex: _Lexicon, toks: list[tuple[int, int]], low: list[str], i: int, text: str, lang: str
) -> _Quantity | None:
    """Read a number phrase starting at token ``i`` (after any modifier)."""
    mod_start = i
    k = _match_seq(low, i, lex.modifiers, lex.max_modifier)
    approx = k > 0
    i += k
    if i >= len(low):
        return None
    vk = _match_seq(low, i, lex.vague, lex.max_vague)
    tok = low[i]
    value: int | None
    if vk:
        value = lex.vague[tuple(low[i : i + vk])]
    elif tok[0].isdigit():
        value = _parse_digits(tok, lang)
        if value is None or _digit_trap(lex, toks, low, i, text, value):
            return None
    elif tok in lex.articles:
        # "ein Dutzend", "a hundred"; "ein Polizist", "a young soldier": one person
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if nxt not in lex.scales and not _person_after(lex, low, i + 1):
            return None
        value = 1
    else:
        value = _parse_word(lex, tok)
    if value is None:
        return None
    end = i + max(vk, 1)
    # scales and joined words: "zwei Dutzend", "two hundred and fifty", "treinta y dos"
    words = vk == 0 and not tok[0].isdigit()
    total, cur = 0, value
    while end < len(low):
        w = low[end]
        if w in lex.scales:
            scale = lex.scales[w]
            if scale >= 1000 and total >= scale:  # "two million three hundred thousand"
                total, cur = total + cur * scale, 0
            elif scale >= 1000:
                total, cur = (total + cur) * scale, 0
            else:
                cur *= scale
            end += 1
            continue
        joined = words and w in lex.joiners and end + 1 < len(low)
        nxt = _parse_word(lex, low[end + 1]) if joined else None
        if nxt is not None and _adds(total + cur, nxt, joined=True):
            cur += nxt
            end += 2
            continue
        nxt = _parse_word(lex, w) if words and not w[0].isdigit() else None
        if nxt is not None and _adds(total + cur, nxt, joined=False):
            cur += nxt  # "doscientos cincuenta", "two thousand five hundred"
            end += 1
            continue
        break
    value = total + cur
    u = end + 1 if end < len(low) and low[end] in lex.connectors else end
    if u < len(low) and low[u] in lex.units:
        return None  # "zwei Tage", "hundreds of kilometres"
    return _Quantity(i, end, value, vk > 0, approx, mod_start)


def _adds(value: int, nxt: int, joined: bool) -> bool:
    """Does a following number word add to ``value`` ("hundred and five", "treinta y dos")?"""
    place = 1
    while value % (place * 10) == 0 and place < 10**9:
        place *= 10
    if joined and 20 <= value % 100 and value % 10 == 0:
        return 0 < nxt < 10  # tens and units: "treinta y dos"
    return place >= 100 and 0 < nxt < place  # "two hundred (and) fifty", "mil doscientos"


def _digit_trap(
    lex: _Lexicon, toks: list[tuple[int, int]], low: list[str], i: int, text: str, value: int
) -> bool:
    """True when the digits at token ``i`` are a year, date, time, age, unit or money."""
    m_start, m_end = toks[i]
    after = text[m_end : m_end + 1]
    if after.isalpha() or after == "-":  # "31a", "6th", "23-Jähriger", "23-year-old"
        return True
    nxt = low[i + 1] if i + 1 < len(low) else ""
    nxt2 = low[i + 2] if i + 2 < len(low) else ""
    prev = low[i - 1] if i > 0 else ""
    prev2 = low[i - 2] if i > 1 else ""
    if nxt in lex.units or prev in ("$", "€", "£", "us$"):
        return True
    if nxt in lex.months or prev in lex.months or (nxt == "." and nxt2 in lex.months):
        return True  # "6. Januar", "January 6", "6 January"
    if prev.rstrip(".") in lex.blocks or prev2 in lex.blocks:
        return True  # "Nummer 5", "im Alter von 23", "aged 23"
    if after == "." and nxt == "." and nxt2 and text[toks[i + 2][0]].islower():
        return True  # German ordinal before a lower-case word: "der 3. große Angriff"
    if 1800 <= value <= 2100 and text[m_start:m_end].isdigit():
        return _cue_at(lex, low, i + 1, ("noun", "verb", "victim", "person")) is None  # a year
    return False


def find_casualties(
    text: str, lang: str, start: int = 0, end: int | None = None, view: DocView | None = None
) -> Casualties:
    """Counts of dead, injured and arrested in ``text[start:end]``; spans are offsets into text.
    ``view`` is the article's token view (made here when not given)."""
    lex = _lexicon(registry.get_or_default(lang).code)
    end = len(text) if end is None else end
    toks = word_spans(view or tokenize(text), start, end, _NUMBER_SEPS)
    raw = [text[a:b] for a, b in toks]
    low = [t.lower() for t in raw]
    if lex.separable:
        _mark_separable(lex, low)
    exact, pre, suf = lex.probe_exact, lex.probe_prefix, lex.probe_suffix
    if not any(w in exact or w.startswith(pre) or w.endswith(suf) for w in low):
        return Casualties()  # no casualty word at all: the common case
    quantities: list[_Quantity] = []
    i = 0
    while i < len(low):
        q = _quantity_at(lex, toks, low, i, text, lang)
        if q is None:
            i += 1
            continue
        quantities.append(q)
        i = q.end
    # link right to left, so that "21 Touristen und ein Polizist getötet" can join the
    # first number to the link of the second (coordinated counts are added up)
    links: list[tuple[str, int, int, str | None] | None] = [None] * len(quantities)
    joined = [False] * len(quantities)  # quantity n is coordinated with n + 1
    for n in range(len(quantities) - 1, -1, -1):
        q = quantities[n]
        nxt_q = quantities[n + 1].mod_start if n + 1 < len(quantities) else len(low)
        prev_q = quantities[n - 1].end if n else 0
        link = _link(lex, low, raw, q, nxt_q, prev_q)
        nxt_link = links[n + 1] if n + 1 < len(quantities) else None
        if link is None and nxt_link and _coordinated(low, q.end, nxt_q):
            cat, cue_i, cue_len, victim = nxt_link
            link = (cat, cue_i, cue_len, _victim(lex, low, q.end, nxt_q) or victim)
            joined[n] = True
        links[n] = link
    result = Casualties()
    found: dict[str, tuple[int | None, str | None]] = {}
    victims: dict[str, str] = {}
    n = 0
    while n < len(quantities):
        m = n
        while joined[m]:
            m += 1
        link = links[n]
        group = quantities[n : m + 1]
        n = m + 1
        if link is None:
            continue
        category, cue_i, cue_len, victim = link
        value: int | None = sum(q.value for q in group)
        first, last = group[0], group[-1]
        words = None
        if any(q.vague or q.approx for q in group):
            words = text[toks[first.mod_start][0] : toks[last.end - 1][1]]
        if any(q.vague for q in group):
            value = None  # the codebook: a vague count keeps its words, not a number
        lo, hi = min(first.mod_start, cue_i), max(last.end, cue_i + cue_len)
        result.spans.append((toks[lo][0], toks[hi - 1][1]))
        if category not in found or _larger(value, found[category][0]):
            found[category] = (value, words)
        if victim:
            victims.setdefault(category, victim)
    for cat, (value, words) in found.items():
        setattr(result, cat, value)
        setattr(result, f"{cat}_text", words)
    for cat in CATEGORIES:
        if cat in victims:
            result.victims = victims[cat]
            break
    return result


def _larger(value: int | None, old: int | None) -> bool:
    """An exact count beats a vague one; of two exact counts the larger is kept."""
    if value is None:
        return False
    return old is None or value > old


def _coordinated(low: list[str], a: int, b: int) -> bool:
    """Do the words between two numbers join them ("21 Touristen und ein Polizist")?"""
    between = low[a:b]
    return (
        0 < len(between) <= 4
        and between[-1] in ("und", "sowie", "and", ",")
        and not any(w in _STOP for w in between)
    )


def _link(
    lex: _Lexicon, low: list[str], raw: list[str], q: _Quantity, nxt_q: int, prev_q: int
) -> tuple[str, int, int, str | None] | None:
    """(category, cue token index, cue length, victim group) for one quantity, or None."""
    german = registry.get_or_default(lex.lang).capitalised_nouns  # nouns are capitalised

    def cue_here(k: int, kinds: tuple[str, ...]) -> _Cue | None:
        c = _cue_at(lex, low, k, kinds)
        if c and german and c.kind == "noun" and raw[k][0].islower():
            # "den verletzten Torhüter": a lower-case noun cue before a noun is an adjective
            if k + len(c.words) < len(raw) and raw[k + len(c.words)][0].isupper():
                return None
        return c

    j = q.end
    while j < nxt_q and low[j] in lex.connectors:
        j += 1
    # 1. a casualty word right after the number
    cue = cue_here(j, ("noun", "verb")) if j < nxt_q else None
    if cue:
        return cue.category, j, len(cue.words), None
    # 2. a casualty verb right before the number (English: "killed at least 18 people")
    b = q.mod_start - 1
    if b >= 0:
        for k in range(3, 0, -1):
            c = _cue_at(lex, low, b - k + 1, ("verb",)) if b - k + 1 >= prev_q else None
            if c and len(c.words) == k:
                return c.category, b - k + 1, k, _victim(lex, low, j, nxt_q)
        # ... across a time adverbial ("detuvo el lunes a 40 personas")
        a = b
        while a >= prev_q and low[a] in lex.adverbials:
            a -= 1
        c = _cue_at(lex, low, a, ("verb",)) if prev_q <= a < b else None
        if c and len(c.words) == 1:
            return c.category, a, 1, _victim(lex, low, j, nxt_q)
    # 3. a casualty word further right in the clause
    victim = None
    k, limit = j - 1, min(j + _WINDOW, nxt_q)
    while k + 1 < limit:
        k += 1
        if low[k] == "(":  # a short parenthesis is an apposition: "Staat (IS) festgenommen"
            close = next((c for c in range(k + 1, min(k + 5, nxt_q)) if low[c] == ")"), None)
            if close is not None:
                limit = min(limit + close - k + 1, nxt_q)
                k = close
                continue
        if low[k] in _STOP or low[k] == ",":
            break
        if german and low[k] == "und" and k > j and raw[k - 1][0].islower():
            break  # "zwei Lager zerstört und Kämpfer festgenommen": a new predicate
        cue = cue_here(k, ("noun", "verb"))
        if cue and not (low[k].startswith("<") and victim is None):
            # a separable particle counts people only ("setzte 5 Termine fest" does not)
            return cue.category, k, len(cue.words), victim
        v = _cue_at(lex, low, k, ("victim", "person"))
        if v and victim is None:
            victim = v.category
    # 4. a casualty noun a few words before the number, joined by a link word
    #    ("die Zahl der Toten stieg auf 18", "the death toll rose to 18")
    linked = False
    for k in range(q.mod_start - 1, max(prev_q, q.mod_start - _LEFT_WINDOW) - 1, -1):
        if low[k] in lex.links:
            linked = True
            continue
        if low[k] in _STOP or low[k] == ",":
            break
        cue = cue_here(k, ("noun",))
        if cue:
            return (cue.category, k, len(cue.words), None) if linked else None
    return None


def _victim(lex: _Lexicon, low: list[str], j: int, stop: int) -> str | None:
    """The victim group named right after a number ("killed 18 protesters")."""
    for k in range(j, min(j + 3, stop)):
        v = _cue_at(lex, low, k, ("victim", "person"))
        if v:
            return v.category
        if low[k] in _STOP or low[k] == ",":
            break
    return None
