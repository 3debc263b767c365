"""The canonical JSON shape of model objects validates against the published JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from eventcoder.model import Actor, Article, Event, Evidence, Location


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        resources.files("eventcoder.schema").joinpath("eventcoder-v1.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _article() -> Article:
    text = "Die Polizei nahm in Tiflis 66 Demonstranten fest."
    art = Article(text=text, lang="de", published="2023-03-14")
    ev = Event(
        type="COERCE",
        mode="arrest",
        cameo="173",
        article_id=art.id,
        source=[Actor(text="Die Polizei", start=0, end=11, country="GEO", sector="COP")],
        target=[Actor(text="Demonstranten", start=30, end=43, sector="OPP")],
        location=Location(text="Tiflis", name="Tbilisi", country="GEO", precision="city"),
        arrested=66,
        evidence=Evidence(text=text[:-1], start=0, end=len(text) - 1),
    )
    ev.assign_id()
    art.events.append(ev)
    return art


def test_article_with_events_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(_article().to_dict())


def test_schema_rejects_unknown_event_type(validator: jsonschema.Draft202012Validator) -> None:
    d = _article().to_dict()
    d["events"][0]["type"] = "FIGHT"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(d)


def test_round_trip_keeps_everything() -> None:
    art = _article()
    again = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert again.to_dict() == art.to_dict()
    assert again.id == art.id


def test_article_id_is_stable_under_whitespace() -> None:
    a = Article(text="Erste Zeile.\n\nZweite  Zeile.")
    b = Article(text="Erste Zeile. Zweite Zeile.")
    c = Article(text="Erste Zeile. Dritte Zeile.")
    assert a.id == b.id
    assert a.id != c.id


def test_event_id_depends_on_span() -> None:
    art = _article()
    ev = art.events[0]
    other = Event.from_dict(ev.to_dict())
    other.evidence = Evidence(text="x", start=1, end=2)
    other.assign_id()
    assert other.id != ev.id


@pytest.mark.parametrize("precision, valid", [("admin2", True), ("admin1", True), ("county", False)])
def test_location_precision_enum(validator: jsonschema.Draft202012Validator, precision: str,
                                 valid: bool) -> None:
    d = _article().to_dict()
    d["events"][0]["location"]["precision"] = precision
    if valid:
        validator.validate(d)
    else:
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(d)


def test_county_mention_keeps_admin2_precision() -> None:
    from eventcoder.coding.location import to_location
    from eventcoder.knowledge.mention import Mention

    m = Mention(0, 11, "Cook County", "place", "Cook County", "USA", None, None, 41.8, -87.8,
                None, "IL", "admin2", form="name")
    assert to_location(m).precision == "admin2"
