"""English: subject-verb-object order, no case on nouns."""

from eventcoder.language.base import Language
from eventcoder.language.registry import register


@register
class English(Language):
    code = "en"
    name = "English"
    lingua_name = "ENGLISH"
