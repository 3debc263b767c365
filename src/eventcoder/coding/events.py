"""Sentence by sentence: triggers + clauses + roles + attributes -> :class:`Event` objects."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from eventcoder.coding import attributes
from eventcoder.coding.clauses import Clause, is_passive, split_clauses
from eventcoder.coding.crosswalk import cameo_to_plover, own_code
from eventcoder.coding.defaults import (
    BILATERAL,
    CONTENT_TYPES,
    DOMESTIC,
    STANDALONE,
    SYMMETRIC,
    VICTIM_TYPES,
    _compatible,
    _domestic_defaults,
    _source_fallback,
    _split_symmetric,
    _victim_defaults,
    _victims_as_target,
    _within,
)
from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.intent import find_cue, is_cue_word
from eventcoder.coding.location import ArticlePlaces, article_places, locate
from eventcoder.coding.mentions import ACTOR_KINDS
from eventcoder.coding.predicates import filters_for, zu_infinitive
from eventcoder.coding.refs import _actor, _actors, _place_countries, _refs
from eventcoder.coding.roles import ActorRef, RoleFinder, mark_phrases, parse_frame
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.knowledge.agencies import is_news_agency
from eventcoder.model import Actor, Event, Evidence

ATTRIBUTED = frozenset({"reported", "rumored", "announced"})  # labels that name who says so


def _best(matches: list[TriggerMatch], g: Grammar) -> TriggerMatch:
    """The clause's event trigger: verbs before nouns; in English the first verb (later ones are
    complements: "threatened to impose"), in German the most specific pattern."""
    if not g.language.verb_final_subclauses:
        return max(  # ties: the closer pattern, then the first in lexicon order
            matches,
            key=lambda m: (
                not parse_frame(m.entry.frame).nominal,
                -m.head,
                m.entry.priority,
                m.head - m.tokens[-1],
            ),
        )
    return max(
        matches, key=lambda m: (not parse_frame(m.entry.frame).nominal, m.entry.priority, -m.head)
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
        # another coder of whole sentences (CameoSentenceCoder): it replaces the lexicon
        self.sentence_coder = sentence_coder

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
    ) -> list[Event]:
        text = view.text
        if places is None:  # the "places" component has not run
            places = article_places(text, mentions)
        dates = attributes.SentenceDates(text, lang, published)  # read where events are
        by_head = sorted(triggers, key=lambda m: m.head)
        heads = [m.head for m in by_head]
        actors = [m for m in mentions if m.kind in ACTOR_KINDS]
        starts = [m.start for m in actors]
        events: list[Event] = []
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
                    attributes.set_date(ev, dates.of(lo, hi), (lo, hi), ev.evidence.start, published)
                events.extend(extra)
                prev_text = text[lo:hi]
                continue
            if self.sentence_coder is not None:
                for ev, (t_lo, t_hi) in self.sentence_coder.events(text, lo, hi, published):
                    self._attributes(ev, text, lang, (lo, hi), (t_lo, t_hi), places, dates, published)
                    ev.coder = f"{self.version}/{self.sentence_coder.name}"
                    events.append(ev)
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
                ev_match = _best(here, self.g)
                matches = [ev_match] + [
                    m
                    for m in here
                    if m is not ev_match
                    and parse_frame(m.entry.frame).nominal
                    and rf.prep_of.get(m.head) in self.g.setting
                    and m.entry.type != ev_match.entry.type
                ][:1]  # "Bei einer Kundgebung ... nahm die Polizei 10 Menschen fest": both
                for k, match in enumerate(matches):
                    ev = self._event(
                        view,
                        rf,
                        ci,
                        clause,
                        match,
                        places,
                        dates,
                        (lo, hi),
                        published,
                        lang,
                        prev_text,
                        refs,
                    )
                    if ev is None:
                        continue
                    nominal = (parse_frame(match.entry.frame).nominal and not light) or k > 0
                    sent_events.append((ev, clause, nominal))
                    if not nominal:
                        verbal_before, verbal_type = ci, ev.type
            if self.g.language.one_event_per_sentence:
                sent_events = _main_events(sent_events, self.g)
            events.extend(self._merge([ev for ev, _, _ in sent_events]))
            memory = _Memory(finder=rf)
            prev_text = text[lo:hi]
        for ev in events:
            ev.article_id = article_id
            ev.coder = ev.coder or self.version
            ev.assign_id()
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
        dates: attributes.SentenceDates,
        sentence: tuple[int, int],
        published: str | None,
        lang: str,
        prev_text: str,
        refs: list[ActorRef],
    ) -> Event | None:
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
        if "speaker" in parse_frame(e.frame).source and not source:
            return None  # a bare modal ("must") without anybody who demands
        if not source and not target and not frame.bare and ptype not in STANDALONE:
            return None  # "die muss man unterstützen": nobody supports anybody we know
        generic = (
            self.g.language.generic_verbs_need_actors
            and len(m.tokens) == 1
            and (e.rank == 0 or ptype in BILATERAL)
        )
        both = source and (target or (ptype in SYMMETRIC and len(source) > 1))  # "X and Y met"
        if generic and ptype not in STANDALONE and not both:
            return None  # a generic verb of the generated dictionary codes only X verb Y
        source = [r for r in source if not is_news_agency(r.code)]  # "Reuters reported ...":
        target = [r for r in target if not is_news_agency(r.code)]  # attribution only
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
        attributes.set_date(ev, dates.of(*sentence), sentence, t_lo, published)
        counted = attributes.set_numbers(ev, text, lang, (c_lo, _counts_end(view, rf, ci, c_hi)))
        if frame.counted and ev.dead is None and ev.injured is None:
            return None  # "Auseinandersetzungen um den Haushalt": no fighting without victims
        if generic and not (source or target or counted):
            return None  # "the bus overturned", "he died": nobody we know, nobody counted
        if counted and ptype == "ASSAULT":
            _victims_as_target(ev, counted)
            if between and not ev.source:
                ev.source, ev.target = ev.target[:1], ev.target[1:]
        if ptype in SYMMETRIC:
            _split_symmetric(ev)
        elif ptype in VICTIM_TYPES:
            _victim_defaults(ev, loc, fallback)
        f = attributes.factuality(
            text, sentence, (view.idx[m.head], view.ends[m.head]), lang, prev_text
        )
        if (
            f is not None
            and f.label == "negated"
            and frame.nominal
            and self.g.language.local_nominal_negation
            and f.cue_start is not None
            and not 0 < m.head - view.tok_at(f.cue_start + sentence[0]) <= 3
        ):
            # "Nach den Anschlägen ... sind nicht alle Fragen geklärt": the verb is negated,
            # a noun event only by a word right before it ("keine Angriffe")
            f = None
        if f is not None:
            self._factuality(ev, f, sentence[0], view, rf, source, fallback, m.head)
            said = ev.attributed_to
            cue_word = view.lowers[view.tok_at(f.cue_start + sentence[0])] if f.cue else ""
            if (
                said is not None
                and f.source_start is not None
                and cue_word in self.g.attribution
            ):
                # "X zufolge", "laut X": who says so is neither source nor target
                lo, hi = f.source_start + sentence[0], f.source_end + sentence[0]
                ev.source = [a for a in ev.source if not _within(a, lo, hi)]
                ev.target = [a for a in ev.target if not _within(a, lo, hi)]
            if ev.factuality == "asserted" and f.label == "reported":
                # the speaker reports their own act: what the clause itself says counts
                own = attributes.factuality(
                    text, (c_lo, sentence[1]), (view.idx[m.head], view.ends[m.head]), lang, ""
                )
                if own is not None and own.label not in ATTRIBUTED - {"announced"}:
                    ev.factuality = own.label
        ev.confidence = round(
            0.4
            + 0.2 * any(a.start is not None for a in ev.source)  # read, not inferred
            + 0.2 * any(a.start is not None for a in ev.target)
            + 0.1 * (len(e.steps) > 1)
            + 0.1 * (not frame.nominal),
            2,
        )
        return ev

    def _attributes(
        self,
        ev: Event,
        text: str,
        lang: str,
        sentence: tuple[int, int],
        trigger: tuple[int, int],
        places: ArticlePlaces,
        dates: attributes.SentenceDates,
        published: str | None,
    ) -> None:
        """Place, date, numbers and factuality of an event from a sentence coder."""
        span = (ev.evidence.start, ev.evidence.end)
        actor_spans = {(a.start or 0, a.end or 0) for a in ev.source + ev.target}
        ev.location = locate(places, text, span, sentence, actor_spans)
        attributes.set_date(ev, dates.of(*sentence), sentence, trigger[0], published)
        attributes.set_numbers(ev, text, lang, sentence)
        if ev.factuality == "asserted":
            f = attributes.factuality(text, sentence, trigger, lang, "")
            if f is not None and f.label != "asserted":
                ev.factuality = f.label
                if f.source_text and f.source_start is not None:
                    s = f.source_start + sentence[0]
                    ev.attributed_to = Actor(text=f.source_text, start=s, end=s + len(f.source_text))

    def _factuality(
        self,
        ev: Event,
        f: Any,
        offset: int,
        view: DocView,
        rf: RoleFinder,
        source: list[ActorRef],
        fallback: str | None,
        head: int,
    ) -> None:
        """Label and attribution; the speaker is the subject of the clause of the cue when the
        role finder knows it, else the helper's attribution span. A cue inside the event's own
        clause with a span of its own ("laut X", "X zufolge", "nach Angaben von X") names
        somebody other than the clause's subject."""
        ev.factuality = f.label
        if f.label not in ATTRIBUTED:
            return
        speaker: list[ActorRef] = []
        if f.cue_start is not None:
            tok = view.tok_at(f.cue_start + offset)
            ci = next((k for k, c in enumerate(rf.clauses) if c.start <= tok < c.end), None)
            own_clause = ci is not None and rf.clauses[ci].start <= head < rf.clauses[ci].end
            names_own = f.label == "reported" and view.lowers[tok] in self.g.attribution
            if names_own and (own_clause or self.g.language.fixed_svo_order):
                ci = None  # "..., according to X": X, not the subject of the cue's clause
            if ci is not None:
                speaker = rf.subject(ci, tok)
            if not names_own and f.source_start is not None and f.source_start > f.cue_start:
                # "..., dijo el ministro", "said the minister": the speaker follows its verb
                lo, hi = f.source_start + offset, f.source_end + offset
                speaker = [r for r in rf.refs if lo <= r.start < hi and not r.pronoun][:1]
        if speaker:
            first = speaker[0]
            ev.attributed_to = _actor(first, fallback)
            own = {id(x) for r in source for x in ([r] + r.refers_to)}
            said = {id(x) for r in speaker for x in ([r] + r.refers_to)}
            if f.label == "reported" and own & said:
                ev.factuality = "asserted"  # a speaker's own stance is the event itself
        elif f.source_text and f.source_start is not None:
            s, e = f.source_start + offset, f.source_end + offset
            inside = [r for r in rf.refs if s <= r.start < e and not r.pronoun]
            known = inside[0] if inside else None
            ev.attributed_to = Actor(text=f.source_text, start=s, end=e)
            if known is not None:
                ev.attributed_to = _actor(known, fallback)
                ev.attributed_to.text, ev.attributed_to.start, ev.attributed_to.end = (
                    f.source_text,
                    s,
                    e,
                )

    @staticmethod
    def _merge(events: list[Event]) -> list[Event]:
        """One event per type and sentence when the actors do not contradict each other."""
        out: list[Event] = []
        for ev in sorted(events, key=lambda e: -e.confidence):
            twin = next((o for o in out if o.type == ev.type and _compatible(o, ev)), None)
            if twin is None:
                out.append(ev)
                continue
            twin.source = twin.source or ev.source
            twin.target = twin.target or ev.target
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


def _main_events(
    found: list[tuple[Event, Clause, bool]], g: Grammar
) -> list[tuple[Event, Clause, bool]]:
    """English news sentences: one event, the first verb's (as PLOVER and PETRARCH code
    English news); a noun only when no verb codes. Appositions, adjuncts after a comma
    ("..., citing ..."), coordinated and reported clauses are left out."""
    verbal = [x for x in found if not x[2]]
    return verbal[:1] or found[:1]


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
