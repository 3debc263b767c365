"""Readers for PETRARCH-2 / TABARI actor, agent, verb and discard dictionaries."""

from __future__ import annotations

import logging

from eventcoder.coding.petrarch import load_actors, load_agents, load_discards, load_verbs
from eventcoder.coding.petrarch.tokens import tokenize

PETR_ACTORS = """\
<!-- test actors, fictional
     a comment over two lines -->
VELORIA [VEL]  # a country
+VELORIAN
SUNDMARK [SUN]
QUORATH_REPUBLIC [QRT]
+QUORATH
MARTA_OSK  # a person with dated roles
    [OSKCIV <20010101]
    [VELGOV 20010101-20051231]
    [VELOPP >20051231]
OLD_HARBOUR [OLD <19990101] [NEW]
BROKEN ENTRY [VEL 2001-2002]
"""

TABARI_ACTORS = """\
<NOUN>
GOATS
</NOUN>
<ADJECTIVE>
GRIM
</ADJECTIVE>
VELOR  [VEL] ; stem: Veloria, Velorian
KESTRA_  [KES] ; exact
BRANN ISLE  [BRN]
~~FINISH
IGNORED [XXX]
"""


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_petrarch_actors_synonyms_and_dates(tmp_path):
    actors = load_actors([write(tmp_path, "a.txt", PETR_ACTORS)])
    assert actors.code_for("Veloria") == "VEL"
    assert actors.code_for("Velorian") == "VEL"
    assert actors.code_for("Quorath") == "QRT"
    assert actors.code_for("Quorath Republic") == "QRT"
    assert actors.code_for("Marta Osk", "2000-12-31") == "OSKCIV"
    assert actors.code_for("Marta Osk", "2001-01-01") == "VELGOV"
    assert actors.code_for("Marta Osk", "2005-12-31") == "VELGOV"
    assert actors.code_for("Marta Osk", "2006-01-01") == "VELOPP"
    assert actors.code_for("Old Harbour", "1998-05-05") == "OLD"
    assert actors.code_for("Old Harbour", "2003-05-05") == "NEW"
    assert actors.code_for("Velorians") is None  # PETRARCH-2 words are exact
    assert actors.code_for("a comment") is None


def test_bad_lines_warn_with_file_and_line(tmp_path, caplog):
    path = write(tmp_path, "a.txt", PETR_ACTORS)
    with caplog.at_level(logging.WARNING, logger="eventcoder.petrarch"):
        actors = load_actors([path])
    assert any(f"{path}:13:" in r.getMessage() for r in caplog.records)
    assert actors.code_for("Sundmark") == "SUN"  # loading went on


def test_tabari_actors_latin1_stems_and_finish(tmp_path):
    path = write(tmp_path, "t.actors", TABARI_ACTORS + "; caf\xe9\n", encoding="latin-1")
    actors = load_actors([path])
    assert actors.code_for("Velorian") == "VEL"
    assert actors.code_for("Kestra") == "KES"
    assert actors.code_for("Kestrans") is None  # exact word: no stem match
    assert actors.code_for("Kestras") == "KES"  # ... but a plural -S is allowed
    assert actors.code_for("Ignored") is None  # after ~~FINISH
    assert "GOATS" in actors.nouns and "GRIM" in actors.adjectives
    tokens = tokenize("Brann and the Isle")
    hit = actors.find(tokens, 0)
    assert hit is not None and hit[0] == 4  # space = other words may come between


def test_agents_plurals_substitutions_and_prefix(tmp_path):
    text = """\
!PERSON! = MAN, MEN
POLICE {} [~COP]
SOLDIER [~MIL]
HARBOUR!PERSON! [~LAB]
RELIEF_AGENCY {RELIEF_AGENCIES} [NGO~]
"""
    agents = load_agents([write(tmp_path, "ag.txt", text)])

    def code(phrase):
        tokens = tokenize(phrase)
        hit = agents.find(tokens, 0)
        return (hit[1].code, hit[1].prefix) if hit and hit[0] == len(tokens) else None

    assert code("police") == ("COP", False)
    assert code("polices") is None  # {} = no plural
    assert code("soldiers") == ("MIL", False)
    assert code("harbourmen") == ("LAB", False)
    assert code("relief agencies") == ("NGO", True)


def test_petrarch_verbs_forms_synsets_patterns(tmp_path, caplog):
    text = """\
&COIN
+GOLD CROWNS
+SILVER

--- PLEDGE [050] ---
PLEDGE
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
PROMISE [051]
- * &COIN [071]
- WILL NOT * [112]
- NO VERB MARK HERE [999]
--- SEIZE [210] ---
SEIZE {SEIZED}
"""
    path = write(tmp_path, "v.txt", text)
    with caplog.at_level(logging.WARNING, logger="eventcoder.petrarch"):
        verbs = load_verbs([path])
    assert any(f"{path}:11:" in r.getMessage() for r in caplog.records)  # no * in pattern
    assert verbs.synsets["COIN"] == ["GOLD CROWNS", "SILVER"]
    entry = next(e for e in verbs.entries if e.name == "PLEDGE")
    assert [p.code for p in entry.patterns] == ["071", "112"]

    def find(sentence, word):
        tokens = tokenize(sentence)
        i = [t.text for t in tokens].index(word)
        return verbs.find(tokens, i)

    assert find("they pledged", "PLEDGED")[0][3].code == "050"
    assert find("she pledges", "PLEDGES")[0][3] is entry
    assert find("pledging", "PLEDGING")
    assert not find("pledgex", "PLEDGEX")
    promised = find("he promised", "PROMISED")[0]
    assert promised[2].code == "051"  # a form's own code
    handed = find("they handed over", "HANDED")[0]
    assert (handed[0], handed[1]) == (1, 3)
    assert find("police seized", "SEIZED")


def test_tabari_verbs_stems_alternatives_and_phrases(tmp_path):
    text = """\
<SYNSETS>
&ARMS
+RIFLES
+TANKS
</SYNSETS>
CRITICI  [121]
- * {SHARPLY | HARSHLY} [122]
DEPART_ [032]
{ LEFT_ }
SHIP  [---]
- * &ARMS [072]
BURN DOWN [222]
~~FINISH
"""
    verbs = load_verbs([write(tmp_path, "t.verbs", text, "latin-1")])

    def names(sentence):
        tokens = tokenize(sentence)
        return [c[3].name for i in range(len(tokens)) for c in verbs.find(tokens, i)]

    assert names("they criticized it") == ["CRITICI"]
    assert names("he departs") == ["DEPART_"]
    assert names("he left") == ["DEPART_"]
    assert names("he departx") == []
    assert names("they burned it down") == ["BURN DOWN"]
    crit = verbs.entries[0]
    assert crit.patterns[0].after[0].kind == "words"
    assert {o[0].text for o in crit.patterns[0].after[0].options} == {"SHARPLY", "HARSHLY"}


def test_discards(tmp_path):
    discards = load_discards([write(tmp_path, "d.txt", "+FOOTBALL LEAGUE\nHORSE RACE # sport\n")])
    assert discards.first(tokenize("The football league met.")) == (1, 3)
    assert discards.first(tokenize("The horse race ended")) == (1, 3)
    assert discards.first(tokenize("The horse ate")) is None
