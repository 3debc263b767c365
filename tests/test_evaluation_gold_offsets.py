"""Offset annotations joined with a corpus at read time (texts written here, our own)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventcoder.evaluation.gold import read_gold
from eventcoder.evaluation.gold_offsets import split_of, text_sha1

TEXT = ("Nordstadt – Die Polizei hat am Montag 14 Demonstranten festgenommen. "
        "Danach kritisierte der Bürgermeister die Polizei scharf.")
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "annotate_offsets.py"


def _corpus(tmp_path: Path, text: str = TEXT) -> Path:
    folder = tmp_path / "corpus" / "de-10kgnad"
    folder.mkdir(parents=True)
    rec = {"id": "a-1", "text": text, "label": "Inland"}
    (folder / "part.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", "utf-8")
    return tmp_path / "corpus"


def _span(quote: str, after: int = 0) -> dict[str, int]:
    i = TEXT.index(quote, after)
    return {"start": i, "end": i + len(quote)}


def _gold(tmp_path: Path, **extra) -> Path:
    event = {"type": "COERCE", "mode": "arrest", "required": True, "arrested": 14,
             "factuality": "asserted",
             "evidence": _span("Die Polizei hat am Montag 14 Demonstranten festgenommen"),
             "source": [{**_span("Die Polizei"), "country": "DEU", "sector": "COP"}],
             "target": [{**_span("Demonstranten"), "country": "DEU", "sector": "CVL"}],
             "location": {**_span("Nordstadt"), "country": "DEU", "name": None}}
    rec = {"corpus": "de-10kgnad", "id": "a-1", "split": split_of("a-1"),
           "sha1": text_sha1(TEXT), "events": [event], **extra}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n", "utf-8")
    return path


def test_join_fills_text_and_spans(tmp_path):
    corpus = _corpus(tmp_path)
    (rec,) = read_gold([str(_gold(tmp_path))], corpus=str(corpus))
    assert rec.text == TEXT and rec.lang == "de" and rec.kind == "plover"
    (ev,) = rec.events
    assert ev.evidence == "Die Polizei hat am Montag 14 Demonstranten festgenommen"
    assert [a.text for a in ev.source] == ["Die Polizei"]
    assert ev.target[0].text == "Demonstranten" and ev.target[0].sector == "CVL"
    assert ev.location_country == "DEU" and ev.arrested == 14 and ev.required


def test_env_variable_names_the_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CORPUS", str(_corpus(tmp_path)))
    (rec,) = read_gold([str(_gold(tmp_path))])
    assert rec.events[0].source[0].country == "DEU"


def test_sha1_mismatch_is_an_error(tmp_path):
    corpus = _corpus(tmp_path, TEXT.replace("14", "15"))
    with pytest.raises(ValueError, match=r"gold.jsonl:1: sha1 mismatch"):
        list(read_gold([str(_gold(tmp_path))], corpus=str(corpus)))


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match=r"corpus not found at .*nowhere.*; pass --corpus"):
        list(read_gold([str(_gold(tmp_path))], corpus=str(tmp_path / "nowhere")))


def test_wrong_split_and_bad_span_are_errors(tmp_path):
    corpus = str(_corpus(tmp_path))
    other = "check" if split_of("a-1") == "tune" else "tune"
    with pytest.raises(ValueError, match="hashes to"):
        list(read_gold([str(_gold(tmp_path, split=other))], corpus=corpus))
    with pytest.raises(ValueError, match="outside the excerpt|outside the text"):
        list(read_gold([str(_gold(tmp_path, excerpt={"start": 0, "end": 20}))], corpus=corpus))


def test_split_is_one_third_check():
    ids = [f"x-{i}" for i in range(3000)]
    share = sum(split_of(i) == "check" for i in ids) / len(ids)
    assert 0.30 < share < 0.37 and split_of("x-1") == split_of("x-1")


def _script():
    spec = importlib.util.spec_from_file_location("annotate_offsets", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_quotes_become_offsets_and_round_trip(tmp_path):
    corpus = _corpus(tmp_path)
    working = {"corpus": "de-10kgnad", "id": "a-1", "events": [
        {"type": "COERCE", "evidence": "Die Polizei hat am Montag 14 Demonstranten festgenommen",
         "source": [{"text": "Die Polizei", "country": "DEU", "sector": "COP"}], "target": []},
        {"type": "ACCUSE", "evidence": "kritisierte der Bürgermeister die Polizei",
         "source": [{"text": "Bürgermeister", "country": "DEU", "sector": "GOV"}],
         "target": [{"text": "Polizei", "country": "DEU", "sector": "COP"}]}]}
    mod = _script()
    out = mod.convert_record(working, "w.jsonl:1", str(corpus), None)
    second = out["events"][1]
    # "Polizei" occurs twice: the target takes the one inside the second evidence
    assert second["target"][0]["start"] == TEXT.rindex("Polizei")
    assert TEXT[second["evidence"]["start"]:second["evidence"]["end"]] == working["events"][1][
        "evidence"]
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", "utf-8")
    (rec,) = read_gold([str(path)], corpus=str(corpus))
    assert [e.evidence for e in rec.events] == [e["evidence"] for e in working["events"]]
    assert rec.events[1].target[0].text == "Polizei"


def test_quote_not_found_or_ambiguous(tmp_path):
    mod = _script()
    corpus = str(_corpus(tmp_path))
    bad = {"corpus": "de-10kgnad", "id": "a-1",
           "events": [{"type": "ASSAULT", "evidence": "Panzer rollten"}]}
    with pytest.raises(ValueError, match=r"w.jsonl:3: event 1: evidence: 'Panzer rollten' not found"):
        mod.convert_record(bad, "w.jsonl:3", corpus, None)
    # evidence after the second event's text: "Polizei" twice before it -> ambiguous
    twice = {"corpus": "de-10kgnad", "id": "a-1", "events": [
        {"type": "ACCUSE", "evidence": "scharf"}, {"type": "COERCE", "evidence": "Polizei"}]}
    with pytest.raises(ValueError, match="occurs 2 times before the previous event"):
        mod.convert_record(twice, "w.jsonl:4", corpus, None)
    twice["events"][1]["evidence"] = {"quote": "Polizei", "n": 1}
    assert mod.convert_record(twice, "w.jsonl:4", corpus, None)["events"][1]["evidence"][
        "start"] == TEXT.index("Polizei")


def test_quote_white_space_and_ties(tmp_path):
    mod = _script()
    text = "Der Rat tagte.  Der Rat  beschloss Sanktionen gegen Nordland. Der Rat schwieg."
    corpus = _corpus(tmp_path, text)
    working = {"corpus": "de-10kgnad", "id": "a-1", "events": [
        {"type": "SANCTION", "evidence": "Der Rat beschloss Sanktionen",  # one space for two
         "source": [{"text": "Rat", "country": "DEU", "sector": "GOV"}],
         "target": [{"text": "Nordland", "country": "DEU", "sector": None}]}]}
    ev = mod.convert_record(working, "w.jsonl:5", str(corpus), None)["events"][0]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == "Der Rat  beschloss Sanktionen"
    assert text[ev["source"][0]["start"]:ev["source"][0]["end"]] == "Rat"
    assert ev["source"][0]["start"] == text.index("Rat  beschloss")  # the one inside the evidence
    working["events"][0]["evidence"] = "Sanktionen"
    ev = mod.convert_record(working, "w.jsonl:5", str(corpus), None)["events"][0]
    # "Rat" outside the evidence: the nearest one, which precedes it
    assert ev["source"][0]["start"] == text.index("Rat  beschloss")


def test_cli_evaluate_joins_with_corpus_option(tmp_path):
    from click.testing import CliRunner

    from eventcoder.cli.evaluate_cmd import evaluate

    gold = _gold(tmp_path)
    ok = CliRunner().invoke(evaluate, [str(gold), "--json", "--corpus", str(_corpus(tmp_path))])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["events"]["gold_events"] == 1
    missing = CliRunner().invoke(evaluate, [str(gold), "--corpus", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "corpus not found at" in missing.output
