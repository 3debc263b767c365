"""User PETRARCH-format dictionaries on top of the built-in lexicons, and the tokenizer."""

from __future__ import annotations

from pathlib import Path

import spacy

from eventcoder.coding import get_coder
from eventcoder.coding.dictionaries import plover_type, split_code
from eventcoder.coding.tokenizer import FastTokenizer
from eventcoder.model import Article

ACTORS = "NORVALIA [NRV]\nSELMORE [SLM]\n"
AGENTS = "POLICE [~COP]\n"
VERBS = "--- CONDEMN [111] ---\nCONDEMN\n--- SEND [070] ---\nSEND {SENDS SENT SENDING}\n- * FOOD [0733]\n"


def _files(tmp_path: Path) -> dict[str, list[str]]:
    out = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = [str(path)]
    return out


def test_user_dictionaries_code_english_with_their_codes(tmp_path: Path) -> None:
    coder = get_coder(**_files(tmp_path))
    art = Article(
        text="Norvalia condemned Selmore on Monday. Selmore sent food to Norvalia.",
        lang="en",
        published="2024-02-05",
    )
    events = coder.code(art)
    triples = [(e.source[0].code, e.target[0].code, e.cameo, e.type) for e in events]
    assert triples == [("NRV", "SLM", "111", "ACCUSE"), ("SLM", "NRV", "0733", "AID")]
    assert events[0].date == "2024-02-05"
    assert all(art.text[e.evidence.start : e.evidence.end] == e.evidence.text for e in events)


def test_codes_outside_the_crosswalk_get_a_fallback_type() -> None:
    assert plover_type("173") == ("COERCE", "arrest")
    assert plover_type("021")[0] == "REQUEST"
    assert split_code("KAZGOV") == ("KAZ", "GOV")
    assert split_code("~COP") == (None, "COP")


def test_fast_tokenizer_keeps_text_and_offsets() -> None:
    nlp = spacy.blank("de")
    tok = FastTokenizer(nlp.vocab)
    text = "  Die EU-Kommission  sagte:\n\n25,000 Euro für Kyjiw's Schulen. "
    doc = tok(text)
    assert doc.text == text
    assert [t.idx for t in doc] == doc._.ec_view.idx
    words = [t.text for t in doc if not t.is_space]
    assert "EU-Kommission" in words and "25,000" in words and "'s" in words
