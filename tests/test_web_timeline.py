"""Timeline buckets: day, week or month, continuous, counts kept."""

from __future__ import annotations

from collections import Counter

from eventcoder.web.timeline import choose_bucket, day_type_counts, timeline


def test_short_span_is_daily_and_continuous() -> None:
    counts = Counter({("2024-03-01", "ASSAULT"): 2, ("2024-03-04", "AGREE"): 1})
    t = timeline(counts)
    assert t["bucket"] == "day"
    assert t["days"] == ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]
    assert t["types"] == ["ASSAULT", "AGREE"]
    assert {"day": "2024-03-04", "type": "AGREE", "count": 1} in t["series"]


def test_long_spans_use_weeks_then_months() -> None:
    counts = Counter({("2023-01-04", "PROTEST"): 1, ("2023-01-05", "PROTEST"): 2,
                      ("2023-12-31", "COERCE"): 1})  # fmt: skip
    weekly = timeline(counts)
    assert weekly["bucket"] == "week"
    assert weekly["days"][0] == "2023-01-02"  # the Monday
    assert {"day": "2023-01-02", "type": "PROTEST", "count": 3} in weekly["series"]
    assert weekly["days"][-1] == "2023-12-25" and len(weekly["days"]) == 52
    monthly = timeline(counts | Counter({("2026-02-10", "AID"): 4}))
    assert monthly["bucket"] == "month"
    assert monthly["days"][:2] == ["2023-01-01", "2023-02-01"]
    assert monthly["days"][-1] == "2026-02-01"
    assert sum(r["count"] for r in monthly["series"]) == 8


def test_forced_bucket_and_bad_days() -> None:
    counts = Counter({("2024-05-20", "AID"): 1, ("not a day", "AID"): 5})
    t = timeline(counts, "month")
    assert t["bucket"] == "month" and t["days"] == ["2024-05-01"]
    assert t["series"] == [{"day": "2024-05-01", "type": "AID", "count": 1}]
    assert timeline(Counter())["days"] == []


def test_choose_bucket_bounds() -> None:
    import datetime as dt

    d = dt.date(2024, 1, 1)
    assert choose_bucket(d, d + dt.timedelta(days=92)) == "day"
    assert choose_bucket(d, d + dt.timedelta(days=93)) == "week"
    assert choose_bucket(d, d + dt.timedelta(days=800)) == "month"


class _Store:
    """A store whose stats() answers by_day per type (the Store contract) — no cross table."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.rows = rows
        self.calls = 0

    def stats(self, type: str | None = None, **_: object) -> dict:
        self.calls += 1
        rows = [r for r in self.rows if type in (None, r[1])]
        return {
            "by_day": [
                {"day": d, "count": n} for d, n in sorted(Counter(d for d, _ in rows).items())
            ],
            "by_type": [{"type": t, "count": n} for t, n in Counter(t for _, t in rows).items()],
        }


def test_day_type_counts_from_per_type_stats() -> None:
    store = _Store([("2024-01-01", "AID"), ("2024-01-01", "AID"), ("2024-01-02", "COERCE")])
    counts = day_type_counts(store, {})
    assert counts == Counter({("2024-01-01", "AID"): 2, ("2024-01-02", "COERCE"): 1})
    assert store.calls == 3
    one = _Store([("2024-01-01", "AID")])
    assert day_type_counts(one, {"type": "AID"}) == Counter({("2024-01-01", "AID"): 1})
    assert one.calls == 1
