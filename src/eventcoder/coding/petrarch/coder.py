"""A shallow (parser-free, TABARI-style) dictionary pattern coder.

For each sentence: find actor and agent phrases, join agents to their actors ("Arnor police",
"police of Arnor"), group compound actors ("X and Y"), find dictionary verbs, try the verb's
patterns (first match wins, else the verb's default code), take the source from the clause
before the verb and the target after it (or from ``$``/``+``/``%`` in the pattern, or from a
passive "by"-phrase), and emit one event per source/target pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from eventcoder.coding.petrarch.actors import ActorDictionary
from eventcoder.coding.petrarch.agents import Agent, AgentDictionary
from eventcoder.coding.petrarch.discards import DiscardDictionary
from eventcoder.coding.petrarch.grammar import (  # noqa: F401 (re-exported)
    _G,
    AGENT_LINKS,
    ARTICLES,
    AUXILIARY_NEXT,
    BE_FORMS,
    BREAKS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    DISCARD_CODE,
    ELITE,
    FORMER,
    GAP_BREAKS,
    NOT_VERBS,
    NULL_CODES,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    SEGMENT_BREAKS,
)
from eventcoder.coding.petrarch.matching import PatternMatching
from eventcoder.coding.petrarch.tokens import Token, tokenize
from eventcoder.coding.petrarch.verbs import Pattern, VerbDictionary


@dataclass
class PatternEvent:
    """One coded event: dictionary event code, actor codes and character spans in the text."""

    code: str
    source_code: str
    target_code: str
    trigger: tuple[int, int]
    source: tuple[int, int]
    target: tuple[int, int]
    pattern: str | None = None  # the pattern text that matched, None for a verb's default code
    verb: str | None = None  # name of the verb entry (PETRARCH-2 block, TABARI verb)


@dataclass
class PatternActor:
    """An actor phrase found by the dictionaries: character span and actor code."""

    start: int
    end: int
    code: str


@dataclass
class _Mention:
    start: int
    end: int
    codes: list[str] | None = None  # actor codes (None for an agent)
    agent: Agent | None = None
    slots: list[list[Agent]] = field(default_factory=list)  # agents joined to this actor
    attached: bool = False
    lead: int | None = None  # first token of agents joined before this actor
    tail: int | None = None  # last token (exclusive) of agents joined after it


@dataclass
class _Unit:
    """An actor phrase (with its agents): token span and one or more codes."""

    start: int
    end: int
    codes: list[str]
    group: int = -1


@dataclass
class _Sentence:
    tokens: list[Token]
    units: list[_Unit]
    groups: list[list[_Unit]]
    covered: set[int]
    verbish: set[int]
    aside: set[int] = field(default_factory=set)  # tokens inside ", ... ," asides
    found: dict[int, list] = field(default_factory=dict)  # verb candidates by token
    words: set[str] = field(default_factory=set)  # all token texts
    inside: set[int] = field(default_factory=set)  # tokens between members of a compound
    by_start: dict[int, _Unit] = field(default_factory=dict)
    by_end: dict[int, _Unit] = field(default_factory=dict)


def combine(code: str, agents: Sequence[Agent]) -> str:
    """Actor code with agent codes added (prefix agents first; no 3-letter part twice)."""
    out = code
    for agent in agents:
        parts = [agent.code[i : i + 3] for i in range(0, len(agent.code), 3)]
        have = {out[i : i + 3] for i in range(0, len(out), 3)}
        new = "".join(p for p in parts if p not in have)
        out = new + out if agent.prefix else out + new
    return out


class PatternCoder(PatternMatching):
    """Codes sentences with PETRARCH/TABARI actor, agent, verb and discard dictionaries."""

    def __init__(
        self,
        *,
        actors: ActorDictionary | None = None,
        agents: AgentDictionary | None = None,
        verbs: VerbDictionary | None = None,
        discards: DiscardDictionary | None = None,
        transparent: Sequence[str] = (),
        one_sided: bool = False,
    ) -> None:
        self.actors = actors or ActorDictionary()
        # event codes (prefixes) that do not end a clause segment: "said (010) it would withdraw"
        self.transparent = tuple(transparent)
        # also code events with only a source or only a target (the other code is "", span (0, 0))
        self.one_sided = one_sided
        # PLOVER-style options (off for PETRARCH/TABARI behaviour):
        self.same_code = False  # "Sudan's army attacked Darfur": SDN -> SDN is an event
        self.chain_to = False  # "refused to meet": the verb after "to" is coded too
        self.strict_gaps = False  # pattern words after the verb stop at the next verb / "that"
        self.agents = agents or AgentDictionary()
        self.verbs = verbs or VerbDictionary()
        self.discards = discards

    # -- public -----------------------------------------------------------------------------

    def code_sentence(self, text: str, date: str | None = None) -> list[PatternEvent]:
        """Events of one sentence; ``date`` (ISO) resolves date-restricted actor codes."""
        return self.code_with_actors(text, date)[0]

    def code_with_actors(
        self, text: str, date: str | None = None, tokens: list[Token] | None = None
    ) -> tuple[list[PatternEvent], list[PatternActor]]:
        """Events and actor phrases of one sentence, from one analysis (``tokens``: the
        sentence already passed through ``tokenize``)."""
        tokens = tokenize(text) if tokens is None else tokens
        if not tokens or (self.discards and self.discards.first(tokens)):
            return [], []
        sent = self._analyse(tokens, date)
        if sent is None:
            return [], []
        actors = [
            PatternActor(tokens[u.start].start, tokens[u.end - 1].end, code)
            for u in sent.units
            for code in u.codes
        ]
        return self._code(tokens, sent), actors

    def _code(self, tokens: list[Token], sent: _Sentence) -> list[PatternEvent]:
        events: list[PatternEvent] = []
        seen: set[tuple[str, str, str]] = set()
        last_end: int | None = None  # end of the last verb that coded events
        weak: list[PatternEvent] = []  # codes marked "?" count only if nothing else codes
        for i in sorted(sent.verbish):
            if i + 1 < len(tokens) and tokens[i + 1].text in AUXILIARY_NEXT:
                continue  # an auxiliary: the next verb counts
            if last_end is not None and not any(
                t.text in SEGMENT_BREAKS for t in tokens[last_end:i]
            ) and not (self.chain_to and 0 < i - last_end <= 3 and tokens[i - 1].text == "TO"):
                continue  # one verb per clause segment ("abandoned efforts to stop")
            noun = i > 0 and tokens[i - 1].text in POSSESSIVES  # "its voice": patterns only
            coded = self._code_verb(sent, i, sent.found[i], noun)
            if coded is None:  # a discard code
                return []
            if coded and coded[0].code.endswith("?"):
                weak.extend(coded)
                continue
            if coded and not all(ev.code.startswith(self.transparent) for ev in coded):
                last_end = i + 1
            for ev in coded:
                key = (ev.source_code, ev.target_code, ev.code)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        if not events:
            for ev in weak:
                key = (ev.source_code, ev.target_code, ev.code)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        return events

    def actor_mentions(self, text: str, date: str | None = None) -> list[PatternActor]:
        """Actor phrases of ``text`` with their codes (agents joined: "Arnor police" ARNCOP)."""
        tokens = tokenize(text)
        sent = self._analyse(tokens, date) if tokens else None
        if sent is None:
            return []
        return [
            PatternActor(tokens[u.start].start, tokens[u.end - 1].end, code)
            for u in sent.units
            for code in u.codes
        ]

    # -- actors -------------------------------------------------------------------------------

    def _analyse(self, tokens: list[Token], date: str | None) -> _Sentence | None:
        mentions: list[_Mention] = []
        i = 0
        while i < len(tokens):
            actor = self.actors.find(tokens, i)
            agent = self.agents.find(tokens, i)
            if actor and (not agent or actor[0] >= agent[0]):
                code = actor[1].code_on(date)
                if code == DISCARD_CODE:
                    return None
                if code and code not in NULL_CODES:
                    mentions.append(_Mention(i, i + actor[0], codes=code.split("/")))
                i += actor[0]
            elif agent:
                mentions.append(_Mention(i, i + agent[0], agent=agent[1]))
                i += agent[0]
            else:
                i += 1
        covered = {k for m in mentions for k in range(m.start, m.end)}
        found = {}
        for k in range(len(tokens)):
            if k not in covered:
                cands = self.verbs.find(tokens, k)  # cheap for non-verbs: checked first
                if cands and self._can_be_verb(tokens, k, covered):
                    found[k] = cands
        verbish = set(found)
        self._attach_agents(tokens, mentions, verbish)
        units = self._units(tokens, mentions, verbish)
        groups = self._groups(tokens, units, verbish)
        commas = [k for k, t in enumerate(tokens) if t.text == ","]
        aside = {k for a, b in zip(commas, commas[1:], strict=False) for k in range(a, b)}
        sent = _Sentence(tokens, units, groups, covered, verbish, aside, found)
        sent.words = {t.text for t in tokens}
        sent.inside = {
            k for g in groups for a, b in zip(g, g[1:], strict=False) for k in range(a.end, b.start)
        }
        sent.by_start = {u.start: u for u in units}
        sent.by_end = {u.end: u for u in units if u.start not in aside}
        return sent

    @staticmethod
    def _between_ok(tokens: list[Token], a: int, b: int, verbish: set[int], limit: int) -> bool:
        """Only filler words (no clause/conjunction/preposition/verb) in tokens[a:b]."""
        if b - a > limit:
            return False
        return all(tokens[k].text not in BREAKS and k not in verbish for k in range(a, b))

    def _attach_agents(self, tokens, mentions: list[_Mention], verbish: set[int]) -> None:
        actors = [m for m in mentions if m.codes]
        agents = [m for m in mentions if m.agent]
        chains: list[list[_Mention]] = []  # coordinated agents: "lawmakers and officials"
        for m in agents:
            prev = chains[-1][-1] if chains else None
            if (
                prev
                and all(t.text in CONJUNCTIONS for t in tokens[prev.end : m.start])
                and (m.start > prev.end)
            ):
                chains[-1].append(m)
            else:
                chains.append([m])
        for chain in chains:
            first, last = chain[0], chain[-1]
            slot = [m.agent for m in chain if m.agent]
            targets = self._agent_targets(tokens, first, last, actors, verbish)
            former = first.start > 0 and tokens[first.start - 1].text == FORMER
            for actor in targets:
                if former or (actor.start > 0 and tokens[actor.start - 1].text == FORMER):
                    slot = [ELITE]
            for actor in targets:
                actor.slots.append(slot)
            if targets and first.start < targets[0].start:
                targets[0].lead = min(targets[0].lead or first.start, first.start)
            elif targets:
                targets[0].tail = max(targets[0].tail or last.end, last.end)
            if targets:
                for m in chain:
                    m.attached = True

    def _agent_targets(self, tokens, first, last, actors, verbish) -> list[_Mention]:
        j = last.end
        if j < len(tokens) and tokens[j].text in AGENT_LINKS:
            j += 1
            while j < len(tokens) and tokens[j].text in DETERMINERS:
                j += 1
            head = next((a for a in actors if a.start == j), None)
            if head:
                return self._actor_list(tokens, head, actors)
        before = [a for a in actors if a.end <= first.start]
        if before and self._between_ok(tokens, before[-1].end, first.start, verbish, 3):
            return [before[-1]]
        after = [a for a in actors if a.start >= last.end]
        if after and self._between_ok(tokens, last.end, after[0].start, verbish, 2):
            return [after[0]]
        return []

    @staticmethod
    def _actor_list(tokens, head: _Mention, actors: list[_Mention]) -> list[_Mention]:
        """``head`` and the actors coordinated with it ("Arnor, Osgiliath and Gondor")."""
        out = [head]
        rest = [a for a in actors if a.start >= head.end]
        for a in rest:
            gap = [t.text for t in tokens[out[-1].end : a.start]]
            if gap and all(w in CONJUNCTIONS or w in DETERMINERS for w in gap):
                out.append(a)
            else:
                break
        return out

    def _units(self, tokens, mentions: list[_Mention], verbish) -> list[_Unit]:
        units: list[_Unit] = []
        for m in mentions:
            if m.codes:
                start, end = min(m.start, m.lead or m.start), max(m.end, m.tail or m.end)
                if units and units[-1].end <= start and self._name_gap(tokens, units[-1], start):
                    prev = units[-1]  # one noun phrase: "Dagolath's Deputy Prime Minister Telemar"
                    prev.end = end
                    if not m.slots and all(
                        c.startswith(prev.codes[0]) and len(c) > len(prev.codes[0]) for c in m.codes
                    ):
                        prev.codes = list(m.codes)  # "Chinese President Xi": CHN -> CHNGOV
                    continue
                codes = list(m.codes)
                for slot in m.slots:
                    codes = [combine(c, [a]) for c in codes for a in slot]
                units.append(_Unit(start, end, codes))
            elif m.agent and not m.attached:
                units.append(_Unit(m.start, m.end, ["~" + m.agent.code]))
        return units

    @staticmethod
    def _name_gap(tokens, prev: _Unit, start: int) -> bool:
        """Only names and possessives between two actors: one noun phrase."""
        gap = tokens[prev.end : start]
        return (
            len(gap) <= 3
            and not prev.codes[0].startswith("~")
            and all((t.title and t.text not in BREAKS) or t.text == "'S" for t in gap)
        )

    def _groups(self, tokens, units: list[_Unit], verbish) -> list[list[_Unit]]:
        groups: list[list[_Unit]] = []
        for u in units:
            if groups:
                prev = groups[-1][-1]
                gap = [t.text for t in tokens[prev.end : u.start]]
                if (
                    gap
                    and len(gap) <= 5
                    and any(w in CONJUNCTIONS for w in gap)
                    and all(
                        w in CONJUNCTIONS or (w not in BREAKS and k not in verbish)
                        for k, w in enumerate(gap, start=prev.end)
                    )
                ):
                    u.group = len(groups) - 1
                    groups[-1].append(u)
                    continue
            u.group = len(groups)
            groups.append([u])
        return self._trim_appositions(tokens, groups)

    @staticmethod
    def _trim_appositions(tokens, groups: list[list[_Unit]]) -> list[list[_Unit]]:
        """A list ends with a real conjunction: "X and Y, the Z newspaper" is not X, Y, Z."""
        out: list[list[_Unit]] = []
        for group in groups:
            tail: list[list[_Unit]] = []
            while len(group) > 1 and not any(
                t.text in {"AND", "OR", "NOR", "&"} for t in tokens[group[-2].end : group[-1].start]
            ):
                tail.insert(0, [group.pop()])
            out.append(group)
            out.extend(tail)
        for n, group in enumerate(out):
            for u in group:
                u.group = n
        return out

    # -- verbs ---------------------------------------------------------------------------------

    @staticmethod
    def _can_be_verb(tokens: list[Token], i: int, covered: set[int] = frozenset()) -> bool:
        """Not a noun ("an attack", "a brief private visit"), not a capitalised name."""
        if tokens[i].text in NOT_VERBS:
            return False
        if i == 0 and tokens[0].text.endswith("ED") and (
            len(tokens) > 1 and (tokens[1].title or 1 in covered)
        ):
            return False  # "Ousted President X": a participle used as an adjective
        k = i - 1
        while k >= 0 and i - k <= 4:
            word = tokens[k].text
            if word in ARTICLES:
                return False
            if word in BREAKS or word in BE_FORMS or k in covered or not word.isalpha():
                break
            if tokens[k].title and k > 0:  # a name ends the noun phrase: "the Brown called"
                break
            k -= 1
        if i > 0 and tokens[i].title and tokens[i - 1].text not in {'"', "("}:
            return not any(t.text.isalpha() and not t.title for t in tokens)
        return True

    def _bounds(self, sent: _Sentence, start: int, end: int) -> tuple[int, int]:
        """Clause around the verb tokens [start, end): (first token, end for the target)."""
        toks = sent.tokens
        lo = start
        while lo > 0 and toks[lo - 1].text not in CLAUSE_WORDS:
            lo -= 1
        hi = end
        while hi < len(toks) and toks[hi].text not in CLAUSE_WORDS:
            if toks[hi].text == "," and (
                hi + 1 >= len(toks) or toks[hi + 1].text in DETERMINERS | CLAUSE_WORDS
            ):
                break
            hi += 1
        return lo, hi

    def _code_verb(
        self, sent: _Sentence, i: int, candidates, noun: bool = False
    ) -> list[PatternEvent] | None:
        start, end = candidates[0][0], candidates[0][1]
        code: str | None = None
        binds: dict[str, _Unit] = {}
        matched: Pattern | None = None
        verb = candidates[0][3].name
        for vstart, vend, _form, entry in candidates:
            lo, hi = self._bounds(sent, vstart, vend)
            for pattern in entry.possible(sent.words):
                if noun and not pattern.before:
                    continue
                b = self._match(sent, pattern, vstart, vend, lo, hi)
                if b is None or pattern.code == "+++":
                    continue
                code, binds, matched, start, end = pattern.code, b, pattern, vstart, vend
                verb = entry.name
                break
            if matched:
                break
        if matched is None and noun:
            return []
        if matched is None:
            for _vstart, _vend, form, entry in candidates:
                code, verb = form.code or entry.code, entry.name
                if code and code != "+++":
                    break
        if code == DISCARD_CODE:
            return None
        if not code or code in NULL_CODES:
            return []
        events = self._events(sent, start, end, code, binds, matched)
        for ev in events:
            ev.verb = verb
        return events

    def _events(self, sent, start, end, code, binds, matched) -> list[PatternEvent]:
        lo, hi = self._bounds(sent, start, end)
        groups = sent.groups
        used = {u.group for u in binds.values()}
        compound = binds.get("compound")
        src_unit = binds.get("source")
        tgt_unit = binds.get("target")
        if compound is not None:
            if matched.tabari or compound.start < start:
                src_unit = src_unit or compound
            else:
                tgt_unit, compound = tgt_unit or compound, None
        src = groups[src_unit.group] if src_unit else None
        tgt = groups[tgt_unit.group] if tgt_unit else None
        passive = self._passive_by(sent, start, end, hi)
        if src is None and tgt is None and passive is not None:
            src = groups[passive.group]
            used.add(passive.group)
            tgt = self._first_group(sent, lo, start, used)
        if src is None:  # the subject of this segment ("..., and Y condemned"), else the clause's
            seg = start
            while seg > lo and (
                sent.tokens[seg - 1].text not in SEGMENT_BREAKS or seg - 1 in sent.inside
            ):
                seg -= 1
            src = self._first_group(sent, seg, start, used)
            if src is None or src[0].codes[0].startswith("~"):
                src = self._first_group(sent, lo, start, used)
            if src:
                used.add(src[0].group)
        if tgt is None:
            tgt = self._first_group(sent, end, hi, used)
        if src is None and tgt is not None:  # nothing before the verb: the next actor after it
            used.add(tgt[0].group)
            src = self._first_group(sent, end, hi, used)
        trigger = (sent.tokens[start].start, sent.tokens[end - 1].end)
        pattern = matched.text if matched else None
        fwd, _, back = code.partition(":")
        pairs: list[tuple[_Unit, _Unit]] = []
        if src and tgt:
            pairs = [(s, t) for s in src for t in tgt]
        elif src and len(src) > 1 and (compound or back):
            pairs = [(s, t) for s in src for t in src if s is not t]
            back = ""
        elif self.one_sided and src:
            return [self._event(sent, fwd, u.codes[0], "", u, None, trigger, pattern) for u in src]
        elif self.one_sided and tgt:
            return [self._event(sent, fwd, "", u.codes[0], None, u, trigger, pattern) for u in tgt]
        events = []
        for s, t in pairs:
            for sc in s.codes:
                for tc in t.codes:
                    if sc == tc and (s is t or not self.same_code):
                        continue
                    events.append(self._event(sent, fwd, sc, tc, s, t, trigger, pattern))
                    if back:
                        events.append(self._event(sent, back, tc, sc, t, s, trigger, pattern))
        return events

    @staticmethod
    def _event(sent, code, sc, tc, s: _Unit | None, t: _Unit | None, trigger, pattern):
        toks = sent.tokens
        return PatternEvent(
            code,
            sc,
            tc,
            trigger,
            (toks[s.start].start, toks[s.end - 1].end) if s else (0, 0),
            (toks[t.start].start, toks[t.end - 1].end) if t else (0, 0),
            pattern,
        )

    @staticmethod
    def _first_group(sent: _Sentence, lo: int, hi: int, used: set[int]) -> list[_Unit] | None:
        for u in sent.units:
            if lo <= u.start < hi and u.group not in used:
                return sent.groups[u.group]
        return None

    @staticmethod
    def _passive_by(sent: _Sentence, start: int, end: int, hi: int) -> _Unit | None:
        toks = sent.tokens
        k = start - 1
        while k >= 0 and toks[k].text.endswith("LY"):
            k -= 1
        if k < 0 or toks[k].text not in BE_FORMS:
            return None
        for j in range(end, min(hi, len(toks) - 1)):
            if toks[j].text == "BY":
                unit = next((u for u in sent.units if u.start in (j + 1, j + 2)), None)
                if unit:
                    return unit
        return None
