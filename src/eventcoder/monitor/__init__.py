"""The crisis monitor: watch feeds and folders, group near-duplicates, cluster stories across
sources and languages, fire alerts and write situation reports (see docs/monitor.md)."""

from __future__ import annotations

from eventcoder.monitor.config import ConfigError, MonitorConfig, load_config

__all__ = ["ConfigError", "MonitorConfig", "load_config"]
