"""Shared helper for the knowledge-base tests."""

from __future__ import annotations

from eventcoder.knowledge import Mention


def find(mentions: list[Mention], text: str) -> Mention:
    """The mention whose text is exactly ``text`` (fails the test with the list otherwise)."""
    for m in mentions:
        if m.text == text:
            return m
    raise AssertionError(f"{text!r} not in {[m.text for m in mentions]}")
