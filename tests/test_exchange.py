"""ACLED and GDELT layouts of hand-made events (sentences written for these tests)."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from eventcoder import exchange
from eventcoder.cli import cli
from eventcoder.exchange import acled, gdelt
from eventcoder.model import Actor, Article, Event, Evidence, Location
from eventcoder.store import open_store

TEXT = "Soldiers of Russia shelled the town of Izium on Monday, killing three civilians."


def _article() -> Article:
    art = Article(text=TEXT, published="2024-06-04", lang="en", url="https://example.org/i",
                  source="izium.txt")  # fmt: skip
    ev = Event(
        type="ASSAULT", mode="heavy-weapons", cameo="195",
        evidence=Evidence(text=TEXT[:35], start=0, end=35),
        source=[Actor("Soldiers of Russia", country="RUS", sector="MIL", code="RUSMIL")],
        target=[Actor("civilians", country="UKR", sector="CVL")],
        location=Location(text="Izium", name="Izium", country="UKR", admin1="07", lat=49.2,
                          lon=37.3, geonameid=707308, precision="city"),
        date="2024-06-03", date_precision="day", dead=3,
    )  # fmt: skip
    protest = Event(
        type="PROTEST", mode="riot", evidence=Evidence(text="x", start=0, end=1),
        source=[Actor("students", country="UKR", sector="EDU")],
    )  # fmt: skip
    talk = Event(type="CONSULT", evidence=Evidence(text="y", start=1, end=2))
    art.events = [ev, protest, talk]
    for e in art.events:
        e.article_id = art.id
        e.assign_id()
    return art


def test_acled_row_maps_type_actors_and_place() -> None:
    art = _article()
    row = acled.row(art.events[0], art)
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert row["disorder_type"] == "Political violence"
    assert row["inter1"] == 8  # state forces of another country than the event's
    assert row["inter2"] == 7 and row["interaction"] == 78
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["actor1"] == "Soldiers of Russia"  # the country is named already
    assert row["actor2"] == "civilians (Ukraine)"
    assert (row["event_date"], row["year"], row["fatalities"]) == ("2024-06-03", 2024, 3)
    assert (row["country"], row["location"], row["latitude"]) == ("Ukraine", "Izium", 49.2)
    riot = acled.row(art.events[1], art)
    assert (riot["event_type"], riot["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert riot["inter1"] == 7 and riot["actor2"] is None and riot["interaction"] == 7
    assert riot["event_date"] == "2024-06-04"  # no event date: the publication date
    other = acled.row(art.events[2], art)
    assert (other["event_type"], other["sub_event_type"]) == ("Strategic developments", "Other")


def test_gdelt_row_has_61_columns_and_cameo_fields() -> None:
    art = _article()
    assert len(gdelt.COLUMNS) == 61
    row = dict(zip(gdelt.COLUMNS, gdelt.row(art.events[0], art), strict=True))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("195", "195", "19")
    assert (row["QuadClass"], row["GoldsteinScale"]) == (4, -10.0)
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240603", "202406", "2024")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "RUSMIL", "RUS", "MIL")
    assert row["Actor2CountryCode"] == "UKR"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("UP", "UP07")  # FIPS
    assert row["ActionGeo_Type"] == 4 and row["ActionGeo_FeatureID"] == 707308
    assert row["SOURCEURL"] == "https://example.org/i"
    talk = dict(zip(gdelt.COLUMNS, gdelt.row(art.events[2], art), strict=True))
    assert (talk["EventCode"], talk["QuadClass"], talk["GoldsteinScale"]) == ("040", 1, 1.0)
    assert talk["ActionGeo_Type"] == 0 and talk["Actor1Code"] is None


def test_write_and_export_command(tmp_path) -> None:
    art = _article()
    buf = io.StringIO()
    assert exchange.write([art], "acled", buf) == 3
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["event_type"] for r in rows] == [
        "Explosions/Remote violence", "Riots", "Strategic developments"]
    buf = io.StringIO()
    assert exchange.write([art], "gdelt", buf) == 3
    assert all(len(line.split("\t")) == 61 for line in buf.getvalue().splitlines())
    db = str(tmp_path / "x.db")
    with open_store(db) as store:
        store.add_article(art)
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "acled",
                                      "--type", "ASSAULT"])  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date") and len(lines) == 2
    out = tmp_path / "g.tsv"
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 3
