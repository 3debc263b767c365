"""Knowledge: countries, organisations, people, roles and places, with one phrase matcher.

>>> kb = load_knowledge_base()
>>> [(m.text, m.kind, m.country, m.sector) for m in kb.match("Präsident Tokajew", "de",
...                                                            "2022-01-05")]
[('Präsident Tokajew', 'person', 'KAZ', 'GOV')]
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.knowledge.base import KnowledgeBase
from eventcoder.knowledge.mention import Mention

__all__ = ["KnowledgeBase", "Mention", "load_knowledge_base"]

_LOADED: dict[tuple[str, ...], KnowledgeBase] = {}


def load_knowledge_base(extra_files: Sequence[str] = ()) -> KnowledgeBase:
    """The knowledge base (built once per process, cached on disk), plus user files:
    YAML/CSV actor and place lists or PETRARCH ``.actors`` files."""
    key = tuple(str(p) for p in extra_files)
    kb = _LOADED.get(key)
    if kb is None:
        from eventcoder.knowledge.cache import load

        kb = _LOADED[key] = load(key)
    return kb
