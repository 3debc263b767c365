"""The default coder: articles in any registered language to PLOVER events with evidence."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from eventcoder import __version__
from eventcoder.coding.pipeline import Stages, build_pipeline, stages_for
from eventcoder.coding.sentence_coders import backends
from eventcoder.coding.tokenizer import tokenize
from eventcoder.language import registry
from eventcoder.model import Article, Event

EN_CODERS = ("lexicon", "cameo")  # English: our lexicons, or the PETRARCH-2 dictionaries
VOCAB_LIMIT = 400_000  # spaCy keeps every word it has seen: start afresh beyond this


class UnsupportedLanguage(ValueError):
    """An article in a language that is not registered (message names the supported ones)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        super().__init__(
            f"language {lang!r} is not supported (supported: {', '.join(registry.languages())})"
        )


class EventCoder:
    """Runs the engine's steps for the article's language (built once per language) on the
    token arrays of the one tokenizer; :meth:`pipeline` gives the same steps as a spaCy
    pipeline (``doc._.events``) for spaCy users.

    ``en_coder`` names the sentence coder (:mod:`eventcoder.coding.sentence_coders`):
    ``"cameo"`` codes sentences of languages with PETRARCH-2 dictionaries (English) with
    them instead of the lexicons. ``actors``/``agents``/``verbs`` are PETRARCH/TABARI
    dictionary files loaded on top of the built-in lexicons; ``lexicons`` are extra trigger
    TSV files (the bundled format); ``knowledge`` are YAML/CSV/PETRARCH actor and place files
    added to the knowledge base (``eventcoder.knowledge.extensions``).
    """

    version = f"eventcoder-{__version__}"

    def __init__(
        self,
        actors: Sequence[str] = (),
        agents: Sequence[str] = (),
        verbs: Sequence[str] = (),
        lexicons: Sequence[str] = (),
        en_coder: str = "lexicon",
        knowledge: Sequence[str] = (),
    ) -> None:
        if en_coder not in backends():
            raise ValueError(f"en_coder must be one of {', '.join(backends())}, not {en_coder!r}")
        self.en_coder = en_coder
        self.files = {
            "actors": list(actors),
            "agents": list(agents),
            "verbs": list(verbs),
            "lexicons": list(lexicons),
            "knowledge": list(knowledge),
        }
        self._nlp: dict[str, Language] = {}

    @staticmethod
    def _language(lang: str | None) -> str:
        if not lang:
            return registry.DEFAULT
        if not registry.is_supported(lang):
            raise UnsupportedLanguage(lang)
        return lang

    def pipeline(self, lang: str) -> Language:
        """The spaCy pipeline of ``lang`` (built once; lexicons and knowledge base are cached)."""
        lang = self._language(lang)
        nlp = self._nlp.get(lang)
        if nlp is None or len(nlp.vocab) > VOCAB_LIMIT:
            nlp = self._nlp[lang] = build_pipeline(
                lang, version=self.version, en_coder=self.en_coder, **self.files
            )
        return nlp

    def stages(self, lang: str) -> Stages:
        """The steps of ``lang`` (built once; lexicons and knowledge base are cached)."""
        f = self.files
        return stages_for(
            self._language(lang),
            self.version,
            *(tuple(f[k]) for k in ("knowledge", "actors", "agents", "verbs", "lexicons")),
            self.en_coder,
        )

    def code(self, article: Article) -> list[Event]:
        """The events of ``article`` (ids, ``article_id`` and ``coder`` set); no language
        given: the default language. :class:`UnsupportedLanguage` for an unregistered one."""
        stages = self.stages(article.lang)
        if not article.text.strip():
            return []
        return stages.run(tokenize(article.text), article.id, article.published)
