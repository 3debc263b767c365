"""Event attributes from the attribute helpers (numbers, dates, factuality).

The helpers live in :mod:`eventcoder.coding.numbers`, ``temporal`` and ``factuality``; when one
is not installed the attribute stays empty (the engine still codes events).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

try:  # pragma: no cover - depends on the installed helper modules
    from eventcoder.coding.numbers import find_casualties
except ImportError:  # pragma: no cover
    find_casualties = None  # type: ignore[assignment]
try:  # pragma: no cover
    from eventcoder.coding.temporal import find_dates
except ImportError:  # pragma: no cover
    find_dates = None  # type: ignore[assignment]
try:  # pragma: no cover
    from eventcoder.coding.factuality import assess_factuality
except ImportError:  # pragma: no cover
    assess_factuality = None  # type: ignore[assignment]

from eventcoder.model import Event

NUMBER_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def article_dates(text: str, lang: str, published: str | None) -> list[Any]:
    if find_dates is None:
        return []
    try:
        return sorted(find_dates(text, lang, published), key=lambda d: d.start)
    except Exception:  # noqa: BLE001 - a helper bug must not stop coding
        return []


class SentenceDates:
    """Date mentions per sentence, read on first use (only sentences with an event need them);
    offsets are into the article text."""

    def __init__(self, text: str, lang: str, published: str | None) -> None:
        self.text, self.lang, self.published = text, lang, published
        self._cache: dict[tuple[int, int], list[Any]] = {}

    def of(self, lo: int, hi: int) -> list[Any]:
        hit = self._cache.get((lo, hi))
        if hit is None:
            hit = self._cache[(lo, hi)] = [
                replace(d, start=d.start + lo, end=d.end + lo)
                for d in article_dates(self.text[lo:hi], self.lang, self.published)
            ]
        return hit


def set_date(
    ev: Event, dates: Sequence[Any], sentence: tuple[int, int], head: int, published: str | None
) -> None:
    """The date mention of the event's sentence nearest to the trigger, else the publication date."""
    lo, hi = sentence
    inside = [d for d in dates if lo <= d.start < hi and d.date]
    if inside:
        best = min(inside, key=lambda d: abs(d.start - head))
        ev.date, ev.date_precision = best.date, best.precision
    elif published:
        ev.date, ev.date_precision = published[:10], "day"


def set_numbers(ev: Event, text: str, lang: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Casualty counts of the event's clause; returns the spans of the counts ("35 Menschen")."""
    if find_casualties is None or ev.type not in NUMBER_TYPES:
        return []
    try:
        c = find_casualties(text, lang, span[0], span[1])
    except Exception:  # noqa: BLE001
        return []
    ev.dead, ev.injured, ev.arrested = c.dead, c.injured, c.arrested
    ev.dead_text, ev.injured_text, ev.arrested_text = c.dead_text, c.injured_text, c.arrested_text
    ev.victims = c.victims
    return c.spans


def factuality(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], lang: str, context_before: str
) -> Any | None:
    """The factuality verdict for a trigger (offsets into the sentence), or None."""
    if assess_factuality is None:
        return None
    lo, hi = sentence
    try:
        return assess_factuality(
            text[lo:hi], trigger[0] - lo, trigger[1] - lo, lang, context_before=context_before
        )
    except Exception:  # noqa: BLE001
        return None
