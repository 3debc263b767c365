"""English PLOVER coding with the PETRARCH-2 production dictionaries (CAMEO.2.0 + Phoenix).

The dictionaries ship in ``eventcoder/language/en/cameo/`` (MIT, (c) 2014 Open Event Data; see
the README there). They are coded by the shallow pattern coder of
:mod:`eventcoder.coding.petrarch`; CAMEO event codes become PLOVER types through the project's
crosswalk (:func:`eventcoder.coding.crosswalk.cameo_to_plover`, plus ``plover_codes.tsv`` for
01x/02x), actor codes are split into country and sector (``actor_codes.tsv``).

Usage::

    from eventcoder.coding.cameo_english import code_english_sentence
    for ev in code_english_sentence(sentence, date="2020-03-01"):
        ev.type, ev.mode, ev.cameo          # "ASSAULT", None, "190"
        ev.trigger                           # (start, end) in ``sentence``
        ev.source, ev.target                 # [CodedActor(text, start, end, code, country, sector)]

How the engine should call it (English event layer): run it on every English sentence from
``split_sentences(text, "en")`` with the article's ``published`` date; add the sentence start
to every offset; turn each CodedEvent into an ``Event`` with ``type``/``mode``/``cameo``,
``source``/``target`` = ``Actor(text, start, end, country=..., sector=..., code=...)``,
``evidence`` = the sentence span (or ``min(trigger, actors)..max(...)``) and
``coder="cameo-en"``. One CodedEvent per trigger: compound actors are lists, not extra events.

The built dictionaries are pickled once under ``~/.cache/eventcoder/`` (``EVENTCODER_CACHE``
overrides), keyed by a hash of the data files and the coder's source; loading the pickle takes
a fraction of building (about 6 s).
"""

from __future__ import annotations

from eventcoder.coding.cameo.coder import code_english_sentence
from eventcoder.coding.cameo.loading import build_coder, get_cameo_coder
from eventcoder.coding.cameo.records import CodedActor, CodedEvent
from eventcoder.coding.cameo.tables import data_dir, plover_for, split_actor_code

__all__ = [
    "CodedActor",
    "CodedEvent",
    "build_coder",
    "code_english_sentence",
    "data_dir",
    "get_cameo_coder",
    "plover_for",
    "split_actor_code",
]
