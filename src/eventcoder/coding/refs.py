"""Actor references of a sentence: knowledge-base mentions and pronouns as token spans, with
the countries they take from possessives, origins and appositions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.mentions import knowledge_base
from eventcoder.coding.roles import ActorRef
from eventcoder.model import Actor


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
        if g.language.titles_in_names and m.kind == "person" and m.sector in (None, "ELI"):
            ref.sector = _title_sector(m.text, g.lang) or m.sector  # "Egyptian President X": GOV
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
    if g.language.role_name_appositions:
        refs = _appositions(refs)
    return _attach_countries(refs, view.lowers, g)


@lru_cache(maxsize=4096)
def _title_sector(text: str, lang: str) -> str | None:
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
        found = kb.match(prefix, lang)
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
    refs: list[ActorRef], places: Sequence[Any], view: DocView, lo: int, hi: int, g: Grammar
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
            if t - r.end_tok == 1 and view.lowers[r.end_tok] in g.origin:
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
            and lowers[r.end_tok] in g.origin
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
