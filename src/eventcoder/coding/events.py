"""Sentence by sentence: triggers + clauses + roles + attributes -> :class:`Event` objects."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventcoder.coding import attributes
from eventcoder.coding.clauses import Clause, is_passive, split_clauses
from eventcoder.coding.crosswalk import cameo_to_plover
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.intent import find_cue, is_cue_word
from eventcoder.coding.location import ArticlePlaces, article_places, locate
from eventcoder.coding.mentions import ACTOR_KINDS, knowledge_base
from eventcoder.coding.roles import ActorRef, RoleFinder, mark_phrases, parse_frame
from eventcoder.coding.triggers import TriggerMatch
from eventcoder.model import Actor, Event, Evidence, Location

ATTRIBUTED = frozenset({"reported", "rumored", "announced"})  # labels that name who says so


@dataclass
class DocView:
    """Token arrays of a spaCy Doc, built once per article."""

    text: str
    idx: list[int]
    ends: list[int]
    lowers: list[str]
    texts: list[str]

    @classmethod
    def of(cls, doc: Any) -> DocView:
        idx = [t.idx for t in doc]
        texts = [t.text for t in doc]
        return cls(
            doc.text,
            idx,
            [i + len(t) for i, t in zip(idx, texts, strict=True)],
            [t.lower() for t in texts],
            texts,
        )

    def tok_at(self, char: int) -> int:
        """Index of the token containing (or starting after) character ``char``."""
        return max(0, bisect_right(self.idx, char) - 1)

    def tok_end(self, char: int) -> int:
        """Exclusive token index of the token span ending at character ``char``."""
        return bisect_right(self.idx, char - 1)


def _refs(view: DocView, mentions: Sequence[Any], lo: int, hi: int, g: Grammar) -> list[ActorRef]:
    """Actor mentions (sorted by start, actor kinds only) of the sentence ``[lo, hi)``."""
    refs: list[ActorRef] = []
    taken: set[int] = set()
    for m in mentions:
        ts, te = view.tok_at(m.start), view.tok_end(m.end)
        if te <= ts:
            te = ts + 1
        taken.update(range(ts, te))
        ref = ActorRef(ts, te, m.start, m.end, m.text, m.kind, m.name, m.country, m.sector, m.code)
        ref.form = getattr(m, "form", None)
        if g.lang == "en" and m.kind == "person" and m.sector in (None, "ELI"):
            ref.sector = _title_sector(m.text) or m.sector  # "Egyptian President X": GOV
        refs.append(ref)
    ts, te = view.tok_at(lo), view.tok_end(hi)
    for t in range(ts, te):
        if view.lowers[t] in g.pronoun and t not in taken:
            refs.append(
                ActorRef(
                    t, t + 1, view.idx[t], view.ends[t], view.texts[t], "pronoun", pronoun=True
                )
            )
    refs.sort(key=lambda r: r.start_tok)
    if g.lang == "de":
        refs = _appositions(refs)
    return _attach_countries(refs, view.lowers, g)


@lru_cache(maxsize=4096)
def _title_sector(text: str) -> str | None:
    """The sector of the title a person's mention opens with ("President", "Egyptian Prime
    Minister"): the office the text gives them now, over a generic elite sector."""
    words = text.split()
    kb = knowledge_base()
    if kb is None or len(words) < 2:
        return None
    for n in range(min(3, len(words) - 1), 0, -1):
        prefix = " ".join(words[:n])
        if not prefix[:1].isupper():
            continue
        found = kb.match(prefix, "en")
        if (
            len(found) == 1
            and found[0].kind in ("role", "actor")
            and found[0].start == 0
            and found[0].end == len(prefix)
            and found[0].sector
        ):
            return found[0].sector
    return None


def _place_countries(
    refs: list[ActorRef], places: Sequence[Any], view: DocView, lo: int, hi: int
) -> None:
    """A country-less actor followed by its origin takes the origin's country
    ("Luftlandetruppen aus Iwanowo", "rebels in Ivory Coast")."""
    here = [p for p in places if lo <= p.start < hi and p.country]
    if not here:
        return
    for r in refs:
        if r.country is not None or r.pronoun or r.kind == "org":
            continue
        for p in here:
            t = view.tok_at(p.start)
            if t - r.end_tok == 1 and view.lowers[r.end_tok] in ("aus", "from", "in", "of"):
                r.country = p.country
                break


def _appositions(refs: list[ActorRef]) -> list[ActorRef]:
    """A German role right before a name is one actor: "UN-Generalsekretär Ban Ki-moon" (the
    name, with the role's country and sector when it has none)."""
    out: list[ActorRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and r.kind in ("person", "org", "actor")
            and prev.kind in ("role", "actor", "org")
            and not prev.pronoun
            and prev.end_tok == r.start_tok
        ):
            merged = replace(
                r,
                start_tok=prev.start_tok,
                start=prev.start,
                text=prev.text + " " + r.text if prev.end < r.start else prev.text + r.text,
                country=r.country or prev.country,
                sector=r.sector or prev.sector,
            )
            out[-1] = merged
            continue
        out.append(r)
    return out


def _attach_countries(refs: list[ActorRef], lowers: Sequence[str], g: Grammar) -> list[ActorRef]:
    """A country-less person or role takes the country of a possessive or attached country:
    "Iran's religious leader X", "King X of Morocco", "rebels in Ivory Coast" (the possessive
    country is then part of the actor, not an actor of its own)."""
    out: list[ActorRef] = []
    skip: set[int] = set()
    for k, r in enumerate(refs):
        if id(r) in skip:
            continue
        nxt = refs[k + 1] if k + 1 < len(refs) else None
        if (
            nxt is not None
            and r.kind == "country"
            and nxt.country is None
            and not nxt.pronoun
            and nxt.kind != "org"
            and r.end_tok < len(lowers)
            and lowers[r.end_tok] in ("'s", "\u2019s")
            and nxt.start_tok - r.end_tok <= 4
        ):
            nxt.country = r.country
            continue  # the possessive country is part of the next actor
        if (
            nxt is not None
            and r.country is None
            and not r.pronoun
            and r.kind != "org"
            and nxt.kind == "country"
            and 0 < nxt.start_tok - r.end_tok <= 2
            and lowers[r.end_tok] in ("of", "in", "from", "aus", "in")
        ):
            r.country = nxt.country
        out.append(r)
    return out


def _actor(r: ActorRef, fallback_country: str | None) -> Actor:
    src = r.refers_to[0] if r.pronoun and r.refers_to else r
    country = src.country
    if country is None and src.kind in ("role", "person", "actor"):
        country = fallback_country  # a bare role ("die Polizei"): the event's country
    return Actor(
        text=r.text,
        start=r.start,
        end=r.end,
        name=src.name,
        country=country,
        sector=src.sector,
        code=src.code,
    )


def _actors(group: list[ActorRef], fallback: str | None) -> list[Actor]:
    out: list[Actor] = []
    for r in group:
        if r.pronoun and len(r.refers_to) > 1:
            out.extend(_actor(x, fallback) for x in r.refers_to)
        elif not r.pronoun or r.refers_to:
            out.append(_actor(r, fallback))
    return out


def _best(matches: list[TriggerMatch], lang: str) -> TriggerMatch:
    """The clause's event trigger: verbs before nouns; in English the first verb (later ones are
    complements: "threatened to impose"), in German the most specific pattern."""
    if lang == "en":
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
    ) -> list[Event]:
        text = view.text
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
            if self.dictionary is not None and lang == "en":
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
            _place_countries(refs, places.places, view, lo, hi)
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
                    and not (
                        view.lowers[m.head] in self.g.speech
                        and (len(m.tokens) == 1 or m.entry.rank == 0)
                    )
                    and not (lang == "en" and _noun_use(view.lowers, m, clause.start, self.g))
                    and not (lang == "en" and _name_use(view.texts, m, clause.start))
                    and not (lang == "en" and _mishap(view.lowers, m, clause, self.g))
                    and view.lowers[m.head] not in self.g.nontrigger
                    and _verb_case(view.texts, m, clause.start, lang)
                    and _particle_final(view, m, self.g)
                    and not (
                        view.lowers[m.head] in self.g.modal_threat
                        and _zu_infinitive(view.lowers, clause)
                    )  # "Die Krise droht zu eskalieren": a danger, not a threat
                    and not _attributive(view, m, clause.start, self.g)
                    and not (
                        len(m.tokens) == 1
                        and m.entry.rank == 0
                        and view.lowers[m.head] in self.g.no_bare
                    )
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
                    and _zu_infinitive(view.lowers, clause)
                ):
                    continue  # "forderte X auf, Luftangriffe zu fliegen": what was asked for
                if any(view.lowers[j] in self.g.speech for j in range(clause.start, clause.end)):
                    # "Auf die Frage nach der Entsendung ... erklärte sie": a topic, not an event
                    here = [
                        m
                        for m in here
                        if not (parse_frame(m.entry.frame).nominal and m.head in rf.prep_of)
                    ]
                    if not here:
                        continue
                ev_match = _best(here, lang)
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
            if self.g.lang == "en":
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
        between = len(target) > 1 and all(r.prep in BETWEEN for r in target)
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
            lang == "en" and len(m.tokens) == 1 and (e.rank == 0 or ptype in BILATERAL)
        )
        both = source and (target or (ptype in SYMMETRIC and len(source) > 1))  # "X and Y met"
        if generic and ptype not in STANDALONE and not both:
            return None  # a generic verb of the generated dictionary codes only X verb Y
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
            and lang == "de"
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
            if names_own and (own_clause or self.g.lang == "en"):
                ci = None  # "..., according to X": X, not the subject of the cue's clause
            if ci is not None:
                speaker = rf.subject(ci, tok)
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


DOMESTIC = frozenset({"PROTEST"})  # protests are by and against people of the place
# English verbs of meeting and visiting: a hand-written single verb also codes only X verb Y
BILATERAL = frozenset({"CONSULT"})
# types that are events without a named actor ("18 Menschen wurden verschleppt")
STANDALONE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def _domestic_defaults(ev: Event, loc: Location) -> None:
    """A protest without named actors: protesters of the place, against its authorities
    (actors without offsets: inferred, not read)."""
    name = loc.text or loc.name or _country_name(loc.country) or loc.country or ""
    if not ev.source:
        ev.source = [Actor(text=name, country=loc.country, sector="CVL")]
    if not ev.target:
        ev.target = [Actor(text=name, country=loc.country, sector="GOV")]


BETWEEN = frozenset({"zwischen", "between"})


def _source_fallback(
    fallback: str | None,
    loc: Location | None,
    target: list[ActorRef],
    places: ArticlePlaces,
    ptype: str,
) -> str | None:
    """The country of a bare-role source ("das Militär drohte Südkorea"): not the target's own
    country when it only comes from the article's main country; then the article's next one."""
    if fallback is None or (loc is not None and loc.start is not None) or ptype in INTERNAL:
        return fallback
    named = {r.country for r in target if r.country and not r.pronoun}
    if fallback not in named:
        return fallback
    return next((c for c in places.ranked if c not in named), fallback)


INTERNAL = frozenset({"PROTEST", "COERCE"})  # done by and to people of one country


def _within(a: Actor, lo: int, hi: int) -> bool:
    return a.start is not None and a.end is not None and lo <= a.start and a.end <= hi

# events whose zu-infinitive complement is their content, not an event of its own
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})


def _zu_infinitive(lowers: Sequence[str], clause: Clause) -> bool:
    """A German zu-infinitive clause (", Luftangriffe zu fliegen", ", einzufrieren")."""
    last = clause.end - 1
    while last > clause.start and not lowers[last][:1].isalnum():
        last -= 1
    return last > clause.start and (lowers[last - 1] == "zu" or "zu" in lowers[last][2:-3])


# types done to people of a place: without a named target, the people of the event's place
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
# types done together: "X und Y haben miteinander telefoniert" has X as source and Y as target
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_VICTIM_SECTORS = {"civilians": "CVL", "protesters": "CVL", "security forces": None}


def _victim_defaults(ev: Event, loc: Location | None, fallback: str | None) -> None:
    """An attack or coercion without a named target is against the people of its place ("Bei
    einem Anschlag in X starben 12 Menschen"); coercion (arrests, bans, sentences) is by the
    authorities of the place, against its people, unless the text says otherwise. Inferred
    actors have no offsets."""
    # a place the text names (clause, sentence, dateline), not the article's main country
    country = loc.country if loc is not None and loc.country and loc.start is not None else None
    if ev.type == "COERCE":
        country = country or (loc.country if loc is not None else None)
        country = country or fallback or next((a.country for a in ev.source if a.country), None)
    if country is None:
        return
    name = (
        (loc.text or loc.name if loc is not None and loc.country == country else None)
        or _country_name(country)
        or country
    )
    if not ev.target:
        sector = _VICTIM_SECTORS.get(ev.victims or "civilians", "CVL")
        ev.target = [Actor(text=name, country=country, sector=sector)]
    if not ev.source and ev.type == "COERCE":
        ev.source = [Actor(text=name, country=country, sector="GOV")]


def _victims_as_target(ev: Event, counted: list[tuple[int, int]]) -> None:
    """The counted dead or injured are victims, not attackers ("Bei einem Anschlag sind 30
    Menschen ums Leben gekommen": "Menschen" is the subject but the target)."""
    victims = [
        a
        for a in ev.source
        if a.start is not None and any(lo <= a.start <= hi + 1 for lo, hi in counted)
    ]
    if victims:
        ev.source = [a for a in ev.source if a not in victims]
        ev.target = ev.target or victims


def _counts_end(view: DocView, rf: RoleFinder, ci: int, c_hi: int) -> int:
    """English "11 were killed and dozens injured": the counts of the coordinated clauses
    that follow belong to the event."""
    if rf.g.lang != "en":
        return c_hi
    k = ci + 1
    while k < len(rf.clauses) and rf.clauses[k].after_conj and rf.clauses[k].marker is None:
        c_hi = view.ends[rf.clauses[k].end - 1]
        k += 1
    return c_hi


def _split_symmetric(ev: Event) -> None:
    """Coordinated parties of a joint act and no target: the first is the source, the others
    the target."""
    if ev.target or len(ev.source) < 2:
        return
    if len({a.country for a in ev.source}) < 2:
        return
    ev.source, ev.target = ev.source[:1], ev.source[1:]


def _particle_final(view: DocView, m: TriggerMatch, g: Grammar) -> bool:
    """A German separable particle ends its clause: "warf ihm Betrug vor", not "warfen Steine
    vor dem Gebäude" (there "vor" is a preposition)."""
    step, lowers = m.entry.steps[-1], view.lowers
    if len(m.tokens) < 2 or not step.gap or lowers[m.tokens[-1]] not in g.particle:
        return True
    p = m.tokens[-1]
    while p < len(lowers):  # "griff die Stadt an der Grenze an": the last "an" is the particle
        nxt = p + 1
        if nxt >= len(lowers):
            return True
        w = lowers[nxt]
        if not w[:1].isalnum() or w in g.conjunction or w in g.subordinator or w in g.clause_end:
            return True
        p = next((j for j in range(nxt, min(len(lowers), nxt + 12)) if step.test(lowers[j])), -1)
        if p < 0 or any(not lowers[j][:1].isalnum() for j in range(nxt, p)):
            return False
    return False


def _attributive(view: DocView, m: TriggerMatch, start: int, g: Grammar) -> bool:
    """A participle used as an adjective before its noun ("sechs inhaftierte Oppositionsführer",
    "ein festgenommener Student", "two injured workers") is no event."""
    if len(m.tokens) != 1 or parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    if g.lang == "en":  # "two injured workers", "the detained journalist"
        nxt = view.lowers[h + 1] if h + 1 < len(view.lowers) else ""
        prev = view.lowers[h - 1] if h > start else ""
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
    if g.lang != "de":
        return False
    if h == start or h + 1 >= len(view.texts) or not view.texts[h + 1][:1].isupper():
        return False
    word = view.lowers[h]
    if word.endswith(("ter", "tes", "tem", "ener", "enes", "enem")):
        return True  # never a finite verb
    prev = view.lowers[h - 1]
    return word.endswith(("te", "ten", "ene", "enen")) and (
        prev in g.determiner or prev in g.numeral or prev.isdigit()
    )


def _country_name(code: str | None) -> str | None:
    kb = knowledge_base()
    return kb.country_name(code) if kb is not None and code else None


def _verb_case(texts: Sequence[str], m: TriggerMatch, start: int, lang: str) -> bool:
    """Verbs are lower case: a capitalised verb trigger inside a clause is a noun or a name
    ("die Verletzte", "Bill de Blasio")."""
    if parse_frame(m.entry.frame).nominal:
        # German nouns are capitalised: "kämpfen", "bekämpfen" are no "*kämpfe" nouns
        return not (lang == "de" and texts[m.head][:1].islower())
    if m.head == start:  # a German finite verb never opens a clause: "Inhaftierte wollten"
        w = texts[m.head]
        return not (w[:1].isupper() and w.endswith(("te", "ten")) and len(m.tokens) == 1)
    if len(m.tokens) > 1 and not texts[m.tokens[-1]][:1].isupper():
        return True  # a pattern that ends in its verb: "Webseiten ... blockiert"
    return not texts[m.head][:1].isupper()


def _noun_use(lowers: Sequence[str], m: TriggerMatch, start: int, g: Grammar) -> bool:
    """An English verb trigger used as a noun: "the attack", "of air links"."""
    if parse_frame(m.entry.frame).nominal:
        return False
    h = m.head
    prev = lowers[h - 1] if h - 1 >= start else ""
    if prev == "to":  # an infinitive
        return False
    if h == start and lowers[h].endswith("ed"):  # "Ousted president X", "Backed by ..."
        return True
    if prev in g.determiner or prev in g.preposition or prev in ("'s", "\u2019s"):
        return True
    if h + 1 < len(lowers) and lowers[h + 1] in g.noun_head:
        return True  # "press officer", "search operation": a noun modifier
    prev2 = lowers[h - 2] if h - 2 >= start else ""
    word = lowers[h]
    return (
        not word.endswith("ed")
        and prev.isalpha()
        and prev not in g.pronoun
        and (prev2 in g.determiner or prev2 in g.preposition)
    )  # "its fisheries dispute"


def _name_use(texts: Sequence[str], m: TriggerMatch, start: int) -> bool:
    """An English trigger that is part of a name or a date: a capitalised noun inside its
    clause ("the Strike Force"), a capitalised word before a number ("March 28") or before
    another capitalised word ("Press TV said")."""
    if not texts[m.head][:1].isupper():
        return False
    nxt = texts[m.head + 1] if m.head + 1 < len(texts) else ""
    if nxt[:1].isdigit() or (nxt[:1].isupper() and len(m.tokens) == 1):
        return True  # "March 28", "Press TV said"
    return m.head > start and parse_frame(m.entry.frame).nominal


def _mishap(lowers: Sequence[str], m: TriggerMatch, clause: Clause, g: Grammar) -> bool:
    """English deaths in an accident, fire or illness ("a fire killed five", "died of
    cancer") are no assault."""
    if m.entry.type != "ASSAULT" or not g.mishap:
        return False
    for t in range(clause.start, clause.end):
        w = lowers[t]
        prev = lowers[t - 1] if t > 0 else ""
        if w in g.mishap and (
            w not in g.ambiguous_mishap or prev in g.determiner or prev in g.mishap_before
        ):
            return True
    return False


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


def _compatible(a: Event, b: Event) -> bool:
    def countries(xs: list[Actor]) -> set[str | None]:
        return {x.country for x in xs}

    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y and not countries(x) & countries(y):
            return False
    return True
