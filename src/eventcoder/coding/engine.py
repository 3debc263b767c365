"""The default coder: German and English articles to PLOVER events with evidence."""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder import __version__
from eventcoder.coding.pipeline import build_pipeline
from eventcoder.model import Article, Event

LANGS = ("de", "en")


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
        self._nlp: dict[str, object] = {}

    def pipeline(self, lang: str):  # -> spacy.Language
        lang = lang if lang in LANGS else "en"
        nlp = self._nlp.get(lang)
        if nlp is None:
            nlp = self._nlp[lang] = build_pipeline(lang, version=self.version, **self.files)
        return nlp

    def code(self, article: Article) -> list[Event]:
        """The events of ``article`` (ids, ``article_id`` and ``coder`` set)."""
        if not article.text.strip():
            return []
        nlp = self.pipeline(article.lang or "en")
        doc = nlp.make_doc(article.text)
        doc.user_data["article_id"] = article.id
        doc.user_data["published"] = article.published
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return list(doc._.events or [])
