"""Announced acts: which keep their type (codebook: pledges are announced) and which become
AGREE (intent to cooperate)."""

from __future__ import annotations

from eventcoder.coding import get_coder
from eventcoder.model import Article


def test_german_pledged_aid_and_planned_talks_keep_their_type_announced() -> None:
    text = ("Deutschland will der Ukraine weitere Hilfe schicken. Der Kanzler will am Montag mit "
            "dem Innenminister sprechen. Die Regierung will mit Frankreich zusammenarbeiten.")
    events = get_coder().code(Article(id="t", text=text, lang="de", published="2024-03-05"))
    got = [(e.type, e.factuality, [a.country for a in e.target]) for e in events]
    assert ("AID", "announced", ["UKR"]) in got
    assert any(t == "CONSULT" and f == "announced" for t, f, _ in got)
    assert any(t == "AGREE" for t, _, _ in got)  # intent to cooperate is still AGREE
