"""Roles from a dependency parse (``en_coder="parse"``): the accurate, slower English mode.

The lexicon path finds triggers, actors and clauses as always; this helper parses each
sentence that has a trigger with the shipped tagger+parser (``eventcoder/models/``, loaded by
:func:`eventcoder.language.parse.load_parser`) and answers who is source and target from the
tree: ``nsubj`` acts; ``obj``/``iobj`` and the obliques the trigger's frame names ("with",
"against", "on" …) are targets; a passive (``nsubj:pass``) is the target and ``obl:agent``
("by X") the source; coordinated subjects ("the US and Britain struck") are one event per
actor. Several events per sentence are kept when their triggers are coordinated verbs of the
main clause ("attacked the town and arrested ten"). Where the parse finds nobody, the
word-order role finder answers.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from eventcoder.coding.doc import DocView
from eventcoder.coding.roles import ActorRef, Frame, RoleFinder
from eventcoder.language import data
from eventcoder.language.base import Language
from eventcoder.model import Event

CODER = "parse"
# dependents that are not part of an actor's phrase (their own clauses, lists, punctuation)
_OUTSIDE = frozenset(
    {"conj", "cc", "acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "dep"}
)
_SUBJECT = ("nsubj",)
_PASSIVE_SUBJECT = ("nsubj:pass",)
_OBJECT = ("obj", "iobj")
_OBLIQUE = ("obl", "nmod", "obl:agent")
# a verb without a subject of its own takes its governor's ("agreed to withdraw",
# "met X and signed", "..., killing five")
_INHERIT = frozenset({"xcomp", "conj", "advcl", "acl"})


@dataclass(frozen=True)
class Roles:
    """Actor tokens the parse names for one trigger (token indexes of the sentence doc)."""

    source: tuple[int, ...]
    target: tuple[int, ...]


def _case(tok: Token) -> str | None:
    """The preposition of an oblique or nominal modifier ("with" in "with Iran")."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return c.lower_
    return None


def _with_conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_with_conjuncts(c))
    return out


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj:pass", "aux:pass", "csubj:pass") for c in verb.children)


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in _SUBJECT]
    if subj:
        return _with_conjuncts(subj[0])
    if depth < 3 and verb.dep_ in _INHERIT and verb.head is not verb:
        if verb.dep_ == "acl:relcl":
            return [verb.head]
        if verb.dep_ == "xcomp":  # object control: "urged Iran to stop"
            obj = [c for c in verb.head.children if c.dep_ in _OBJECT]
            if obj:
                return _with_conjuncts(obj[0])
        return _subjects(verb.head, depth + 1)
    if verb.dep_ == "acl:relcl":
        return [verb.head]
    return []


def tree_roles(
    doc: Doc, i: int, frame: Frame, death: bool = False, violence: frozenset[str] = frozenset()
) -> Roles:
    """Source and target tokens for the trigger token ``doc[i]`` under ``frame``; ``death``: a
    verb of dying ("died in police firing", "killed in an army attack"): its subject is the
    victim (target), the actor of the violence (``violence`` words) in its oblique the
    source."""
    tok = doc[i]
    if death and tok.pos_ in ("VERB", "AUX"):
        victims = [c for c in tok.children if c.dep_ in _SUBJECT + _PASSIVE_SUBJECT]
        killers: list[Token] = []
        for c in tok.children:
            if c.dep_ not in _OBLIQUE or _case(c) not in ("in", "by", "from", "during"):
                continue
            if c.dep_ == "obl:agent" or any(
                k.dep_ in ("acl", "compound", "amod") and k.lower_ in violence for k in c.children
            ):
                killers.append(c)  # "by soldiers", "in police firing" (parsed "police" + acl)
            elif c.lower_ in violence:
                killers.extend(
                    k for k in c.children if k.dep_ in ("compound", "nmod:poss", "amod")
                )  # "in an army attack"
        return Roles(tuple(t.i for t in killers), tuple(t.i for t in victims))
    preps = {s for s in frame.target if s not in ("obj", "dat", "subj", "gen", "comp", "none")}
    src_preps = {s for s in frame.source if s not in ("obj", "subj", "gen", "speaker", "none")}
    source: list[Token] = []
    target: list[Token] = []
    if tok.pos_ in ("NOUN", "PROPN") and frame.nominal:
        for c in tok.children:
            case = _case(c)
            if c.dep_ in ("nmod:poss", "compound") or (c.dep_ == "nmod" and case == "by"):
                source.append(c)
            elif c.dep_ == "nmod" and case in preps | {"on", "against"}:
                target.extend(_with_conjuncts(c))
        if not source and tok.dep_ == "obj":  # "held a rally", "launched an attack"
            source = _subjects(tok.head)
        return Roles(tuple(t.i for t in source), tuple(t.i for t in target))
    verb = tok
    passive = _is_passive(verb)
    if passive and not frame.keep:
        for c in verb.children:
            if c.dep_ == "obl:agent" or (c.dep_ == "obl" and _case(c) == "by"):
                source.extend(_with_conjuncts(c))
            elif c.dep_ in _PASSIVE_SUBJECT:
                target.extend(_with_conjuncts(c))
    else:
        if passive:  # "troops were deployed": the subject stays the source (frame "keep")
            source = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT]
        source = source or _subjects(verb)
        for c in verb.children:
            if c.dep_ in _OBJECT and ("obj" in frame.target or "dat" in frame.target):
                target.extend(_with_conjuncts(c))
    for c in verb.children:
        if c.dep_ in _OBLIQUE and c.dep_ != "obl:agent":
            case = _case(c)
            if case in preps:
                target.extend(_with_conjuncts(c))
            elif case in src_preps and not source:
                source.extend(_with_conjuncts(c))
    return Roles(tuple(t.i for t in source), tuple(t.i for t in target))


def phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of a token's phrase without its clauses and conjuncts."""
    lo, hi = tok.idx, tok.idx + len(tok.text)
    stack = [c for c in tok.children if c.dep_ not in _OUTSIDE]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.idx), max(hi, t.idx + len(t.text))
        stack.extend(c for c in t.children if c.dep_ not in _OUTSIDE)
    return lo, hi


class ParseRoles:
    """The parse helper one :class:`~eventcoder.coding.events.ArticleCoder` holds."""

    name = CODER
    refines = True  # a role helper for the lexicon path, not a replacement of it

    def __init__(self, nlp: Any, language: Language) -> None:
        self.nlp = nlp
        self.language = language
        self._heads: dict[int, int] = {}
        self._coord: set[int] = set()  # trigger tokens coordinated with a clause's main one
        classes = data.word_classes(language, "grammar.tsv")
        self.death = classes.get("death", frozenset())
        self.violence = classes.get("violence", frozenset())

    def parse(self, view: DocView, lo: int, hi: int) -> tuple[Doc, int]:
        """The sentence ``[lo, hi)`` parsed on the coder's own tokens; its first token index."""
        ts, te = view.tok_at(lo), view.tok_end(hi)
        words, spaces, keep = [], [], []
        for t in range(ts, te):
            w = view.texts[t]
            if not w.strip():
                continue
            words.append(w)
            nxt = view.idx[t + 1] if t + 1 < len(view.idx) else view.ends[t]
            spaces.append(nxt > view.ends[t])
            keep.append(t)
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        # character offsets of the article on every token: idx is relative to the doc text
        doc.user_data["offsets"] = [(view.idx[t], view.ends[t]) for t in keep]
        doc.user_data["tokens"] = keep
        return doc, ts

    def finder(
        self, rf: RoleFinder, view: DocView, lo: int, hi: int, refs: Sequence[ActorRef]
    ) -> ParsedFinder:
        return ParsedFinder(rf, self, view, lo, hi, list(refs))

    def coordinated(self, rf: Any, main: Any, here: Sequence[Any]) -> list[Any]:
        """Verb triggers of the clause coordinated with the main one ("Israel struck Gaza and
        Hamas fired rockets"): events of their own."""
        if not isinstance(rf, ParsedFinder):
            return []
        t0 = rf.token(main.head)
        if t0 is None:
            return []
        out = []
        for m in here:
            t = rf.token(m.head) if m is not main else None
            if t is not None and t.pos_ in ("VERB", "AUX") and _coordinated(t0, t):
                out.append(m)
                self._coord.add(m.head)
        return out

    def note(self, ev: Event, head: int) -> None:
        """Remember the trigger token of an event (for :meth:`main_events`)."""
        self._heads[id(ev)] = head

    def main_events(
        self, found: list[tuple[Any, ...]], rf: Any, ctxs: dict[int, Any]
    ) -> list[tuple[Any, ...]]:
        """The first verb's event, the events of verbs coordinated with it, and one event per
        actor of a coordinated subject; a noun event only when no verb codes. ``ctxs``: the
        coder's context per event id (a twin gets a copy of its event's)."""
        heads = self._heads
        verbal = [x for x in found if not x[2]]
        if not verbal or not isinstance(rf, ParsedFinder):
            out = verbal[:1] or found[:1]
        else:
            first = verbal[0]
            out = [first]
            t0 = rf.token(heads.get(id(first[0]), -1))
            rest = [x for x in found if x is not first
                    and (not x[2] or heads.get(id(x[0])) in self._coord)]
            for x in rest:
                t = rf.token(heads.get(id(x[0]), -1))
                if t0 is not None and t is not None and _coordinated(t0, t):
                    if all(x[0].type != y[0].type or _other_actors(x[0], y[0]) for y in out):
                        out.append(x)
        self._heads, self._coord = {}, set()
        return [y for x in out for y in _per_actor(x, ctxs)]


def _verb_of(tok: Token) -> Token:
    """The verb whose clause a trigger word is in ("tear" of "fired tear gas" -> "fired")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok or tok.dep_ in _OUTSIDE:
            return tok
        tok = tok.head
    return tok


def _coordinated(a: Token, b: Token) -> bool:
    """``b``'s verb is coordinated with ``a``'s ("attacked ... and arrested")."""
    a, b = _verb_of(a), _verb_of(b)
    return (b.dep_ == "conj" and b.head == a) or (a.dep_ == "conj" and a.head == b) or (
        a.dep_ == b.dep_ == "conj" and a.head == b.head
    )


def _other_actors(a: Event, b: Event) -> bool:
    ca = {x.country for x in a.source + a.target}
    cb = {x.country for x in b.source + b.target}
    return ca != cb


def _per_actor(x: tuple[Any, ...], ctxs: dict[int, Any]) -> list[tuple[Any, ...]]:
    """One event per source actor of another country ("the US and Britain struck")."""
    ev = x[0]
    read = [a for a in ev.source if a.start is not None and a.country]
    countries = list(dict.fromkeys(a.country for a in read))
    if len(countries) < 2 or ev.type in ("CONSULT", "AGREE", "COOPERATE"):
        return [x]
    out = []
    for c in countries:
        twin = Event.from_dict(ev.to_dict())
        twin.source = [a for a in twin.source if a.country == c]
        ctxs[id(twin)] = copy.copy(ctxs[id(ev)])
        out.append((twin, *x[1:]))
    return out


class ParsedFinder:
    """A :class:`RoleFinder` whose ``fill`` asks the parse first (everything else is the
    word-order finder's)."""

    def __init__(
        self,
        rf: RoleFinder,
        owner: ParseRoles,
        view: DocView,
        lo: int,
        hi: int,
        refs: list[ActorRef],
    ) -> None:
        self._rf = rf
        self._owner = owner
        self._view = view
        self._span = (lo, hi)
        self._refs = refs
        self._doc: Doc | None = None
        self._by_tok: dict[int, int] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rf, name)

    @property
    def doc(self) -> Doc:
        if self._doc is None:
            self._doc, _ = self._owner.parse(self._view, *self._span)
            self._by_tok = {t: i for i, t in enumerate(self._doc.user_data["tokens"])}
        return self._doc

    def token(self, view_tok: int) -> Token | None:
        doc = self.doc
        i = self._by_tok.get(view_tok)
        return doc[i] if i is not None else None

    def _ref(self, tok: Token, ci: int, head: int) -> ActorRef | None:
        offsets = self.doc.user_data["offsets"]
        d_lo, d_hi = phrase_span(tok)
        # doc-relative characters -> article characters
        first = min(t.i for t in tok.subtree if t.idx >= d_lo)
        last = max(t.i for t in tok.subtree if t.idx + len(t.text) <= d_hi)
        lo, hi = offsets[first][0], offsets[last][1]
        t_lo, t_hi = offsets[tok.i]
        inside = [r for r in self._refs if lo <= r.start and r.end <= hi]
        if not inside:
            return None
        own = [r for r in inside if r.start <= t_lo and t_hi <= r.end]
        best = own[0] if own else inside[-1]
        if best.country is None:
            best = next((r for r in inside if r.country), best)
        if best.pronoun:
            resolved = [r for r in self._rf.subject(ci, head) if r.start_tok == best.start_tok]
            if resolved:
                return resolved[0]
            return best if best.refers_to else None
        return best

    def fill(
        self, ci: int, head: int, frame: Frame, passive: bool, last: int | None = None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        base = self._rf.fill(ci, head, frame, passive, last)
        tok = self.token(head)
        if tok is None or "speaker" in frame.source:
            return base
        death = self._view.lowers[head] in self._owner.death
        roles = tree_roles(self.doc, tok.i, frame, death, self._owner.violence)
        source = _unique(self._ref(self.doc[i], ci, head) for i in roles.source)
        taken = {id(r) for r in source}
        target = [r for r in _unique(self._ref(self.doc[i], ci, head) for i in roles.target)
                  if id(r) not in taken]
        if not source and not target:
            return base
        # a side the parse names no known actor for keeps the word-order reading ("struck
        # Gaza": a place stands for its country there; filtering it by the tree's attachment
        # lost more than it gained on plover-gsr)
        return source or base[0], target or [r for r in base[1] if id(r) not in taken]


def _unique(refs: Any) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if r is not None and all(r is not o for o in out):
            out.append(r)
    return out
