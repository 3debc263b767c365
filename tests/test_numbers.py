"""Casualty counts: digits, number words, vague quantities, linking and false-number traps."""

import pytest

from eventcoder.coding.numbers import find_casualties


def test_coordinated_numbers_borrow_the_noun_de():
    text = "Bei Gefechten an der Grenze sind 12 Soldaten getötet und 305 verletzt worden."
    c = find_casualties(text, "de")
    assert (c.dead, c.injured, c.arrested) == (12, 305, None)
    assert c.victims == "security forces"
    assert c.dead_text is None  # an exact count keeps no words
    assert all(text[s:e] for s, e in c.spans)


def test_vague_arrests_de():
    c = find_casualties("In der Hauptstadt kam es zu Hunderten Festnahmen.", "de")
    assert c.arrested is None  # the codebook: a vague count keeps only its words
    assert c.arrested_text == "Hunderten"


@pytest.mark.parametrize(
    ("text", "field", "value", "words"),
    [
        (
            "Mindestens einundzwanzig Menschen kamen ums Leben.",
            "dead",
            21,
            "Mindestens einundzwanzig",
        ),
        ("Zwei Dutzend Passanten wurden verletzt.", "injured", 24, None),
        ("Dutzende Demonstranten wurden festgenommen.", "arrested", None, "Dutzende"),
        ("Es gab 1.200 Verletzte.", "injured", 1200, None),
        ("Tausende Menschen wurden verhaftet.", "arrested", None, "Tausende"),
        ("Mehrere Zivilisten starben.", "dead", None, "Mehrere"),
        ("Rund 40 Polizisten erlitten Verletzungen.", "injured", 40, "Rund 40"),
        ("Die Zahl der Todesopfer stieg auf 57.", "dead", 57, None),
        ("Ein Polizist wurde erschossen.", "dead", 1, None),
        ("Zweihundertfünfzig Menschen wurden in Gewahrsam genommen.", "arrested", 250, None),
    ],
)
def test_german_counts(text, field, value, words):
    c = find_casualties(text, "de")
    assert getattr(c, field) == value
    assert getattr(c, f"{field}_text") == words


@pytest.mark.parametrize(
    ("text", "field", "value", "words"),
    [
        ("Troops killed at least 14 villagers overnight.", "dead", 14, "at least 14"),
        ("Twenty-one people died in the blast.", "dead", 21, None),
        ("Police detained a dozen students.", "arrested", 12, None),
        ("Hundreds of demonstrators were arrested.", "arrested", None, "Hundreds"),
        ("Dozens were wounded in the clashes.", "injured", None, "Dozens"),
        ("More than 1,500 people were injured.", "injured", 1500, "More than 1,500"),
        ("The death toll rose to 63.", "dead", 63, None),
        ("Several soldiers were hurt.", "injured", None, "Several"),
        ("Scores of people were taken into custody.", "arrested", None, "Scores"),
        ("Two hundred and five protesters were detained.", "arrested", 205, None),
    ],
)
def test_english_counts(text, field, value, words):
    c = find_casualties(text, "en")
    assert getattr(c, field) == value
    assert getattr(c, f"{field}_text") == words


def test_verb_before_numbers_en():
    c = find_casualties("Gunmen killed 9 police officers and wounded 31 bystanders.", "en")
    assert (c.dead, c.injured) == (9, 31)
    assert c.victims == "security forces"


def test_victim_groups():
    assert find_casualties("Acht Demonstranten wurden getötet.", "de").victims == "protesters"
    assert find_casualties("Five civilians were killed.", "en").victims == "civilians"


def test_largest_count_in_a_category_wins():
    c = find_casualties("Es gab 30 Tote, darunter 4 Tote unter den Helfern.", "de")
    assert c.dead == 30


def test_span_window():
    text = "Im Norden gab es 7 Tote. Im Süden wurden 90 Menschen verletzt."
    cut = text.index("Im Süden")
    c = find_casualties(text, "de", cut)
    assert (c.dead, c.injured) == (None, 90)
    s, e = c.spans[0]
    assert text[s:e] == "90 Menschen verletzt"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Am 14. März 2019 wurden die Proteste fortgesetzt.", "de"),
        ("Seit 2019 ist die Lage angespannt, getötet wurde niemand.", "de"),
        ("Die Regierung entsandte 150 Einheiten in die Provinz.", "de"),
        ("Die Partei gewann 45 Prozent der Stimmen.", "de"),
        ("Der Schaden beträgt 300 Euro.", "de"),
        ("Um 14 Uhr begann die Kundgebung, niemand wurde festgenommen.", "de"),
        ("On March 3 police arrested the leader.", "en"),
        ("In 2018 he was detained.", "en"),
        ("Turnout was 61 percent and nobody was hurt.", "en"),
        ("The state paid $400 to the injured.", "en"),
        ("Tausende Menschen demonstrierten friedlich.", "de"),
    ],
)
def test_false_numbers(text, lang):
    c = find_casualties(text, lang)
    assert (c.dead, c.injured, c.arrested) == (None, None, None)


def test_time_is_not_a_count_but_the_article_is():
    c = find_casualties("Um 14 Uhr wurde ein Demonstrant festgenommen.", "de")
    assert c.arrested == 1
    assert c.victims == "protesters"


def test_attributive_participle_and_new_predicate_de():
    # "verletzten" before a noun is an adjective, not a count noun
    c = find_casualties(
        "Der Trainer muss auf drei Stürmer und den verletzten Kapitän verzichten.", "de"
    )
    assert c.injured is None
    # a second predicate after "und" does not take the first number
    c = find_casualties(
        "Die Armee hat zwei Lager zerstört und mutmaßliche Schmuggler verhaftet.", "de"
    )
    assert c.arrested is None
    # but a coordinated subject does
    c = find_casualties("Dabei wurden 12 Soldaten und ein Dolmetscher getötet.", "de")
    assert c.dead == 12


def test_number_word_before_a_unit_is_no_count():
    assert find_casualties("Zwei Tage später war der Verletzte tot.", "de").dead is None
    assert find_casualties("Three hours later the wounded were flown out.", "en").injured is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A 27-year-old driver was arrested.", "en"),
        ("A man aged 52 was detained.", "en"),
        ("Ein 19-jähriger Student wurde festgenommen.", "de"),
    ],
)
def test_an_age_is_not_the_count_but_the_person_is(text, lang):
    assert find_casualties(text, lang).arrested == 1


def test_singular_person_with_article():
    c = find_casualties("A young reporter was shot dead near the border.", "en")
    assert (c.dead, c.victims) == (1, "civilians")
    assert find_casualties("A lot of people were injured.", "en").injured is None
    assert find_casualties("Ein Sprengsatz tötete Passanten.", "de").dead is None


def test_coordinated_counts_are_added():
    c = find_casualties("Dabei wurden 9 Pilger und ein Soldat getötet.", "de")
    assert c.dead == 10
    c = find_casualties("Three nurses and a doctor were wounded.", "en")
    assert c.injured == 4


@pytest.mark.parametrize(
    ("text", "arrested", "dead"),
    [
        ("Die Polizei nahm am Montag 35 Menschen fest.", 35, None),
        ("Die Behörden setzten in der Hauptstadt 12 Aktivisten fest, sagte er.", 12, None),
        ("Soldaten führten gestern neun Demonstranten ab.", 9, None),
        ("Sicherheitskräfte nahmen am Sonntag 40 Demonstranten in Gewahrsam.", 40, None),
        ("Bewaffnete brachten in der Nacht drei Geiseln um.", None, 3),
        # a particle that is no verb's, or a count of things, is no casualty count
        ("Die Regierung setzte 5 Termine fest.", None, None),
        ("Sie nahmen an der Feier mit 300 Gästen teil.", None, None),
    ],
)
def test_german_separable_verbs(text, arrested, dead):
    c = find_casualties(text, "de")
    assert (c.arrested, c.dead) == (arrested, dead)
