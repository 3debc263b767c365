"""Actor references of a sentence: knowledge-base mentions and pronouns as token spans, with
the countries they take from possessives, origins and appositions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from eventcoder.coding.doc import DocView
from eventcoder.coding.grammar import Grammar
from eventcoder.coding.mentions import knowledge_base
from eventcoder.coding.roles import ActorRef
from eventcoder.knowledge.mention import Mention
from eventcoder.model import Actor

OBJECT = "object"  # ActorRef.form of an object pronoun ("ihm", "him")


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
        low = view.lowers[t]
        if (low in g.pronoun or low in g.object_pronoun) and t not in taken:
            refs.append(
                ActorRef(
                    t, t + 1, view.idx[t], view.ends[t], view.texts[t], "pronoun", pronoun=True,
                    form=OBJECT if low in g.object_pronoun else None,
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
                # the office the text names is the capacity the person acts in now:
                # "EU-Ratspräsident X" is the EU even when X's nationality is known
                country=(prev.country if prev.kind in ("role", "org") else None) or r.country
                or prev.country,
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
            and r.kind == "country"
            and r.form == "adj"
            and nxt.kind in ("person", "role")
            and nxt.country in (None, r.country)
            and 0 <= nxt.start_tok - r.end_tok <= 2
            and all(w not in g.conjunction for w in lowers[r.end_tok : nxt.start_tok])
        ):
            nxt.country = r.country  # "der polnische Parteichef X": a Polish person
            continue
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


_CAP = re.compile(r"[A-ZÄÖÜ][\w’'-]*\w")
_JOINED = re.compile(r"(-\w+)? ")  # between a party and a name: "SPÖ-Chef Gerhard Schmid"


def _is_word(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _name_hits(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of the matches of ``\\b(name|name...)s?\\b`` in ``text``, as
    ``re.finditer`` finds them (names that start with a letter, tried in the given order),
    without compiling a new pattern for every article."""
    at: dict[int, list[str]] = {}
    for n in names:
        i = text.find(n)
        while i != -1:
            at.setdefault(i, []).append(n)
            i = text.find(n, i + 1)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for s in sorted(at):
        if s < pos or _is_word(text, s - 1):
            continue
        for n in at[s]:
            e = s + len(n)
            if text.startswith("s", e) and _is_word(text, e) != _is_word(text, e + 1):
                out.append((s, e + 1, n))
            elif _is_word(text, e - 1) != _is_word(text, e):
                out.append((s, e, n))
            else:
                continue
            pos = out[-1][1]
            break
    return out


def named_people(text: str, mentions: Sequence[Any], g: Grammar) -> list[Any]:
    """``mentions`` plus people the knowledge base does not know: a given name followed by a
    capitalised word ("Harald Walser"), and later the surname alone of any such or known
    person ("Walser fordert ..."), unless an article or preposition makes it a noun ("der
    Kern"). Their country is that of an organisation their title joins ("SPÖ-Chef X"), else
    the country the article's actors have most often (a person of the story's country)."""
    kb = knowledge_base()
    if kb is None or not g.language.unknown_names:
        return list(mentions)
    first = kb.tables.first_names
    taken = bytearray(len(text))
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    found: list[Any] = []
    by_end = {m.end: m for m in mentions}
    votes = Counter(m.country for m in mentions if m.country and m.country in kb.tables.countries)
    home = votes.most_common(1)[0][0] if votes else None
    words = list(_CAP.finditer(text))
    for wa, wb in zip(words, words[1:], strict=False):
        if wa.group() not in first:  # most words: no given name, no spans needed
            continue
        (a0, a1), (b0, b1), bw = wa.span(), wb.span(), wb.group()
        if (
            b0 == a1 + 1
            and bw not in first
            and text[a1] == " "
            and taken.find(1, a0, b1) == -1
            and not bw.endswith(("ung", "heit", "keit", "schaft", "ion"))
        ):
            lo = text.rfind(" ", 0, a0 - 1) + 1  # the word before: "SPÖ-Chef"
            party = next((by_end[k] for k in range(lo, a0) if k in by_end
                          and _JOINED.fullmatch(text, k, a0)), None)
            country = party.country if party is not None else home
            found.append(Mention(a0, b1, text[a0:b1], "person", name=text[a0:b1], form="name",
                                 country=country))
            taken[a0:b1] = b"\x01" * (b1 - a0)
    people: dict[str, Any] = {}  # surname -> its first full mention
    for m in sorted([*mentions, *found], key=lambda m: m.start):
        if m.kind == "person" and m.name and " " in m.name:
            surname = m.name.split()[-1]
            if len(surname) >= 3 and surname[:1].isupper():
                people.setdefault(surname, m)
    if people:
        for s, e, name in _name_hits(text, sorted(people, key=len, reverse=True)):
            p = people[name]
            if s < p.end or taken.find(1, s, e) != -1:
                continue
            before = text[max(0, s - 12) : s].split()
            if before and (before[-1].lower() in g.determiner or before[-1].lower() in g.preposition):
                continue
            form = "genitive" if e - s != len(name) else "name"
            found.append(replace(p, start=s, end=e, text=text[s:e], form=form))
            taken[s:e] = b"\x01" * (e - s)
    return sorted([*mentions, *found], key=lambda m: m.start) if found else list(mentions)
