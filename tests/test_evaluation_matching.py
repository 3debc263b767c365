"""Matching rules: types, alternatives, countries, reciprocal swaps, required before optional."""

from __future__ import annotations

from eventcoder.evaluation.gold import parse_event
from eventcoder.evaluation.matching import compatible, match_record
from eventcoder.model import Actor, Event, Evidence

TEXT = "Country A threatened country B. Talks followed."


def pred(type_: str, src=(), tgt=(), start: int = 0, end: int = 5, **kw) -> Event:
    return Event(
        type=type_,
        evidence=Evidence(TEXT[start:end], start, end),
        source=[Actor(text="x", country=c) for c in src],
        target=[Actor(text="y", country=c) for c in tgt],
        **kw,
    )


def gold(type_: str, src=None, tgt=None, **kw):
    d = {"type": type_, "source": src, "target": tgt, **kw}
    return parse_event(d)


def test_type_and_alternatives():
    g = gold("AID", type_alternatives=["MOBILIZE"])
    assert compatible(g, pred("AID"))
    assert compatible(g, pred("MOBILIZE"))
    assert not compatible(g, pred("SUPPORT"))


def test_countries_required_on_the_same_side():
    g = gold("THREATEN", {"country": "AAA"}, {"country": "BBB"})
    assert compatible(g, pred("THREATEN", ["AAA"], ["BBB"]))
    assert not compatible(g, pred("THREATEN", ["BBB"], ["AAA"]))  # not reciprocal
    assert not compatible(g, pred("THREATEN", ["AAA"], []))
    assert compatible(g, pred("THREATEN", ["BBB"], ["AAA"]), type_only=True)


def test_reciprocal_types_accept_swapped_sides():
    g = gold("CONSULT", {"country": "AAA"}, {"country": "BBB"})
    assert compatible(g, pred("CONSULT", ["BBB"], ["AAA"]))
    assert not compatible(g, pred("CONSULT", ["BBB"], ["CCC"]))


def test_side_without_country_constrains_nothing():
    g = gold("PROTEST", {"text": "demonstrators", "country": None}, None)
    assert compatible(g, pred("PROTEST", ["ZZZ"], []))


def test_list_side_needs_one_of_its_countries():
    g = gold("AGREE", [{"country": "AAA"}, {"country": "BBB"}], [])
    assert compatible(g, pred("AGREE", ["BBB"], []))
    assert not compatible(g, pred("AGREE", ["CCC"], []))


def test_igo_group_code():
    g = gold("ACCUSE", [{"country": "IGO"}], [])
    assert compatible(g, pred("ACCUSE", ["EU"], []))
    assert not compatible(g, pred("ACCUSE", ["FRA"], []))
    p = pred("ACCUSE")
    p.source = [Actor(text="the agency", country=None, sector="IGO")]
    assert compatible(g, p)


def test_required_gold_is_matched_before_optional():
    # one prediction fits both; the required gold event must get it
    optional = gold("THREATEN", required=False)
    required = gold("THREATEN")
    m = match_record(TEXT, [optional, required], [pred("THREATEN")])
    assert m == {1: 0}


def test_maximum_matching_reassigns():
    # g0 accepts p0 or p1, g1 accepts only p0: greedy g0->p0 would leave g1 unmatched
    g0 = gold("AID", type_alternatives=["SUPPORT"])
    g1 = gold("AID")
    m = match_record(TEXT, [g0, g1], [pred("AID"), pred("SUPPORT")])
    assert m == {0: 1, 1: 0}


def test_evidence_overlap_breaks_ties():
    g = gold("CONSULT", evidence="Talks followed")
    far, near = pred("CONSULT", start=0, end=9), pred("CONSULT", start=32, end=46)
    assert match_record(TEXT, [g], [far, near]) == {0: 1}


def test_type_only_prefers_the_right_countries():
    g1 = gold("SUPPORT", {"country": "AAA"}, {"country": "BBB"})
    g2 = gold("SUPPORT", {"country": "CCC"}, {"country": "DDD"})
    p0 = pred("SUPPORT", ["CCC"], ["XXX"])  # source fits g2
    p1 = pred("SUPPORT", ["AAA"], ["YYY"])  # source fits g1
    assert match_record(TEXT, [g1, g2], [p0, p1]) == {}  # strict: no target is right
    assert match_record(TEXT, [g1, g2], [p0, p1], type_only=True) == {0: 1, 1: 0}


def test_type_only_keeps_the_fixed_pairs():
    g1 = gold("ASSAULT", {"country": "AAA"}, {"country": "AAA"})
    g2 = gold("ASSAULT", None, {"country": "AAA"})
    right, bare = pred("ASSAULT", ["AAA"], ["AAA"]), pred("ASSAULT")
    strict = match_record(TEXT, [g1, g2], [right, bare])
    assert strict == {0: 0}  # g2 fits only `right` too, which g1 holds
    # g2 goes to the bare prediction; the country-correct pair g1-right is not broken up
    assert match_record(TEXT, [g1, g2], [right, bare], type_only=True, fixed=strict) == {
        0: 0, 1: 1}
