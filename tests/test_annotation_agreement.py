"""scripts/annotation_agreement.py: agreement of two offset annotations (texts our own)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from eventcoder.evaluation.gold_offsets import split_of, text_sha1

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "annotation_agreement.py"
TEXT = ("Nordstadt – Der Innenminister traf am Montag seinen Amtskollegen aus Südland. "
        "Danach kritisierte die Opposition den Innenminister scharf. "
        "Die Polizei nahm am Abend drei Demonstranten fest.")
OTHER = "Eine kurze Meldung ohne jedes politische Ereignis, nur über das Wetter am Fluss."


def _mod():
    spec = importlib.util.spec_from_file_location("annotation_agreement", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def mod():
    return _mod()


def _corpus(tmp_path: Path) -> str:
    folder = tmp_path / "corpus" / "de-10kgnad"
    folder.mkdir(parents=True)
    lines = [json.dumps({"id": rid, "text": text}, ensure_ascii=False)
             for rid, text in (("a-1", TEXT), ("a-2", OTHER), ("a-3", TEXT + " " + OTHER * 3))]
    (folder / "part.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return str(tmp_path / "corpus")


def _span(quote: str) -> dict[str, int]:
    i = TEXT.index(quote)
    return {"start": i, "end": i + len(quote)}


def _actor(quote: str | None, country: str | None, sector: str | None = None) -> dict:
    return {**(_span(quote) if quote else {}), "country": country, "sector": sector}


CONSULT = ("CONSULT", "Der Innenminister traf am Montag seinen Amtskollegen aus Südland",
           ("Innenminister", "NRD"), ("Amtskollegen", "SUD"))
ACCUSE = ("ACCUSE", "kritisierte die Opposition den Innenminister scharf",
          ("Opposition", "NRD"), (None, "NRD"))
ARREST = ("COERCE", "Die Polizei nahm am Abend drei Demonstranten fest",
          ("Die Polizei", "NRD"), ("Demonstranten", "NRD"))


def _event(spec, required: bool = True, **change) -> dict:
    type_, evidence, src, tgt = spec
    ev = {"type": type_, "required": required, "type_alternatives": [],
          "evidence": _span(evidence), "source": [_actor(*src)], "target": [_actor(*tgt)]}
    ev.update(change)
    return ev


def _file(tmp_path: Path, name: str, events: list[dict], rid: str = "a-1") -> str:
    text = TEXT if rid == "a-1" else OTHER
    rec = {"corpus": "de-10kgnad", "id": rid, "split": split_of(rid), "sha1": text_sha1(text),
           "events": events}
    path = tmp_path / name
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return str(path)


def _agree(mod, tmp_path, a_events, b_events):
    corpus = _corpus(tmp_path)
    a = _file(tmp_path, "a.jsonl", a_events)
    b = _file(tmp_path, "b.jsonl", b_events)
    return mod.agreement(mod.read_by_id(a, corpus), mod.read_by_id(b, corpus))


def test_identical_annotations_agree_fully(mod, tmp_path):
    events = [_event(CONSULT), _event(ACCUSE), _event(ARREST)]
    res = _agree(mod, tmp_path, events, events)
    assert res["articles"] == 1 and res["required"] == {"a": 3, "b": 3}
    for name in ("strict", "loose"):
        assert res[name]["a_gold"]["f1"] == 1.0 and res[name]["symmetric_f1"] == 1.0
    assert res["disagreements"] == {}
    assert res["per_type"]["ACCUSE"]["strict"] == 1.0


def test_wrong_target_country_fails_strict_but_not_type_only(mod, tmp_path):
    a = [_event(ACCUSE), _event(ARREST)]
    b = [_event(ACCUSE), _event(ARREST, target=[_actor("Demonstranten", "SUD")])]
    res = _agree(mod, tmp_path, a, b)
    strict, loose = res["strict"]["a_gold"], res["loose"]["a_gold"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 1, 1)
    assert (loose["tp"], loose["fp"], loose["fn"]) == (2, 0, 0)
    assert res["sides"]["a_gold"]["target"] == {"total": 2, "correct": 1}
    assert res["sides"]["a_gold"]["source"] == {"total": 2, "correct": 2}
    assert res["disagreements"] == {"countries differ": 1}


def test_reciprocal_consult_may_swap_sides(mod, tmp_path):
    swapped = _event(CONSULT, source=[_actor("Amtskollegen", "SUD")],
                     target=[_actor("Innenminister", "NRD")])
    res = _agree(mod, tmp_path, [_event(CONSULT)], [swapped])
    assert res["strict"]["a_gold"]["tp"] == 1
    # the same swap on a directed type is a disagreement
    acc = _event(ACCUSE, source=[_actor(None, "SUD")], target=[_actor("Opposition", "NRD")])
    res = _agree(mod, tmp_path / "x", [_event(ACCUSE, target=[_actor(None, "SUD")])], [acc])
    assert res["strict"]["a_gold"]["tp"] == 0 and res["loose"]["a_gold"]["tp"] == 1


def test_optional_events_count_nowhere_unless_they_match_a_required_one(mod, tmp_path):
    # A: CONSULT required, ACCUSE optional; B: CONSULT optional, ARREST optional
    a = [_event(CONSULT), _event(ACCUSE, required=False)]
    b = [_event(CONSULT, required=False), _event(ARREST, required=False)]
    res = _agree(mod, tmp_path, a, b)
    fwd = res["strict"]["a_gold"]
    assert (fwd["tp"], fwd["fp"], fwd["fn"]) == (1, 0, 0)  # B's optional CONSULT matches
    rev = res["strict"]["b_gold"]  # A's CONSULT matches B's optional one: counts nowhere
    assert (rev["tp"], rev["fp"], rev["fn"]) == (0, 0, 0)
    assert res["optional"] == {"a": 1, "b": 2}


def test_required_prediction_is_preferred_over_an_optional_twin(mod, tmp_path):
    a = [_event(ARREST)]
    b = [_event(ARREST, required=False), _event(ARREST)]
    res = _agree(mod, tmp_path, a, b)
    fwd = res["strict"]["a_gold"]
    assert (fwd["tp"], fwd["fp"], fwd["fn"]) == (1, 0, 0)
    # two required twins: one of them is extra
    res = _agree(mod, tmp_path / "x", a, [_event(ARREST), _event(ARREST)])
    assert res["strict"]["a_gold"]["fp"] == 1


def test_type_disagreement_on_the_same_words_is_named(mod, tmp_path):
    a = [_event(ACCUSE), _event(ARREST)]
    b = [_event(ACCUSE, type="REJECT")]
    res = _agree(mod, tmp_path, a, b)
    kinds = [d["kind"] for d in res["details"]]
    assert "type differs: ACCUSE -> REJECT" in kinds and "only in gold" in kinds
    assert res["disagreements"] == {"type differs": 1, "only in gold": 1}
    assert res["per_type"]["ACCUSE"]["loose"] == 0.0 and res["per_type"]["COERCE"]["a"] == 1
    # A's alternative type accepts B's choice when A is the gold, not the other way round
    res = _agree(mod, tmp_path / "x", [_event(ACCUSE, type_alternatives=["REJECT"])], b)
    assert res["strict"]["a_gold"]["f1"] == 1.0 and res["strict"]["b_gold"]["f1"] == 0.0
    assert res["strict"]["symmetric_f1"] == 0.5


def test_markdown_table_and_cli(mod, tmp_path, capsys):
    corpus = _corpus(tmp_path)
    a = _file(tmp_path, "a.jsonl", [_event(ACCUSE), _event(ARREST)])
    _file(tmp_path, "a.jsonl", [], rid="a-2")
    b = _file(tmp_path, "b.jsonl", [_event(ACCUSE)])
    assert mod.main(["compare", a, b, "--corpus", corpus, "--title", "Probe"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### Probe")
    assert "| type + countries (TP 1, FP 0, FN 1) | 1.000 | 0.500 | 0.667 |" in out
    assert "| COERCE | 1 | 0 | 0.00 | 0.00 | 0.00 |" in out


def test_bad_input_is_a_clear_error(mod, tmp_path, capsys):
    corpus = _corpus(tmp_path)
    a = _file(tmp_path, "a.jsonl", [_event(ACCUSE)])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", "utf-8")
    assert mod.main(["compare", a, str(bad), "--corpus", corpus]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err
    other = _file(tmp_path, "o.jsonl", [], rid="a-2")
    assert mod.main(["compare", a, other, "--corpus", corpus]) == 1
    assert "share no article id" in capsys.readouterr().err


def test_sample_skips_articles_without_required_events_and_long_ones(mod, tmp_path):
    corpus = _corpus(tmp_path)
    gold = tmp_path / "g.jsonl"
    recs = [("a-1", [{"type": "ACCUSE", "required": True}]),
            ("a-2", [{"type": "ACCUSE", "required": False}]),
            ("a-3", [{"type": "ACCUSE"}])]
    gold.write_text("".join(json.dumps({"corpus": "de-10kgnad", "id": i, "events": e}) + "\n"
                            for i, e in recs), "utf-8")
    both = mod.sample(str(gold), 5, "s", None, set(), corpus)
    assert sorted(both) == ["a-1", "a-3"]
    assert both == mod.sample(str(gold), 5, "s", None, set(), corpus)  # seeded, stable
    assert mod.sample(str(gold), 5, "s", len(TEXT), set(), corpus) == ["a-1"]
    assert mod.sample(str(gold), 5, "s", None, {"a-1"}, corpus) == ["a-3"]
    assert len(mod.sample(str(gold), 1, "s", None, set(), corpus)) == 1


def test_dropping_optional_events_makes_a_flag_difference_count(mod, tmp_path):
    a = [_event(CONSULT), _event(ACCUSE, required=False)]
    b = [_event(CONSULT, required=False), _event(ACCUSE)]
    res = _agree(mod, tmp_path, a, b)
    assert res["strict"]["a_gold"]["f1"] == 1.0  # lenient: borderline events never count
    req = res["required_only"]["a_gold"]
    assert (req["tp"], req["fp"], req["fn"]) == (0, 1, 1)
    assert res["required_flag"] == {"same": 0, "pairs": 2}
    res = _agree(mod, tmp_path / "x", a, a)
    assert res["required_only"]["symmetric_f1"] == 1.0
    assert res["required_flag"] == {"same": 2, "pairs": 2}


def test_a_tie_goes_to_the_pair_read_from_the_same_words(mod, tmp_path):
    # A has two compatible ACCUSE events, B only the second: the miss is the first one
    first = _event(ARREST, type="ACCUSE", source=[_actor("Die Polizei", "NRD")],
                   target=[_actor("Demonstranten", "NRD")])
    res = _agree(mod, tmp_path, [first, _event(ACCUSE)], [_event(ACCUSE)])
    (miss,) = [d for d in res["details"] if d["kind"] == "only in gold"]
    assert miss["gold"]["evidence"].startswith("Die Polizei")
    assert res["strict"]["a_gold"]["tp"] == 1
