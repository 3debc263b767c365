"""Dashboard fixes the monitor needs: a timeline clipped to the bulk of the data, quad classes
for the map colours, titles from the first line for untitled articles."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from fastapi.testclient import TestClient

from eventcoder.model import Article
from eventcoder.monitor.stories import first_line, quad_of
from eventcoder.store import open_store
from eventcoder.web.app import create_app
from eventcoder.web.timeline import timeline

STATIC = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "web" / "static"


def test_one_old_event_does_not_stretch_the_timeline() -> None:
    counts = Counter({(f"2026-11-{d:02d}", "PROTEST"): 3 for d in range(1, 21)})
    counts[("2019-03-02", "ASSAULT")] = 1
    t = timeline(counts)
    assert t["days"][0] == "2026-11-01" and t["bucket"] == "day"
    assert t["clipped"] == {"before": 1, "after": 0}
    assert t["types"] == ["PROTEST"]
    # data spread evenly over a long range are not clipped
    spread = Counter({(f"{y}-06-01", "PROTEST"): 5 for y in range(2018, 2027)})
    t = timeline(spread)
    assert t["clipped"] == {"before": 0, "after": 0} and t["days"][0].startswith("2018")
    assert timeline(counts, clip=False)["days"][0].startswith("2019")


def test_map_quad_classes_match_the_story_table() -> None:
    info = json.loads((STATIC / "plover-types.json").read_text("utf-8"))
    assert set(info["quads"]) == {"verbal_cooperation", "material_cooperation",
                                  "verbal_conflict", "material_conflict"}  # fmt: skip
    for etype, entry in info["types"].items():
        assert entry["quad"] == quad_of(etype), etype
    charts = (STATIC / "charts.js").read_text("utf-8")
    assert "map-legend" in charts and "marker-mix" in charts


def test_untitled_article_gets_its_first_line(tmp_path) -> None:
    assert first_line("Protest vor dem Parlament\nDer Text folgt.") == "Protest vor dem Parlament"
    assert first_line("word " * 40).endswith("…") and len(first_line("word " * 40)) <= 102
    store = open_store(str(tmp_path / "t.db"))
    untitled = Article(text="Demonstration in der Hauptstadt\n\nHunderte zogen durch die Stadt.")
    titled = Article(text="Some text.", title="A real title")
    store.add_article(untitled)
    store.add_article(titled)
    with TestClient(create_app(store=store, coder=object())) as client:
        page = client.get(f"/ui/articles/{untitled.id}").text
        assert "<h1>Demonstration in der Hauptstadt</h1>" in page
        assert "<h1>A real title</h1>" in client.get(f"/ui/articles/{titled.id}").text
    store.close()
