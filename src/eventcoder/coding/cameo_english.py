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
``coder="cameo-en"``; ``ev.intent`` (a promised/threatened act) fits factuality "announced".
One CodedEvent per trigger: compound actors are lists, not extra events. Call
``get_cameo_coder()`` once at start-up to load the dictionaries before the first article.

What it adds to the PETRARCH-style matching (``eventcoder.coding.cameo.rules``, data in the
folder above): statements (01x) are no events and do not hide the next verb; promised acts
("will send aid", "agreed to withdraw") become AGREE, threatened ones THREATEN; "X said Y must"
is a REQUEST of X to Y; negated cooperation is REJECT, a negated attack no event; "refused to
meet" keeps the governing verb; subordinate clauses and participles after the first event are
dropped; noun events after light verbs ("staged a strike", "held talks"); passive voice without
"by"; agents without a country ("the president") take the nearest actor's country.

The built dictionaries are pickled once under ``~/.cache/eventcoder/`` (``EVENTCODER_CACHE``
overrides), keyed by a hash of the data files and the loader/coder source: building takes about
4-5 s CPU, loading the pickle about 1 s. Coding runs at 2,300-3,600 sentences/s per core
(Wikinews 2019-2020, ``scripts/plover_gsr_check.py --speed``).
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
