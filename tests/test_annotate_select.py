"""scripts/annotate_select.py: de-10kgnad tiers on a tiny synthetic corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def select(monkeypatch):
    spec = importlib.util.spec_from_file_location("annotate_select", REPO / "scripts/annotate_select.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "dev_ids", lambda: {"dev-long"})
    return module


def _rec(label: str, size: int) -> dict:
    return {"label": label, "text": "x" * size}


def test_de_tiers_by_section_and_length(select):
    records = {
        "long-int": _rec("International", 1500),
        "long-inl": _rec("Inland", 4000),
        "short-int": _rec("International", 1499),
        "short-inl": _rec("Inland", 200),
        "pan-long": _rec("Panorama", 5000),
        "pan-short": _rec("Panorama", 100),
        "sport": _rec("Sport", 3000),
        "dev-long": _rec("Inland", 3000),
    }
    assert select.candidates("de-10kgnad", records) == [
        ["long-inl", "long-int"],
        ["short-inl", "short-int"],
        ["pan-long", "pan-short"],
    ]


def test_unknown_corpus_is_refused(select):
    with pytest.raises(ValueError, match="no selection rule"):
        select.candidates("fr-news", {})
