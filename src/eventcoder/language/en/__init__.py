"""English: strict subject-verb-object order, no case on nouns, possessive "'s"; news
sentences are coded with one event each."""

from eventcoder.language.base import Language
from eventcoder.language.registry import register


@register
class English(Language):
    code = "en"
    name = "English"
    lingua_name = "ENGLISH"
    fixed_svo_order = True
    possessive_clitic = True
    capitalised_demonyms = True
    open_compounds = True
    titles_in_names = True
    participial_adjuncts = "ing"
    generic_verbs_need_actors = True
    acts_need_source = True
    generated_need_both = True
    restatements = True
    dictionary_coded = True
    day_first_dates = False
    postal_region_codes = True
    infinitive_marker = "to"
    bare_attack_nouns = False
    trigger_filters = Language.trigger_filters + (
        "noun_use", "name_use", "mishap", "attributive_ed", "question", "hypothetical",
        "purpose_infinitive", "nominal_in_phrase", "natural_death", "released_document",
        "unrealised_noun",
    )
