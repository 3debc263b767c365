"""Gold readers: the three record shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluation.gold import alpha2_to_alpha3, parse_record, read_gold

DATA = Path(__file__).parent / "data" / "eval"


def test_common_shape_single_and_list_actors():
    recs = {r.id: r for r in read_gold([str(DATA / "gold_common.jsonl")])}
    coerce, consult, protest = recs["r1"].events
    assert [a.country for a in coerce.source] == ["NOR"]  # single object -> list
    assert coerce.arrested == 12 and coerce.location_country == "NOR"
    assert protest.required is False and coerce.required is True
    agree, aid = recs["r2"].events
    assert agree.countries("source") == {"DNK", "FIN"} and agree.target == []
    assert aid.accepts("COOPERATE") and not aid.accepts("SUPPORT")
    assert recs["r2"].published == "2023-03-08"  # `date` when there is no `published`
    assert recs["r1"].kind == "plover" and recs["r5"].kind == "unsupported"
    assert recs["r3"].events[0].target == []  # null target


def test_gsr_alpha2_location():
    recs = list(read_gold([str(DATA / "gold_gsr.jsonl")]))
    assert recs[0].events[0].location_country == "PER"
    assert recs[2].events[0].location_country == "COD"
    assert alpha2_to_alpha3()["DE"] == "DEU"


def test_petrarch_shape():
    recs = list(read_gold([str(DATA / "gold_petrarch.jsonl")]))
    assert all(r.kind == "petrarch" for r in recs)
    assert recs[0].events[0].event_code == "032"
    assert recs[0].events[0].source[0].code == "XAN"
    assert recs[1].events == []


def test_vague_numbers_are_kept():
    rec = parse_record({"id": "v", "text": "t", "events": [
        {"type": "COERCE", "arrested": None, "arrested_vague": "hundreds"}]})
    assert rec.events[0].vague == {"arrested": "hundreds"}


def test_bad_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        list(read_gold([str(bad)]))


def test_native_plover_records():
    recs = list(read_gold([str(DATA / "gold_plover_native.json")]))
    assert [r.id for r in recs] == ["N-DEMAND-0001", "N-INVESTIGATE-0001"]  # DOCUMENT skipped
    req = recs[0].events[0]
    assert req.type == "REQUEST" and req.mode == "visit"  # old names renamed
    assert req.countries("source") == {"JPN"} and req.source[0].sector is None
    assert req.target == [] and req.location_country == "JPN"
    acc = recs[1].events[0]
    assert acc.type == "ACCUSE" and acc.mode == "investigate" and acc.dead == 3
    assert recs[1].kind == "plover" and recs[1].published == "2000-01-01"
