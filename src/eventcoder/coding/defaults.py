"""Inferred actors and event merging: the conventions for events without named actors
(protests, attacks, coercion, joint acts) and for twin events of one sentence."""

from __future__ import annotations

from eventcoder.coding.location import ArticlePlaces
from eventcoder.coding.mentions import knowledge_base
from eventcoder.coding.roles import ActorRef
from eventcoder.model import Actor, Event, Location

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


# types done to people of a place: without a named target, the people of the event's place
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
CONVICTION = "convict"  # the mode of a court sentence (SANCTION): by the place's authorities


def by_authorities(ev: Event) -> bool:
    """Coercion or a court sentence: done by the authorities of the place, unless named."""
    return ev.type == "COERCE" or (ev.type == "SANCTION" and ev.mode == CONVICTION)
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
    if by_authorities(ev):
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
    if not ev.source and by_authorities(ev):
        sector = "JUD" if ev.type == "SANCTION" else "GOV"
        ev.source = [Actor(text=name, country=country, sector=sector)]


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


def _split_symmetric(ev: Event) -> None:
    """Coordinated parties of a joint act and no target: the first is the source, the others
    the target."""
    if ev.target or len(ev.source) < 2:
        return
    ev.source, ev.target = ev.source[:1], ev.source[1:]


def _country_name(code: str | None) -> str | None:
    kb = knowledge_base()
    return kb.country_name(code) if kb is not None and code else None


def _compatible(a: Event, b: Event) -> bool:
    def countries(xs: list[Actor]) -> set[str | None]:
        return {x.country for x in xs}

    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y and not countries(x) & countries(y) and read(x) and read(y):
            return False  # an inferred side (no offsets) contradicts nothing the text says
    return True


def read(actors: list[Actor]) -> bool:
    """Some actor of the side was read in the text (has offsets), not inferred."""
    return any(a.start is not None for a in actors)


# speech acts whose addressee is, when the text names none, the source's own authorities:
# "Die Opposition kritisierte die Reform" criticises the government that made it
ADDRESSED = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "CONCEDE"})


def _addressee_default(ev: Event, story_country: str | None = None) -> None:
    """A criticism, demand, refusal or endorsement without a named target is addressed to the
    authorities of the country the story is about (``story_country``, the article's main
    country) when the source is foreign to it ("Mexikos Regierung forderte eine Untersuchung"
    in a story on Egypt; a UN or EU source too), else to those of the source's own country
    (inferred: no offsets)."""
    if ev.target or ev.type not in ADDRESSED:
        return
    countries = [a.country for a in ev.source if a.country]
    if not countries or len(set(countries)) > 1:
        return
    kb = knowledge_base()
    if kb is None:
        return
    country = countries[0]
    if story_country in kb.tables.countries:
        country = story_country
    if country not in kb.tables.countries:
        return  # an organisation ("UN", "EU") has no authorities of its own to address
    ev.target = [Actor(text=_country_name(country) or country, country=country, sector="GOV")]


def _members_meet(ev: Event) -> bool:
    """An international organisation's own meeting ("Krisentreffen der Arabischen Liga"): its
    members are the partners (the target is the organisation again, inferred)."""
    orgs = [a for a in ev.source if a.sector == "IGO" and a.country]
    if not orgs or len(orgs) != len(ev.source):
        return False
    ev.target = [Actor(text=a.text, country=a.country, sector="IGO") for a in orgs[:1]]
    return True
