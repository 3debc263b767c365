"""English PLOVER coding with the PETRARCH-2 production dictionaries (see
:mod:`eventcoder.coding.cameo_english` for the public API and how to call it).

Modules: ``tables`` (data tables, actor-code split, CAMEO->PLOVER), ``loading`` (dictionaries
built once, pickled on disk), ``records`` (CodedEvent, CodedActor), ``rules`` (sentence rules:
modality, verb chains, clauses, noun events, passive, demands, agent countries), ``coder``
(``code_english_sentence``).
"""
