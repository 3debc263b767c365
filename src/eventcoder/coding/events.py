"""Sentence by sentence: triggers + clauses + roles + counts + location -> :class:`Event`
objects, each with the :class:`~eventcoder.coding.doc.EventContext` that the later components
(dates, factuality, merge; :mod:`eventcoder.coding.components`) read."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from eventcoder.coding import attributes
from eventcoder.coding.adjuncts import (
    asks_nobody,
    companion_nouns,
    continues_gerund_list,
    hosts_guest,
    names_target,
    opens_participial_adjunct,
    targets_officials,
)
from eventcoder.coding.clauses import Clause, is_passive, split_clauses
from eventcoder.coding.crosswalk import cameo_to_plover, own_code
from eventcoder.coding.defaults import (
    ADDRESSED,
    BILATERAL,
    CONTENT_TYPES,
    DOMESTIC,
    STANDALONE,
    SYMMETRIC,
    VICTIM_TYPES,
    _addressee_default,
    _compatible,
    _domestic_defaults,
    _members_meet,
    _source_fallback,
    _split_symmetric,
    _victim_defaults,
    _victims_as_target,
    by_authorities,
    read,
)
from eventcoder.coding.doc import DocView, EventContext
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.intent import find_cue, is_cue_word
from eventcoder.coding.location import ArticlePlaces, article_places, locate
from eventcoder.coding.mentions import ACTOR_KINDS
from eventcoder.coding.predicates import filters_for, zu_infinitive
from eventcoder.coding.refs import OBJECT, _actors, _place_countries, _refs, named_people
from eventcoder.coding.roles import ActorRef, RoleFinder, mark_phrases, parse_frame
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.knowledge.agencies import is_news_agency
from eventcoder.language import data
from eventcoder.model import Event, Evidence


def _best(matches: list[TriggerMatch], g: Grammar) -> TriggerMatch:
    """The clause's event trigger: verbs before nouns; in English a hand-written trigger before
    a generated one, then the first verb (later ones are complements: "threatened to
    impose"), in German the most specific pattern."""
    if not g.language.verb_final_subclauses:
        return max(  # ties: the closer pattern, then the first in lexicon order
            matches,
            key=lambda m: (
                parse_frame(m.entry.frame).verbal,
                m.entry.rank,  # a hand-written trigger before a generated one
                -m.head,
                m.entry.priority,
                m.head - m.tokens[-1],
            ),
        )
    return max(
        matches, key=lambda m: (parse_frame(m.entry.frame).verbal, m.entry.priority, -m.head)
    )


class ArticleCoder:
    """Codes one article (held by the ``eventcoder_events`` component)."""

    def __init__(
        self,
        g: Grammar,
        version: str,
        dictionary: Any | None = None,
        sentence_coder: Any | None = None,
    ) -> None:
        self.g = g
        self.filters = filters_for(g)  # the language's named trigger filters
        self.version = version
        self.dictionary = dictionary  # a DictionaryCoder (user verb dictionaries) or None
        # another coder of whole sentences (CameoSentenceCoder): it replaces the lexicon;
        # a role helper (``refines``: ParseRoles) refines the lexicon path's roles instead
        self.parse = sentence_coder if getattr(sentence_coder, "refines", False) else None
        self.sentence_coder = None if self.parse is not None else sentence_coder

    def code(
        self,
        view: DocView,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[Any],
        triggers: Sequence[TriggerMatch],
        *,
        article_id: str,
        published: str | None,
        lang: str,
        places: ArticlePlaces | None = None,
    ) -> list[tuple[Event, EventContext]]:
        """Candidate events and how each was found, in text order (not yet merged)."""
        text = view.text
        if places is None:  # the "places" component has not run
            places = article_places(text, mentions)
        by_head = sorted(triggers, key=lambda m: m.head)
        heads = [m.head for m in by_head]
        actors = named_people(text, [m for m in mentions if m.kind in ACTOR_KINDS], self.g)
        starts = [m.start for m in actors]
        events: list[tuple[Event, EventContext]] = []
        ctxs: dict[int, EventContext] = {}  # id(event) -> how it was found
        memory = _Memory()
        prev_text = ""
        for lo, hi in sentences:
            ts, te = view.tok_at(lo), view.tok_end(hi)
            a, b = bisect_right(heads, ts - 1), bisect_right(heads, te - 1)
            sent_trigs = by_head[a:b]
            ma, mb = bisect_right(starts, lo - 1), bisect_right(starts, hi - 1)
            if self.dictionary is not None and self.g.language.dictionary_coded:
                # English sentences are coded by the user's verb dictionaries alone
                extra = self.dictionary.events(text, lo, hi, published)
                for ev in extra:
                    ev.location = locate(places, text, (lo, hi), (lo, hi), set())
                    events.append((ev, EventContext("dictionary", (lo, hi), ev.evidence.start)))
                prev_text = text[lo:hi]
                continue
            if self.sentence_coder is not None:
                for ev, (t_lo, t_hi) in self.sentence_coder.events(text, lo, hi, published):
                    span = (ev.evidence.start, ev.evidence.end)
                    actor_spans = {(a.start or 0, a.end or 0) for a in ev.source + ev.target}
                    ev.location = locate(places, text, span, (lo, hi), actor_spans)
                    ev.coder = f"{self.version}/{self.sentence_coder.name}"
                    ctx = EventContext("sentence", (lo, hi), t_lo, (t_lo, t_hi))
                    ctx.count_span = (lo, hi)  # counted by the "numbers" component
                    events.append((ev, ctx))
                prev_text = text[lo:hi]
                continue
            if not sent_trigs:
                if mb > ma:  # the subject of this sentence is computed only when needed
                    memory = _Memory(self, view, actors[ma:mb], lo, hi, memory)
                prev_text = text[lo:hi]
                continue
            refs = _refs(view, actors[ma:mb], lo, hi, self.g)
            _place_countries(refs, places.places, view, lo, hi, self.g)
            inside = {  # tokens an actor covers whole ("United States"), not "US-Angriff"
                t
                for r in refs
                for t in range(r.start_tok, r.end_tok)
                if r.start <= view.idx[t] and view.ends[t] <= r.end
            }
            sent_trigs = [m for m in sent_trigs if m.head not in inside]  # "United States"
            head_set = {m.head for m in sent_trigs}
            rf = self._finder(view, refs, ts, te, head_set, memory)
            if self.parse is not None:  # roles from the dependency parse
                rf = self.parse.finder(rf, view, lo, hi, refs)
            sent_events = []
            verbal_before = -2  # clause index of the last event from a verb
            verbal_type = ""
            for ci, clause in enumerate(rf.clauses):
                here = [
                    m
                    for m in sent_trigs
                    if clause.start <= m.head
                    and m.tokens[-1] < clause.end
                    and not any(f(view, m, clause, self.g) for f in self.filters)
                ]
                light = False
                if len(here) > 1:  # "plans to impose": the cue word is not the event
                    cues = [m.head for m in here if is_cue_word(view.lowers[m.head], lang)]
                    rest = [
                        m
                        for m in here
                        if m.head not in cues
                        and any(0 < m.head - c <= 4 for c in cues)
                        and find_cue(view.lowers, clause.start, m.head, m.entry.type, lang)
                    ]
                    here = rest or here
                    nouns = [m for m in here if parse_frame(m.entry.frame).nominal]
                    verbs = [m for m in here if not parse_frame(m.entry.frame).nominal]
                    first = min(verbs, key=lambda m: m.head) if verbs else None
                    if (
                        nouns
                        and first is not None
                        and (len(first.tokens) == 1 or first.entry.rank == 0)
                        and view.lowers[first.head] in self.g.light
                    ):
                        here, light = nouns, True  # "staged a hunger strike": the noun counts
                if not here or clause.marker in self.g.background:
                    continue
                if clause.marker in self.g.complementizer and verbal_before == ci - 1:
                    continue  # "demanded that X withdraw": the content of the previous event
                if (
                    verbal_before == ci - 1
                    and verbal_type in CONTENT_TYPES
                    and zu_infinitive(view.lowers, clause)
                ):
                    continue  # "forderte X auf, Luftangriffe zu fliegen": what was asked for
                if any(view.lowers[j] in self.g.speech for j in range(clause.start, clause.end)):
                    # "Asked about sending troops, the minister said …": a topic, not an event
                    here = [
                        m
                        for m in here
                        if not (parse_frame(m.entry.frame).nominal and m.head in rf.prep_of)
                    ]
                    if not here:
                        continue
                ev_match = _best(_before_motive(view, here, self.g) or here, self.g)
                matches = [ev_match] + companion_nouns(view, here, ev_match, rf.prep_of, self.g)
                motive = _motives(view, here, ev_match, self.g)  # "..., para protestar contra"
                matches += [m for m in motive if m is not ev_match]
                if self.parse is not None:  # "X struck Gaza and Y fired rockets": both
                    matches += [m for m in self.parse.coordinated(rf, ev_match, here)
                                if m not in matches]
                for k, match in enumerate(matches):
                    found = self._event(
                        view,
                        rf,
                        ci,
                        clause,
                        match,
                        places,
                        (lo, hi),
                        published,
                        lang,
                        prev_text,
                        refs,
                    )
                    if found is None:
                        continue
                    ev, ctxs[id(ev)] = found
                    if self.parse is not None:
                        self.parse.note(ev, match.head)
                        ev.coder = f"{self.version}/{self.parse.name}"
                    nominal = (parse_frame(match.entry.frame).nominal and not light) or k > 0
                    sent_events.append((ev, clause, nominal, k > 0 or match in motive))
                    if not nominal:
                        verbal_before, verbal_type = ci, ev.type
            if self.parse is not None:
                sent_events = self.parse.main_events(sent_events, rf, ctxs)
            elif self.g.language.one_event_per_sentence:
                sent_events = _main_events(sent_events, self.g)
            for x in sent_events:  # the "merge" component merges the events of a sentence
                ctxs[id(x[0])].merge_group = lo
                events.append((x[0], ctxs[id(x[0])]))
            memory = _Memory(finder=rf)
            prev_text = text[lo:hi]
        return events

    def _finder(
        self,
        view: DocView,
        refs: list[ActorRef],
        ts: int,
        te: int,
        heads: set[int],
        memory: _Memory,
    ) -> RoleFinder:
        prep_of = mark_phrases(refs, view.lowers, view.texts, ts, te, self.g)
        starts = {r.start_tok for r in refs if not r.pronoun}
        ends = {r.end_tok for r in refs if not r.pronoun}
        clauses = split_clauses(view.lowers, view.texts, ts, te, self.g, heads, starts, ends)
        return RoleFinder(refs, clauses, view.lowers, self.g, memory, prep_of)

    def _event(
        self,
        view: DocView,
        rf: RoleFinder,
        ci: int,
        clause: Clause,
        m: TriggerMatch,
        places: ArticlePlaces,
        sentence: tuple[int, int],
        published: str | None,
        lang: str,
        prev_text: str,
        refs: list[ActorRef],
    ) -> tuple[Event, EventContext] | None:
        e = m.entry
        frame = parse_frame(e.frame)
        ptype, mode, cameo, context = e.type, e.mode, e.cameo, []
        cue = find_cue(view.lowers, clause.start, m.head, ptype, lang)
        if cue is not None:
            ptype, mode = cue.becomes, None
            if cue.frame:
                frame = parse_frame(cue.frame)
        verb = m.head
        if len(m.tokens) > 1 and (view.lowers[m.head] == "zu" or view.texts[m.head][:1].isupper()):
            verb = m.tokens[-1]  # "zu zehn Jahren ... verurteilt", "Webseiten ... blockiert"
        passive = is_passive(view.lowers, clause, verb, self.g)
        source, target = rf.fill(ci, m.head, frame, passive, m.tokens[-1])
        between = len(target) > 1 and all(r.prep in self.g.between for r in target)
        if not source and between:
            source, target = target[:1], target[1:]  # "Gefechte zwischen X und Y"
        if frame.nominal:  # "US-Luftangriff": the first part of the word is the source
            part = [r for r in rf.refs if r.start_tok == m.head and r.end < view.ends[m.head]]
            if part:
                target = target or [r for r in source if r not in part]
                source = part
            target = [r for r in target if r not in part]
        if ptype == "REQUEST" and "speaker" in frame.source \
                and asks_nobody(view, clause, m.head, passive, target, self.g) \
                or "speaker" in parse_frame(e.frame).source and not source:
            return None  # a bare modal ("must"), "wir müssten", "it must be approved"
        if (
            "speaker" in frame.source
            and not target
            and any(view.lowers[j] in self.g.impersonal for j in range(clause.start, clause.end))
        ):
            return None  # "man müsse ... vereinheitlichen": a general statement, nobody asked
        if not source and all(r.form == OBJECT for r in target):
            target = []  # "ihm wurde vorgeworfen": a pronoun alone names nobody who acts
        if not source and not target and not frame.bare and ptype not in STANDALONE \
                and not self.g.language.unknown_actors:
            return None  # "die muss man unterstützen": nobody supports anybody we know
        generic = (
            self.g.language.generic_verbs_need_actors
            and len(m.tokens) == 1
            and (e.rank == 0 or ptype in BILATERAL)
        )
        both = source and (target or (ptype in SYMMETRIC and len(source) > 1))  # "X and Y met"
        if generic and ptype not in STANDALONE and not both:
            return None  # a generic verb of the generated dictionary codes only X verb Y
        if ptype == "ASSAULT" and _verbal_attack(view, m, source, target, self.g):
            ptype, mode, cameo = "ACCUSE", "disapprove", "111"  # "Smith attacked Jones over"
        source = [r for r in source if not is_news_agency(r.code)]  # "Reuters reported ...":
        target = [r for r in target if not is_news_agency(r.code)]  # attribution only
        if self.g.language.acts_need_source and not source and ptype not in STANDALONE:
            return None  # "he was praised": nobody we know praised him
        if frame.agent and not source:
            return None  # "schools were closed": nobody closed them that we know
        if frame.guest and not hosts_guest(target, m.tokens[-1]):
            return None  # "received a degree", "received more viewers": nobody was hosted
        if frame.officials and not targets_officials(target):
            return None  # "Soldaten unterstützen das Rote Kreuz": help, no political support
        if frame.addressed and not target:
            return None  # "she supports gun rights": a position, nobody is supported
        if not target and ptype == "RETREAT" and view.lowers[m.head] in self.g.release:
            return None  # "released findings", "a cause was released": nobody was freed
        if self.g.language.generated_need_both and e.rank == 0 and not both:
            return None  # a generated dictionary entry codes only "X verb Y" ("X and Y met")
        text = view.text
        first, last = clause.start, clause.end - 1
        while last > first and (
            view.lowers[last] in self.g.conjunction or not view.texts[last][:1].isalnum()
        ):
            last -= 1
        while first < last and (
            view.lowers[first] in self.g.conjunction or not view.texts[first][:1].isalnum()
        ):
            first += 1
        c_lo, c_hi = view.idx[first], view.ends[last]
        actor_spans = {(r.start, r.end) for r in source + target}
        loc = locate(places, text, (c_lo, c_hi), sentence, actor_spans)
        fallback = (loc.country if loc and loc.country else None) or places.main_country
        cameo = own_code(ptype, cameo)  # "threatened to attack": 13x, not the attack's 19x
        pc = cameo_to_plover(cameo)
        if pc is not None:
            context = list(pc.context)
            if not mode and pc.type == ptype:
                mode = pc.mode
        t_lo = view.idx[m.tokens[0]]
        ev = Event(
            type=ptype,
            mode=mode,
            cameo=cameo,
            context=context,
            evidence=Evidence(text[c_lo:c_hi], c_lo, c_hi),
            source=_actors(source, _source_fallback(fallback, loc, target, places, ptype)),
            target=_actors(target, fallback),
            location=loc,
        )
        if ptype in DOMESTIC and loc is not None and loc.country:
            _domestic_defaults(ev, loc)
        counted = attributes.set_numbers(ev, view, lang, (c_lo, _counts_end(view, rf, ci, c_hi)))
        if frame.victim and not target and ev.dead is None and ev.injured is None:
            return None  # "verletzt das Völkerrecht": nobody is hurt
        if frame.counted and ev.dead is None and ev.injured is None:
            return None  # "Auseinandersetzungen um den Haushalt": no fighting without victims
        if frame.nominal and ptype in ("ASSAULT", "COERCE") and not self.g.language.bare_attack_nouns \
                and not (source or target or counted) \
                and (loc is None or loc.start is None or not c_lo <= loc.start < c_hi) \
                and not any(view.lowers[j] in self.g.light for j in range(first, last + 1)):
            return None  # "persönliche Angriffe", not "verübten einen Anschlag": no act told
        if generic and not (source or target or counted):
            return None  # "the bus overturned", "he died": nobody we know, nobody counted
        if counted and ptype == "ASSAULT":
            _victims_as_target(ev, counted)
            if between and not ev.source:
                ev.source, ev.target = ev.target[:1], ev.target[1:]
        if ptype in SYMMETRIC:
            _split_symmetric(ev)
            if not ev.target and not _members_meet(ev):
                return None  # a meeting or agreement needs a partner ("besuchte die Schule")
        elif ptype in VICTIM_TYPES or by_authorities(ev):  # a court sentence too
            _victim_defaults(ev, loc, fallback)
        if opens_participial_adjunct(view, clause, m, self.g) and (
                continues_gerund_list(view, clause, self.g)
                or ptype not in ADDRESSED and not names_target(ev, view, clause)):
            return None  # "..., setting fire to mattresses", "..., providing help": no new act
        _addressee_default(ev, places.main_country)
        ctx = EventContext(
            "lexicon",
            sentence,
            t_lo,
            (view.idx[m.head], view.ends[m.head]),
            (c_lo, c_hi),
            m.head,
            frame.nominal,
            len(e.steps),
            prev_text,
            rf,
            source,
            fallback,
        )
        ev.confidence = attributes.confidence(ev, ctx)
        return ev, ctx

    @staticmethod
    def _merge(events: list[Event]) -> list[Event]:
        """One event per type and sentence when the actors do not contradict each other."""
        out: list[Event] = []
        for ev in sorted(events, key=lambda e: -e.confidence):
            twin = next((o for o in out if o.type == ev.type and _compatible(o, ev)), None)
            if twin is None:
                out.append(ev)
                continue
            if not read(twin.source) and read(ev.source) or not twin.source:
                twin.source = ev.source  # what the text says before what was inferred
            if not read(twin.target) and read(ev.target) or not twin.target:
                twin.target = ev.target
            for f in (
                "dead",
                "injured",
                "arrested",
                "dead_text",
                "injured_text",
                "arrested_text",
                "victims",
                "mode",
                "cameo",
            ):
                if getattr(twin, f) is None:
                    setattr(twin, f, getattr(ev, f))
        return sorted(out, key=lambda e: e.evidence.start)


def _counts_end(view: DocView, rf: RoleFinder, ci: int, c_hi: int) -> int:
    """English "11 were killed and dozens injured": the counts of the coordinated clauses
    that follow belong to the event."""
    if not rf.g.language.one_event_per_sentence:
        return c_hi
    k = ci + 1
    while k < len(rf.clauses) and rf.clauses[k].after_conj and rf.clauses[k].marker is None:
        c_hi = view.ends[rf.clauses[k].end - 1]
        k += 1
    return c_hi


_POLITICIANS = frozenset({"GOV", "LEG", "OPP"})


def _verbal_attack(view: DocView, m: TriggerMatch, source: list[ActorRef],
                   target: list[ActorRef], g: Grammar) -> bool:
    """An attack verb (``grammar.tsv`` ``verbal_attack``) whose attackers are people or
    politicians (government, legislature, opposition) and whose target is one too, or nothing
    named: words, not weapons ("the army attacked the rebels" stays an assault)."""
    if view.lowers[m.head] not in g.verbal_attack or not source:
        return False

    def person(r: ActorRef) -> bool:
        refs = r.refers_to if r.pronoun else [r]
        return bool(refs) and all(x.kind == "person" or x.sector in _POLITICIANS for x in refs)

    return all(person(r) for r in source) and all(person(r) for r in target)


def _main_events(
    found: list[tuple[Event, Clause, bool, bool]], g: Grammar
) -> list[tuple[Event, Clause, bool, bool]]:
    """English news sentences: one event, the first verb's (as PLOVER and PETRARCH code
    English news); a noun only when no verb codes. Appositions, adjuncts after a comma
    ("..., citing ..."), coordinated and reported clauses are left out. With the
    ``adjunct_events`` hook, motive and setting adjuncts of another type are kept too. A
    relative clause on a noun ("Los obreros, que exigen ..., bloquearon") does not take the
    place of the main clause's verb: both are coded."""
    verbal = [x for x in found if not x[2]]
    main = [x for x in verbal if not x[1].relative][:1] or verbal[:1] or found[:1]
    main = [x for x in verbal[:1] if x[1].relative and x not in main
            and all(x[0].type != y[0].type for y in main)] + main
    if g.language.adjunct_events:
        for x in found:
            if x[3] and all(x[0].type != y[0].type for y in main):
                main.append(x)
    return main


@lru_cache(maxsize=8)
def _purpose_words(lang: str) -> frozenset[str]:
    """Words that open a motive adjunct right before a trigger (``grammar.tsv`` ``purpose``)."""
    return data.word_classes(lang, "grammar.tsv").get("purpose", frozenset())


def _motives(
    view: DocView, here: list[TriggerMatch], main: TriggerMatch, g: Grammar
) -> list[TriggerMatch]:
    """The first trigger of another type than ``main`` in a motive adjunct ("para exigir",
    "en protesta por"); the clause's own trigger counts when it opens such an adjunct. When
    ``main`` acts on an event of the adjunct's type ("puso fin a la huelga ... para protestar"),
    the adjunct is that event's motive, not a new event."""
    for m in sorted(here, key=lambda m: m.head):
        if _opens_motive(view, m, g) and (m is main or m.entry.type != main.entry.type):
            if m is not main and any(
                o is not m and o.entry.type == m.entry.type and o.head in main.tokens for o in here
            ):
                continue
            return [m]
    return []


def _before_motive(view: DocView, here: list[TriggerMatch], g: Grammar) -> list[TriggerMatch]:
    """The triggers before the clause's first noun motive adjunct: "iniciaron una huelga ...
    en demanda de": the strike is the main event, the demand its motive (a verb, "para
    protestar", outranks nouns as any verb does)."""
    heads = [m.head for m in here
             if _opens_motive(view, m, g) and parse_frame(m.entry.frame).nominal]
    return [m for m in here if heads and m.head < min(heads)]


def _opens_motive(view: DocView, m: TriggerMatch, g: Grammar) -> bool:
    """Is ``m`` an event of an ``adjunct_events`` type right after (or opening with) a
    ``purpose`` word?"""
    if m.entry.type not in g.language.adjunct_events:
        return False
    words = _purpose_words(g.lang)
    first = m.tokens[0]
    return view.lowers[first] in words or (first > 0 and view.lowers[first - 1] in words)


class _Memory:
    """The subject of the previous sentence, for pronouns; computed on first use."""

    def __init__(
        self,
        coder: ArticleCoder | None = None,
        view: DocView | None = None,
        mentions: Sequence[Any] = (),
        lo: int = 0,
        hi: int = 0,
        before: _Memory | None = None,
        finder: RoleFinder | None = None,
    ) -> None:
        depth = (before.depth + 1) if before is not None else 0
        if depth > 3:  # pronouns do not reach further back than a few sentences
            before, depth = None, 0
        self.depth = depth
        self._args = (coder, view, mentions, lo, hi, before)
        self._finder = finder
        self._value: list[ActorRef] | None = None

    def __call__(self) -> list[ActorRef]:
        if self._value is None:
            self._value = []
            coder, view, mentions, lo, hi, before = self._args
            finder = self._finder
            if finder is None and coder is not None and view is not None:
                refs = _refs(view, mentions, lo, hi, coder.g)
                finder = coder._finder(
                    view, refs, view.tok_at(lo), view.tok_end(hi), set(), before or _Memory()
                )
            if finder is not None:
                self._value = finder.main_subject()
        return self._value
