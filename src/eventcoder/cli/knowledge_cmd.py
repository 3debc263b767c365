"""CLI commands (placeholder module, filled by its owner)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
