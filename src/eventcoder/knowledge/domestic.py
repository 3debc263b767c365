"""Domestic actors of German-language news (``data/domestic_actors.tsv``): parties,
institutions and politicians named without their country. A name used in several countries
("Bundesregierung", "Grüne") becomes one entry of form ``domestic`` whose candidates the
knowledge base resolves from the article's other countries (``KnowledgeBase._mention``)."""

from __future__ import annotations

from typing import Any

from eventcoder.knowledge.lexicon import (
    DATA_DIR,
    GENITIVE,
    NO_SUFFIX,
    Lexicon,
    fold,
    read_tsv,
    split_forms,
)

FILE = "domestic_actors.tsv"
DOMESTIC_FORM = "domestic"  # entry form of a name whose country the article decides


def add_domestic_actors(lex: Lexicon, tab: Any, add_person: Any) -> None:
    """Organisations replace the entries other files give the same names (kinds org, country,
    role: "Bundesregierung" is no longer always Germany); persons are added beside others."""
    for r in read_tsv(DATA_DIR / FILE):
        names = split_forms(r["names"])
        countries = tuple(split_forms(r["countries"]))
        if not names or not countries:
            continue
        if r["kind"] == "person":
            add_person(lex, names[0], names, [(countries[0], r["sector"], None, "", "")])
            continue
        many = len(countries) > 1
        if r["kind"] == "role":  # a title: "Landeshauptmann X" is a person of that country
            for s in names:
                eid = lex.add_entry("role", s, None if many else countries[0], r["sector"],
                                    None, form="role", extra=True)
                _replace(lex, s)
                lex.add_key(s, eid, lang="de", exact=False)
            continue
        code = r["cameo"] or None
        eid = lex.add_entry("org", names[0], None if many else countries[0], r["sector"], code,
                            form=DOMESTIC_FORM if many else "name",
                            extra=countries if many else None)
        tab.org_names.setdefault(names[0], names[0])
        for s in names:
            _replace(lex, s)
            lex.add_key(s, eid, suffix=GENITIVE if not s.isupper() else NO_SUFFIX)


def _replace(lex: Lexicon, surface: str) -> None:
    """Drop the organisation, country and role readings other files give ``surface``."""
    key = fold(" ".join(surface.split()))
    old = lex.keys.get(key, [])
    lex.keys[key] = [v for v in old if lex.entries[v[2]][0] not in ("org", "country", "role")]


def pick_country(candidates: tuple[str, ...], counts: dict[str, int]) -> str:
    """The candidate the article names most often (ties: the first listed)."""
    return max(candidates, key=lambda c: (counts.get(c, 0), -candidates.index(c)))
