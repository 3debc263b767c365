"""Readers: plain text, HTML, JSONL, RSS/Atom, WARC, directories and stdin.

``read_inputs(paths)`` yields :class:`~eventcoder.model.Article` objects with ``lang`` and
``published`` filled, or an :class:`InputError` for each bad input; the batch goes on.
"""

from __future__ import annotations

from eventcoder.ingest.decode import MAX_BYTES
from eventcoder.ingest.errors import InputError
from eventcoder.ingest.readers import FORMATS, read_inputs

__all__ = ["FORMATS", "MAX_BYTES", "InputError", "read_inputs"]
