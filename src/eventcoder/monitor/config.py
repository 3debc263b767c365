"""The watch configuration (YAML): sources, fetch settings, clustering, alerts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventcoder.model import FACTUALITY, PLOVER_TYPES

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
DEFAULT_EVERY = 900.0  # 15 minutes


class ConfigError(ValueError):
    """A problem in the configuration file (the message names the file and the key)."""


def parse_duration(value: Any, where: str) -> float:
    """``15m``, ``2h``, ``30s``, ``1d`` or a number of seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise ConfigError(f"{where}: {value!r} is not a duration such as 30s, 15m, 2h or 1d")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@dataclass(frozen=True)
class Source:
    kind: str  # "feed" | "folder"
    target: str  # URL or folder path
    every: float = DEFAULT_EVERY
    lang: str | None = None
    name: str = ""


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # seconds; doubled at each retry
    per_host_interval: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000
    robots: bool = True
    user_agent: str = "eventcoder-monitor/0.1 (+https://github.com/openeventdata/PLOVER)"


@dataclass(frozen=True)
class AlertRule:
    name: str
    when: dict[str, Any]
    notify: dict[str, Any]


@dataclass(frozen=True)
class MonitorConfig:
    sources: tuple[Source, ...] = ()
    alerts: tuple[AlertRule, ...] = ()
    fetch: FetchSettings = field(default_factory=FetchSettings)
    window_days: int = 3
    max_km: float = 150.0
    dashboard: str | None = None  # base URL for links in alerts (e.g. http://127.0.0.1:8000)
    path: str = ""


_WHEN_KEYS = {
    "type", "country", "actor", "min_dead", "min_injured", "min_arrested", "factuality",
    "new_story", "escalation", "min_mentions",
}  # fmt: skip
_NOTIFY_KEYS = {"webhook", "file", "email"}


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _alert(raw: Any, where: str) -> AlertRule:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ConfigError(f"{where}: an alert needs a name, when and notify")
    when = raw.get("when") or {}
    notify = raw.get("notify") or {}
    if not isinstance(when, dict) or not isinstance(notify, dict):
        raise ConfigError(f"{where}: when and notify must be mappings")
    unknown = set(when) - _WHEN_KEYS
    if unknown:
        raise ConfigError(
            f"{where}.when: unknown keys {sorted(unknown)}; known: {sorted(_WHEN_KEYS)}"
        )
    if not notify or set(notify) - _NOTIFY_KEYS:
        raise ConfigError(f"{where}.notify: give one of webhook, file or email")
    when = dict(when)
    for key in ("type", "country", "actor", "factuality"):
        if key in when:
            when[key] = _list(when[key])
    bad = [t for t in when.get("type", []) if t.upper() not in PLOVER_TYPES]
    if bad:
        raise ConfigError(f"{where}.when.type: {bad} are not PLOVER types")
    bad = [f for f in when.get("factuality", []) if f not in FACTUALITY]
    if bad:
        raise ConfigError(f"{where}.when.factuality: {bad} not in {list(FACTUALITY)}")
    if "email" in notify and not isinstance(notify["email"], dict):
        raise ConfigError(f"{where}.notify.email: give a mapping with to, from, host, port")
    return AlertRule(name=str(raw["name"]), when=when, notify=dict(notify))


def load_config(path: str | Path) -> MonitorConfig:
    """Read and check a configuration file; :class:`ConfigError` names what is wrong."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping with sources and alerts")
    sources = []
    for i, raw in enumerate(data.get("sources") or [], 1):
        where = f"{path}: sources[{i}]"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: give feed: URL or folder: PATH")
        kinds = [k for k in ("feed", "folder") if raw.get(k)]
        if len(kinds) != 1:
            raise ConfigError(f"{where}: give exactly one of feed: URL or folder: PATH")
        kind = kinds[0]
        target = str(raw[kind])
        if kind == "folder" and not Path(target).is_absolute():
            target = str((path.parent / target).resolve())
        every = parse_duration(raw.get("every", DEFAULT_EVERY), f"{where}.every")
        sources.append(Source(kind, target, every, raw.get("lang"), str(raw.get("name") or target)))
    if not sources:
        raise ConfigError(f"{path}: no sources (add sources: [{{feed: URL}}, {{folder: PATH}}])")
    alerts = tuple(
        _alert(a, f"{path}: alerts[{i}]") for i, a in enumerate(data.get("alerts") or [], 1)
    )
    names = [a.name for a in alerts]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: alert names must be unique")
    fetch_raw = data.get("fetch") or {}
    try:
        fetch = FetchSettings(
            **{
                k: (
                    parse_duration(v, f"{path}: fetch.{k}")
                    if k in ("timeout", "backoff", "per_host_interval")
                    else v
                )
                for k, v in fetch_raw.items()
            }  # fmt: skip
        )
    except TypeError as exc:
        raise ConfigError(f"{path}: fetch: {exc}") from exc
    stories = data.get("stories") or {}
    return MonitorConfig(
        sources=tuple(sources),
        alerts=alerts,
        fetch=fetch,
        window_days=int(stories.get("window_days", 3)),
        max_km=float(stories.get("max_km", 150.0)),
        dashboard=data.get("dashboard"),
        path=str(path),
    )
