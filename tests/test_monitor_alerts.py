"""Alert rules: matching, once per story and rule, escalation, retried and logged delivery to a
loopback webhook, a file and a local SMTP server."""

from __future__ import annotations

import json
import socket

import pytest

from eventcoder.monitor.alerts import AlertEngine
from eventcoder.monitor.config import AlertRule
from eventcoder.monitor.store import MonitorStore
from eventcoder.monitor.stories import StoryClusterer
from eventcoder.store import open_store
from monitor_helpers import Site, article, serve


@pytest.fixture()
def mstore():
    store = open_store(":memory:")
    yield MonitorStore(store)
    store.close()


def test_rule_fires_once_then_again_only_on_escalation(mstore, tmp_path) -> None:
    out = tmp_path / "alerts.jsonl"
    rules = [
        AlertRule(
            "deadly",
            {"type": ["ASSAULT"], "country": ["KAZ"], "min_dead": 5, "escalation": True},
            {"file": str(out)},
        ),  # fmt: skip
        AlertRule("elsewhere", {"country": ["FRA"]}, {"file": str(out)}),
        AlertRule("by-actor", {"actor": ["forces"], "min_dead": 100}, {"file": str(out)}),
    ]
    engine = AlertEngine(mstore, rules, dashboard="http://127.0.0.1:8000", backoff=0)
    c = StoryClusterer(mstore)
    r = c.add(article("Clashes leave three dead.", dead=3, url="https://x/1"))
    assert engine.evaluate(r.touched, r.created) == 0  # below min_dead
    r = c.add(article("Clashes leave six dead.", dead=6, url="https://y/1", published="2026-11-25"))
    assert engine.evaluate(r.touched, r.created) == 0  # x says 3, y says 6: 3 (conservative)
    r = c.add(
        article("Death toll rises to nine.", dead=9, url="https://x/2", published="2026-11-26")
    )
    assert engine.evaluate(r.touched) == 1  # x now says 9, y 6: 6
    assert engine.evaluate(r.touched) == 0  # once per story and rule
    r = c.add(article("Toll now eleven.", dead=11, url="https://y/2", published="2026-11-27"))
    assert engine.evaluate(r.touched) == 1  # 9: an escalation
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(p["alert"], p["reason"], p["story"]["dead"]) for p in lines] == [
        ("deadly", "new", 6), ("deadly", "escalation", 9)]  # fmt: skip
    assert lines[0]["links"]["story"].startswith("http://127.0.0.1:8000/ui/stories/")
    assert lines[1]["story"]["mentions"] == 4 and len(lines[1]["events"]) == 4


def test_webhook_delivery_is_retried_and_logged(mstore) -> None:
    site = Site()
    with serve(site):
        site.fail_posts = 1
        rule = AlertRule("any", {"type": ["ASSAULT"]}, {"webhook": site.base + "/hook"})
        engine = AlertEngine(mstore, [rule], backoff=0)
        r = StoryClusterer(mstore).add(article("Clashes in the city.", dead=2))
        assert engine.evaluate(r.touched, r.created) == 1
        assert len(site.posts) == 1 and site.posts[0]["alert"] == "any"
        (log,) = mstore.deliveries()
        assert log["status"] == "delivered" and log["attempts"] == 2


def test_failed_delivery_is_not_marked_and_tried_next_round(mstore) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rule = AlertRule("any", {}, {"webhook": f"http://127.0.0.1:{port}/hook"})
    engine = AlertEngine(mstore, [rule], retries=1, backoff=0, timeout=2)
    r = StoryClusterer(mstore).add(article("Clashes in the city."))
    assert engine.evaluate(r.touched, r.created) == 0
    assert engine.evaluate(r.touched) == 0
    logs = mstore.deliveries()
    assert [d["status"] for d in logs] == ["failed", "failed"] and logs[0]["attempts"] == 2


def test_new_story_rule_and_email_to_local_smtp(mstore) -> None:
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    from aiosmtpd.handlers import Message

    received = []

    class Keep(Message):
        def handle_message(self, message):  # type: ignore[no-untyped-def]
            received.append(message)

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = aiosmtpd.Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        email = {"host": "127.0.0.1", "port": port, "from": "monitor@localhost",
                 "to": ["desk@localhost"]}  # fmt: skip
        rule = AlertRule("fresh", {"new_story": True, "type": ["ASSAULT"]}, {"email": email})
        engine = AlertEngine(mstore, [rule], backoff=0)
        c = StoryClusterer(mstore)
        r = c.add(article("Clashes in the city.", dead=4))
        old = c.add(article("More clashes in the city.", url="https://z/1"))
        assert engine.evaluate(old.touched, old.created) == 0  # not new in this round
        assert engine.evaluate(r.touched, r.created) == 1
    finally:
        controller.stop()
    (msg,) = received
    assert "fresh" in msg["Subject"] and "KAZ" in msg["Subject"]
    assert msg["To"] == "desk@localhost"
