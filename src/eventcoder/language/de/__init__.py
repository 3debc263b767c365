"""German: verb-second main clauses, verb-final subordinate clauses, separable verb particles,
case, capitalised nouns and hyphenated compounds."""

from eventcoder.language.base import Language
from eventcoder.language.registry import register


@register
class German(Language):
    code = "de"
    name = "German"
    lingua_name = "GERMAN"
    verb_final_subclauses = True
    separable_particles = True
    morphological_case = True
    capitalised_nouns = True
    verb_second = True
    hyphen_compounds = True
    role_name_appositions = True
    unknown_names = True
    local_nominal_negation = True
    thousands_separator = "."
    ordinal_dot_dates = True
    infinitive_marker = "zu"
    infinitive_reach = 2
    max_pattern_gap = 12
    bare_attack_nouns = False
    trigger_filters = Language.trigger_filters + (
        "attributive_participle", "question", "clause_modal", "nominal_in_phrase", "mishap",
        "death_toll", "natural_death", "ordinary_crime", "unrealised_noun",
    )
