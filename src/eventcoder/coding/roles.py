"""Who did what to whom: source and target inside a clause, without a parser.

Frames (the ``frame`` column of the trigger lexicons) read ``SOURCE>TARGET[;option...]``.
``SOURCE`` and ``TARGET`` list slots tried in order, separated by ``|``:

* ``subj``  the subject: German: the first actor before the trigger that is not in a PP or a
            genitive, else (V2 inversion) the first one after it; English: the nearest before it.
            A clause opened by "und"/"and" + verb has an elided subject: the previous clause's.
* ``obj``   the next actor outside a PP (after the subject)
* ``gen``   a genitive next to the trigger ("Entsendung russischer Truppen", "Washingtons Hilfe")
* ``speaker`` the subject of the clause that frames a reported clause ("X erklärte, Y müsse ...")
* ``said``  the subject of a following clause of saying ("Das ist absurd, sagte X")
* ``comp``  the subject of the complement clause the trigger governs ("demanded that X ...")
* ``none``  leave empty
* any other word: a preposition; the actor in a PP it heads (``mit``, ``gegen``, ``with``)

Options: ``keep`` (a passive does not swap roles: "Truppen wurden entsandt"), ``nom`` (the
trigger is a noun; verbs beat nouns in the same clause; a noun event needs an actor unless
``bare`` is given too: "Festnahmen", "Explosionen" are events on their own), ``counted`` (an
event only when the clause counts dead or injured: "Auseinandersetzungen" with "25 Tote"),
``victim`` (an event only with a target actor or counted victims: "verletzte zwei Menschen",
not "verletzt das Völkerrecht"), ``agent`` (an event only with its actor read in the text:
"the army closed the station", not "schools were closed"), ``addressed`` (an event only with a
target read in the text: "backed the rebels", not "supports gun rights"). A passive swaps ``subj`` to the target
and takes the source from a ``von``/``durch``/``by`` PP. Pronouns ("er", "she") and unresolved
subjects take the last subject of the sentence or of the previous sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventcoder.coding.clauses import Clause
from eventcoder.coding.grammar import Grammar


@dataclass
class ActorRef:
    """An actor mention seen by the engine (knowledge mention, pronoun or copy of a referent)."""

    start_tok: int
    end_tok: int
    start: int
    end: int
    text: str
    kind: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    prep: str | None = None
    genitive: bool = False
    objective: bool = False  # opened by a dative/accusative-only determiner ("dem Minister")
    pronoun: bool = False
    form: str | None = None  # the knowledge base's grammatical form ("genitive", ...)
    refers_to: list[ActorRef] = field(default_factory=list)


@dataclass(frozen=True)
class Frame:
    source: tuple[str, ...]
    target: tuple[str, ...]
    keep: bool = False
    nominal: bool = False
    bare: bool = False
    counted: bool = False  # an event only when its clause counts dead or injured
    victim: bool = False  # an event only with a target actor or counted victims ("verletzt")
    agent: bool = False  # an event only with a source read in the text ("schools were closed")
    judge: bool = False  # the last step is a judgement said of the object ("called X a farce")
    guest: bool = False  # an event only when the direct object is a person or an official body
    officials: bool = False  # an event only when a target is a person, a party or an official body
    addressed: bool = False  # an event only with a target read in the text ("backed the rebels")

    @property
    def verbal(self) -> bool:
        """Does the trigger tell an act, as a verb does? A noun said by a speaker ("a
        disgrace, said X") does; a noun that names an act ("the sanctions") does not."""
        return not self.nominal or "said" in self.source or "speaker" in self.source


@lru_cache(maxsize=4096)
def parse_frame(text: str) -> Frame:
    parts = [p.strip() for p in (text or "-").split(";")]
    main = parts[0] if parts[0] not in ("", "-") else "subj>obj"
    opts = set(parts[1:])
    src, _, tgt = main.partition(">")
    return Frame(
        tuple(s for s in src.split("|") if s) or ("subj",),
        tuple(t for t in tgt.split("|") if t) or ("none",),
        keep="keep" in opts,
        nominal="nom" in opts,
        bare="bare" in opts,
        counted="counted" in opts,
        victim="victim" in opts,
        agent="agent" in opts,
        judge="judge" in opts,
        guest="guest" in opts,
        officials="officials" in opts,
        addressed="addressed" in opts,
    )


def mark_phrases(
    refs: list[ActorRef],
    lowers: Sequence[str],
    texts: Sequence[str],
    start: int,
    end: int,
    g: Grammar,
) -> dict[int, str]:
    """Fill ``prep`` and ``genitive`` of the sentence's actor mentions ``refs``; return the
    preposition governing each token inside a prepositional phrase."""
    in_mention = {}
    for r in refs:
        for t in range(r.start_tok, r.end_tok):
            in_mention[t] = r
    prep_of: dict[int, str] = {}
    i = start
    while i < end:
        low = lowers[i]
        if low in g.preposition and not _quantity_modifier(lowers, i, end, g):
            j = _np_end(i + 1, lowers, texts, end, g, in_mention)
            for t in range(i + 1, j):
                prep_of[t] = low
            i = max(j, i + 1)
            continue
        i += 1
    for r in refs:
        r.prep = prep_of.get(r.start_tok)
        prev = r.start_tok - 1
        if g.language.morphological_case:
            if r.form == "genitive" or (
                r.text.endswith("s") and r.name and not r.name.endswith("s") and r.kind != "role"
            ):
                r.genitive = True
            elif prev > start and lowers[prev] in ("der", "des") and texts[prev - 1][:1].isupper():
                r.genitive = True
            elif r.prep is None and not r.pronoun:  # "den er ...": a relative pronoun before "er"
                r.objective = _object_case(r, lowers, start, g)
        elif prev >= start and lowers[prev] == "of":
            r.genitive = True
    return prep_of


def _object_case(r: ActorRef, lowers: Sequence[str], start: int, g: Grammar) -> bool:
    """Is the mention's noun phrase opened by a determiner that is only dative or accusative
    ("dem Minister", "seinen türkischen Amtskollegen")? Up to three inflected adjectives may
    stand between."""
    first = r.text.split(maxsplit=1)[0].lower() if r.text else ""
    if first in g.object_determiner:
        return True
    k = r.start_tok - 1
    for _ in range(4):
        if k < start:
            return False
        low = lowers[k]
        if low in g.object_determiner:
            return True
        if not (low.isalpha() and low.endswith(("e", "en", "em", "er", "es"))):
            return False
        k -= 1
    return False


def _quantity_modifier(lowers: Sequence[str], i: int, end: int, g: Grammar) -> bool:
    """English "at least 11", "up to 30", "about 200": a preposition that modifies a number
    heads no phrase (the counted people may be the subject)."""
    if i + 1 >= end or not g.approximate:
        return False
    nxt = lowers[i + 1]
    if nxt in g.quantifier:
        return True
    return lowers[i] in g.approximate and (nxt[:1].isdigit() or nxt in g.numeral)


def _np_end(
    i: int,
    lowers: Sequence[str],
    texts: Sequence[str],
    end: int,
    g: Grammar,
    in_mention: dict[int, ActorRef],
) -> int:
    """End of the noun phrase starting at ``i`` (token index, exclusive)."""
    seen_noun = False
    while i < end:
        low, txt = lowers[i], texts[i]
        if i in in_mention:
            mtext = in_mention[i].text
            if seen_noun and g.language.capitalised_nouns and mtext[:1].isupper() and not mtext.endswith("s"):
                break  # a new noun phrase ("im Land 18 Sicherheitskräfte")
            i = in_mention[i].end_tok
            seen_noun = True
            continue
        if low in g.preposition or low in g.clause_punct or low in g.subordinator:
            break
        if low in g.conjunction:
            if seen_noun and i + 1 < end and (i + 1 in in_mention or lowers[i + 1] in g.determiner):
                i += 1
                seen_noun = False
                continue
            break
        if g.language.morphological_case:
            if low in g.determiner:
                if seen_noun and low not in ("der", "des"):
                    break
                seen_noun = False  # a genitive attribute follows
                i += 1
                continue
            if txt[:1].isdigit():
                if seen_noun:
                    break
                i += 1
                continue
            if txt[:1].isupper():
                if seen_noun and not low.endswith("s"):
                    break
                seen_noun = True
                i += 1
                continue
            nxt_noun = i + 1 < end and (texts[i + 1][:1].isupper() or i + 1 in in_mention)
            if not seen_noun and (nxt_noun or (i + 1 < end and not texts[i + 1][:1].isalpha())):
                i += 1  # adjective before the noun
                continue
            if seen_noun and low.endswith(("ener", "ter")) and "ge" in low[:-4]:
                break  # a participle opens a new phrase: "in Nordkorea festgenommener Student"
            if seen_noun and nxt_noun and low.endswith("er"):
                seen_noun = False  # genitive without article: "Entsendung russischer Truppen"
                i += 1
                continue
            break
        # English: determiners, adjectives and nouns until a verb-like word after the noun
        if low in g.determiner or low in g.pronoun:
            if seen_noun:
                break
            i += 1
            continue
        if seen_noun and (low.endswith("ed") or low in g.passive_aux):
            break
        seen_noun = seen_noun or txt[:1].isupper()
        i += 1
        if i - 1 > 0 and not txt[:1].isupper() and seen_noun:
            break
    return i


class RoleFinder:
    """Finds source and target for triggers of one sentence."""

    def __init__(
        self,
        refs: list[ActorRef],
        clauses: list[Clause],
        lowers: Sequence[str],
        g: Grammar,
        memory: Callable[[], list[ActorRef]],
        prep_of: dict[int, str] | None = None,
    ) -> None:
        self.prep_of = prep_of or {}
        self._nominal = False  # the trigger being filled is a noun
        self.refs = sorted(refs, key=lambda r: r.start_tok)
        self.clauses = clauses
        self.lowers = lowers
        self.g = g
        self._memory = memory  # subjects of the previous sentence, computed on demand
        self._subj: dict[int, list[ActorRef]] = {}

    # -- groups -------------------------------------------------------------
    def _in(self, clause: Clause) -> list[ActorRef]:
        return [r for r in self.refs if clause.start <= r.start_tok < clause.end]

    def _group(self, first: ActorRef, pool: list[ActorRef]) -> list[ActorRef]:
        """``first`` plus actors coordinated with it ("Russland und Belarus")."""
        group = [first]
        idx = pool.index(first)
        last = first
        for r in pool[idx + 1 :]:
            between = self.lowers[last.end_tok : r.start_tok]
            if (
                between
                and (self._coordinated(between))
                and (r.prep == first.prep or self._shares_of(first, r))
                and not r.pronoun
            ):
                group.append(r)
                last = r
            else:
                break
        return group

    def _coordinated(self, between: Sequence[str]) -> bool:
        """Do the words between two actors coordinate them ("und", "und der", "als auch")?"""
        words = [w for w in between if w not in self.g.determiner]
        if "+".join(words) in self.g.correlative:
            return True
        return all(w in self.g.conjunction for w in words) and any(
            w in self.g.conjunction for w in between)  # not "X eine Y"

    def _shares_of(self, first: ActorRef, r: ActorRef) -> bool:
        """English "ministers of Egypt and Saudi Arabia": a country coordinated inside the
        of-phrase of a combined actor mention belongs to the group."""
        return (
            self.g.language.fixed_svo_order
            and r.prep == "of"
            and r.kind == "country"
            and first.prep is None
            and first.kind == "actor"
            and " of " in first.text.lower()
        )

    # -- slots --------------------------------------------------------------
    def subject(self, ci: int, head: int | None = None, nominal: bool = False) -> list[ActorRef]:
        """Subject group of clause ``ci`` (resolved pronouns), memoised per clause; a
        ``nominal`` trigger at the clause start does not inherit the previous subject."""
        if ci in self._subj and head is None:
            return self._subj[ci]
        clause = self.clauses[ci]
        head = clause.end if head is None else head
        pool = [r for r in self._in(clause)
                if r.prep is None and r.form != "object" and not r.objective]
        core = [r for r in pool if not r.genitive]
        before = [r for r in core if r.end_tok <= head]
        after = [r for r in core if r.start_tok > head]
        group: list[ActorRef] = []
        if before:
            first = before[0] if self.g.language.verb_second else before[-1]
            group = self._group(first, core)
            if self.g.language.fixed_svo_order:
                k = core.index(before[-1])
                while k > 0 and self._group(core[k - 1], core)[-1] is before[-1]:
                    k -= 1
                with_of = [r for r in self._in(clause) if r in core or self._shares_of(core[k], r)]
                group = self._group(core[k], with_of)
        elif (
            not clause.after_conj
            and not nominal
            and after
            and self.g.language.verb_second
            and ci > 0
            and self._verb_first(clause, head)
            and self._inverted_subject(after[0], head)
        ):
            group = self._group(after[0], core)  # "..., droht Davutoğlu": the quote's speaker
        elif clause.after_conj or (not nominal and self._verb_first(clause, head)):
            group = self._previous_subject(ci)
        elif after and self.g.language.verb_second:
            group = self._group(after[0], core)
        if not group:
            gens = [r for r in pool if r.end_tok <= head]
            if gens:
                group = self._group(gens[0], pool)
        group = self._resolve(group, ci)
        if head == clause.end:
            self._subj[ci] = group
        return group

    def _speech_first(self, clause: Clause) -> bool:
        """Does the clause open with a verb of saying (after punctuation)?"""
        k = clause.start
        while k < clause.end and self.lowers[k] in self.g.clause_punct:
            k += 1
        return k < clause.end and self.lowers[k] in self.g.speech

    def _postposed_speaker(self, ci: int) -> list[ActorRef]:
        """The speaker of a clause after a quote in a fixed-order language: "..., said X" or
        "..., X said" (the speech verb among the clause's first words)."""
        while ci + 1 < len(self.clauses) and not any(
                w[:1].isalnum() for w in self.lowers[self.clauses[ci].start:self.clauses[ci].end]):
            ci += 1  # a closing quotation mark alone
        clause = self.clauses[ci]
        verb = next((k for k in range(clause.start, min(clause.end, clause.start + 7))
                     if self.lowers[k] in self.g.speech), None)
        if verb is None:
            return []
        refs = [r for r in self.refs if clause.start <= r.start_tok <= verb + 3]
        before = [r for r in refs if r.end_tok <= verb]
        after = [r for r in refs if r.start_tok > verb]  # "said the minister" (own clause)
        if before:
            return self._resolve(self._group(before[-1], refs), ci)
        return self._resolve(self._group(after[0], refs), ci) if after else []

    def _inverted_subject(self, r: ActorRef, head: int) -> bool:
        """After a preposed quote or clause the subject follows the verb at once ("sagte X",
        "beklagte sich X"); an object has a case-marked article ("traf den Präsidenten")."""
        between = self.lowers[head + 1 : r.start_tok]
        return len(between) <= 2 and not any(w in self.g.object_article for w in between)

    def _verb_first(self, clause: Clause, head: int) -> bool:
        first = clause.start
        adverb = tuple(self.g.adverb_suffix)
        while first < head and (
            self.lowers[first] in self.g.conjunction or self.lowers[first] in self.g.clause_punct
            or (adverb and len(self.lowers[first]) > 4 and self.lowers[first].endswith(adverb))
        ):
            first += 1  # "..., sharply criticized": an adverb before the verb
        return first == head and clause.marker is None

    def _previous_subject(self, ci: int) -> list[ActorRef]:
        for cj in range(ci - 1, -1, -1):
            s = self.subject(cj)
            if s:
                return s
        return list(self._memory())

    def main_subject(self) -> list[ActorRef]:
        """The first non-empty subject of a main clause (memory for the next sentence)."""
        for ci, clause in enumerate(self.clauses):
            if clause.marker is None:
                s = self.subject(ci)
                if s:
                    return [x for r in s for x in (r.refers_to if r.pronoun else [r])]
        return list(self._memory())

    def _resolve(self, group: list[ActorRef], ci: int) -> list[ActorRef]:
        out: list[ActorRef] = []
        for r in group:
            if not r.pronoun:
                out.append(r)
                continue
            if r.form == "object":
                ref = self._object_antecedent(r, ci)
            else:
                ref = self._previous_subject(ci) if ci > 0 else list(self._memory())
            ref = [x for x in ref if not x.pronoun] or [x for y in ref for x in y.refers_to]
            if ref:
                out.append(replace(r, refers_to=ref))
        return out

    def _object_antecedent(self, r: ActorRef, ci: int) -> list[ActorRef]:
        """An object pronoun ("warfen ihm vor", "thanked him") refers to the nearest actor
        before it that is not its own clause's subject, else to the previous sentence's
        subject."""
        own = {id(x) for x in self.subject(ci)} | {
            id(y) for x in self.subject(ci) for y in x.refers_to}
        before = [x for x in self.refs if x.end_tok <= r.start_tok and not x.pronoun
                  and id(x) not in own and x.kind != "place"]
        if before:
            return before[-1:]
        return [x for x in self._memory() if id(x) not in own]

    def speaker(self, ci: int) -> list[ActorRef]:
        for cj in range(ci - 1, -1, -1):
            if self.clauses[cj].marker is None:
                return self.subject(cj)
        return []

    def fill(
        self, ci: int, head: int, frame: Frame, passive: bool, last: int | None = None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Source and target groups for a trigger whose head token is ``head`` (``last``: its
        last token)."""
        clause = self.clauses[ci]
        pool = self._in(clause)
        self._nominal = frame.nominal
        src_slots, tgt_slots = frame.source, frame.target
        if passive and not frame.keep:
            src_slots = self.g.agent + ("none",)
            tgt_slots = tuple("subj" if s == "obj" else s for s in frame.target)
            if "subj" in frame.source:
                tgt_slots = ("subj",) + tuple(s for s in frame.target if s != "obj")
        used: set[int] = set()
        source = self._slot(src_slots, ci, head, pool, used)
        used.update(id(r) for r in source)
        last = head if last is None else last
        target = self._slot(tgt_slots, ci, head, pool, used, after=last)
        if not target and "none" not in tgt_slots and not frame.nominal:
            # any actor after the trigger: "rejected calls by Belarus's rulers"
            own = {r.country for r in source if r.country}  # their own place is no party
            rest = [
                r
                for r in pool
                if r.start_tok > last
                and id(r) not in used
                and not r.pronoun
                and not (r.prep in self.g.locative and r.country in own)  # "met in Cairo"
            ]
            target = self._group(rest[0], rest) if rest else []
        if (
            not source
            and not frame.nominal
            and not (passive and not frame.keep)
            and "speaker" not in src_slots
        ):
            taken = {id(r) for r in target}
            rest = [r for r in pool if r.end_tok <= head and id(r) not in taken and not r.pronoun
                    and r.prep not in self.g.locative]  # "a bomb in Kabul killed": a place
            source = self._group(rest[0], rest) if rest else []
        return source, target

    def _slot(
        self,
        slots: tuple[str, ...],
        ci: int,
        head: int,
        pool: list[ActorRef],
        used: set[int],
        after: int | None = None,
    ) -> list[ActorRef]:
        """The first slot that yields actors; ``after``: a genitive must follow the trigger
        ("Unterstützung der Ukraine" is a target, "Washingtons Unterstützung" is not)."""
        for slot in slots:
            if after is not None:
                pool = [r for r in pool if not r.genitive or r.start_tok > after]
            got = self._one(slot, ci, head, pool, used)
            got = [r for r in got if id(r) not in used]
            if got:
                return got
        return []

    def _one(
        self, slot: str, ci: int, head: int, pool: list[ActorRef], used: set[int]
    ) -> list[ActorRef]:
        if slot == "none":
            return []
        if slot == "subj":
            return self.subject(ci, head, self._nominal)
        if slot == "speaker":
            return self.speaker(ci)
        if slot == "said":  # "Das ist absurd, sagte X": the speaker of a postposed clause
            nxt = ci + 1  # past subordinate clauses: "Das ist absurd, weil ..., sagte X"
            while nxt + 1 < len(self.clauses) and self.clauses[nxt].marker in self.g.subordinator:
                nxt += 1
            if nxt >= len(self.clauses):
                return []
            if self.g.language.fixed_svo_order:
                return self._postposed_speaker(nxt)
            return self.subject(nxt) if self._speech_first(self.clauses[nxt]) else []
        if slot == "comp":  # the subject of the clause the trigger governs ("demanded that X")
            nxt = ci + 1
            if nxt < len(self.clauses) and self.clauses[nxt].marker in self.g.complementizer:
                return self.subject(nxt)
            return []
        if slot in ("obj", "dat"):
            subj_ids = {id(r) for r in self.subject(ci, head)}
            core = [
                r
                for r in pool
                if r.prep is None
                and not r.genitive
                and id(r) not in subj_ids
                and id(r) not in used
                and (not r.pronoun or r.form == "object")
            ]
            if self.g.language.fixed_svo_order:
                core = [r for r in core if r.start_tok > head]
            if core and core[0].form == "object":  # "warfen ihm vor": whom "ihm" refers to
                return self._resolve(core[:1], ci)
            return self._group(core[0], core) if core else []
        if slot == "gen":
            near = [
                r for r in pool if r.genitive and abs(r.start_tok - head) <= 4 and r.prep is None
            ]
            if not near:
                near = [
                    r
                    for r in pool
                    if r.prep is None and 0 < head - r.end_tok + 1 <= 2 and r.kind in ("country",)
                ]
            return self._group(near[0], pool) if near else []
        cands = [r for r in pool if r.prep == slot and id(r) not in used]
        if slot in self.g.agent:
            cands = [r for r in cands if not self._attribute_pp(r, slot)]
        if cands and cands[0].form == "object":  # "mit ihm telefoniert"
            return self._resolve(cands[:1], ci)
        return self._group(cands[0], [r for r in pool if r.prep == slot]) if cands else []

    def _attribute_pp(self, r: ActorRef, prep: str) -> bool:
        """A PP right after another actor belongs to it: "der Attentäter von Tel Aviv" is no
        agent of a passive."""
        k = r.start_tok - 1
        while k >= 0 and self.lowers[k] in self.g.determiner:
            k -= 1
        return (
            k >= 0
            and self.lowers[k] == prep
            and any(
                x.end_tok == k and x.kind in ("role", "person", "actor") and not x.genitive
                for x in self.refs
            )
        )
