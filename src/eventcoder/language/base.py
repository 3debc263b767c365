"""The few real differences between languages, as a small class per language.

Everything else a language needs is data in its folder (``language/<code>/*.tsv``); a
:class:`Language` subclass names the language and answers the grammatical questions that
components ask (clause order, separable particles, case).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import ClassVar


class Language:
    """One language: its code, its data folder and its grammatical hooks.

    Subclasses set the class attributes; components ask the hooks instead of comparing
    language codes.
    """

    code: ClassVar[str]
    """ISO 639-1 code, e.g. ``"de"``."""
    name: ClassVar[str]
    """English name, e.g. ``"German"``."""
    lingua_name: ClassVar[str | None] = None
    """Name of the ``lingua.Language`` member used for detection, e.g. ``"GERMAN"``."""
    package: ClassVar[str | None] = None
    """Package holding the data files; defaults to ``eventcoder.language.<code>``."""

    verb_final_subclauses: ClassVar[bool] = False
    """Subordinate clauses put the finite verb last (German)."""
    separable_particles: ClassVar[bool] = False
    """Verbs split off a particle to the clause end ("nimmt … fest")."""
    morphological_case: ClassVar[bool] = False
    """Noun phrases mark case on determiners and adjectives (a genitive is read from the
    form: "des Präsidenten", "Irans"; otherwise from an "of"-like preposition)."""
    capitalised_nouns: ClassVar[bool] = False
    """Every noun is capitalised: a lower-case word is no noun, a capitalised one no verb."""
    verb_second: ClassVar[bool] = False
    """Main clauses put the finite verb second: the subject may follow it ("Am Montag nahm
    die Polizei ...") and the first actor of the fore-field is the subject."""
    fixed_svo_order: ClassVar[bool] = False
    """Strict subject-verb-object order: the subject is the last actor before the verb, the
    object follows it; "that" after a noun opens a relative clause; a verb of saying may
    drop its complementizer ("said US forces must ...")."""
    possessive_clitic: ClassVar[bool] = False
    """A possessive clitic attaches to a name ("Iran's president")."""
    capitalised_demonyms: ClassVar[bool] = False
    """Adjectives of countries are capitalised ("German", "Iranian")."""
    open_compounds: ClassVar[bool] = False
    """Noun compounds are written as separate words ("police officers")."""
    hyphen_compounds: ClassVar[bool] = False
    """Compounds join a name and a noun with a hyphen ("US-Angriff", "EU-Kommission")."""
    role_name_appositions: ClassVar[bool] = False
    """A role right before a name is one actor ("UN-Generalsekretär Ban Ki-moon")."""
    unknown_names: ClassVar[bool] = False
    """People the knowledge base lacks are read from a given name + capitalised word, and
    their surname alone later (``coding.refs.named_people``)."""
    titles_in_names: ClassVar[bool] = False
    """A person's mention may open with their title ("Egyptian President X"): the title's
    sector is the person's."""
    one_event_per_sentence: ClassVar[bool] = False
    """Code one event per sentence (the first verb's), as PLOVER/PETRARCH code English news;
    otherwise one per clause. Counts of coordinated clauses then belong to that event."""
    adjunct_events: ClassVar[tuple[str, ...]] = ()
    """With ``one_event_per_sentence``: events of these types in a motive adjunct (a trigger
    right after a ``purpose`` word of ``grammar.tsv``: "para protestar", "en protesta por",
    "en demanda de") are coded besides the sentence's main event when its type differs."""
    bare_attack_nouns: ClassVar[bool] = True
    """Code an attack or coercion noun whose clause names no actor, victim or place and has
    no light verb ("Atentado en la capital"); German and English news use such nouns for acts
    told elsewhere or in general ("mehr als tausend Angriffe", "personal attacks", "das
    Spekulationsverbot ist ..."), so they do not."""
    participial_adjuncts: ClassVar[str] = ""
    """The ending of a participle that opens an adjunct after a comma (English "ing": "...,
    blaming Iran", "..., citing concerns"): its event needs a target named in the adjunct."""
    unknown_actors: ClassVar[bool] = False
    """Code an event whose actors the knowledge base does not know ("los creyentes", "un
    bloque sindical"): the codebook codes a clear act without an identified actor; otherwise
    only protests, attacks, coercion and mobilisation are coded without one."""
    postnominal_adjectives: ClassVar[bool] = False
    """A country adjective follows the role noun it qualifies ("el presidente ruso", "las
    tropas francesas"): the two are one actor."""
    generic_verbs_need_actors: ClassVar[bool] = False
    """A single generic verb (generated dictionary entries, verbs of meeting) codes only
    "X verb Y", not a bare intransitive use."""
    acts_need_source: ClassVar[bool] = False
    """An act other than a protest, attack, coercion or mobilisation needs a source read from
    the text: "was praised", "were urged to leave" without who does it is no event."""
    generated_need_both: ClassVar[bool] = False
    """An entry of the generated (PETRARCH-derived, rank 0) trigger dictionary codes only when
    both source and target are read in the text ("X released a statement" is no event)."""
    restatements: ClassVar[bool] = False
    """A later source-less protest, attack or coercion of a type the article already coded
    ("the attack killed five", "the blast was heard across the city") restates that event."""
    dictionary_coded: ClassVar[bool] = False
    """User PETRARCH/TABARI verb dictionaries (``verbs=``) code this language's sentences."""
    local_nominal_negation: ClassVar[bool] = False
    """A negated clause negates a noun event only by a word right before the noun
    ("keine Angriffe"), not the clause's verb negation."""
    postal_region_codes: ClassVar[bool] = False
    """Short region codes follow a place name in the press ("Columbus, OH", "Reno, Nev.")."""
    thousands_separator: ClassVar[str] = ","
    """Digit group separator in numbers ("1,200"; German "1.200")."""
    ordinal_dot_dates: ClassVar[bool] = False
    """Days are written as ordinals with a dot ("6. Januar", "6.1." without a year)."""
    capitalised_months: ClassVar[bool] = True
    """Month and weekday names are capitalised (a lower-case "march" is no month)."""
    day_first_dates: ClassVar[bool] = True
    """Numeric dates put the day first ("06/01/22" is 6 January); False: the reading nearest
    to the publication date (month first without one)."""
    infinitive_marker: ClassVar[str | None] = None
    """The word before an infinitive ("to", "zu"); with ``separable_particles`` it may also
    sit inside the verb ("einzufrieren")."""
    infinitive_reach: ClassVar[int] = 1
    """How many words before the verb the infinitive marker may stand."""
    max_pattern_gap: ClassVar[int] = 8
    """Tokens a "..." step of a trigger pattern may skip (long German middle fields: 12)."""
    pipeline: ClassVar[tuple[str, ...]] = (
        "segment", "triggers", "mentions", "places", "events", "numbers", "dates", "factuality",
        "merge",
    )
    """Names of the components (``eventcoder.coding.components``) a document passes."""
    trigger_filters: ClassVar[tuple[str, ...]] = (
        "speech_verb", "nontrigger", "verb_case", "particle_final", "modal_danger",
        "no_bare_generic", "judged_object",
    )
    """Names of the trigger filters (``eventcoder.coding.predicates``) this language runs;
    a trigger is dropped when any of them rejects it."""

    def data(self, name: str) -> Traversable:
        """The data file ``name`` in this language's folder."""
        return resources.files(self.package or f"eventcoder.language.{self.code}").joinpath(name)

    def has_data(self, name: str) -> bool:
        """Whether this language ships the data file ``name``."""
        return self.data(name).is_file()

    def __repr__(self) -> str:
        return f"<Language {self.code} ({self.name})>"
