"""Event counts by time bucket (day, week or month) and PLOVER type, for the stacked timeline."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

BUCKETS = ("auto", "day", "week", "month")


def day_type_counts(store: Any, filters: dict[str, Any]) -> Counter[tuple[str, str]]:
    """(day, type) -> number of matching events.

    Uses ``stats(by_day_type=True)["by_day_type"]`` when the store offers it, else one ``stats(type=...)`` call
    per type present.
    """
    stats = store.stats(**filters, by_day_type=True)
    counts: Counter[tuple[str, str]] = Counter()
    if "by_day_type" in stats:
        for row in stats["by_day_type"]:
            counts[row["day"], row["type"]] += row["count"]
        return counts
    types = [row["type"] for row in stats.get("by_type", [])]
    if len(types) == 1:
        return Counter({(r["day"], types[0]): r["count"] for r in stats.get("by_day", [])})
    for t in types:
        for row in store.stats(**{**filters, "type": t}).get("by_day", []):
            counts[row["day"], t] += row["count"]
    return counts


def _start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return day + dt.timedelta(days=7)
    if bucket == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def choose_bucket(first: dt.date, last: dt.date) -> str:
    """Days for up to three months, weeks for up to two years, months beyond."""
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


def bulk_range(per_day: Counter[dt.date], share: float = 0.02) -> tuple[dt.date, dt.date]:
    """The days holding the bulk of the events: up to ``share`` of them (at least one, with 20
    events or more) on stray days far from the rest (one old event among this week's) are
    left out, when keeping them would stretch the axis more than threefold."""
    days = sorted(per_day)
    total = sum(per_day.values())
    if total < 20:
        return days[0], days[-1]
    allowed = max(1, int(total * share))

    def edge(ordered: list[dt.date]) -> dt.date:
        seen = 0
        for day in ordered:
            seen += per_day[day]
            if seen > allowed:
                return day
        return ordered[-1]

    lo, hi = edge(days), edge(days[::-1])
    if lo > hi or (days[-1] - days[0]).days <= 3 * max((hi - lo).days, 14):
        return days[0], days[-1]
    return lo, hi


def timeline(
    counts: Counter[tuple[str, str]], bucket: str = "auto", clip: bool = True
) -> dict[str, Any]:
    """Continuous buckets (ISO start dates), the types (most frequent first) and the counts.
    With ``clip``, stray days far from the bulk are left out and counted in ``clipped``."""
    parsed: Counter[tuple[dt.date, str]] = Counter()
    for (day, etype), n in counts.items():
        try:
            parsed[dt.date.fromisoformat(str(day)[:10]), etype] += n
        except ValueError:
            continue
    by_type: Counter[str] = Counter()
    for (_, etype), n in parsed.items():
        by_type[etype] += n
    if not parsed:
        return {"bucket": "day" if bucket == "auto" else bucket, "days": [], "types": [],
                "series": []}  # fmt: skip
    per_day: Counter[dt.date] = Counter()
    for (day, _), n in parsed.items():
        per_day[day] += n
    clipped = {"before": 0, "after": 0}
    if clip:
        lo, hi = bulk_range(per_day)
        clipped = {"before": sum(n for d, n in per_day.items() if d < lo),
                   "after": sum(n for d, n in per_day.items() if d > hi)}  # fmt: skip
        parsed = Counter({(d, t): n for (d, t), n in parsed.items() if lo <= d <= hi})
        by_type = Counter()
        for (_, etype), n in parsed.items():
            by_type[etype] += n
    days = [d for d, _ in parsed]
    if bucket == "auto":
        bucket = choose_bucket(min(days), max(days))
    cells: Counter[tuple[str, str]] = Counter()
    for (day, etype), n in parsed.items():
        cells[_start(day, bucket).isoformat(), etype] += n
    keys = []
    day, last = _start(min(days), bucket), _start(max(days), bucket)
    while day <= last:
        keys.append(day.isoformat())
        day = _next(day, bucket)
    series = [{"day": d, "type": t, "count": n} for (d, t), n in sorted(cells.items())]
    return {"bucket": bucket, "days": keys, "types": [t for t, _ in by_type.most_common()],
            "series": series, "clipped": clipped}  # fmt: skip
