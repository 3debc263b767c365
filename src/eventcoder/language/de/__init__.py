"""German: verb-final subordinate clauses, separable verb particles and case."""

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
