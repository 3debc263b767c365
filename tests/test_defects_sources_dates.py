"""Defects on real articles: news agencies are no actors; a year in the clause dates the event."""

import pytest

from eventcoder.coding import get_coder
from eventcoder.knowledge.agencies import is_news_agency
from eventcoder.model import Article


def _events(text, lang):
    return get_coder().code(Article(id="t", text=text, lang=lang, published="2025-03-04"))


def test_agencies_are_marked_in_the_knowledge_data():
    assert is_news_agency("GBRMEDREU") and is_news_agency("DEUMEDDPA")
    assert is_news_agency("RUSMEDTAS") and is_news_agency("ESPMEDEFE")
    assert not is_news_agency("DEUMEDSPI")  # a magazine is no wire service
    assert not is_news_agency(None)


def test_news_agency_is_attribution_not_actor_de():
    (ev,) = [e for e in _events(
        "Wie die Nachrichtenagentur dpa meldete, griffen Soldaten eine Polizeiwache an.", "de"
    ) if e.type == "ASSAULT"]
    actors = [a.code for a in ev.source + ev.target]
    assert "DEUMEDDPA" not in actors
    assert ev.attributed_to is not None and ev.attributed_to.code == "DEUMEDDPA"


def test_news_agency_is_attribution_not_actor_en():
    (ev,) = [e for e in _events(
        "Reuters reported that Syrian troops attacked a police station.", "en"
    ) if e.type == "ASSAULT"]
    assert "GBRMEDREU" not in [a.code for a in ev.source + ev.target]
    assert ev.source and ev.source[0].country == "SYR"
    assert ev.attributed_to is not None and ev.attributed_to.text == "Reuters"


def test_a_newspaper_that_is_no_agency_stays_an_actor():
    # the positive twin: the filter removes news agencies only
    (ev,) = _events("Russland verbot den Spiegel.", "de")
    assert [a.code for a in ev.target] == ["DEUMEDSPI"]


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("In 1997 Turkish troops attacked a village in Iraq.", "en", "1997"),
        ("Im Jahr 2008 griffen russische Soldaten einen Grenzposten an.", "de", "2008"),
        ("En 1997 tropas turcas atacaron una aldea en Irak.", "es", "1997"),
    ],
)
def test_year_in_clause_dates_historical_event(text, lang, year):
    evs = [e for e in _events(text, lang) if e.type == "ASSAULT"]
    assert evs
    assert all((e.date, e.date_precision) == (year, "year") for e in evs)


def test_without_year_the_event_takes_the_publication_date():
    evs = [e for e in _events("Turkish troops attacked a village in Iraq.", "en")]
    assert [(e.type, e.date, e.date_precision) for e in evs] == [("ASSAULT", "2025-03-04", "day")]


def test_bare_year_mid_clause_de_and_count_is_no_year():
    from eventcoder.coding.temporal import find_dates

    dated = find_dates("Soldaten besetzten 1997 das Dorf.", "de", "2025-03-04")
    assert [(d.text, d.precision) for d in dated] == [("1997", "year")]
    assert find_dates("Dort demonstrierten 2000 Menschen.", "de", "2025-03-04") == []
