"""Stories in the REST API and the dashboard, and the report offered by the dashboard."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventcoder.monitor.store import MonitorStore
from eventcoder.monitor.stories import StoryClusterer
from eventcoder.store import open_store
from eventcoder.web.app import create_app
from monitor_helpers import article


@pytest.fixture()
def client(tmp_path):
    store = open_store(str(tmp_path / "web.db"))
    clusterer = StoryClusterer(MonitorStore(store))
    for a in (article("Clashes in Almaty leave five dead.", dead=5, url="https://x.example/1"),
              article("Zusammenstöße in Almaty.", dead=7, lang="de", url="https://y.example/2"),
              article("Talks in Almaty.", etype="CONSULT", url="https://x.example/3")):  # fmt: skip
        store.add_article(a)
        clusterer.add(a)
    with TestClient(create_app(store=store, coder=object())) as c:
        yield c
    store.close()


def test_stories_api_lists_filters_and_shows_one(client) -> None:
    body = client.get("/stories").json()
    assert len(body["stories"]) == 2
    only = client.get("/stories", params={"type": "ASSAULT"}).json()["stories"]
    assert [s["type"] for s in only] == ["ASSAULT"]
    assert only[0]["languages"] == ["de", "en"] and only[0]["dead"] == 5
    assert client.get("/stories", params={"country": "FRA"}).json()["stories"] == []
    one = client.get(f"/stories/{only[0]['id']}").json()
    assert len(one["events"]) == 2 and one["events"][0]["evidence"]["text"]
    assert client.get("/stories/nope").status_code == 404


def test_stories_view_story_page_and_report(client) -> None:
    page = client.get("/ui/stories", params={"country": "KAZ"})
    assert page.status_code == 200
    assert "de+en" in page.text and 'href="/ui/report?country=KAZ' in page.text
    sid = client.get("/stories", params={"type": "ASSAULT"}).json()["stories"][0]["id"]
    story = client.get(f"/ui/stories/{sid}")
    assert 'id="story-dead">5<' in story.text and "/ui/articles/" in story.text
    report = client.get("/ui/report", params={"country": "KAZ"})
    assert report.status_code == 200 and 'data-n="dead">5<' in report.text
    assert "script" not in report.headers["content-security-policy"]
    assert 'href="/ui/articles/' in report.text  # claims link to the evidence pages
    md = client.get("/ui/report", params={"country": "KAZ", "format": "md", "lang": "de"})
    assert md.text.startswith("# Lagebericht: KAZ") and "| 2 | 5 | 0 | 0 |" in md.text
