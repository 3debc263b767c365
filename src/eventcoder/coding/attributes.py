"""Event attributes from the attribute helpers (numbers, dates, factuality, confidence).

The helpers live in :mod:`eventcoder.coding.numbers`, ``temporal`` and ``factuality``; when one
is not installed the attribute stays empty (the engine still codes events). The components
``numbers``, ``dates`` and ``factuality`` (:mod:`eventcoder.coding.components`) call these
functions with each event's :class:`~eventcoder.coding.doc.EventContext`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

try:  # pragma: no cover - depends on the installed helper modules
    from eventcoder.coding.numbers import find_casualties
except ImportError:  # pragma: no cover
    find_casualties = None  # type: ignore[assignment]
try:  # pragma: no cover
    from eventcoder.coding.temporal import find_dates
except ImportError:  # pragma: no cover
    find_dates = None  # type: ignore[assignment]
try:  # pragma: no cover
    from eventcoder.coding.factuality import assess_factuality
except ImportError:  # pragma: no cover
    assess_factuality = None  # type: ignore[assignment]

from eventcoder.coding.defaults import _within
from eventcoder.coding.doc import DocView, EventContext
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.refs import _actor
from eventcoder.coding.tokenizer import pieces, word_spans
from eventcoder.model import Actor, Event

log = logging.getLogger(__name__)

NUMBER_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
ATTRIBUTED = frozenset({"reported", "rumored", "announced"})  # labels that name who says so


def article_dates(
    text: str, lang: str, published: str | None, tokens: Sequence[Any] | None = None
) -> list[Any]:
    if find_dates is None:
        return []
    try:
        return sorted(find_dates(text, lang, published, tokens), key=lambda d: d.start)
    except Exception:  # noqa: BLE001 - a helper bug must not stop coding; it is logged
        log.warning("date finder failed on a %s text; no dates read", lang, exc_info=True)
        return []


class SentenceDates:
    """Date mentions per sentence, read on first use (only sentences with an event need them);
    offsets are into the article text."""

    def __init__(self, view: DocView, lang: str, published: str | None) -> None:
        self.view, self.lang, self.published = view, lang, published
        self._cache: dict[tuple[int, int], list[Any]] = {}

    def of(self, lo: int, hi: int) -> list[Any]:
        hit = self._cache.get((lo, hi))
        if hit is None:
            tokens = [(a - lo, b - lo, k) for a, b, k in pieces(self.view, lo, hi)]
            hit = self._cache[(lo, hi)] = [
                replace(d, start=d.start + lo, end=d.end + lo)
                for d in article_dates(self.view.text[lo:hi], self.lang, self.published, tokens)
            ]
        return hit


def set_date(
    ev: Event, dates: Sequence[Any], sentence: tuple[int, int], head: int, published: str | None
) -> None:
    """The date mention of the event's sentence nearest to the trigger, else the publication date."""
    lo, hi = sentence
    inside = [d for d in dates if lo <= d.start < hi and d.date]
    if inside:
        best = min(inside, key=lambda d: abs(d.start - head))
        ev.date, ev.date_precision = best.date, best.precision
    elif published:
        ev.date, ev.date_precision = published[:10], "day"


def set_numbers(
    ev: Event, view: DocView, lang: str, span: tuple[int, int]
) -> list[tuple[int, int]]:
    """Casualty counts of the event's clause; returns the spans of the counts ("35 Menschen")."""
    if find_casualties is None or ev.type not in NUMBER_TYPES:
        return []
    try:
        c = find_casualties(view.text, lang, span[0], span[1], view=view)
    except Exception:  # noqa: BLE001 - a helper bug must not stop coding; it is logged
        log.warning("casualty counter failed on a %s clause; no counts read", lang,
                    exc_info=True)
        return []
    ev.dead, ev.injured, ev.arrested = c.dead, c.injured, c.arrested
    ev.dead_text, ev.injured_text, ev.arrested_text = c.dead_text, c.injured_text, c.arrested_text
    ev.victims = c.victims
    return c.spans


def factuality(
    view: DocView,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    lang: str,
    context_before: str,
) -> Any | None:
    """The factuality verdict for a trigger (article offsets; the verdict's offsets are into
    the sentence), or None. The sentence's words come from the article's token view."""
    if assess_factuality is None:
        return None
    lo, hi = sentence
    tokens = [(a - lo, b - lo) for a, b in word_spans(view, lo, hi)]
    try:
        return assess_factuality(
            view.text[lo:hi],
            trigger[0] - lo,
            trigger[1] - lo,
            lang,
            context_before=context_before,
            tokens=tokens,
        )
    except Exception:  # noqa: BLE001 - a helper bug must not stop coding; it is logged
        log.warning("factuality failed on a %s sentence; left unassessed", lang, exc_info=True)
        return None


def confidence(ev: Event, ctx: EventContext) -> float:
    """0.4, plus 0.2 for a source and for a target read in the text (not inferred), 0.1 for
    a pattern of several words and 0.1 for a verb trigger."""
    return round(
        0.4
        + 0.2 * any(a.start is not None for a in ev.source)
        + 0.2 * any(a.start is not None for a in ev.target)
        + 0.1 * (ctx.steps > 1)
        + 0.1 * (not ctx.nominal),
        2,
    )


def set_factuality(ev: Event, ctx: EventContext, view: DocView, lang: str, g: Grammar) -> None:
    """Factuality label and who says so (``attributed_to``) of one event; the attribution
    is neither source nor target ("laut X"). Lexicon events ask the sentence's role finder
    for the speaker; a sentence coder's asserted event takes the cue's label."""
    if ctx.coder == "sentence" and ctx.trigger is not None:
        if ev.factuality == "asserted":
            _sentence_coder_factuality(ev, ctx, view, lang)
        return
    if ctx.coder != "lexicon" or ctx.head is None or ctx.finder is None:
        return
    sentence, head = ctx.sentence, ctx.head
    trigger = (view.idx[head], view.ends[head])
    f = factuality(view, sentence, trigger, lang, ctx.prev_text)
    if (
        f is not None
        and f.label == "negated"
        and ctx.nominal
        and g.language.local_nominal_negation
        and f.cue_start is not None
        and not 0 < head - view.tok_at(f.cue_start + sentence[0]) <= 3
    ):
        # "Nach den Anschlägen ... sind nicht alle Fragen geklärt": the verb is negated,
        # a noun event only by a word right before it ("keine Angriffe")
        f = None
    if f is not None:
        _attribute(ev, f, sentence[0], view, ctx, g)
        said = ev.attributed_to
        cue_word = view.lowers[view.tok_at(f.cue_start + sentence[0])] if f.cue else ""
        if said is not None and f.source_start is not None and cue_word in g.attribution:
            # "X zufolge", "laut X": who says so is neither source nor target
            lo, hi = f.source_start + sentence[0], f.source_end + sentence[0]
            ev.source = [a for a in ev.source if not _within(a, lo, hi)]
            ev.target = [a for a in ev.target if not _within(a, lo, hi)]
        if ev.factuality == "asserted" and f.label == "reported" and ctx.clause is not None:
            # the speaker reports their own act: what the clause itself says counts
            own = factuality(view, (ctx.clause[0], sentence[1]), trigger, lang, "")
            if own is not None and own.label not in ATTRIBUTED - {"announced"}:
                ev.factuality = own.label
    ev.confidence = confidence(ev, ctx)  # an attribution may have taken a read actor


def _sentence_coder_factuality(ev: Event, ctx: EventContext, view: DocView, lang: str) -> None:
    assert ctx.trigger is not None
    sentence = ctx.sentence
    f = factuality(view, sentence, ctx.trigger, lang, "")
    if f is not None and f.label != "asserted":
        ev.factuality = f.label
        if f.source_text and f.source_start is not None:
            s = f.source_start + sentence[0]
            ev.attributed_to = Actor(text=f.source_text, start=s, end=s + len(f.source_text))


def _attribute(
    ev: Event, f: Any, offset: int, view: DocView, ctx: EventContext, g: Grammar
) -> None:
    """Label and attribution; the speaker is the subject of the clause of the cue when the
    role finder knows it, else the helper's attribution span. A cue inside the event's own
    clause with a span of its own ("laut X", "X zufolge", "nach Angaben von X") names
    somebody other than the clause's subject."""
    rf, head, fallback = ctx.finder, ctx.head, ctx.fallback
    ev.factuality = f.label
    if f.label not in ATTRIBUTED:
        return
    speaker: list[Any] = []
    if f.cue_start is not None:
        tok = view.tok_at(f.cue_start + offset)
        ci = next((k for k, c in enumerate(rf.clauses) if c.start <= tok < c.end), None)
        own_clause = ci is not None and rf.clauses[ci].start <= head < rf.clauses[ci].end
        names_own = f.label == "reported" and view.lowers[tok] in g.attribution
        if names_own and (own_clause or g.language.fixed_svo_order):
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
        own = {id(x) for r in ctx.source_refs for x in ([r] + r.refers_to)}
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
