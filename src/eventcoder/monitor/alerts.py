"""Alert rules over stories and their delivery (webhook, file, email), retried and logged.

A rule fires once per story; with ``escalation: true`` it fires again when a consolidated
number (dead, injured, arrested) of the story rises. ``new_story: true`` restricts a rule to
stories created in the current round. A failed delivery is not recorded as fired, so it is
tried again in the next round.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import time
import urllib.request
import uuid
from collections.abc import Iterable, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from eventcoder.monitor.config import AlertRule
from eventcoder.monitor.query import get_story
from eventcoder.monitor.store import MonitorStore, now_iso
from eventcoder.monitor.stories import NUMBERS

log = logging.getLogger("eventcoder.monitor")
STORY_KEYS = (
    "id", "type", "types", "family", "title", "countries", "places", "dead", "injured",
    "arrested", "mentions", "n_events", "sources", "languages", "first_day", "last_day",
    "first_seen", "last_seen", "factuality", "figures",
)  # fmt: skip


def matches(rule: AlertRule, story: dict[str, Any]) -> bool:
    """Whether the story satisfies the rule's ``when`` conditions (not counting state)."""
    when = rule.when
    if when.get("type") and not {t.upper() for t in when["type"]} & set(story["types"]):
        return False
    if when.get("country") and not {c.upper() for c in when["country"]} & set(story["countries"]):
        return False
    for name in NUMBERS:
        least = when.get(f"min_{name}")
        if least is not None and (story.get(name) or 0) < int(least):
            return False
    if when.get("min_mentions") and story["mentions"] < int(when["min_mentions"]):
        return False
    if when.get("factuality") and not set(when["factuality"]) & set(story["factuality"]):
        return False
    if when.get("actor"):
        words = [a.casefold() for a in when["actor"]]
        names = [
            str(v).casefold()
            for m in story.get("events", [])
            for a in m["source"] + m["target"]
            for v in (a["text"], a["name"], a["code"])
            if v
        ]
        if not any(w in n for w in words for n in names):
            return False
    return True


def payload(rule: AlertRule, story: dict[str, Any], reason: str, dashboard: str | None) -> dict:
    """The JSON sent to webhooks (and written to files, and the body of emails)."""
    base = (dashboard or "").rstrip("/")
    events = [
        {k: m.get(k) for k in ("event_id", "article_id", "type", "day", "outlet", "lang", "url",
                               "title", "dead", "injured", "arrested", "factuality",
                               "attributed_to", "evidence", "source", "target", "place")}
        for m in story.get("events", [])
    ]  # fmt: skip
    links: dict[str, Any] = {"articles": sorted({m["url"] for m in events if m.get("url")})}
    if base:
        links["story"] = f"{base}/ui/stories/{story['id']}"
        links["api"] = f"{base}/stories/{story['id']}"
    return {
        "alert": rule.name,
        "reason": reason,
        "fired_at": now_iso(),
        "story": {k: story.get(k) for k in STORY_KEYS},
        "events": events,
        "links": links,
    }


class DeliveryError(Exception):
    """A notification could not be delivered after the retries."""


def _webhook(url: str, body: bytes, timeout: float) -> None:
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "eventcoder-monitor/0.1"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=timeout) as resp:
        if not 200 <= resp.status < 300:
            raise DeliveryError(f"HTTP {resp.status}")


def _file(path: str, body: bytes) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("ab") as f:
        f.write(body + b"\n")


def _email(cfg: dict[str, Any], data: dict[str, Any], timeout: float) -> None:
    story = data["story"]
    msg = EmailMessage()
    msg["Subject"] = (
        f"[eventcoder] {data['alert']}: {story['type']} in {', '.join(story['countries'])} "
        f"(dead {story['dead']}, mentions {story['mentions']})"
    )
    msg["From"] = cfg.get("from", "eventcoder@localhost")
    to = cfg.get("to") or []
    msg["To"] = ", ".join(to if isinstance(to, list) else [to])
    lines = [f"{story.get('title') or story['id']}", ""]
    lines += [
        f"{k}: {story.get(k)}"
        for k in (
            "type",
            "countries",
            "dead",
            "injured",
            "arrested",
            "mentions",
            "languages",
            "sources",
        )
    ]
    lines += ["", *[f"- {e['outlet']} ({e['lang']}): {e['evidence']['text']}"
                    for e in data["events"]]]  # fmt: skip
    msg.set_content("\n".join(lines))
    msg.add_attachment(json.dumps(data, indent=2).encode("utf-8"), maintype="application",
                       subtype="json", filename="alert.json")  # fmt: skip
    with smtplib.SMTP(cfg.get("host", "localhost"), int(cfg.get("port", 25)), timeout=timeout) as s:
        if cfg.get("starttls"):
            s.starttls()
        if cfg.get("username"):
            s.login(cfg["username"], os.environ.get(cfg.get("password_env", ""), ""))
        s.send_message(msg)


class AlertEngine:
    """Evaluates the rules on stories touched in a round and delivers what fires."""

    def __init__(
        self,
        mstore: MonitorStore,
        rules: Sequence[AlertRule],
        *,
        dashboard: str | None = None,
        retries: int = 3,
        backoff: float = 0.5,
        timeout: float = 10.0,
    ) -> None:
        self.mstore = mstore
        self.rules = list(rules)
        self.dashboard = dashboard
        self.retries, self.backoff, self.timeout = retries, backoff, timeout

    def evaluate(self, story_ids: Iterable[str], created: Iterable[str] = ()) -> int:
        """Fire the rules on these stories; returns the number of alerts delivered."""
        created = set(created)
        fired = 0
        for story_id in sorted(story_ids):
            story = get_story(self.mstore, story_id) if self.rules else None
            if story is None:
                continue
            for rule in self.rules:
                reason = self._reason(rule, story, story_id in created)
                if reason and self.deliver(rule, payload(rule, story, reason, self.dashboard)):
                    self.mstore.mark_alert(rule.name, story_id, {n: story.get(n) for n in NUMBERS})
                    fired += 1
        return fired

    def _reason(self, rule: AlertRule, story: dict[str, Any], is_new: bool) -> str | None:
        if not matches(rule, story):
            return None
        state = self.mstore.alert_state(rule.name, story["id"])
        if state is None:
            if rule.when.get("new_story") and not is_new:
                return None
            return "new"
        if rule.when.get("escalation") and any(
            (story.get(n) or 0) > (state.get(n) or 0) for n in NUMBERS
        ):
            return "escalation"
        return None

    def deliver(self, rule: AlertRule, data: dict[str, Any]) -> bool:
        """Send to every target of the rule, with retries; True when all succeeded."""
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        ok = True
        for kind, target in rule.notify.items():
            label = f"{kind}:{target.get('to') if kind == 'email' else target}"
            attempts, detail = 0, None
            while True:
                attempts += 1
                try:
                    if kind == "webhook":
                        _webhook(str(target), body, self.timeout)
                    elif kind == "file":
                        _file(str(target), body)
                    else:
                        _email(target, data, self.timeout)
                    status = "delivered"
                    break
                except Exception as exc:  # any failure is retried, then logged
                    detail = f"{type(exc).__name__}: {exc}"
                    if attempts > self.retries:
                        status = "failed"
                        break
                    time.sleep(self.backoff * 2 ** (attempts - 1))
            if status == "failed":
                ok = False
                log.error("alert %s for story %s: delivery to %s failed after %d attempts: %s",
                          rule.name, data["story"]["id"], label, attempts, detail)  # fmt: skip
            else:
                log.info("alert %s for story %s delivered to %s", rule.name,
                         data["story"]["id"], label)  # fmt: skip
            self.mstore.log_delivery(uuid.uuid4().hex, rule.name, data["story"]["id"], label,
                                     status, attempts, detail)  # fmt: skip
        return ok
