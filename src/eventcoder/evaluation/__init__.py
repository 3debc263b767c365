"""Evaluation: gold readers, event scorer, PETRARCH triple scorer, reports and the benchmark.

* :mod:`~eventcoder.evaluation.gold` reads gold JSONL (common shape, PLOVER GSR, PETRARCH/TABARI).
* :mod:`~eventcoder.evaluation.matching` decides which prediction may stand for which gold event.
* :mod:`~eventcoder.evaluation.scorer` / :mod:`~eventcoder.evaluation.petrarch` count and score.
* :mod:`~eventcoder.evaluation.evaluate` ties them together (``eventcoder evaluate``).
* :mod:`~eventcoder.evaluation.report` renders Markdown; :mod:`~eventcoder.evaluation.benchmark`
  measures speed (``eventcoder benchmark``).
"""
