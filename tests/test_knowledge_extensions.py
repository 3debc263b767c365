"""User extension files (YAML, CSV, PETRARCH) and the on-disk cache of the knowledge base."""

from __future__ import annotations

import pickle

from eventcoder.knowledge import cache, load_knowledge_base

YAML = """\
actors:
  - name: Erna Beispielfrau
    variants: [Beispielfrau]
    kind: person
    country: KAZ
    sector: OPP
    start: 2020-01-01
    end: 2021-12-31
  - name: Vereinigte Steppenfront
    variants: [VSF]
    country: KAZ
    sector: REB
places:
  - name: Neusteppenstadt
    country: KAZ
    lat: 45.5
    lon: 70.25
"""

CSV = """name,variants,kind,country,sector,code,start,end,lat,lon
Bund der Talbauern,Talbauernbund,org,DEU,CVL,,,,,
"""

PETRARCH = """\
MAX_MUSTERMANN_
+MUSTERMANN_
\t[DEUGOV 200101-211231]
\t[DEUELI]
ROTE_BERGGRUPPE_ [DEUREB]
"""


def test_user_files_add_actors_and_places(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "cache"))
    y = tmp_path / "mine.yaml"
    y.write_text(YAML, encoding="utf-8")
    c = tmp_path / "mine.csv"
    c.write_text(CSV, encoding="utf-8")
    p = tmp_path / "mine.actors"
    p.write_text(PETRARCH, encoding="utf-8")
    kb = load_knowledge_base([str(y), str(c), str(p)])
    text = ("Beispielfrau und die VSF trafen sich in Neusteppenstadt mit dem Talbauernbund; "
            "Mustermann und die Rote Berggruppe waren auch da.")
    got = {m.text: m for m in kb.match(text, "de", "2021-06-01")}
    assert (got["Beispielfrau"].kind, got["Beispielfrau"].country,
            got["Beispielfrau"].sector) == ("person", "KAZ", "OPP")
    assert (got["VSF"].kind, got["VSF"].sector) == ("org", "REB")
    assert got["Neusteppenstadt"].kind == "place" and got["Neusteppenstadt"].lat == 45.5
    assert got["Talbauernbund"].country == "DEU"
    assert (got["Mustermann"].country, got["Mustermann"].sector) == ("DEU", "GOV")
    assert (got["Rote Berggruppe"].country, got["Rote Berggruppe"].sector) == ("DEU", "REB")
    later = {m.text: m for m in kb.match("Mustermann sprach.", "de", "2023-01-01")}
    assert later["Mustermann"].sector == "ELI"
    # the cache is keyed by the files: a changed file gives a new knowledge base
    assert list((tmp_path / "cache").glob("knowledge-*.pickle"))
    h1 = cache.inputs_hash([str(y)])
    y.write_text(YAML.replace("Neusteppenstadt", "Altsteppenstadt"), encoding="utf-8")
    assert cache.inputs_hash([str(y)]) != h1


def test_cache_round_trip_and_unwritable_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "c"))
    kb = cache.load()
    files = list((tmp_path / "c").glob("knowledge-*.pickle"))
    assert len(files) == 1
    again = pickle.loads(files[0].read_bytes())
    text = "Der türkische Präsident sprach in Ankara."
    assert [m.to_dict() for m in again.match(text, "de")] == \
        [m.to_dict() for m in kb.match(text, "de")]
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("EVENTCODER_CACHE", str(blocked / "sub"))
    assert cache.load().match("Peking", "de")[0].country == "CHN"
