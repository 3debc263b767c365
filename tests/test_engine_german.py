"""German engine mechanisms (second round): separable particles, attributive participles,
inferred victims, joint acts, compounds, attribution, and the fast path = spaCy pipeline."""

from __future__ import annotations

import pytest

from eventcoder.coding import get_coder
from eventcoder.coding.pipeline import build_pipeline
from eventcoder.model import Article, Event


@pytest.fixture(scope="module")
def coder():
    return get_coder()


def code(coder, text: str, lang: str = "de", published: str | None = "2023-03-14") -> list[Event]:
    return coder.code(Article(text=text, lang=lang, published=published))


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def one(events: list[Event], ptype: str) -> Event:
    hits = [e for e in events if e.type == ptype]
    assert hits, f"no {ptype} in {types(events)}"
    return hits[0]


def countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def test_a_preposition_is_no_separable_particle(coder) -> None:
    # "warfen ... vor dem Gebäude": "vor" heads a PP, so this is no "vorwerfen"
    assert "ACCUSE" not in types(code(coder, "Die Fans warfen Steine vor dem Gebäude in Kiew."))
    ev = one(code(coder, "Die Opposition in Kiew warf der Regierung Wahlbetrug vor."), "ACCUSE")
    assert ev.mode == "allege"


def test_the_particle_is_the_last_one_of_the_clause(coder) -> None:
    text = "Russische Truppen griffen die Stadt an der Grenze zur Ukraine an."
    ev = one(code(coder, text), "ASSAULT")
    assert countries(ev.source) == {"RUS"}


def test_long_middle_field_of_a_separable_verb(coder) -> None:
    text = "Der polnische Präsident wies Kritik wegen Missständen in seinem eigenen Land am Montag zurück."
    ev = one(code(coder, text), "REJECT")
    assert countries(ev.source) == {"POL"}


def test_attributive_participle_is_no_event(coder) -> None:
    text = "Der belarussische Präsident hat sechs inhaftierte Oppositionelle begnadigt."
    events = code(coder, text)
    assert "COERCE" not in types(events)
    assert one(events, "RETREAT").mode == "release"


def test_sentence_initial_nominalised_participle_is_no_verb(coder) -> None:
    assert "COERCE" not in types(code(coder, "Inhaftierte wollten im Internet Anhänger werben."))


def test_lower_case_word_is_no_noun_trigger(coder) -> None:
    assert types(code(coder, "Die Regierung will den Terror in Frankreich bekämpfen.")) == []


def test_counted_dead_are_the_target_not_the_source(coder) -> None:
    text = "Bei einem Bombenanschlag in Nigeria sind 30 Menschen ums Leben gekommen."
    ev = one(code(coder, text), "ASSAULT")
    assert ev.dead == 30
    assert not ev.source
    assert countries(ev.target) == {"NGA"}


def test_arrest_without_named_target_is_against_people_of_the_place(coder) -> None:
    text = "In Istanbul wurden am Montag 14 Personen festgenommen."  # no role noun
    ev = one(code(coder, text), "COERCE")
    assert countries(ev.target) == {"TUR"}
    assert countries(ev.source) == {"TUR"}  # by the authorities of the place
    assert all(a.start is None for a in ev.target)  # inferred, not read


def test_attack_target_is_not_taken_from_the_article_main_country(coder) -> None:
    # no place in the text: the attack's victims stay unknown
    ev = one(code(coder, "US-Soldaten griffen am Montag Stellungen der Taliban an."), "ASSAULT")
    assert "USA" not in countries(ev.target)


def test_joint_act_of_coordinated_parties(coder) -> None:
    text = (
        "Der israelische Regierungschef und der palästinensische Präsident haben "
        "miteinander telefoniert."
    )
    ev = one(code(coder, text), "CONSULT")
    assert countries(ev.source) == {"ISR"} and countries(ev.target) == {"PSE"}


def test_fighting_between_two_parties(coder) -> None:
    text = "Bei Gefechten zwischen der Armee und kurdischen Rebellen starben 12 Menschen in der Türkei."
    ev = one(code(coder, text), "ASSAULT")
    assert ev.dead == 12
    assert [a.text for a in ev.source] == ["Armee"]
    assert [a.text for a in ev.target] == ["kurdischen Rebellen"]


def test_hyphenated_country_prefix_of_a_noun_trigger_is_the_source(coder) -> None:
    text = "Bei einem US-Luftangriff in Libyen sind zwei Diplomaten ums Leben gekommen."
    ev = one(code(coder, text), "ASSAULT")
    assert countries(ev.source) == {"USA"}
    assert ev.dead == 2


def test_content_of_a_request_is_no_event(coder) -> None:
    text = "Die Regierung in Libyen hat ihre Verbündeten aufgefordert, Luftangriffe zu fliegen."
    events = code(coder, text)
    assert types(events) == ["REQUEST"]
    assert countries(events[0].source) == {"LBY"}


def test_short_parenthesis_does_not_split_the_clause(coder) -> None:
    text = "Die iranische Polizei hat 53 Anhänger der Terrormiliz Islamischer Staat (IS) festgenommen."
    ev = one(code(coder, text), "COERCE")
    assert countries(ev.source) == {"IRN"}
    assert ev.arrested == 53


def test_sentence_to_prison_is_a_sanction(coder) -> None:
    # codebook: court convictions are SANCTION; "verurteilte den Anschlag" is criticism
    text = "Ein Gericht in Teheran hat den Journalisten zu zehn Jahren Haft verurteilt."
    ev = one(code(coder, text), "SANCTION")
    assert countries(ev.source) == {"IRN"} and ev.mode == "convict"
    passive = one(code(coder, "In Teheran wurde ein Journalist zu zehn Jahren Haft verurteilt."),
                  "SANCTION")
    assert countries(passive.source) == {"IRN"}  # the authorities of the place
    assert types(code(coder, "Die Regierung in Teheran verurteilte den Anschlag.")) == ["ACCUSE"]


def test_according_to_cue_keeps_the_event_reported(coder) -> None:
    text = "Die Armee tötete nach Angaben von Aktivisten in Syrien zwölf Zivilisten."
    ev = one(code(coder, text), "ASSAULT")
    assert ev.factuality == "reported"
    assert ev.attributed_to is not None and "Aktivisten" in ev.attributed_to.text


def test_announced_deployment(coder) -> None:
    text = "Frankreich hat angekündigt, weitere Soldaten nach Mali zu entsenden."
    ev = one(code(coder, text), "AID")
    assert ev.factuality == "announced"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Polizei nahm am Montag in Minsk 200 Demonstranten fest. Später sprach er.", "de"),
        ("Russian troops attacked the city of Kharkiv on Monday, killing 12 people.", "en"),
    ],
)
def test_fast_path_equals_spacy_pipeline(coder, text, lang) -> None:
    article = Article(text=text, lang=lang, published="2023-03-14")
    nlp = build_pipeline(lang, version=coder.version)
    doc = nlp.make_doc(text)
    doc.user_data.update(article_id=article.id, published=article.published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    fast = coder.code(article)
    assert fast, "no events to compare"
    assert [e.to_dict() for e in doc._.events] == [e.to_dict() for e in fast]


def test_drohen_with_a_bare_zu_infinitive_is_no_threat(coder) -> None:
    assert types(code(coder, "Die Krise in Burundi droht zu eskalieren.")) == []
    ev = one(code(coder, "Nordkorea drohte Südkorea mit Militärschlägen."), "THREATEN")
    assert countries(ev.source) == {"PRK"} and countries(ev.target) == {"KOR"}


def test_nobody_hurt_is_negated(coder) -> None:
    ev = one(code(coder, "Verletzt wurde bei dem Anschlag in Berlin niemand."), "ASSAULT")
    assert ev.factuality == "negated"


def test_who_says_so_is_no_role(coder) -> None:
    text = "Der Nachrichtenagentur Anadolu zufolge wird gegen den Parteichef ermittelt."
    ev = code(coder, text)[0]
    assert ev.factuality == "reported"
    assert ev.attributed_to is not None and "Anadolu" in ev.attributed_to.text
    assert not any("Nachrichtenagentur" in a.text for a in ev.source + ev.target)


def test_a_name_ending_like_a_trigger_is_no_trigger(coder) -> None:
    text = "Die spanische Partei Podemos hat Verhandlungen mit den Sozialisten aufgenommen."
    assert "PROTEST" not in types(code(coder, text))


def test_role_before_a_name_is_one_actor(coder) -> None:
    text = "UN-Generalsekretär Ban Ki-moon hat vor der Flüchtlingspolitik in Europa gewarnt."
    ev = code(coder, text)[0]
    assert [a.text for a in ev.source] == ["UN-Generalsekretär Ban Ki-moon"]
    assert not ev.target  # not the same man again as the target


def test_negated_verb_does_not_negate_a_noun_event(coder) -> None:
    text = "Nach den Anschlägen in Paris mit 129 Toten sind noch nicht alle Fragen geklärt."
    assert one(code(coder, text), "ASSAULT").factuality == "asserted"
    ev = one(code(coder, "Es gab keine Angriffe auf Zivilisten in Aleppo."), "ASSAULT")
    assert ev.factuality == "negated"


def test_noun_event_of_the_setting_is_coded_besides_the_verb(coder) -> None:
    text = "Bei einer Kundgebung in Kiew nahm die Polizei am Samstag zehn Teilnehmer fest."
    events = code(coder, text)
    assert sorted(types(events)) == ["COERCE", "PROTEST"]
    assert one(events, "COERCE").arrested == 10
    assert countries(one(events, "PROTEST").source) == {"UKR"}


@pytest.mark.parametrize(
    "text",
    [
        "Der Richter sprach in den Untersuchungsausschüssen über die Reform.",
        "Die Machtkämpfe in der Partei prägen den Wahlkampf in Wien.",
        "Die Gegner ritten im Wahlkampf heftige Attacken gegen den Kandidaten.",
    ],
)
def test_words_that_only_end_like_triggers(coder, text) -> None:
    assert "ASSAULT" not in types(code(coder, text))


def test_clashes_are_fighting_only_with_victims(coder) -> None:
    ev = one(code(coder, "Weitere 25 Tote gab es bei heftigen Auseinandersetzungen nahe Aleppo."), "ASSAULT")
    assert ev.dead == 25
    assert types(code(coder, "Die Auseinandersetzungen um den Haushalt in Wien gehen weiter.")) == []


def test_summoning_an_ambassador(coder) -> None:
    text = "Der polnische Außenminister will den russischen Botschafter ins Außenamt zitieren."
    ev = one(code(coder, text), "ACCUSE")
    assert countries(ev.source) == {"POL"} and countries(ev.target) == {"RUS"}


def test_bare_role_does_not_take_the_country_it_acts_against(coder) -> None:
    text = (
        "Südkorea begann ein Manöver. In Südkorea wuchs die Sorge vor Nordkorea. "
        "Das Militär drohte Südkorea am Samstag mit Militärschlägen."
    )
    ev = one(code(coder, text), "THREATEN")
    assert countries(ev.target) == {"KOR"}
    assert countries(ev.source) == {"PRK"}


def test_pp_of_an_actor_is_no_passive_agent(coder) -> None:
    text = "Der mutmaßliche Attentäter von Tel Aviv ist bei einer Schießerei erschossen worden."
    ev = one(code(coder, text), "ASSAULT")
    assert not any("Tel Aviv" in a.text for a in ev.source)
    ev = one(code(coder, "Der Demonstrant wurde von der Polizei in Kairo festgenommen."), "COERCE")
    assert [a.text for a in ev.source] == ["Polizei"]
