"""The default coder: German and English articles to PLOVER events with evidence."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from eventcoder import __version__
from eventcoder.coding.pipeline import Stages, build_pipeline
from eventcoder.coding.tokenizer import tokenize
from eventcoder.model import Article, Event

LANGS = ("de", "en")
EN_CODERS = ("lexicon", "cameo")  # English: our lexicons, or the PETRARCH-2 dictionaries
VOCAB_LIMIT = 400_000  # spaCy keeps every word it has seen: start afresh beyond this


class EventCoder:
    """Runs the engine's steps for the article's language (built once per language) on the
    token arrays of the fast tokenizer; :meth:`pipeline` gives the same steps as a spaCy
    pipeline (``doc._.events``) for spaCy users.

    ``en_coder="cameo"`` codes English sentences with the PETRARCH-2 production dictionaries
    (:mod:`eventcoder.coding.cameo_backend`) instead of the lexicons.
    ``actors``/``agents``/``verbs`` are PETRARCH/TABARI dictionary files loaded on top of the
    built-in lexicons; ``lexicons`` are extra trigger TSV files (the bundled format).
    """

    version = f"eventcoder-{__version__}"

    def __init__(
        self,
        actors: Sequence[str] = (),
        agents: Sequence[str] = (),
        verbs: Sequence[str] = (),
        lexicons: Sequence[str] = (),
        en_coder: str = "lexicon",
    ) -> None:
        if en_coder not in EN_CODERS:
            raise ValueError(f"en_coder must be one of {', '.join(EN_CODERS)}, not {en_coder!r}")
        self.en_coder = en_coder
        self.files = {
            "actors": list(actors),
            "agents": list(agents),
            "verbs": list(verbs),
            "lexicons": list(lexicons),
        }
        self._nlp: dict[str, Language] = {}
        self._stages: dict[str, Stages] = {}

    def pipeline(self, lang: str) -> Language:
        """The pipeline of ``lang`` (built once; lexicons and knowledge base are cached)."""
        lang = lang if lang in LANGS else "en"
        nlp = self._nlp.get(lang)
        if nlp is None or len(nlp.vocab) > VOCAB_LIMIT:
            nlp = self._nlp[lang] = build_pipeline(lang, version=self.version, **self.files)
        return nlp

    def stages(self, lang: str) -> Stages:
        """The steps of ``lang`` (built once; lexicons and knowledge base are cached)."""
        lang = lang if lang in LANGS else "en"
        st = self._stages.get(lang)
        if st is None:
            st = self._stages[lang] = Stages(
                lang,
                version=self.version,
                actors=self.files["actors"],
                agents=self.files["agents"],
                verbs=self.files["verbs"],
                lexicons=self.files["lexicons"],
                en_coder=self.en_coder,
            )
        return st

    def code(self, article: Article) -> list[Event]:
        """The events of ``article`` (ids, ``article_id`` and ``coder`` set)."""
        if not article.text.strip() or (article.lang and article.lang not in LANGS):
            return []  # German and English only; no language given: English
        stages = self.stages(article.lang or "en")
        return stages.run(tokenize(article.text), article.id, article.published)
