"""Trigger filters: named predicates that reject a trigger candidate in its clause.

Each filter is ``(view, match, clause, grammar) -> bool`` (True: not an event here) and is
registered by name in :data:`FILTERS`; a language lists the filters it runs in
``Language.trigger_filters`` (see ``eventcoder.language``). Word classes come from the
language's ``grammar.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from eventcoder.coding.clauses import QUOTES, Clause
from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.intent import is_cue_word
from eventcoder.coding.roles import parse_frame
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.language import data, registry

TriggerFilter = Callable[[DocView, TriggerMatch, Clause, Grammar], bool]
FILTERS: dict[str, TriggerFilter] = {}


def trigger_filter(name: str) -> Callable[[TriggerFilter], TriggerFilter]:
    """Register a trigger filter under ``name`` (a decorator)."""

    def add(fn: TriggerFilter) -> TriggerFilter:
        FILTERS[name] = fn
        return fn

    return add


def filters_for(g: Grammar) -> tuple[TriggerFilter, ...]:
    """The filters the grammar's language runs (``KeyError`` naming an unknown one)."""
    try:
        return tuple(FILTERS[n] for n in g.language.trigger_filters)
    except KeyError as exc:
        raise KeyError(
            f"{g.lang}: unknown trigger filter {exc.args[0]!r} (known: {', '.join(FILTERS)})"
        ) from None


@trigger_filter("speech_verb")
def speech_verb(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb of saying alone ("sagte", "said") reports an event, it is none."""
    return view.lowers[m.head] in g.speech and (len(m.tokens) == 1 or m.entry.rank == 0)


@trigger_filter("nontrigger")
def nontrigger(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Words that look like triggers but never are ("according", "Wahlkampf")."""
    return view.lowers[m.head] in g.nontrigger


@trigger_filter("verb_case")
def verb_case(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Verbs are lower case: a capitalised verb trigger inside a clause is a noun or a name
    ("die Verletzte", "Bill de Blasio"); with capitalised nouns a lower-case noun trigger
    is no noun ("kämpfen" is no "*kämpfe")."""
    texts, start = view.texts, clause.start
    if parse_frame(m.entry.frame).nominal:
        return g.language.capitalised_nouns and texts[m.head][:1].islower()
    if m.head == start:  # a German finite verb never opens a clause: "Inhaftierte wollten"
        w = texts[m.head]
        return w[:1].isupper() and w.endswith(("te", "ten")) and len(m.tokens) == 1
    if len(m.tokens) > 1 and not texts[m.tokens[-1]][:1].isupper():
        return False  # a pattern that ends in its verb: "Webseiten ... blockiert"
    return texts[m.head][:1].isupper()


@trigger_filter("particle_final")
def particle_not_final(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A separable particle ends its clause: "warf ihm Betrug vor", not "warfen Steine vor
    dem Gebäude" (there "vor" is a preposition)."""
    step, lowers = m.entry.steps[-1], view.lowers
    if len(m.tokens) < 2 or not step.gap or lowers[m.tokens[-1]] not in g.particle:
        return False
    p = m.tokens[-1]
    while p < len(lowers):  # "griff die Stadt an der Grenze an": the last "an" is the particle
        nxt = p + 1
        if nxt >= len(lowers):
            return False
        w = lowers[nxt]
        if not w[:1].isalnum() or w in g.conjunction or w in g.subordinator or w in g.clause_end:
            return False
        p = next((j for j in range(nxt, min(len(lowers), nxt + 12)) if step.test(lowers[j])), -1)
        if p < 0 or any(not lowers[j][:1].isalnum() for j in range(nxt, p)):
            return True
    return True


def zu_infinitive(lowers: Sequence[str], clause: Clause) -> bool:
    """A German zu-infinitive clause (", Luftangriffe zu fliegen", ", einzufrieren")."""
    last = clause.end - 1
    while last > clause.start and not lowers[last][:1].isalnum():
        last -= 1
    return last > clause.start and (lowers[last - 1] == "zu" or "zu" in lowers[last][2:-3])


@trigger_filter("judged_object")
def judged_object(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A judgement word must be said of the object, not be part of it: "called the plan a
    farce", "called the ruling unfair", "called it 'a disgrace'", not "called the crisis the
    worst in years". The word counts after a quote, a middle step ("as"), a second
    determiner, or when it ends its phrase (punctuation, a conjunction or a preposition)."""
    if not parse_frame(m.entry.frame).judge or len(m.tokens) > 2:
        return False
    lowers, head, word = view.lowers, m.head, m.tokens[-1]
    between = lowers[head + 1:word]
    if any(w in QUOTES for w in between):
        return False
    if any(w in g.determiner for w in between[1:]):
        return False
    nxt = lowers[word + 1] if word + 1 < clause.end else "."
    if nxt in QUOTES:
        return True  # 'called the agreement "void"': the word is the object's
    return not (nxt in g.conjunction or nxt in g.preposition or not nxt[:1].isalnum())


@trigger_filter("modal_danger")
def modal_danger(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """"Die Krise droht zu eskalieren": a danger, not a threat."""
    return view.lowers[m.head] in g.modal_threat and zu_infinitive(view.lowers, clause)


@trigger_filter("no_bare_generic")
def no_bare_generic(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A generic verb ("make", "take") is no event as a generated single-word entry."""
    return len(m.tokens) == 1 and m.entry.rank == 0 and view.lowers[m.head] in g.no_bare


@trigger_filter("attributive_ed")
def attributive_ed(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """An -ed participle used as an adjective ("two injured workers", "the detained
    journalist") is no event."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    nxt = view.lowers[h + 1] if h + 1 < len(view.lowers) else ""
    prev = view.lowers[h - 1] if h > clause.start else ""
    return (
        view.lowers[h].endswith("ed")
        and (prev in g.determiner or prev in g.numeral or prev[:1].isdigit())
        and nxt.isalpha()
        and view.texts[h + 1][:1].islower()
        and nxt not in g.preposition
        and nxt not in g.conjunction
        and nxt not in g.determiner
        and nxt not in g.passive_aux
    )


@trigger_filter("attributive_participle")
def attributive_participle(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """An inflected participle before a capitalised noun ("sechs inhaftierte
    Oppositionsführer", "ein festgenommener Student") is no event."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    if h == clause.start or h + 1 >= len(view.texts) or not view.texts[h + 1][:1].isupper():
        return False
    word = view.lowers[h]
    if word.endswith(("ter", "tes", "tem", "ener", "enes", "enem")):
        return True  # never a finite verb
    prev = view.lowers[h - 1]
    return word.endswith(("te", "ten", "ene", "enen")) and (
        prev in g.determiner or prev in g.numeral or prev.isdigit()
    )


def _after_apposition(view: DocView, h: int, g: Grammar) -> bool:
    """The word follows an apposition set off by commas after a name or opened by a
    determiner ("X, the chancellor of Y, demanded", "Smith, spokeswoman for Y, said")."""
    lowers = view.lowers
    if h < 3 or lowers[h - 1] != ",":
        return False
    for k in range(h - 2, max(0, h - 10), -1):
        if lowers[k] in (".", ";", ":"):
            return False
        if lowers[k] == ",":
            return lowers[k + 1] in g.determiner or (
                k > 0 and view.texts[k - 1][:1].isupper() and view.texts[k + 1][:1].islower())
    return False


@trigger_filter("noun_use")
def noun_use(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb trigger used as a noun: "the attack", "of air links", "press officer"."""
    if parse_frame(m.entry.frame).nominal:
        return False
    lowers, start, h = view.lowers, clause.start, m.head
    prev = lowers[h - 1] if h - 1 >= start else ""
    if prev == "to":  # an infinitive
        return False
    if h == start and lowers[h].endswith("ed") and not _after_apposition(view, h, g):
        return True  # "Ousted president X", "..., backed by X" (not "X, the minister, demanded")
    if prev in g.determiner or prev in g.preposition or prev in ("'s", "\u2019s"):
        return True
    if h + 1 < len(lowers) and lowers[h + 1] in g.noun_head:
        return True  # "press officer", "search operation": a noun modifier
    prev2 = lowers[h - 2] if h - 2 >= start else ""
    word = lowers[h]
    nxt = lowers[h + 1] if h + 1 < clause.end else ""
    return (
        not word.endswith("ed")
        and word not in _classes(g).get("irregular_past", frozenset())  # "the minister spoke"
        and nxt not in g.determiner  # "the rebels met the envoy": a verb with its object
        and not (word.endswith("ing") and h + 1 < len(view.texts)
                 and view.texts[h + 1][:1].isupper())  # "on Twitter blaming Iran"
        and (prev.isalpha() or prev.isdigit())
        and prev not in g.pronoun
        and (prev2 in g.determiner or prev2 in g.preposition)
    )  # "its fisheries dispute", "his 2020 campaign", not "the rebels met the envoy"


@trigger_filter("name_use")
def name_use(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A trigger that is part of a name or a date: a capitalised noun inside its clause
    ("the Strike Force"), a capitalised word before a number ("March 28") or before another
    capitalised word ("Press TV said")."""
    texts = view.texts
    if not texts[m.head][:1].isupper():
        return False
    nxt = texts[m.head + 1] if m.head + 1 < len(texts) else ""
    if nxt[:1].isdigit() or (nxt[:1].isupper() and len(m.tokens) == 1):
        return True  # "March 28", "Press TV said"
    return m.head > clause.start and parse_frame(m.entry.frame).nominal


@trigger_filter("mishap")
def mishap(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Deaths in an accident, fire or illness ("a fire killed five", "died of cancer") are
    no assault. Where nouns are capitalised and compounded, a noun ending in a mishap word
    is one ("bei Verkehrsunfällen")."""
    if m.entry.type != "ASSAULT" or not g.mishap:
        return False
    lowers = view.lowers
    compounds = g.language.capitalised_nouns  # "Arbeitsunfällen" ends in a mishap word
    for t in range(clause.start, clause.end):
        w = lowers[t]
        prev = lowers[t - 1] if t > 0 else ""
        if w not in g.mishap and compounds and view.texts[t][:1].isupper():
            w = next((x for x in g.mishap if len(x) >= 5 and w.endswith(x)), w)
        if w in g.mishap and (
            w not in g.ambiguous_mishap or prev in g.determiner or prev in g.mishap_before
        ):
            return True
    return False


def _classes(g: Grammar) -> dict[str, frozenset[str]]:
    """Word classes of the language's ``grammar.tsv`` that :class:`Grammar` has no field for."""
    return _word_classes(g.lang)


@lru_cache(maxsize=8)
def _word_classes(lang: str) -> dict[str, frozenset[str]]:
    return data.word_classes(registry.get_or_default(lang), "grammar.tsv")


@trigger_filter("question")
def question(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A question ("Would you send troops?") reports no event: its sentence ends in a question
    mark (the class ``sentence_end`` of ``grammar.tsv`` lists the marks; ``question`` which
    of them ask)."""
    cls = _classes(g)
    ends, asks = cls.get("sentence_end", frozenset()), cls.get("question", frozenset())
    texts = view.texts
    for j in range(m.head, min(len(texts), m.head + 150)):
        if texts[j] in ends:
            return texts[j] in asks
    return False


@trigger_filter("hypothetical")
def hypothetical(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """"would/could/might" right before the trigger ("the ban could hurt trade") makes it a
    hypothetical, not an event; "would not" (a refusal) stays. Class ``hypothetical`` (and
    ``negation``) of ``grammar.tsv``; a modal must be written lower case ("may", not "May")."""
    cls = _classes(g)
    modal, negation = cls.get("hypothetical", frozenset()), cls.get("negation", frozenset())
    if not modal or view.lowers[m.head] in modal:
        return False
    lo = max(clause.start, m.head - 3)
    for j in range(m.head - 1, lo - 1, -1):
        if view.lowers[j] in modal and view.texts[j][:1].islower():
            return not any(view.lowers[k] in negation for k in range(j + 1, m.head))
    return False


@trigger_filter("unrealised_noun")
def unrealised_noun(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A noun event qualified as not (yet) real ("ein möglicher Anschlag", "a possible
    strike", "der geplante Besuch"; class ``unrealised`` of ``grammar.tsv``) is no event."""
    words = _classes(g).get("unrealised", frozenset())
    if not words or not parse_frame(m.entry.frame).nominal:
        return False
    return any(view.lowers[j] in words for j in range(max(clause.start, m.head - 2), m.head))


@trigger_filter("purpose_infinitive")
def purpose_infinitive(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb in a to-infinitive ("came to fight X", "a plan to improve relations") is a
    purpose or a plan, not an act; the verb it depends on codes the sentence. Kept after the
    words of class ``infinitive_act`` ("voted to expel") and after intent cues ("plans to
    impose": :mod:`eventcoder.coding.intent` makes that the announced event)."""
    marker = g.language.infinitive_marker
    h = m.head
    if not marker or parse_frame(m.entry.frame).nominal or h - 1 < clause.start:
        return False
    if view.lowers[h - 1] != marker:
        return False
    before = view.lowers[h - 2] if h - 2 >= 0 else ""
    return before not in _classes(g).get("infinitive_act", frozenset()) and not is_cue_word(
        before, g.lang
    )


@trigger_filter("nominal_in_phrase")
def nominal_in_phrase(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A noun event inside a prepositional phrase ("speakers at the rally", "the week of
    protests") is mentioned, not reported; a passive agent ("by") and the prepositions of
    class ``setting`` stay, and those of class ``event_preposition`` with a verb of class
    ``happen_verb`` in the clause ("es kam zu Festnahmen"), and those of class
    ``state_preposition`` right after a light verb or a form of "be" ("went on strike", "were
    on hunger strike"); a clause counting victims
    (class ``casualty_noun``: "mit 129 Toten") reports the event."""
    if not parse_frame(m.entry.frame).nominal:
        return False
    keep = set(g.agent) | g.setting
    cls = _classes(g)
    here = view.lowers[clause.start : clause.end]
    happen = cls.get("happen_verb", frozenset())
    if happen and any(w in happen for w in here):
        keep |= cls.get("event_preposition", frozenset())  # "es kam zu Festnahmen"
    toll = cls.get("casualty_noun", frozenset())
    if toll and any(a[:1].isdigit() and b in toll for a, b in zip(here, here[1:], strict=False)):
        return False  # "nach den Anschlägen mit 129 Toten": the attack is reported with its toll
    lowers = view.lowers
    state = cls.get("state_preposition", frozenset())
    modifiers = 0  # one word may qualify the noun ("at the large rally"), not two
    seen_det = False
    for j in range(m.head - 1, max(clause.start, m.head - 4) - 1, -1):
        w = lowers[j]
        if w in g.preposition:
            before = lowers[j - 1] if j > clause.start else ""
            return w not in keep and not (w in state and (
                before in g.light or before in g.passive_aux and not seen_det))
        if w in g.determiner or w in g.numeral:
            seen_det = True
            continue
        if g.language.capitalised_nouns and view.texts[j][:1].isupper() and (
                seen_det or lowers[j - 1] in g.preposition):
            return False  # a noun before: "für Dienstag ein Krisentreffen", "in Wien Gespräche"
        modifiers += 1
        if modifiers > 1 or not w.replace("-", "").isalpha() or w in g.conjunction:
            return False
    return False


@trigger_filter("marked_noun")
def marked_noun(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A one-word finite verb trigger right after an article or a preposition (class
    ``noun_marker`` of ``grammar.tsv``) is the noun of the same form: "en señal de protesta",
    "una marcha"; not an infinitive or gerund (class ``nonfinite_suffix``: "para protestar")."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal or m.head <= clause.start:
        return False
    cls = _classes(g)
    nonfinite = tuple(cls.get("nonfinite_suffix", ()))
    word = view.lowers[m.head]
    return view.lowers[m.head - 1] in cls.get("noun_marker", frozenset()) and not (
        nonfinite and word.endswith(nonfinite))


@trigger_filter("clause_modal")
def clause_modal(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """Verb-final languages put the modal anywhere in the clause ("die Regierung könnte ...
    verbieten", "würde er ... unterstützen"): a word of class ``possible`` ("könnte") makes
    the trigger's clause a possibility, one of class ``conditional`` ("würde", "wäre") only
    when a ``condition`` word ("wenn", "falls") opens a clause of the same sentence (reported
    speech uses "würde" for what was said)."""
    cls = _classes(g)
    possible, conditional = cls.get("possible", frozenset()), cls.get("conditional", frozenset())
    lowers = view.lowers
    here = lowers[clause.start : clause.end]
    if any(w in possible for w in here):
        return True
    if not any(w in conditional for w in here):
        return False
    condition, ends = cls.get("condition", frozenset()), cls.get("sentence_end", frozenset())
    lo, hi = clause.start, clause.end
    while lo > 0 and view.texts[lo - 1] not in ends:
        lo -= 1
    while hi < len(lowers) and view.texts[hi] not in ends:
        hi += 1
    return any(lowers[j] in condition for j in range(lo, hi))


def _sentence_words(view: DocView, head: int, g: Grammar, reach: int = 60) -> set[str]:
    """Lower-cased words around a trigger up to the sentence marks (``sentence_end``)."""
    ends = _sentence_ends(g)
    lo = head
    while lo > 0 and head - lo < reach and view.texts[lo - 1] not in ends:
        lo -= 1
    hi = head
    while hi < len(view.texts) and hi - head < reach and view.texts[hi] not in ends:
        hi += 1
    return set(view.lowers[lo:hi])


def _sentence_ends(g: Grammar) -> frozenset[str]:
    return _classes(g).get("sentence_end", frozenset())


@trigger_filter("natural_death")
def natural_death(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """"died" (class ``death``) is an assault only with violence in its sentence (class
    ``violence``: "died in the attack", "shot dead"); "died at home aged 80" is no event.
    Injuries (class ``injury``) are checked after merging (``bare_casualty``): a report of
    them may first add its numbers to the attack told before."""
    cls = _classes(g)
    if m.entry.type != "ASSAULT" or view.lowers[m.head] not in cls.get("death", frozenset()):
        return False
    return not violent_sentence(view, m.head, g)


def violent_sentence(view: DocView, head: int, g: Grammar) -> bool:
    """A violence word (class ``violence``, the ``injury`` words aside; where nouns are
    capitalised, a compound ending in one: "Messerangriff") in the sentence of ``head``."""
    cls = _classes(g)
    violence = cls.get("violence", frozenset()) - cls.get("injury", frozenset())
    words = _sentence_words(view, head, g)
    if words & violence:
        return True
    if g.language.capitalised_nouns:
        long = tuple(v for v in violence if len(v) >= 5)
        return any(w.endswith(long) for w in words)
    return False


def bare_casualty(view: DocView, head: int, g: Grammar) -> bool:
    """An injury or killing reported without violence in its sentence ("were injured when
    the bus overturned"): no assault."""
    return view.lowers[head] in _classes(g).get("injury", frozenset()) \
        and not violent_sentence(view, head, g)


@trigger_filter("ordinary_crime")
def ordinary_crime(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """An arrest or search among words of ordinary crime (class ``crime``: "Einbrecherbande",
    "Drogenkuriere") is police work, no political event (codebook)."""
    crime = _classes(g).get("crime", frozenset())
    if m.entry.type != "COERCE" or not crime:
        return False
    words = _sentence_words(view, m.head, g)
    long = tuple(c for c in crime if len(c) >= 5)
    return bool(words & crime) or (g.language.capitalised_nouns
                                   and any(w.endswith(long) for w in words))


@trigger_filter("released_document")
def released_document(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """"released a statement/report/video" publishes a document (class ``document``), it
    frees nobody."""
    cls = _classes(g)
    if m.entry.type != "RETREAT" or view.lowers[m.head] not in cls.get("release", frozenset()):
        return False
    docs = cls.get("document", frozenset())
    for j in range(m.head + 1, min(len(view.lowers), m.head + 5)):
        w = view.lowers[j]
        if w in docs:
            return True
        if w in g.preposition or not w[:1].isalnum():
            return False
    return False


@trigger_filter("anticausative")
def anticausative(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A verb of class ``anticausative`` right after a reflexive clitic (class ``reflexive``)
    is a change of state, not an act: "el bosque se incendió" burnt, nobody set it on fire."""
    cls = _classes(g)
    h = m.head
    return (h > clause.start and view.lowers[h] in cls.get("anticausative", frozenset())
            and view.lowers[h - 1] in cls.get("reflexive", frozenset()))


@trigger_filter("death_toll")
def death_toll(view: DocView, m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """A demand verb of class ``toll_verb`` with counted victims (a number before a word of
    class ``casualty_noun``) in its clause states a death toll ("der Anschlag forderte 129
    Tote"), it asks for nothing ("die Familien der Toten forderten" still asks)."""
    cls = _classes(g)
    if m.entry.type != "REQUEST" or view.lowers[m.head] not in cls.get("toll_verb", frozenset()):
        return False
    toll, lowers = cls.get("casualty_noun", frozenset()), view.lowers
    return any(lowers[j] in toll and (lowers[j - 1][:1].isdigit() or lowers[j - 1] in g.numeral)
               for j in range(clause.start + 1, clause.end))
