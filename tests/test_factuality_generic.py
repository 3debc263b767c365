"""Generic gaps found with Spanish: passives, post-posed speakers, hypotheticals, CLI languages."""

from __future__ import annotations

import pytest

from eventcoder.cli.knowledge_cmd import evaluate_ner, kb
from eventcoder.coding import get_coder
from eventcoder.coding.factuality import assess_factuality
from eventcoder.language.registry import languages
from eventcoder.model import Article


def _events(text: str, lang: str):
    return get_coder().code(Article(text=text, lang=lang, published="2024-05-01"))


def _roles(text: str, lang: str) -> tuple[list[str], list[str]]:
    ev = next(e for e in _events(text, lang) if e.type == "COERCE")
    return [a.text for a in ev.source], [a.text for a in ev.target]


def test_spanish_passive_gives_the_agent_as_source() -> None:
    src, tgt = _roles("El alcalde fue detenido por la policía en Lima.", "es")
    assert src == ["policía"] and tgt == ["alcalde"]


def test_spanish_active_and_perfect_keep_the_subject_as_source() -> None:
    for text in ("La policía detuvo al alcalde en Lima.", "La policía ha detenido al alcalde en Lima."):
        src, tgt = _roles(text, "es")
        assert src == ["policía"] and tgt == ["alcalde"], text


def _fact(text: str, trigger: str, lang: str):
    i = text.index(trigger)
    return assess_factuality(text, i, i + len(trigger), lang)


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "speaker"),
    [
        ("es", "El ejército bombardeó dos aldeas, dijo el portavoz.", "bombardeó", "portavoz"),
        ("en", "The army shelled two villages, said the spokesman.", "shelled", "the spokesman"),
        ("de", "Die Armee beschoss zwei Dörfer, sagte der Sprecher.", "beschoss", "der Sprecher"),
    ],
)
def test_speaker_after_the_verb_is_the_source_of_the_report(lang, text, trigger, speaker) -> None:
    f = _fact(text, trigger, lang)
    assert f.label == "reported" and f.source_text == speaker
    assert _fact(text.split(",")[0] + ".", trigger, lang).label == "asserted"


def test_engine_attributes_a_postposed_speaker_not_the_actor() -> None:
    ev = next(e for e in _events("La policía detuvo a tres estudiantes en Lima, dijo el ministro.", "es")
              if e.type == "COERCE")
    assert ev.factuality == "reported" and ev.attributed_to.text == "ministro"
    plain = next(e for e in _events("La policía detuvo a tres estudiantes en Lima.", "es")
                 if e.type == "COERCE")
    assert plain.factuality == "asserted" and plain.attributed_to is None


@pytest.mark.parametrize(
    ("lang", "hypothetical", "factual", "trigger"),
    [
        ("es", "Los rebeldes podrían atacar el puerto.", "Los rebeldes atacaron el puerto.", "atac"),
        ("en", "The rebels could attack the port.", "The rebels attacked the port.", "attack"),
        ("de", "Die Rebellen könnten den Hafen angreifen.", "Die Rebellen griffen den Hafen an.", "griffen"),
    ],
)
def test_hypotheticals_are_not_asserted(lang, hypothetical, factual, trigger) -> None:
    h_trig = "angreifen" if lang == "de" else trigger
    assert _fact(hypothetical, h_trig, lang).label != "asserted"
    assert _fact(factual, trigger, lang).label == "asserted"


def test_kb_commands_offer_every_registered_language() -> None:
    for cmd in (kb.commands["lookup"], evaluate_ner):
        opt = next(p for p in cmd.params if p.name == "lang")
        assert set(opt.type.choices) == set(languages())
    assert "es" in languages()
