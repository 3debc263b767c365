"""The shallow PETRARCH/TABARI pattern coder on small fictional dictionaries."""

from __future__ import annotations

import pytest

from eventcoder.coding.petrarch import (
    PatternCoder,
    get_pattern_coder,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)

ACTORS = """\
VELORIA [VEL]
+VELORIAN
SUNDMARK [SUN]
QUORATH [QRT]
KESTRA [KES]
MARTA_OSK
    [VELGOV <20050101]
    [VELOPP]
LAGOON CITY [###]  # discard: sports news about Lagoon City
TWIN_ISLES [TWA/TWB]
"""
AGENTS = """\
POLICE {} [~COP]
STUDENT [~EDU]
MINISTER [~GOV]
GOVERNMENT [~GOV]
RELIEF_AGENCY {RELIEF_AGENCIES} [NGO~]
"""
VERBS = """\
&ARMS
+RIFLES
+ARMOURED CARS

--- CONDEMN [122] ---
CONDEMN
--- ARREST [212] ---
ARREST
--- ARRIVE [032:033] ---
ARRIVE
--- SEND [070] ---
SEND
- * &ARMS [072]
- WILL NOT * [112]
--- FREE [066] ---
FREE
- + * FROM $ [066]
--- ATTACK [223] ---
ATTACK
--- MEET [031:031] ---
MEET {MET}
--- SKIP [---] ---
IGNORE
- * TALKS [031]
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory) -> PatternCoder:
    folder = tmp_path_factory.mktemp("dicts")
    files = {}
    for name, text in {"a": ACTORS, "g": AGENTS, "v": VERBS, "d": "HORSE RACE\n"}.items():
        files[name] = folder / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    return PatternCoder(
        actors=load_actors([files["a"]]),
        agents=load_agents([files["g"]]),
        verbs=load_verbs([files["v"]]),
        discards=load_discards([files["d"]]),
    )


def triples(coder, text, date=None):
    return {(e.source_code, e.target_code, e.code) for e in coder.code_sentence(text, date)}


def test_simple_source_verb_target(coder):
    assert triples(coder, "Veloria condemned Quorath on Monday.") == {("VEL", "QRT", "122")}


def test_spans_point_into_the_text(coder):
    text = "Yesterday Veloria condemned Quorath."
    (ev,) = coder.code_sentence(text)
    assert text[slice(*ev.trigger)] == "condemned"
    assert text[slice(*ev.source)] == "Veloria"
    assert text[slice(*ev.target)] == "Quorath"


def test_agents_join_their_country(coder):
    got = triples(coder, "Velorian police arrested Quorath students.")
    assert got == {("VELCOP", "QRTEDU", "212")}
    got = triples(coder, "The police of Sundmark arrested students from Kestra.")
    assert got == {("SUNCOP", "KESEDU", "212")}
    assert triples(coder, "A relief agency in Kestra condemned Quorath.") == {
        ("NGOKES", "QRT", "122")
    }


def test_agent_without_country_keeps_agent_code(coder):
    assert triples(coder, "Police arrested Quorath students.") == {("~COP", "QRTEDU", "212")}


def test_compound_actors(coder):
    got = triples(coder, "Veloria and Sundmark condemned Quorath, Kestra and the Twin Isles.")
    sources, targets = {"VEL", "SUN"}, {"QRT", "KES", "TWA", "TWB"}
    assert got == {(s, t, "122") for s in sources for t in targets}


def test_apposition_is_not_part_of_the_list(coder):
    got = triples(coder, "Veloria condemned Quorath and Kestra, the Sundmark government said.")
    assert got == {("VEL", "QRT", "122"), ("VEL", "KES", "122")}


def test_dual_code_codes_both_directions(coder):
    got = triples(coder, "The Velorian minister arrived in Quorath.")
    assert got == {("VELGOV", "QRT", "032"), ("QRT", "VELGOV", "033")}


def test_compound_meeting_without_target_is_mutual(coder):
    assert triples(coder, "Veloria and Kestra met in secret.") == {
        ("VEL", "KES", "031"),
        ("KES", "VEL", "031"),
    }


def test_patterns_synsets_and_negation(coder):
    assert triples(coder, "Veloria will send armoured cars to Quorath.") == {("VEL", "QRT", "072")}
    assert triples(coder, "Veloria will send food to Quorath.") == {("VEL", "QRT", "070")}
    assert triples(coder, "Veloria will not send food to Quorath.") == {("VEL", "QRT", "112")}


def test_pattern_placeholders_swap_roles(coder):
    assert triples(coder, "Veloria was freed from Quorath.") == {("QRT", "VEL", "066")}


def test_passive_by_phrase(coder):
    assert triples(coder, "Kestra was attacked by Sundmark.") == {("SUN", "KES", "223")}


def test_date_restricted_actor(coder):
    assert triples(coder, "Marta Osk condemned Quorath.", "2004-06-01") == {
        ("VELGOV", "QRT", "122")
    }
    assert triples(coder, "Marta Osk condemned Quorath.", "2010-06-01") == {
        ("VELOPP", "QRT", "122")
    }


def test_null_codes_and_discards(coder):
    assert triples(coder, "Veloria ignored Quorath.") == set()  # [---]: no event
    assert triples(coder, "Veloria ignored talks with Quorath.") == {("VEL", "QRT", "031")}
    assert triples(coder, "Veloria condemned Quorath after the horse race.") == set()
    assert triples(coder, "Veloria condemned Lagoon City.") == set()  # actor code ###


def test_noun_after_article_is_not_a_verb(coder):
    assert triples(coder, "Veloria saw an attack on Quorath.") == set()


def test_one_verb_per_clause_segment(coder):
    got = triples(coder, "Veloria condemned Quorath and arrested Kestra students.")
    assert got == {("VEL", "QRT", "122"), ("VEL", "KESEDU", "212")}


def test_actor_mentions(coder):
    text = "Velorian police met Kestra."
    found = [(text[m.start : m.end], m.code) for m in coder.actor_mentions(text)]
    assert found == [("Velorian police", "VELCOP"), ("Kestra", "KES")]


def test_get_pattern_coder_is_cached(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("VELORIA [VEL]\n", encoding="utf-8")
    first = get_pattern_coder(actors=[str(path)])
    assert get_pattern_coder(actors=[str(path)]) is first
    assert first.actors.code_for("Veloria") == "VEL"


def test_tabari_flavour_stems(tmp_path):
    actors = tmp_path / "t.actors"
    actors.write_bytes(b"VELOR  [VEL] ;stem\nKESTR  [KES]\n~~FINISH\n")
    verbs = tmp_path / "t.verbs"
    verbs.write_bytes(b"CRITICI  [121] ;stem\n- * SHARPLY [122]\n~~FINISH\n")
    coder = PatternCoder(actors=load_actors([actors]), verbs=load_verbs([verbs]))
    assert triples(coder, "Velorians criticized Kestrans.") == {("VEL", "KES", "121")}
    assert triples(coder, "Veloria criticises Kestra sharply.") == {("VEL", "KES", "122")}
