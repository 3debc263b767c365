"""The default coder: German and English articles to PLOVER events with evidence."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from eventcoder import __version__
from eventcoder.coding.pipeline import build_pipeline
from eventcoder.model import Article, Event

LANGS = ("de", "en")
VOCAB_LIMIT = 400_000  # spaCy keeps every word it has seen: start afresh beyond this


class EventCoder:
    """Runs the spaCy pipeline of the article's language; one pipeline per language, built once.

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
    ) -> None:
        self.files = {
            "actors": list(actors),
            "agents": list(agents),
            "verbs": list(verbs),
            "lexicons": list(lexicons),
        }
        self._nlp: dict[str, Language] = {}

    def pipeline(self, lang: str) -> Language:
        """The pipeline of ``lang`` (built once; lexicons and knowledge base are cached)."""
        lang = lang if lang in LANGS else "en"
        nlp = self._nlp.get(lang)
        if nlp is None or len(nlp.vocab) > VOCAB_LIMIT:
            nlp = self._nlp[lang] = build_pipeline(lang, version=self.version, **self.files)
        return nlp

    def code(self, article: Article) -> list[Event]:
        """The events of ``article`` (ids, ``article_id`` and ``coder`` set)."""
        if not article.text.strip() or (article.lang and article.lang not in LANGS):
            return []  # German and English only; no language given: English
        nlp = self.pipeline(article.lang or "en")
        doc = nlp.make_doc(article.text)
        doc.user_data["article_id"] = article.id
        doc.user_data["published"] = article.published
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return list(doc._.events or [])
